import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';

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
  kind: 'pglite' | 'postgres';
  /** The PGlite instance when embedded (used for cloning in tests). */
  pglite: PGlite | null;
  close(): Promise<void>;
};

function handleFor(pool: pg.Pool, kind: DbHandle['kind'], pglite: PGlite | null): DbHandle {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind,
    pglite,
    async close() {
      await db.destroy();
      if (pglite && !pglite.closed) await pglite.close();
    },
  };
}

/** Wrap an existing PGlite instance (e.g. a test clone) in the one Kysely code path. */
export function wrapPglite(pglite: PGlite): DbHandle {
  const pool = new pg.Pool({ ...createPgConfig(pglite), types } as pg.PoolConfig);
  return handleFor(pool, 'pglite', pglite);
}

export function connectPostgres(url: string, max = 10): DbHandle {
  const pool = new pg.Pool({ connectionString: url, max, types });
  // An idle connection dropped by the server (restart, failover) must not crash the process; the pool
  // replaces it on the next query.
  pool.on('error', (err) => console.error(`数据库连接中断 / idle database connection lost: ${err.message}`));
  return handleFor(pool, 'postgres', null);
}

export async function openPglite(dataDir: string): Promise<DbHandle> {
  const pglite = await PGlite.create(path.join(dataDir, 'pglite'));
  return wrapPglite(pglite);
}

export async function openDatabase(opts: { databaseUrl: string | null; dataDir: string }): Promise<DbHandle> {
  if (opts.databaseUrl) return connectPostgres(opts.databaseUrl);
  return openPglite(opts.dataDir);
}
