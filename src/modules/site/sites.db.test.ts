import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createTestUser, orgIdByName } from '../../../test/helpers/factories.ts';
import { seedDemoSite } from './seeds.ts';
import { forgetSite } from './service.ts';

/** The pages of a government's portal site, as a visitor opens them. */
const PAGES = [
  '/',
  '/gk/guide',
  '/gk/statutory',
  '/gk/documents',
  '/gk/documents/search?q=%E5%8A%9E%E6%B3%95',
  '/gk/catalogue',
  '/gk/workplans',
  '/gk/apply',
  '/gk/apply/form',
  '/gk/reports',
];

/** The root government's publications: not on a county's site. */
const ROOT_ONLY = ['/gk/gazette'];

describe('one installation, many governments: each request finds its government’s site', () => {
  let t: TestApp;
  const get = (url: string, host?: string) =>
    t.app.inject({ method: 'GET', url, headers: host ? { host } : {} });
  before(async () => {
    t = await createTestApp();
    await seedDemoSite(t.db);
    forgetSite(t.db);
  });
  after(() => t.close());

  it('the root government’s site without a prefix or a known host', async () => {
    const home = await get('/');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<a class="site-name" href="\/">济宁市人民政府<\/a>/);
    assert.match(home.body, /href="\/gk\/guide"/);
  });

  it('/s/{行政区划代码}/ serves that government’s site, and its links stay under the prefix', async () => {
    for (const url of ['/s/370832/', '/s/370832']) {
      const home = await get(url);
      assert.equal(home.statusCode, 200, url);
      assert.match(home.body, /<a class="site-name" href="\/s\/370832\/">梁山县人民政府<\/a>/);
      assert.match(home.body, /主办单位：梁山县人民政府办公室/);
      assert.match(home.body, /href="\/s\/370832\/gk\/guide"/);
      assert.match(home.body, /href="\/s\/370832\/assets\/portal\.css/);
      assert.doesNotMatch(home.body, /href="\/gk\//, 'no link leaves the prefix');
    }
    // The mode switch comes back under the prefix.
    const toggle = await get('/s/370832/prefs/elderly?on=1&back=%2Fgk%2Fguide');
    assert.equal(toggle.statusCode, 303);
    assert.equal(toggle.headers.location, '/s/370832/gk/guide');
    // A page that does not exist: the county's 404, still under its prefix.
    const missing = await get('/s/370832/gk/nothing-here');
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /梁山县人民政府/);
    assert.match(missing.body, /href="\/s\/370832\/"/);
  });

  it('nothing on a county’s portal mentions the city', async () => {
    for (const path of PAGES) {
      const res = await get(`/s/370832${path === '/' ? '/' : path}`);
      assert.equal(res.statusCode, 200, path);
      assert.match(res.body, /梁山县人民政府/, path);
      assert.doesNotMatch(res.body, /济宁/, path);
    }
  });

  it('the gazette is the root government’s: a county’s site neither shows nor links it', async () => {
    for (const path of ROOT_ONLY) {
      assert.equal((await get(path)).statusCode, 200, path);
      assert.equal((await get(`/s/370832${path}`)).statusCode, 404, path);
    }
    assert.doesNotMatch((await get('/s/370832/gk/documents')).body, /政府公报/);
    assert.match((await get('/gk/documents')).body, /政府公报/);
  });

  it('an unknown code answers the portal’s 404 in Chinese', async () => {
    for (const url of ['/s/999999/', '/s/abc/gk/guide']) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(res.headers['content-type'] as string, /text\/html/);
      assert.match(res.body, /页面不存在/);
      assert.doesNotMatch(res.body, /\/s\/999999\//);
    }
  });

  it('a host name bound to a government serves its site at the root, links unprefixed', async () => {
    const liangshan = await t.db
      .selectFrom('orgs')
      .select('id')
      .where('region_code', '=', '370832')
      .executeTakeFirstOrThrow();
    await t.db
      .updateTable('site_identity')
      .set({ hosts: ['www.liangshan.gov.cn'] })
      .where('org_id', '=', liangshan.id)
      .execute();
    forgetSite(t.db);
    const home = await get('/', 'WWW.Liangshan.gov.cn:8443');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<a class="site-name" href="\/">梁山县人民政府<\/a>/);
    assert.match(home.body, /href="\/gk\/guide"/);
    // Another host: the root government's; a prefix on the county's host names another site.
    assert.match((await get('/', 'gk.example.cn')).body, /济宁市人民政府/);
    assert.match((await get('/s/370883/', 'www.liangshan.gov.cn')).body, /邹城市人民政府/);
  });

  it('each government’s administrator edits its own site only; the city’s edits every county’s', async () => {
    const liangshan = await orgIdByName(t.db, '梁山县人民政府');
    const zoucheng = await orgIdByName(t.db, '邹城市人民政府');
    const city = await orgIdByName(t.db, '济宁市人民政府');
    await createTestUser(t.db, { username: 't_ls_admin', role: 'admin', org: liangshan });
    const edit = (siteName: string, hosts?: string[]) => ({
      siteName,
      sponsor: `${siteName}办公室`,
      officePhone: null,
      officeAddress: null,
      officeHours: null,
      siteCode: null,
      icpRecord: null,
      policeRecord: null,
      logoFileId: null,
      ...(hosts ? { hosts } : {}),
    });

    const cityAdmin = await t.as('t_admin');
    const all = (await cityAdmin.get('/api/sites')).json().items as { orgId: number }[];
    assert.equal(all.length, 12, 'the city and its eleven counties/districts');
    const county = await t.as('t_ls_admin');
    assert.deepEqual(
      (await county.get('/api/sites')).json().items.map((v: { orgId: number }) => v.orgId),
      [liangshan],
    );

    const own = await county.send(
      'PUT',
      `/api/sites/${liangshan}`,
      edit('梁山县政府信息公开', ['GK.Liangshan.gov.cn']),
    );
    assert.equal(own.statusCode, 200, own.body);
    assert.deepEqual(own.json().hosts, ['gk.liangshan.gov.cn']);
    assert.match((await get('/s/370832/')).body, /梁山县政府信息公开/);
    assert.match((await get('/', 'gk.liangshan.gov.cn')).body, /梁山县政府信息公开/);
    assert.equal((await county.send('PUT', `/api/sites/${zoucheng}`, edit('邹城'))).statusCode, 403);
    assert.equal((await county.send('PUT', `/api/sites/${city}`, edit('济宁'))).statusCode, 403);
    assert.equal((await county.send('PUT', '/api/site', edit('济宁'))).statusCode, 403);

    // The city's administrator edits a county's site; a host name serves one site only.
    const taken = await cityAdmin.send(
      'PUT',
      `/api/sites/${zoucheng}`,
      edit('邹城市人民政府', ['gk.liangshan.gov.cn']),
    );
    assert.equal(taken.statusCode, 400);
    assert.equal(taken.json().error.fields[0].path, 'hosts');
    assert.match(taken.json().error.fields[0].message, /已绑定到“梁山县政府信息公开”的站点/);
    const bad = await cityAdmin.send(
      'PUT',
      `/api/sites/${zoucheng}`,
      edit('邹城市人民政府', ['http://x.cn/a']),
    );
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.fields[0].message, /域名“http:\/\/x\.cn\/a”格式不正确/);
    const ok = await cityAdmin.send('PUT', `/api/sites/${zoucheng}`, edit('邹城市政务公开'));
    assert.equal(ok.statusCode, 200, ok.body);
    assert.match((await get('/s/370883/')).body, /邹城市政务公开/);
    // Not a government: no site.
    const dept = await orgIdByName(t.db, '市教育局');
    assert.equal((await cityAdmin.send('PUT', `/api/sites/${dept}`, edit('教育'))).statusCode, 404);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['subject_id'])
      .where('action', '=', 'site.update')
      .execute();
    assert.deepEqual(audit.map((a) => Number(a.subject_id)).sort(), [liangshan, zoucheng].sort());
  });
});
