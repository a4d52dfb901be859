// One installation, many governments: a county's portal under /s/{行政区划代码}/ in Chromium — its own name,
// links that stay under the prefix, its own documents, axe clean without a word of the city — and the
// city's search over every government below it, filtered by that county (works without JavaScript).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { insertDoc } from '../../src/modules/documents/portal/test-fixtures.ts';
import { refreshDocumentSearch } from '../../src/modules/documents/search/service.ts';
import { seedDemoSite } from '../../src/modules/site/seeds.ts';
import { forgetSite } from '../../src/modules/site/service.ts';
import { axe, formatViolations, launchBrowser, newContext } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const db = server.testApp.db;
  const ids = [
    await insertDoc(db, { title: '市级河道管理办法', genre: 'rule' }),
    await insertDoc(db, { title: '邹城市河道保洁管理办法', org: '邹城市人民政府' }),
    await insertDoc(db, { title: '任城区河道整治管理办法', org: '任城区人民政府' }),
  ];
  for (const id of ids) await refreshDocumentSearch(db, id);
  await seedDemoSite(db);
  forgetSite(db);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('a county’s site under /s/370883/: its own name and documents, links stay under the prefix', async () => {
  const context = await newContext(browser, { javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/s/370883/`);
    await page.getByRole('link', { name: '邹城市人民政府', exact: true }).first().waitFor();
    const texts: string[] = [await page.content()];
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '政府文件' }).click();
    await page.getByRole('heading', { level: 1, name: '政府文件' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/s/370883/gk/documents');
    await page.getByRole('link', { name: '邹城市河道保洁管理办法' }).first().click();
    await page.getByRole('heading', { level: 1, name: '邹城市河道保洁管理办法' }).waitFor();
    assert.match(new URL(page.url()).pathname, /^\/s\/370883\/gk\/documents\/\d+$/);
    texts.push(await page.content());
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '公开指南' }).click();
    await page.getByRole('heading', { level: 1, name: /政府信息公开指南/ }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/s/370883/gk/guide');
    texts.push(await page.content());
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '依申请公开' }).click();
    assert.equal(new URL(page.url()).pathname, '/s/370883/gk/apply');
    texts.push(await page.content());
    for (const text of texts) {
      assert.match(text, /邹城市人民政府/);
      assert.doesNotMatch(text, /济宁|市级河道管理办法|任城区河道/);
    }
  } finally {
    await context.close();
  }
});

test('the county’s pages have no serious or critical axe violations', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    for (const path of ['/s/370883/', '/s/370883/gk/documents', '/s/370883/gk/documents/search?q=河道']) {
      const res = await page.goto(`${server.url}${path}`);
      assert.equal(res?.status(), 200, path);
      const violations = await axe(page);
      assert.equal(violations.length, 0, `axe on ${path}:\n${formatViolations(violations)}`);
    }
  } finally {
    await context.close();
  }
});

test('the city’s search reaches the counties, filtered by government, without JavaScript', async () => {
  const context = await newContext(browser, { javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/gk/documents/search`);
    await page.getByLabel('关键词或文号').fill('河道');
    await page.getByRole('button', { name: '检索' }).click();
    await page.getByRole('link', { name: '任城区河道整治管理办法' }).waitFor();
    await page.getByRole('link', { name: '邹城市河道保洁管理办法' }).waitFor();
    await page.getByLabel('所属政府').selectOption({ label: '邹城市人民政府' });
    await page.getByRole('button', { name: '检索' }).click();
    await page.getByRole('link', { name: '邹城市河道保洁管理办法' }).waitFor();
    assert.equal(await page.getByRole('link', { name: '任城区河道整治管理办法' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: '市级河道管理办法' }).count(), 0);
    await page.getByRole('link', { name: '邹城市河道保洁管理办法' }).click();
    await page.getByRole('heading', { level: 1, name: '邹城市河道保洁管理办法' }).waitFor();
  } finally {
    await context.close();
  }
});
