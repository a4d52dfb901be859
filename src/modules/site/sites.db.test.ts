import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
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
});
