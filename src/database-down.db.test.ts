import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { TEST_CLOCK_ENV } from '../test/helpers/clock.ts';
import { createTestDb } from '../test/helpers/db.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { MODULES } from './modules.ts';
import { prepareData } from './platform/bootstrap.ts';
import type { DbHandle } from './platform/db/client.ts';

/**
 * The server while its PostgreSQL is down (restarting, failing over): it answers, says so on
 * `/healthz` and in Chinese on pages and in the API, never exits, and works again once the database is
 * back. The outage is simulated under Kysely: every query fails as a refused connection does.
 */
let app: FastifyInstance;
let handle: DbHandle;
let dataDir: string;
let down = false;
const outage: KyselyPlugin = {
  transformQuery(args) {
    if (down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    return args.node;
  },
  transformResult: async (args) => args.result,
};

before(async () => {
  handle = await createTestDb();
  await prepareData(handle.db, MODULES, false);
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'gk-db-down-'));
  const config = loadConfig({ GONGKAI_DATA: dataDir, ...TEST_CLOCK_ENV });
  app = await buildApp({ config, db: handle.db.withPlugin(outage), logger: false });
  await app.ready();
  down = true;
});
after(async () => {
  await app.close();
  await handle.close();
  await rm(dataDir, { recursive: true, force: true });
});

test('/healthz reports the database as down with 503', { timeout: 60_000 }, async () => {
  const res = await app.inject({ method: 'GET', url: '/healthz' });
  assert.equal(res.statusCode, 503);
  assert.deepEqual(res.json(), { ok: false, database: 'down' });
});

test('a portal page says in Chinese that the database is unavailable (503, not 500)', {
  timeout: 60_000,
}, async () => {
  const res = await app.inject({ method: 'GET', url: '/' });
  assert.equal(res.statusCode, 503);
  assert.match(res.headers['content-type'] ?? '', /text\/html/);
  assert.match(res.body, /数据库暂时无法连接/);
  assert.match(res.body, /暂时无法访问/);
});

test('an API call answers DATABASE_UNAVAILABLE with a Chinese message', { timeout: 60_000 }, async () => {
  // A signed-in user's request: the session is looked up in the database.
  const res = await app.inject({
    method: 'GET',
    url: '/api/auth/me',
    cookies: { gk_session: 'x'.repeat(43) },
  });
  assert.equal(res.statusCode, 503, res.body);
  const body = res.json() as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'DATABASE_UNAVAILABLE');
  assert.match(body.error.message, /数据库暂时无法连接/);
});

test('once the database is back everything answers again', { timeout: 60_000 }, async () => {
  down = false;
  try {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { ok: true, database: 'up' });
    assert.equal((await app.inject({ method: 'GET', url: '/' })).statusCode, 200);
  } finally {
    down = true;
  }
});
