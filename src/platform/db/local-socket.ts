/**
 * The embedded store shared with local commands while the server runs: the server holds the data folder
 * (`lock.ts`), so a CLI command (backup, user add, a plan import…) reaches the same PGlite through a unix
 * socket in the data folder, speaking the PostgreSQL wire protocol as a real server would. A command is
 * one session of `PgliteThread`: it owns PGlite from its first message until it is idle again, so its
 * transactions never interleave with the server's.
 *
 * The socket is the folder's `.s.PGSQL.5432`, where a PostgreSQL client looks when its host is the folder
 * (`connectLocalServer`). Only the folder's owner may use it (mode 0600), as only they may read the files.
 */
import { chmod, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { PgliteThread } from './pglite-thread.ts';

export const LOCAL_PORT = 5432;

export const localSocketPath = (dataDir: string) =>
  path.join(path.resolve(dataDir), `.s.PGSQL.${LOCAL_PORT}`);

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;

function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}

const cstring = (s: string) => Buffer.from(`${s}\0`);

/** What a PostgreSQL server answers a startup: trusted (local), its parameters, idle. */
function startupReply(): Buffer {
  const auth = Buffer.alloc(4); // AuthenticationOk
  const params = [
    ['server_version', '17.5'],
    ['server_encoding', 'UTF8'],
    ['client_encoding', 'UTF8'],
    ['DateStyle', 'ISO, MDY'],
    ['integer_datetimes', 'on'],
    ['standard_conforming_strings', 'on'],
    ['TimeZone', 'UTC'],
  ].map(([k, v]) => message('S', Buffer.concat([cstring(k as string), cstring(v as string)])));
  const key = Buffer.alloc(8); // BackendKeyData: cancelling is not supported
  return Buffer.concat([message('R', auth), ...params, message('K', key), message('Z', Buffer.from('I'))]);
}

/** Serves one local client: the startup here, then every complete batch of messages to PGlite. */
function serveClient(thread: PgliteThread, socket: net.Socket): void {
  const session = thread.session();
  let pending = Buffer.alloc(0);
  let started = false;
  let queue = Promise.resolve();
  const end = () => {
    socket.destroy();
    queue = queue.then(() => thread.endSession(session));
  };
  socket.on('error', () => end());
  socket.on('close', () => end());
  socket.on('data', (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    if (!started) {
      if (pending.length < 8) return;
      const length = pending.readInt32BE(0);
      if (pending.length < length) return;
      const code = pending.readInt32BE(4);
      pending = pending.subarray(length);
      if (code === SSL_REQUEST || code === GSS_REQUEST) {
        socket.write('N'); // no encryption on a local socket; the startup follows
        return;
      }
      started = true;
      socket.write(startupReply());
    }
    // Complete messages only; a Terminate ends the session without reaching PGlite.
    let o = 0;
    let terminate = false;
    while (o + 5 <= pending.length) {
      const length = pending.readInt32BE(o + 1);
      if (o + 1 + length > pending.length) break;
      if (pending[o] === 0x58) {
        terminate = true;
        break;
      }
      o += 1 + length;
    }
    const batch = pending.subarray(0, o);
    pending = pending.subarray(o);
    if (batch.length > 0) {
      const bytes = new Uint8Array(batch);
      queue = queue.then(async () => {
        if (socket.destroyed) return;
        try {
          socket.write(await thread.execRaw(session, bytes));
        } catch {
          socket.destroy();
        }
      });
    }
    if (terminate) queue = queue.then(() => end());
  });
}

/**
 * Listens on the data folder's socket; resolves to the function that stops listening and removes it.
 * A socket left by a crashed server is removed first (the caller holds the folder's lock).
 */
export async function listenLocal(thread: PgliteThread, dataDir: string): Promise<() => Promise<void>> {
  const file = localSocketPath(dataDir);
  await rm(file, { force: true });
  const clients = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    clients.add(socket);
    socket.on('close', () => clients.delete(socket));
    serveClient(thread, socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(file, () => resolve());
  });
  await chmod(file, 0o600);
  return async () => {
    for (const c of clients) c.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(file, { force: true });
  };
}
