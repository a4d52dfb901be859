// 检索同义词 in the console: the mining has proposed 12345热线 ↔ 12345政务服务便民热线 from a notice that
// defines it; the office finds the pair on the 待审核 tab (axe-checked), accepts it, and the public search
// for 12345热线 then finds the notice that only says 12345政务服务便民热线.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { insertFixtureLibrary } from '../../src/modules/documents/search/fixtures.ts';
import { mineSynonymCandidates } from '../../src/modules/documents/search/synonyms.ts';
import { axe, formatViolations, launchBrowser, newContext } from '../helpers/browser.ts';
import { signIn } from '../helpers/console-sign-in.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  await insertFixtureLibrary(server.testApp.db, [
    {
      key: 'defines',
      title: '济宁市12345政务服务便民热线管理办法',
      org: '市政府办公室',
      genre: 'measures',
      written: '2022-03-01',
      body: '为规范全市12345政务服务便民热线（以下简称“12345热线”）运行管理，制定本办法。',
    },
    {
      key: 'long-only',
      title: '市城市管理局关于做好供热投诉办理工作的通知',
      org: '市城市管理局',
      genre: 'notice',
      written: '2023-11-20',
      body: '对12345政务服务便民热线转办的供热投诉，各供热单位应当在24小时内联系群众。',
    },
  ]);
  await mineSynonymCandidates(server.testApp.db);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('检索同义词: the office accepts a mined pair and the search uses it', { timeout: 180_000 }, async () => {
  const searchTitles = async () => {
    const res = await fetch(`${server.url}/api/documents/search?q=${encodeURIComponent('12345热线')}`);
    return ((await res.json()) as { results: { title: string }[] }).results.map((r) => r.title);
  };
  assert.deepEqual(await searchTitles(), ['济宁市12345政务服务便民热线管理办法']);

  const context = await newContext(browser);
  try {
    const page = await signIn(context, server.url, 't_office');

    const menu = page.getByRole('navigation', { name: '主菜单' });
    await menu.getByRole('link', { name: '政府文件库', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '文件管理' }).waitFor();
    await menu.getByRole('link', { name: '检索同义词', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '检索同义词' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: '12345政务服务便民热线' }).first();
    await row.getByText('文中“以下简称”').waitFor();
    await page.mouse.move(0, 0);
    const violations = await axe(page);
    assert.equal(violations.length, 0, formatViolations(violations));

    await row.getByRole('button', { name: '采用：12345热线（12345政务服务便民热线）', exact: true }).click();
    await page.getByText('已采用：检索“12345热线”时也查找“12345政务服务便民热线”').waitFor();
    await page.getByRole('tab', { name: /已采用（1）/ }).click();
    await page.getByRole('row').filter({ hasText: 't_office' }).first().waitFor();
  } finally {
    await context.close();
  }
  assert.deepEqual((await searchTitles()).sort(), [
    '市城市管理局关于做好供热投诉办理工作的通知',
    '济宁市12345政务服务便民热线管理办法',
  ]);
});
