// 标准目录 and 定向公开: axe on the portal pages in standard and elderly mode, the list without JavaScript
// (masked, with its print copy), and the office's console pages showing the catalogue's staleness and a
// notice's masked list.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { MODULES } from '../../src/modules.ts';
import { axe, formatViolations, launchBrowser, newContext } from '../helpers/browser.ts';
import { signIn } from '../helpers/console-sign-in.ts';
import { orgIdByName } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let browser: Browser;
let villageNotice: number;

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  const db = server.testApp.db;
  await MODULES.find((m) => m.name === 'standards')?.seed?.(db);
  const town = await orgIdByName(db, '太平镇人民政府');
  const row = await db
    .selectFrom('targeted_notices')
    .select('id')
    .where('org_id', '=', town)
    .where('place', '=', '太平镇张庄村')
    .executeTakeFirstOrThrow();
  villageNotice = row.id;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const pages = () => [
  '/gk/standards',
  `/gk/standards?area=${encodeURIComponent('财政预决算')}`,
  '/s/370883/gk/targeted',
  `/s/370883/gk/targeted/${villageNotice}`,
];

for (const mode of ['standard', 'elderly'] as const) {
  test(`标准目录 and 定向公开 pages in ${mode} mode have no serious or critical axe violations`, {
    timeout: 120_000,
  }, async () => {
    const context = await newContext(browser);
    try {
      if (mode === 'elderly') await context.addCookies([{ name: 'gk_elderly', value: '1', url: server.url }]);
      const page = await context.newPage();
      for (const path of pages()) {
        const res = await page.goto(`${server.url}${path}`);
        assert.equal(res?.status(), 200, path);
        const violations = await axe(page);
        assert.equal(violations.length, 0, `axe on ${path} (${mode}):\n${formatViolations(violations)}`);
      }
    } finally {
      await context.close();
    }
  });
}

test('a village list without JavaScript: masked, no identity number, a print copy', {
  timeout: 120_000,
}, async () => {
  const context = await newContext(browser, { javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/s/370883/gk/targeted`);
    await page.getByRole('link', { name: /张庄村.*耕地地力保护补贴/ }).click();
    const text = await page.locator('main').innerText();
    assert.match(text, /张\*国/);
    assert.match(text, /身份证号码不予公开/);
    assert.doesNotMatch(text, /370883\d{6}/);
    await page.getByRole('link', { name: '打印公开栏张贴稿' }).click();
    assert.match(await page.locator('h1').innerText(), /耕地地力保护补贴发放名单公示/);
  } finally {
    await context.close();
  }
});

test('the office sees the catalogue with its staleness and the targeted notices', {
  timeout: 120_000,
}, async () => {
  const context = await newContext(browser);
  try {
    const page = await signIn(context, server.url, 't_office');
    await page.goto(`${server.url}/admin/standards`);
    await page.getByRole('heading', { level: 1, name: '政务公开事项标准目录' }).waitFor();
    await page.getByRole('cell', { name: '耕地地力保护补贴' }).first().waitFor();
    assert.match(await page.locator('main').innerText(), /未关联公开栏目或页面/);
    await page.goto(`${server.url}/admin/standards/targeted`);
    await page.getByRole('heading', { level: 1, name: '定点、定向公开' }).waitFor();
    await page.getByRole('button', { name: /农机购置补贴资金兑付情况/ }).click();
    await page.getByText('王*军').waitFor();
  } finally {
    await context.close();
  }
});
