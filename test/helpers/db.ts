import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { after } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { connectPostgres, type DbHandle, wrapPglite } from '../../src/platform/db/client.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
// Every test process with a database runs at TEST_TODAY, never at the wall clock's date.
import './clock.ts';

/**
 * A fresh, migrated database for one test. On PGlite (default) it is a clone of one migrated
 * in-memory template per test process (~0.5 s instead of ~2 s). With GONGKAI_TEST_PG_URL (set by
 * `npm test` after starting a real PostgreSQL server) it is a new database created from the
 * migrated template database `gongkai_template`.
 */
export const TEST_PG_URL = process.env.GONGKAI_TEST_PG_URL || null;
/**
 * A streaming replica of the GONGKAI_TEST_PG_URL server (set by `npm test`'s replica run, see
 * `startPostgresWithReplica`): each test database's `readDb` then reads from the replica.
 */
export const TEST_PG_REPLICA_URL = (TEST_PG_URL && process.env.GONGKAI_TEST_PG_REPLICA_URL) || null;
export const TEMPLATE_DB = 'gongkai_template';
/**
 * A migrated PGlite data folder dumped once by the test runner (`writePgliteTemplate`): loading it
 * (~0.5 s) spares every test process initdb and the migrations (~3 s).
 */
export const PGLITE_DUMP_ENV = 'GONGKAI_TEST_PGLITE_DUMP';

let template: Promise<PGlite> | null = null;

// A PGlite loaded from a dump keeps a timer alive until it is closed, which would keep the test
// process from exiting: close the template once the file's tests are done.
if (process.env[PGLITE_DUMP_ENV]) {
  after(async () => {
    if (template) await (await template).close();
  });
}

async function pgliteTemplate(): Promise<PGlite> {
  const dump = process.env[PGLITE_DUMP_ENV];
  if (dump) return PGlite.create({ loadDataDir: new Blob([await readFile(dump)]) });
  return migratedPglite();
}

async function migratedPglite(): Promise<PGlite> {
  const t = await PGlite.create();
  const h = wrapPglite(t);
  await migrate(h.db);
  await h.db.destroy();
  return t;
}

function urlFor(base: string, database: string): string {
  const u = new URL(base);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createTestDb(): Promise<DbHandle> {
  if (!TEST_PG_URL) {
    template ??= pgliteTemplate();
    const clone = (await (await template).clone()) as PGlite;
    return wrapPglite(clone);
  }
  return createPgTestDb(TEST_PG_URL, TEMPLATE_DB);
}

/** An empty database, nothing migrated, for one test: a new PGlite, or a new database on the server. */
export async function createEmptyTestDb(): Promise<DbHandle> {
  if (!TEST_PG_URL) return wrapPglite(await PGlite.create());
  return createPgTestDb(TEST_PG_URL, 'template1');
}

async function createPgTestDb(serverUrl: string, from: string): Promise<DbHandle> {
  const name = `gk_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${from}`);
  } finally {
    await admin.end();
  }
  const replicas = TEST_PG_REPLICA_URL ? [urlFor(TEST_PG_REPLICA_URL, name)] : [];
  const handle = connectPostgres(urlFor(serverUrl, name), 4, replicas);
  return {
    ...handle,
    async close() {
      await handle.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** Migrate a fresh PGlite once and dump its data folder to `file` (the test runner calls this once). */
export async function writePgliteTemplate(file: string): Promise<void> {
  const t = await migratedPglite();
  const dump = await t.dumpDataDir('none');
  await writeFile(file, new Uint8Array(await dump.arrayBuffer()));
  await t.close();
}

/** Build the migrated template database on the PostgreSQL server (the test runner calls this once). */
export async function preparePgTemplate(serverUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await admin.query(`create database ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const h = connectPostgres(urlFor(serverUrl, TEMPLATE_DB), 1);
  try {
    await migrate(h.db);
  } finally {
    await h.close();
  }
}
