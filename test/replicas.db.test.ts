/**
 * Read replicas (`DATABASE_REPLICA_URLS`, `DbHandle.readDb`) on real PostgreSQL.
 * - Any PostgreSQL server (the pg stage): a replica that cannot be reached leaves the reads to the
 *   primary, says so once in the log, and /healthz lists it as down.
 * - A primary with a streaming replica (`npm test`'s replica run, `startPostgresWithReplica`): the
 *   portal's anonymous reads and searches are served by the replica, a signed-in user's by the primary.
 * On PGlite, and without a replica, the tests that need one are skipped with the reason.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/main.ts';
import { insertDoc } from '../src/modules/documents/portal/test-fixtures.ts';
import { refreshDocumentSearch } from '../src/modules/documents/search/service.ts';
import { connectPostgres, readFromPrimary } from '../src/platform/db/client.ts';
import type { Database } from '../src/platform/db/database.ts';
import { type Client, createTestApp, type TestApp } from './helpers/app.ts';
import { TEST_CLOCK_ENV } from './helpers/clock.ts';
import { createTestDb, TEMPLATE_DB, TEST_PG_REPLICA_URL, TEST_PG_URL } from './helpers/db.ts';

const TIMEOUT = { timeout: 120_000 };

const onPostgres = TEST_PG_URL
  ? {}
  : { skip: '只在 PostgreSQL 上运行 / PostgreSQL only (PGlite has no replicas)' };
const withReplica = TEST_PG_REPLICA_URL
  ? {}
  : { skip: '需要流复制只读副本 / needs a streaming replica (npm test --only pg starts one)' };

/** A loopback address where nothing listens (port 9 is discard; no PostgreSQL there). */
const DEAD_REPLICA = 'postgres://postgres:none@127.0.0.1:9/postgres';

const inRecovery = async (db: Kysely<Database>) =>
  (await sql<{ r: boolean }>`select pg_is_in_recovery() as r`.execute(db)).rows[0]?.r;

describe('a read replica that is down', onPostgres, () => {
  test(
    'reads fall back to the primary, said once in the log; /healthz lists the replica as down',
    TIMEOUT,
    async (t) => {
      const logged = t.mock.method(console, 'error', () => {});
      const handle = connectPostgres(TEST_PG_URL as string, 2, [DEAD_REPLICA]);
      // The app's own database (migrated); the reads of the server's `postgres` database suffice above.
      const migrated = await createTestDb();
      try {
        assert.notEqual(handle.readDb, handle.db);
        for (let i = 0; i < 3; i++) assert.equal(await inRecovery(handle.readDb), false);
        const downLines = logged.mock.calls.filter((c) => String(c.arguments[0]).includes('只读副本'));
        assert.equal(downLines.length, 1, 'the fall-back is logged once, not on every read');
        assert.match(String(downLines[0]?.arguments[0]), /改由主库读取/);
        assert.doesNotMatch(String(downLines[0]?.arguments[0]), /none@/, 'no password in the log');
        // The primary serving as a reader is read-only too: a write through readDb fails either way.
        await assert.rejects(
          sql`create temporary table replica_probe (x int)`.execute(handle.readDb),
          /read-only/,
        );

        assert.deepEqual(await handle.replicaHealth(), ['down']);
        const app = await buildApp({
          config: { ...loadConfig({ ...TEST_CLOCK_ENV }), seedDemo: false },
          db: migrated.db,
          readDb: handle.readDb,
          replicaHealth: handle.replicaHealth,
          siteName: '测试站点',
          logger: false,
        });
        try {
          const res = await app.inject({ method: 'GET', url: '/healthz' });
          assert.equal(res.statusCode, 200, 'a replica down does not make the server unhealthy');
          assert.deepEqual(res.json(), { ok: true, database: 'up', replicas: ['down'] });
        } finally {
          await app.close();
        }
      } finally {
        await handle.close();
        await migrated.close();
      }
    },
  );

  test('without replicas readDb is the primary handle itself', TIMEOUT, async () => {
    const handle = connectPostgres(TEST_PG_URL as string, 1);
    try {
      assert.equal(handle.readDb, handle.db);
      assert.deepEqual(await handle.replicaHealth(), []);
    } finally {
      await handle.close();
    }
  });
});

