import { Worker } from 'node:worker_threads';
import pg from 'pg';

export type ThreadRequest =
  | { id: number; op: 'exec'; bytes: Uint8Array }
  | { id: number; op: 'raw'; bytes: Uint8Array }
  | { id: number; op: 'close' };
export type ThreadReply =
  | { id: number; ok: true; messages: Record<string, unknown>[] }
  | { id: number; ok: true; bytes: Uint8Array }
  | { id: number; ok: false; error: string };

type Message = { name: string } & Record<string, unknown>;
type Pending = { resolve(r: Message[] | Uint8Array): void; reject(e: Error): void };

/** A database error as the pg driver expects it (an Error with the server's fields: code, detail…). */
function revive(m: Record<string, unknown>): Message {
  if (m.name !== 'error' && m.name !== 'notice') return m as Message;
  const err = new pg.DatabaseError(String(m.message ?? ''), Number(m.length ?? 0), m.name);
  return Object.assign(err, m) as unknown as Message;
}

/** The transaction status of the last ReadyForQuery in raw backend bytes ('I' idle), or null. */
export function lastReadyStatus(bytes: Uint8Array): string | null {
  let status: string | null = null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let o = 0; o + 5 <= bytes.length; ) {
    const length = view.getInt32(o + 1);
    if (bytes[o] === 0x5a && o + 5 < bytes.length) status = String.fromCharCode(bytes[o + 5] as number);
    o += 1 + length;
  }
  return status;
}

/** Frontend messages PostgreSQL answers only at the next Sync or Flush: Parse, Bind, Describe, Execute, Close. */
const HELD_UNTIL_SYNC = new Set(['P', 'B', 'D', 'E', 'C'].map((c) => c.charCodeAt(0)));

/** The session of the server's own pg connection (every other session is a local client's socket). */
const POOL_SESSION = Symbol('pool');

/**
 * PGlite in a worker thread (`pglite-worker.ts`), seen from the main thread as the two members of a
 * PGlite instance that `createPgConfig` (@electric-sql/pglite/node-postgres) uses: `waitReady` and
 * `execProtocolStream`. The protocol bytes go to the worker; the parsed messages come back.
 *
 * PGlite has one backend, so one session at a time: the server's pg connection, or a local client
 * (`local-socket.ts`, the CLI while the server runs) sending raw protocol with `execRaw`. A session owns
 * PGlite from its first message until a ReadyForQuery says it is idle (status 'I': no transaction open);
 * the others wait for it.
 */
export class PgliteThread {
  readonly waitReady: Promise<void>;
  closed = false;
  #worker: Worker;
  #next = 1;
  #pending = new Map<number, Pending>();
  #failure: Error | null = null;
  #owner: symbol | null = null;
  #waiters: (() => void)[] = [];
  /** The pool session's messages held until its Sync (see `execProtocolStream`). */
  #held: Uint8Array[] = [];

  constructor(dataDir: string) {
    this.#worker = new Worker(new URL('./pglite-worker.ts', import.meta.url), { workerData: { dataDir } });
    this.waitReady = new Promise<void>((resolve, reject) => {
      this.#pending.set(0, { resolve: () => resolve(), reject });
    });
    this.#worker.on('message', (r: ThreadReply) => {
      const p = this.#pending.get(r.id);
      if (!p) return;
      this.#pending.delete(r.id);
      if (!r.ok) p.reject(new Error(r.error));
      else if ('bytes' in r) p.resolve(r.bytes);
      else p.resolve(r.messages.map(revive));
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

  /** Messages posted to the worker so far (each one a turn of the main thread's event loop to answer). */
  roundTrips = 0;

  #send(req: ThreadRequest): Promise<Message[] | Uint8Array> {
    if (this.#failure) return Promise.reject(this.#failure);
    this.roundTrips++;
    return new Promise((resolve, reject) => {
      this.#pending.set(req.id, { resolve, reject });
      this.#worker.postMessage(req);
    });
  }

  async #own(session: symbol): Promise<void> {
    while (this.#owner !== null && this.#owner !== session) {
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
    this.#owner = session;
  }

  /** After a reply: the session keeps PGlite unless it is idle again (or failed). */
  #settle(session: symbol, status: string | null | undefined): void {
    if (status !== 'I' || this.#owner !== session) return;
    this.#owner = null;
    for (const wake of this.#waiters.splice(0)) wake();
  }

  async execProtocolStream(bytes: Uint8Array, _opts?: { throwOnError?: boolean }): Promise<Message[]> {
    await this.#own(POOL_SESSION);
    // The pg driver writes an extended-protocol query as five messages (Parse, Bind, Describe, Execute,
    // Sync), each a call here. PostgreSQL answers them only at Sync (or Flush) anyway, so they are held
    // and sent to the worker as one: one round trip — one turn of the busy main thread's event loop —
    // per query instead of five.
    if (bytes.length > 0 && HELD_UNTIL_SYNC.has(bytes[0] as number)) {
      this.#held.push(bytes);
      return [];
    }
    const batch = this.#held.length === 0 ? bytes : Buffer.concat([...this.#held.splice(0), bytes]);
    let messages: Message[] = [];
    try {
      messages = (await this.#send({ id: this.#next++, op: 'exec', bytes: batch })) as Message[];
    } finally {
      const ready = messages.findLast((m) => m.name === 'readyForQuery');
      this.#settle(POOL_SESSION, this.#failure ? 'I' : (ready?.status as string | undefined));
    }
    return messages;
  }

  /** A new session for a local client. */
  session(): symbol {
    return Symbol('local');
  }

  /** Raw protocol of a local client's `session`: the backend's bytes, as PostgreSQL would send them. */
  async execRaw(session: symbol, bytes: Uint8Array): Promise<Uint8Array> {
    await this.#own(session);
    let reply: Uint8Array = new Uint8Array();
    try {
      reply = (await this.#send({ id: this.#next++, op: 'raw', bytes })) as Uint8Array;
    } finally {
      this.#settle(session, this.#failure ? 'I' : lastReadyStatus(reply));
    }
    return reply;
  }

  /** A local client went away: roll back what it left open and give PGlite back. */
  async endSession(session: symbol): Promise<void> {
    if (this.#owner !== session || this.#failure) return;
    const sql = Buffer.from('ROLLBACK\0');
    const query = Buffer.alloc(5 + sql.length);
    query.write('Q', 0);
    query.writeInt32BE(4 + sql.length, 1);
    sql.copy(query, 5);
    await this.execRaw(session, query).catch(() => {});
    this.#settle(session, 'I');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.#send({ id: this.#next++, op: 'close' });
    this.closed = true;
    await this.#worker.terminate();
  }
}
