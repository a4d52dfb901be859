import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { TEST_CLOCK_ENV } from '../../../test/helpers/clock.ts';
import { createTestDb } from '../../../test/helpers/db.ts';
import { createTestUser } from '../../../test/helpers/factories.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { MODULES } from '../../modules.ts';
import { prepareData } from '../../platform/bootstrap.ts';
import type { DbHandle } from '../../platform/db/client.ts';
import { runSetup } from './service.ts';

/** A cookie jar over `inject`, sending the CSRF token back as the console does. */
function client(app: FastifyInstance) {
  const jar: Record<string, string> = {};
  const keep = (res: LightMyRequestResponse) => {
    for (const c of res.cookies) {
      if (c.value === '' || (c.maxAge !== undefined && c.maxAge <= 0)) delete jar[c.name];
      else jar[c.name] = c.value;
    }
    return res;
  };
  return {
    jar,
    get: async (url: string) => keep(await app.inject({ method: 'GET', url, cookies: { ...jar } })),
    send: async (method: 'POST' | 'PUT', url: string, payload: Record<string, unknown>, csrf = true) =>
      keep(
        await app.inject({
          method,
          url,
          cookies: { ...jar },
          headers: csrf ? { 'x-csrf-token': jar.gk_csrf ?? '' } : {},
          payload,
        }),
      ),
  };
}

const LIANGSHAN = {
  government: '梁山县人民政府',
  regionCode: '370832',
  office: '梁山县人民政府办公室',
  adminUsername: 'lsadmin',
  adminName: '县政府系统管理员',
  officePhone: '0537-7321234',
  officeAddress: '梁山县水泊中路1号',
  officeHours: '工作日 9:00—17:00',
  siteCode: '3708320001',
  icpRecord: '鲁ICP备12345678号-1',
  policeRecord: '鲁公网安备 37083202000123号',
};

