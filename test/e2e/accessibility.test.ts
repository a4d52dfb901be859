// axe-core on the public pages: no serious or critical accessibility violations.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axe, formatViolations, launchBrowser, newContext } from '../helpers/browser.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

for (const mode of ['standard', 'elderly'] as const) {
  test(`portal home in ${mode} mode has no serious or critical axe violations`, async () => {
    const context = await newContext(browser);
    try {
      if (mode === 'elderly') await context.addCookies([{ name: 'gk_elderly', value: '1', url: server.url }]);
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      assert.equal(
        /\belderly\b/.test((await page.locator('body').getAttribute('class')) ?? ''),
        mode === 'elderly',
      );
      const violations = await axe(page);
      assert.equal(violations.length, 0, `axe on / (${mode}):\n${formatViolations(violations)}`);
    } finally {
      await context.close();
    }
  });
}

const LOGIN_BUTTON = /^\s*登\s*录\s*$/;

test('admin login page has no serious or critical axe violations, also after a failed login', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/login`);
    await page.getByRole('heading', { level: 1, name: /登录/ }).waitFor();
    let violations = await axe(page);
    assert.equal(violations.length, 0, `axe on /admin/login:\n${formatViolations(violations)}`);

    // With the server's error message showing.
    await page.getByLabel('用户名', { exact: true }).fill('t_admin');
    await page.getByLabel('密码', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: LOGIN_BUTTON }).click();
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    violations = await axe(page);
    assert.equal(violations.length, 0, `axe on /admin/login with an error:\n${formatViolations(violations)}`);
  } finally {
    await context.close();
  }
});

test('admin login page with its field validation messages has no serious or critical axe violations', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/admin/login`);
    await page.getByRole('button', { name: LOGIN_BUTTON }).click();
    await page.getByText('请输入用户名').waitFor();
    await page.getByText('请输入密码').waitFor();
    const violations = await axe(page);
    assert.equal(violations.length, 0, `axe on /admin/login, empty fields:\n${formatViolations(violations)}`);
  } finally {
    await context.close();
  }
});