describe('a streaming replica', withReplica, () => {
  let t: TestApp;
  let anon: Client;
  let staff: Client;
  let doc: number;
  /** The replica server's own `postgres` database, to pause and resume its replay. */
  let replicaAdmin: pg.Client;

  before(async () => {
    t = await createTestApp();
    anon = await t.anonymous();
    staff = await t.as('t_handler');
    doc = await insertDoc(t.db, { title: '济宁市城市供水管理办法', genre: 'rule', keywords: ['供水'] });
    await refreshDocumentSearch(t.db, doc);
    replicaAdmin = new pg.Client({ connectionString: TEST_PG_REPLICA_URL as string });
    await replicaAdmin.connect();
  });
  after(async () => {
    await replicaAdmin?.query('select pg_wal_replay_resume()').catch(() => {});
    await replicaAdmin?.end();
    await t?.close();
  });

  test('readDb reads from the replica, db and a signed-in request from the primary', TIMEOUT, async () => {
    assert.equal(await inRecovery(t.handle.readDb), true);
    assert.equal(await inRecovery(t.db), false);
    assert.equal(await readFromPrimary(() => inRecovery(t.handle.readDb)), false);
    const health = await anon.get('/healthz');
    assert.deepEqual(health.json(), { ok: true, database: 'up', replicas: ['up'] });
  });

  test('with one replica down, the next one up serves (not the primary)', TIMEOUT, async (t) => {
    t.mock.method(console, 'error', () => {});
    const handle = connectPostgres(TEST_PG_URL as string, 2, [DEAD_REPLICA, TEST_PG_REPLICA_URL as string]);
    try {
      for (let i = 0; i < 4; i++) assert.equal(await inRecovery(handle.readDb), true, `read ${i + 1}`);
      assert.deepEqual(await handle.replicaHealth(), ['down', 'up']);
    } finally {
      await handle.close();
    }
  });

  test('the portal page and search of an anonymous visitor come from the replica', TIMEOUT, async () => {
    // The document page is first asked for while the replica is paused (the page keeps a loaded document
    // for a moment, whoever asks); the search's hits are read afresh on every request.
    const page = `/gk/documents/${doc}`;
    const search = `/gk/documents/search?q=${encodeURIComponent('供水')}`;
    assert.match((await anon.get(search)).body, /济宁市城市供水管理办法/);

    // The replica stops replaying; the primary renames the document, committing without waiting for the
    // replica (the harness's remote_apply would wait for ever). Only a read from the replica can still
    // show the old title.
    await replicaAdmin.query('select pg_wal_replay_pause()');
    try {
      await t.db.transaction().execute(async (trx) => {
        await sql`set local synchronous_commit = local`.execute(trx);
        await trx
          .updateTable('documents')
          .set({ title: '济宁市城乡供水管理办法' })
          .where('id', '=', doc)
          .execute();
      });
      const anonPage = (await anon.get(page)).body;
      assert.match(anonPage, /济宁市城市供水管理办法/, 'the anonymous page comes from the replica');
      assert.doesNotMatch(anonPage, /济宁市城乡供水管理办法/);
      const filtered = `${search}&validity=valid`;
      const anonSearch = (await anon.get(filtered)).body;
      assert.match(anonSearch, /济宁市城市供水管理办法/, 'the anonymous search comes from the replica');
      assert.doesNotMatch(anonSearch, /济宁市城乡供水管理办法/);
      // A signed-in user's search reads from the primary: what was just saved shows.
      assert.match((await staff.get(filtered)).body, /济宁市城乡供水管理办法/);
    } finally {
      await replicaAdmin.query('select pg_wal_replay_resume()');
    }

    // Once the replica has replayed the primary's WAL, readDb sees the new title.
    const lsn = (await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(t.db)).rows[0]
      ?.lsn;
    await waitForReplay(replicaAdmin, lsn as string);
    const renamed = await t.handle.readDb
      .selectFrom('documents')
      .select('title')
      .where('id', '=', doc)
      .executeTakeFirstOrThrow();
    assert.equal(renamed.title, '济宁市城乡供水管理办法');
  });
});

/** Waits until the replica has replayed the primary's WAL up to `lsn`. */
async function waitForReplay(replica: pg.Client, lsn: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const { rows } = await replica.query<{ done: boolean }>(
      'select pg_last_wal_replay_lsn() >= $1::pg_lsn as done',
      [lsn],
    );
    if (rows[0]?.done) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the replica did not replay up to ${lsn} within 30 s`);
}

describe('the server configured with DATABASE_REPLICA_URLS', withReplica, () => {
  test('startServer reads the portal from the replica and lists it in /healthz', TIMEOUT, async () => {
    const name = `gk_replica_serve_${process.pid}`;
    const admin = new pg.Client({ connectionString: TEST_PG_URL as string });
    await admin.connect();
    await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gk-replica-serve-'));
    const lines: string[] = [];
    const dbUrl = (server: string) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();
    try {
      const config = loadConfig({
        ...TEST_CLOCK_ENV,
        DATABASE_URL: dbUrl(TEST_PG_URL as string),
        DATABASE_REPLICA_URLS: dbUrl(TEST_PG_REPLICA_URL as string),
        GONGKAI_DATA: dataDir,
        GONGKAI_SEED_DEMO: '0',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'silent',
      });
      const server = await startServer(config, (line) => lines.push(line));
      try {
        assert.ok(
          lines.some((l) => l.includes('只读副本 1 个')),
          lines.join('\n'),
        );
        const inject = (url: string) => server.app.inject({ method: 'GET', url });
        assert.deepEqual((await inject('/healthz')).json(), { ok: true, database: 'up', replicas: ['up'] });
        assert.equal((await inject(`/gk/documents/search?q=${encodeURIComponent('供水')}`)).statusCode, 200);
        // The search's connections stay open in the reading pool: the replica has sessions on this database.
        const replica = new pg.Client({ connectionString: TEST_PG_REPLICA_URL as string });
        await replica.connect();
        try {
          const { rows } = await replica.query<{ n: number }>(
            "select count(*)::int as n from pg_stat_activity where datname = $1 and backend_type = 'client backend'",
            [name],
          );
          assert.ok((rows[0]?.n ?? 0) >= 1, 'the server has connections to the replica');
        } finally {
          await replica.end();
        }
      } finally {
        await server.close();
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
