import { Worker } from 'node:worker_threads';
import pg from 'pg';

export type ThreadRequest = { id: number; op: 'exec'; bytes: Uint8Array } | { id: number; op: 'close' };
export type ThreadReply =
  | { id: number; ok: true; messages: Record<string, unknown>[] }
  | { id: number; ok: false; error: string };

type Message = { name: string } & Record<string, unknown>;

/** A database error as the pg driver expects it (an Error with the server's fields: code, detail…). */
function revive(m: Record<string, unknown>): Message {
  if (m.name !== 'error' && m.name !== 'notice') return m as Message;
  const err = new pg.DatabaseError(String(m.message ?? ''), Number(m.length ?? 0), m.name);
  return Object.assign(err, m) as unknown as Message;
}

/**
 * PGlite in a worker thread (`pglite-worker.ts`), seen from the main thread as the two members of a
 * PGlite instance that `createPgConfig` (@electric-sql/pglite/node-postgres) uses: `waitReady` and
 * `execProtocolStream`. The protocol bytes go to the worker; the parsed messages come back. One request
 * at a time reaches PGlite, in order, as the single pg connection sends them.
 */
export class PgliteThread {
  readonly waitReady: Promise<void>;
  closed = false;
  #worker: Worker;
  #next = 1;
  #pending = new Map<number, { resolve(r: Message[]): void; reject(e: Error): void }>();
  #failure: Error | null = null;

  constructor(dataDir: string) {
    this.#worker = new Worker(new URL('./pglite-worker.ts', import.meta.url), { workerData: { dataDir } });
    this.waitReady = new Promise<void>((resolve, reject) => {
      this.#pending.set(0, { resolve: () => resolve(), reject });
    });
    this.#worker.on('message', (r: ThreadReply) => {
      const p = this.#pending.get(r.id);
      if (!p) return;
      this.#pending.delete(r.id);
      if (r.ok) p.resolve(r.messages.map(revive));
      else p.reject(new Error(r.error));
    });
    const fail = (err: Error) => {
      this.closed = true;
      // "not queryable" marks the database as down for `isDatabaseUnavailable` (a 503, not a 500).
      this.#failure = new Error(`嵌入式数据库线程已停止，not queryable: ${err.message}`);
      for (const p of this.#pending.values()) p.reject(this.#failure);
      this.#pending.clear();
    };
    this.#worker.on('error', fail);
    this.#worker.on('exit', (code) => fail(new Error(`worker exited with code ${code}`)));
  }

  #send(req: ThreadRequest, transfer: ArrayBuffer[] = []): Promise<Message[]> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#pending.set(req.id, { resolve, reject });
      this.#worker.postMessage(req, transfer);
    });
  }

  execProtocolStream(bytes: Uint8Array, _opts?: { throwOnError?: boolean }): Promise<Message[]> {
    return this.#send({ id: this.#next++, op: 'exec', bytes });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.#send({ id: this.#next++, op: 'close' });
    this.closed = true;
    await this.#worker.terminate();
  }
}
