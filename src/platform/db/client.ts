import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';
import { LOCAL_PORT } from './local-socket.ts';
import { PgliteThread } from './pglite-thread.ts';

const DATE_OID = 1082;
const INT8_OID = 20;

/** Dates stay ISO strings (`2024-03-05`); bigint counts become numbers. Same on PGlite and PostgreSQL. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID) return (value: string) => value;
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

export type DbHandle = {
  db: Kysely<Database>;
  /**
   * Where the portal's anonymous page reads and searches go: the read replicas (`DATABASE_REPLICA_URLS`),
   * round-robin, falling back to the primary while a replica is down. `db` itself when none is configured.
   * Never for writes, nor for reads that must see what the same user just saved.
   */
  readDb: Kysely<Database>;
  /** Each configured replica's state, in configuration order (empty without replicas), for /healthz. */
  replicaHealth(): Promise<ReplicaState[]>;
  kind: 'pglite' | 'postgres';
  /** The PGlite instance when embedded in this thread (used for cloning in tests). */
  pglite: PGlite | null;
  /** PGlite in a worker thread (the server's embedded store), which local commands can share. */
  thread: PgliteThread | null;
  close(): Promise<void>;
};

/** What the pg connection of `createPgConfig` uses of a PGlite instance (in-process, or in a thread). */
type PgliteLike = Pick<PGlite, 'waitReady' | 'closed' | 'close'> & {
  execProtocolStream(bytes: Uint8Array, opts: { throwOnError?: boolean }): Promise<unknown[]>;
};

/** The pool behind each database handle's Kysely instance, for `databaseQueue`. */
const pools = new WeakMap<Kysely<Database>, pg.Pool>();

/**
 * How many queries are waiting for a connection of `db`'s pool right now (0 for an instance this module
 * did not make). PGlite serves one at a time, so this is the queue of the embedded store.
 */
export function databaseQueue(db: Kysely<Database>): number {
  return pools.get(db)?.waitingCount ?? 0;
}

function handleFor(pool: pg.Pool, kind: DbHandle['kind'], store: PgliteLike | null): DbHandle {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  pools.set(db, pool);
  return {
    db,
    readDb: db,
    replicaHealth: async () => [],
    kind,
    pglite: store instanceof PGlite ? store : null,
    thread: store instanceof PgliteThread ? store : null,
    async close() {
      await db.destroy();
      if (store && !store.closed) await store.close();
    },
  };
}

/** Wrap an existing PGlite instance (e.g. a test clone), or PGlite in a thread, in the one Kysely code path. */
export function wrapPglite(pglite: PgliteLike): DbHandle {
  const pool = new pg.Pool({ ...createPgConfig(pglite as PGlite), types } as pg.PoolConfig);
  return handleFor(pool, 'pglite', pglite);
}

/** How long a new connection may take before the database counts as down (a query then fails). */
const CONNECT_TIMEOUT_MS = 5_000;

function postgresPool(url: string, max: number, options?: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    ...(options ? { options } : {}),
  });
  // A connection dropped by the server (restart, failover) must not crash the process: an idle one is
  // reported by the pool, one in use (checked out, between queries) by the client itself, which the pool
  // does not listen to then. The pool discards the broken client and connects anew on the next query.
  pool.on('error', (err) => console.error(`数据库连接中断 / idle database connection lost: ${err.message}`));
  pool.on('connect', (client) => {
    client.on('error', (err) => console.error(`数据库连接中断 / database connection lost: ${err.message}`));
  });
  return pool;
}

export function connectPostgres(url: string, max = 10, replicaUrls: readonly string[] = []): DbHandle {
  const handle = handleFor(postgresPool(url, max), 'postgres', null);
  if (replicaUrls.length === 0) return handle;
  const router = replicaRouter(
    // The primary as a reader: read-only like a replica, so a write through `readDb` fails whoever serves it.
    postgresPool(url, max, READ_ONLY),
    replicaUrls.map((u, i) => ({
      pool: postgresPool(u, max, READ_ONLY),
      name: `#${i + 1} ${hostOf(u)}`,
      downUntil: null,
    })),
  );
  const readDb = new Kysely<Database>({ dialect: new PostgresDialect({ pool: router }) });
  return {
    ...handle,
    readDb,
    replicaHealth: router.health,
    async close() {
      await readDb.destroy();
      await handle.close();
    },
  };
}

export type ReplicaState = 'up' | 'down';

/** Server parameters of every reading connection. */
const READ_ONLY = '-c default_transaction_read_only=on';
/** Set while `readDb` must read from the primary (`readFromPrimary`). */
const primaryReads = new AsyncLocalStorage<true>();

/**
 * Run `fn` with every `readDb` connection it takes from the primary: a signed-in user's requests, who
 * may be looking at what they have just saved before a replica has replayed it.
 */
