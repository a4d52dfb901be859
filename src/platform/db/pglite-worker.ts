/**
 * The embedded database in its own thread (`worker_threads`): PGlite runs PostgreSQL compiled to WASM
 * synchronously, so on the main thread every query stopped every other request. The server talks to it
 * through `pglite-thread.ts`, which forwards the wire-protocol bytes the pg driver writes; this side runs
 * them and posts back the parsed backend messages.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import type { ThreadReply, ThreadRequest } from './pglite-thread.ts';

const port = parentPort;
if (!port) throw new Error('pglite-worker.ts runs as a worker thread');

const { dataDir } = workerData as { dataDir: string };

/** A backend message as plain data: errors and notices are class instances whose fields must survive. */
function plain(message: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...message };
  if (message instanceof Error) out.message = message.message;
  return out;
}

const reply = (r: ThreadReply) => port.postMessage(r);

try {
  const pglite = await PGlite.create(dataDir);
  reply({ id: 0, ok: true, messages: [] });
  port.on('message', async (req: ThreadRequest) => {
    try {
      if (req.op === 'close') {
        if (!pglite.closed) await pglite.close();
        reply({ id: req.id, ok: true, messages: [] });
        return;
      }
      if (req.op === 'raw') {
        // A copy of its own: the transferred buffer must not be one PGlite still uses.
        const bytes = (await pglite.execProtocolRaw(req.bytes)).slice();
        port.postMessage({ id: req.id, ok: true, bytes } satisfies ThreadReply, [
          bytes.buffer as ArrayBuffer,
        ]);
        return;
      }
      const messages = await pglite.execProtocolStream(req.bytes, { throwOnError: false });
      reply({ id: req.id, ok: true, messages: messages.map(plain) });
    } catch (err) {
      reply({ id: req.id, ok: false, error: (err as Error).message ?? String(err) });
    }
  });
} catch (err) {
  reply({ id: 0, ok: false, error: (err as Error).message ?? String(err) });
}