describe('first run of a real government (梁山县) on an empty database', () => {
  let handle: DbHandle;
  let app: FastifyInstance;
  let dataDir: string;
  before(async () => {
    handle = await createTestDb();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'gk-site-'));
    const config = { ...loadConfig({ GONGKAI_DATA: dataDir, ...TEST_CLOCK_ENV }), seedDemo: false };
    await prepareData(handle.db, MODULES, false);
    app = await buildApp({ config, db: handle.db, logger: false });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await handle.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const countRows = async () => ({
    orgs: (await handle.db.selectFrom('orgs').select('id').execute()).length,
    users: (await handle.db.selectFrom('users').select('id').execute()).length,
    sites: (await handle.db.selectFrom('site_identity').select('org_id').execute()).length,
  });

  it('before setup: setup is needed and the portal is neutral, never 济宁', async () => {
    const c = client(app);
    assert.deepEqual((await c.get('/api/setup')).json(), { needed: true });
    const site = (await c.get('/api/site')).json();
    assert.equal(site.configured, false);
    assert.equal(site.siteName, '政府信息公开');
    for (const url of ['/', '/gk/guide', '/no-such-page']) {
      const page = await c.get(url);
      assert.match(page.body, /政府信息公开/);
      assert.doesNotMatch(page.body, /济宁/, url);
    }
  });

  it('refuses an anonymous setup without the CSRF token', async () => {
    const c = client(app);
    await c.get('/api/setup');
    const res = await c.send('POST', '/api/setup', LIANGSHAN, false);
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'CSRF_INVALID');
  });

  it('lists every bad field in Chinese and writes nothing', async () => {
    const c = client(app);
    await c.get('/api/setup');
    const res = await c.send('POST', '/api/setup', {
      government: '',
      office: '梁山县人民政府办公室',
      adminUsername: 'A B',
      officeUsername: '办公室',
      regionCode: '3708',
      siteCode: 'abc',
      icpRecord: '鲁ICP备12345678',
      policeRecord: '公网安备 123号',
      officePhone: '电话',
    });
    assert.equal(res.statusCode, 400);
    const { error } = res.json();
    assert.equal(error.code, 'VALIDATION_FAILED');
    const paths = error.fields.map((f: { path: string }) => f.path).sort();
    assert.deepEqual(paths, [
      'adminUsername',
      'government',
      'icpRecord',
      'officePhone',
      'officeUsername',
      'policeRecord',
      'regionCode',
      'siteCode',
    ]);
    for (const f of error.fields) assert.match(f.message, /[\u4e00-\u9fa5]/, f.path);
    const weak = await c.send('POST', '/api/setup', {
      ...LIANGSHAN,
      adminPassword: 'short',
      officePassword: 'alllettersonly',
    });
    assert.equal(weak.statusCode, 400);
    assert.deepEqual(
      weak.json().error.fields.map((f: { path: string }) => f.path),
      ['adminPassword', 'officePassword'],
    );
    const same = await c.send('POST', '/api/setup', { ...LIANGSHAN, officeUsername: 'lsadmin' });
    assert.equal(same.statusCode, 400);
    assert.deepEqual(same.json().error.fields, [
      { path: 'officeUsername', message: '公开工作机构账号不能与管理员同名' },
    ]);
    assert.deepEqual(await countRows(), { orgs: 0, users: 0, sites: 0 });
  });

  it('leaves no partial rows when a write inside the transaction fails', async () => {
    // Past the schema (a direct call): the identity's insert fails on its check, after the orgs and user.
    await assert.rejects(runSetup(handle.db, { ...parsedSetup(), siteName: '名'.repeat(61) }));
    assert.deepEqual(await countRows(), { orgs: 0, users: 0, sites: 0 });
    const audit = await handle.db.selectFrom('audit_log').select('action').execute();
    assert.deepEqual(audit, []);
  });

  let password = '';
  it('sets up the government, its office, the administrator, the office account and the identity in one go', async () => {
    const c = client(app);
    await c.get('/api/setup');
    const res = await c.send('POST', '/api/setup', LIANGSHAN);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.government.name, '梁山县人民政府');
    assert.equal(body.office.name, '梁山县人民政府办公室');
    assert.equal(body.admin.username, 'lsadmin');
    assert.match(body.admin.password, /^(?=.*[A-Za-z])(?=.*\d).{16}$/);
    password = body.admin.password;
    // No office username given: the administrator's with _office; its password generated too.
    assert.equal(body.officeUser.username, 'lsadmin_office');
    assert.match(body.officeUser.password, /^(?=.*[A-Za-z])(?=.*\d).{16}$/);
    assert.notEqual(body.officeUser.password, body.admin.password);

    const gov = await handle.db
      .selectFrom('orgs')
      .selectAll()
      .where('id', '=', body.government.id)
      .executeTakeFirstOrThrow();
    assert.equal(gov.parent_id, null);
    assert.equal(gov.kind, 'government');
    assert.equal(gov.region_code, '370832');
    const office = await handle.db
      .selectFrom('orgs')
      .selectAll()
      .where('id', '=', body.office.id)
      .executeTakeFirstOrThrow();
    assert.equal(office.parent_id, gov.id);
    assert.equal(office.serves_org_id, gov.id);
    const admin = await handle.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'lsadmin')
      .executeTakeFirstOrThrow();
    assert.equal(admin.role, 'admin');
    assert.equal(admin.org_id, gov.id);
    assert.equal(admin.display_name, '县政府系统管理员');
    assert.equal(admin.must_change_password, true);
    const officeUser = await handle.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'lsadmin_office')
      .executeTakeFirstOrThrow();
    assert.equal(officeUser.role, 'office');
    assert.equal(officeUser.org_id, office.id);
    assert.equal(officeUser.display_name, '信息公开工作人员');
    assert.equal(officeUser.must_change_password, true);
    const actions = (await handle.db.selectFrom('audit_log').select('action').orderBy('id').execute()).map(
      (a) => a.action,
    );
    assert.deepEqual(actions, ['org.create', 'org.create', 'user.create', 'user.create', 'site.setup']);

    const site = (await c.get('/api/site')).json();
    assert.equal(site.configured, true);
    assert.equal(site.siteName, '梁山县人民政府');
    assert.equal(site.sponsor, '梁山县人民政府');
    assert.equal(site.officeName, '梁山县人民政府办公室');
    assert.equal(site.icpRecord, '鲁ICP备12345678号-1');
    assert.deepEqual((await c.get('/api/setup')).json(), { needed: false });
  });

  it('refuses a second setup (409 SETUP_DONE, Chinese message)', async () => {
    const c = client(app);
    await c.get('/api/setup');
    const res = await c.send('POST', '/api/setup', { ...LIANGSHAN, government: '另一个县人民政府' });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().error.code, 'SETUP_DONE');
    assert.match(res.json().error.message, /已完成初始设置/);
    assert.equal((await countRows()).orgs, 2);
  });

  it('its portal and guide name 梁山县 and never 济宁', async () => {
    const c = client(app);
    const home = await c.get('/');
    assert.match(home.body, /<title>[^<]*梁山县人民政府<\/title>/);
    assert.match(home.body, /主办单位：梁山县人民政府/);
    assert.match(home.body, /网站标识码：3708320001/);
    assert.match(home.body, /<a href="https:\/\/beian.miit.gov.cn\/"[^>]*>鲁ICP备12345678号-1<\/a>/);
    assert.match(home.body, /recordcode=37083202000123"[^>]*>鲁公网安备 37083202000123号<\/a>/);
    const guide = await c.get('/gk/guide');
    assert.match(guide.body, /<dt>机构名称<\/dt><dd>梁山县人民政府办公室<\/dd>/);
    assert.match(guide.body, /0537-7321234/);
    assert.match(guide.body, /梁山县水泊中路1号/);
    // The office account receives at once: the portal's form offers the government.
    const form = await c.get('/gk/apply/form');
    assert.match(form.body, /<option value="\d+">梁山县人民政府<\/option>/);
    for (const url of ['/', '/gk/guide', '/gk/apply', '/gk/apply/form', '/gk/documents', '/no-such-page']) {
      const page = await c.get(url);
      assert.match(page.body, /梁山县人民政府/, `${url} ${page.statusCode} ${page.body.slice(0, 300)}`);
      assert.doesNotMatch(page.body, /济宁/, url);
    }
  });

  it('a generated password must be changed before anything else', async () => {
    const c = client(app);
    await c.get('/api/setup');
    const login = await c.send('POST', '/api/auth/login', { username: 'lsadmin', password });
    assert.equal(login.statusCode, 200, login.body);
    assert.equal(login.json().user.mustChangePassword, true);
    const held = await c.get('/api/orgs');
    assert.equal(held.statusCode, 403);
    assert.equal(held.json().error.code, 'PASSWORD_CHANGE_REQUIRED');
    assert.equal((await c.get('/api/auth/me')).statusCode, 200);

    const wrongOld = await c.send('POST', '/api/auth/password', {
      oldPassword: 'nope',
      newPassword: 'Liangshan2026',
    });
    assert.equal(wrongOld.statusCode, 400);
    assert.deepEqual(wrongOld.json().error.fields, [{ path: 'oldPassword', message: '当前密码不正确' }]);
    for (const [weak, reason] of [
      ['short1', /至少10位/],
      ['onlyletterspassword', /字母和数字/],
      ['lsadmin', /至少10位/],
    ] as const) {
      const res = await c.send('POST', '/api/auth/password', { oldPassword: password, newPassword: weak });
      assert.equal(res.statusCode, 400, weak);
      assert.equal(res.json().error.fields[0].path, 'newPassword');
      assert.match(res.json().error.fields[0].message, reason);
    }
    const changed = await c.send('POST', '/api/auth/password', {
      oldPassword: password,
      newPassword: 'Liangshan2026',
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().user.mustChangePassword, false);
    assert.equal((await c.get('/api/orgs')).statusCode, 200);
    const audit = await handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'user.password_change')
      .execute();
    assert.equal(audit.length, 1);
    password = 'Liangshan2026';
  });

  it('the administrator edits the identity; the portal shows it on the next request', async () => {
    const c = client(app);
    await c.get('/api/setup');
    await c.send('POST', '/api/auth/login', { username: 'lsadmin', password });
    const current = (await c.get('/api/site')).json();
    const edit = {
      siteName: '梁山县人民政府门户网站',
      sponsor: '梁山县人民政府办公室',
      officePhone: '0537-7329999',
      officeAddress: current.officeAddress,
      officeHours: current.officeHours,
      siteCode: current.siteCode,
      icpRecord: current.icpRecord,
      policeRecord: null,
      logoFileId: null,
    };
    const bad = await c.send('PUT', '/api/site', { ...edit, siteCode: '123', siteName: '' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
      ['siteCode', 'siteName'],
    );
    const res = await c.send('PUT', '/api/site', edit);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().siteName, '梁山县人民政府门户网站');
    assert.equal(res.json().policeRecord, null);
    const home = await c.get('/');
    assert.match(home.body, /梁山县人民政府门户网站/);
    assert.match(home.body, /主办单位：梁山县人民政府办公室/);
    assert.doesNotMatch(home.body, /公网安备/);
    const audit = await handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'site.update')
      .execute();
    assert.equal(audit.length, 1);
    assert.equal(
      audit[0]?.actor_id,
      (
        await handle.db
          .selectFrom('users')
          .select('id')
          .where('username', '=', 'lsadmin')
          .executeTakeFirstOrThrow()
      ).id,
    );

    // Another role may read it but not edit it; nor may a visitor.
    const gov = (await c.get('/api/orgs'))
      .json()
      .items.find((o: { parentId: number | null }) => o.parentId === null);
    await createTestUser(handle.db, { username: 'ls_handler', role: 'handler', org: gov.id });
    const h = client(app);
    await h.get('/api/setup');
    await h.send('POST', '/api/auth/login', { username: 'ls_handler', password: 'password-123' });
    assert.equal((await h.send('PUT', '/api/site', edit)).statusCode, 403);
    const anon = client(app);
    await anon.get('/api/site');
    assert.equal((await anon.send('PUT', '/api/site', edit)).statusCode, 401);
  });
});

/** The 梁山县 setup as the schema hands it to the service. */
function parsedSetup() {
  return {
    ...LIANGSHAN,
    adminPassword: null,
    officeUsername: null,
    officeDisplayName: '信息公开工作人员',
    officePassword: null,
    siteName: null,
    sponsor: null,
  } as Parameters<typeof runSetup>[1];
}