export function readFromPrimary<T>(fn: () => T): T {
  return primaryReads.run(true, fn);
}

/** How long a replica that could not be reached is left out before a connection to it is tried again. */
const REPLICA_RETRY_MS = 5_000;

/** `host:port` of a connection string, for the log (never its password). */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '?';
  }
}

type Replica = { pool: pg.Pool; name: string; downUntil: number | null };

/**
 * The pool behind `readDb` with replicas (what Kysely's PostgresDialect asks of a pool): each connection
 * from the next replica in turn; a replica that cannot be reached is left out for a few seconds (the log
 * says so once, and again when it is back) and, while none can serve, the primary does.
 */
function replicaRouter(primary: pg.Pool, replicas: Replica[]) {
  let next = 0;
  const markDown = (r: Replica, err: unknown) => {
    if (r.downUntil === null)
      console.error(
        `只读副本 ${r.name} 无法连接，改由主库读取 / read replica down, reading from the primary: ${
          err instanceof Error ? err.message : String(err)
        }`,
      );
    r.downUntil = performance.now() + REPLICA_RETRY_MS;
  };
  const markUp = (r: Replica) => {
    if (r.downUntil !== null) console.error(`只读副本 ${r.name} 已恢复 / read replica back`);
    r.downUntil = null;
  };
  return {
    options: {},
    async connect(): Promise<pg.PoolClient> {
      if (primaryReads.getStore()) return primary.connect();
      for (let i = 0; i < replicas.length; i++) {
        const r = replicas[(next + i) % replicas.length] as Replica;
        if (r.downUntil !== null && performance.now() < r.downUntil) continue;
        try {
          const client = await r.pool.connect();
          next = (next + i + 1) % replicas.length;
          markUp(r);
          return client;
        } catch (err) {
          // Down, or refusing us (a password, a database missing): the primary serves, the log says why.
          markDown(r, err);
        }
      }
      return primary.connect();
    },
    async end(): Promise<void> {
      await Promise.all([primary.end(), ...replicas.map((r) => r.pool.end())]);
    },
    /**
     * Asks every replica now (a query each), so /healthz tells what is, not what was last seen; one found
     * down within the last few seconds is not asked again (an unreachable host would hold /healthz for
     * the connection timeout).
     */
    async health(): Promise<ReplicaState[]> {
      return Promise.all(
        replicas.map(async (r): Promise<ReplicaState> => {
          if (r.downUntil !== null && performance.now() < r.downUntil) return 'down';
          try {
            await r.pool.query('select 1');
            markUp(r);
            return 'up';
          } catch (err) {
            markDown(r, err);
            return 'down';
          }
        }),
      );
    },
  };
}

/**
 * The embedded store of a data folder that a running server holds, through its local socket
 * (`local-socket.ts`): one connection, as the server's PGlite serves one session at a time.
 */
export function connectLocalServer(dataDir: string): DbHandle {
  const pool = new pg.Pool({
    host: path.resolve(dataDir),
    port: LOCAL_PORT,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    types,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  pool.on('error', (err) =>
    console.error(`与运行中的服务器的连接中断 / local connection lost: ${err.message}`),
  );
  return handleFor(pool, 'pglite', null);
}

/** Error codes of a database that cannot be reached or is shutting down (not a wrong query). */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, recovering)
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection ended|the database system is (starting up|shutting down|in recovery mode)/i;

/** Whether `err` says the database is down or unreachable (a restart, a failover), as opposed to a bug. */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const { code, message, errors } = err as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  // Connecting to `localhost` tries every address: Node reports an AggregateError of refusals.
  return Array.isArray(errors) && errors.length > 0 && errors.every(isDatabaseUnavailable);
}

/**
 * The embedded store of the data folder. `thread`: PGlite runs in a worker thread (the server: its WASM
 * then never blocks the requests being answered on the main thread); otherwise in this thread (a CLI
 * command, whose one job is the database).
 */
export async function openPglite(dataDir: string, opts: { thread?: boolean } = {}): Promise<DbHandle> {
  const folder = path.join(dataDir, 'pglite');
  if (!opts.thread) return wrapPglite(await PGlite.create(folder));
  const thread = new PgliteThread(folder);
  try {
    await thread.waitReady;
  } catch (err) {
    await thread.close().catch(() => {});
    throw err;
  }
  return wrapPglite(thread);
}

export async function openDatabase(opts: {
  databaseUrl: string | null;
  dataDir: string;
  databaseReplicaUrls?: readonly string[];
  thread?: boolean;
}): Promise<DbHandle> {
  if (opts.databaseUrl) return connectPostgres(opts.databaseUrl, undefined, opts.databaseReplicaUrls);
  return openPglite(opts.dataDir, { thread: opts.thread });
}
