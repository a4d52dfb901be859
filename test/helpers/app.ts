import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { MODULES } from '../../src/modules.ts';
import { prepareData } from '../../src/platform/bootstrap.ts';
import type { DbHandle } from '../../src/platform/db/client.ts';
import type { Role } from '../../src/platform/roles.ts';
import { TEST_CLOCK_ENV } from './clock.ts';
import { createTestDb } from './db.ts';
import { createTestUser, TEST_PASSWORD } from './factories.ts';

export { TEST_PASSWORD };

export type TestApp = {
  app: FastifyInstance;
  handle: DbHandle;
  db: DbHandle['db'];
  dataDir: string;
  /** A signed-in client for `username` (password `password-123`). */
  as(username: string): Promise<Client>;
  anonymous(): Promise<Client>;
  close(): Promise<void>;
};

export type Client = {
  get(url: string): Promise<LightMyRequestResponse>;
  send(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  cookies: Record<string, string>;
};

function absorbCookies(jar: Record<string, string>, res: LightMyRequestResponse) {
  for (const c of res.cookies) {
    if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0)) delete jar[c.name];
    else jar[c.name] = c.value;
  }
}

async function makeClient(app: FastifyInstance): Promise<Client> {
  const jar: Record<string, string> = {};
  const client: Client = {
    cookies: jar,
    async get(url) {
      const res = await app.inject({ method: 'GET', url, cookies: { ...jar } });
      absorbCookies(jar, res);
      return res;
    },
    async send(method, url, body, headers = {}) {
      const res = await app.inject({
        method,
        url,
        cookies: { ...jar },
        headers: { 'x-csrf-token': jar.gk_csrf ?? '', ...headers },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      });
      absorbCookies(jar, res);
      return res;
    },
  };
  await client.get('/healthz');
  return client;
}

export type TestAppOptions = {
  /**
   * No demo organisations and no test users: the migrated database with only its reference data, as a
   * government's first start finds it (setup needed). `as(…)` then has nobody to sign in.
   */
  empty?: boolean;
  /** More environment for the configuration (e.g. `GONGKAI_TRUST_PROXY`). */
  env?: Record<string, string>;
  /** The upload limit in MB (1 by default; the hostile-file tests send files of several MB). */
  uploadLimitMb?: number;
  /**
   * The public page cache on (off by default: the factories insert rows without the services, so a
   * page read after them could come from the cache; the cache's own tests turn it on).
   */
  pageCache?: boolean;
  /**
   * The demo data of every module (as `GONGKAI_SEED_DEMO` seeds it on a first start) beside the `t_*`
   * users: records of every kind, owned across the demo city's tree. Slower (~15 s on PGlite).
   */
  demo?: boolean;
};

/**
 * The whole app on a fresh test database, with the demo organisations and one user per role in
 * 市教育局 (handler, reviewer, approver), 市财政局 (handler2, approver2), the office and an admin —
 * or, with `empty`, nothing but the reference data.
 * It runs at `TEST_TODAY`: the platform clock of the test process (set by `./clock.ts`).
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const handle = await createTestDb();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'gk-test-'));
  const config = {
    ...loadConfig({
      GONGKAI_DATA: dataDir,
      GONGKAI_UPLOAD_LIMIT_MB: String(options.uploadLimitMb ?? 1),
      ...TEST_CLOCK_ENV,
      ...options.env,
    }),
    seedDemo: false,
  };
  // GONGKAI_TEST_PAGE_CACHE=1 runs every test app with the cache on (to look for stale pages).
  if (!(options.pageCache ?? process.env.GONGKAI_TEST_PAGE_CACHE === '1')) config.pageCache = null;
  await prepareData(handle.db, MODULES, options.demo === true);
  if (!options.empty) await seedTestUsers(handle.db);
  const app = await buildApp({
    config,
    db: handle.db,
    readDb: handle.readDb,
    replicaHealth: handle.replicaHealth,
    logger: false,
  });
  await app.ready();
  return {
    app,
    handle,
    db: handle.db,
    dataDir,
    async as(username) {
      const c = await makeClient(app);
      const res = await c.send('POST', '/api/auth/login', { username, password: TEST_PASSWORD });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
      return c;
    },
    anonymous: () => makeClient(app),
    async close() {
      await app.close();
      await handle.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The demo organisations and the `t_*` users of `createTestApp`. */
async function seedTestUsers(db: DbHandle['db']): Promise<void> {
  const { seedDemoOrgs } = await import('../../src/modules/orgs/seeds.ts');
  await seedDemoOrgs(db);
  const users: [string, Role, string][] = [
    ['t_admin', 'admin', '济宁市人民政府'],
    ['t_office', 'office', '市政府办公室'],
    ['t_handler', 'handler', '市教育局'],
    ['t_reviewer', 'reviewer', '市教育局'],
    ['t_approver', 'approver', '市教育局'],
    ['t_handler2', 'handler', '市财政局'],
    ['t_approver2', 'approver', '市财政局'],
    ['t_county', 'approver', '邹城市人民政府'],
  ];
  for (const [username, role, org] of users) await createTestUser(db, { username, role, org });
}
