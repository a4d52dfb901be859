// Browser journeys through the admin console (dist/admin, built by `node scripts/build-admin.ts`).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newContext } from '../helpers/browser.ts';
import { signIn, submitLogin, twoChars } from '../helpers/console-sign-in.ts';
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

async function loginAsAdmin(context: BrowserContext): Promise<Page> {
  const page = await signIn(context, server.url, 't_admin');
  // The router's home is `/admin` (basename without a trailing slash); the server also serves `/admin/`.
  await page.waitForURL(/\/admin\/?$/);
  return page;
}

test('an administrator signs in through the login form and sees the console shell', async () => {
  const context = await newContext(browser);
  try {
    const page = await loginAsAdmin(context);
    const menu = page.getByRole('navigation', { name: '主菜单' });
    // Leaf entries are links inside the menu items; 系统管理 is a folded group.
    for (const entry of [
      '工作台',
      '依申请公开',
      '政府文件库',
      '决策公开',
      '工作台账',
      '政策问答',
      '年度报告',
    ]) {
      assert.equal(
        await menu.getByRole('link', { name: entry, exact: true }).count(),
        1,
        `menu entry ${entry}`,
      );
    }
    assert.equal(await menu.getByRole('menuitem', { name: /系统管理$/ }).count(), 1, 'menu entry 系统管理');
    const header = page.getByRole('banner');
    await header.getByText('t_admin', { exact: true }).waitFor();
    await header.getByText('济宁市人民政府', { exact: true }).waitFor();
    await header.getByText('系统管理员', { exact: true }).waitFor();
    assert.match(await page.title(), /工作台/);

    // Signing out returns to the login page.
    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL(`${server.url}/admin/login`);
    await page.getByLabel('用户名', { exact: true }).waitFor();
  } finally {
    await context.close();
  }
});

test('reloading the console home (/admin, /admin/) keeps the signed-in user in the console', async () => {
  const context = await newContext(browser);
  try {
    const page = await loginAsAdmin(context);
    for (const url of [`${server.url}/admin`, `${server.url}/admin/`]) {
      const response = await page.goto(url);
      assert.equal(response?.status(), 200, `GET ${url} (after redirects): ${response?.status()}`);
      await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
    }
  } finally {
    await context.close();
  }
});

test('a wrong password shows 用户名或密码错误 and stays on the login page', async () => {
  const context = await newContext(browser);
  try {
    const page = await submitLogin(context, server.url, 't_admin', 'not-the-password');
    const alert = page.getByRole('alert').filter({ hasText: '用户名或密码错误' });
    await alert.waitFor();
    assert.equal(new URL(page.url()).pathname, '/admin/login');
    assert.equal(await page.getByRole('navigation', { name: '主菜单' }).count(), 0);
  } finally {
    await context.close();
  }
});

test('the administrator adds a department under 济宁市人民政府 and it appears in the tree', async () => {
  const context = await newContext(browser);
  try {
    const page = await loginAsAdmin(context);
    const menu = page.getByRole('navigation', { name: '主菜单' });
    await menu.getByRole('menuitem', { name: /系统管理$/ }).click();
    await menu.getByRole('link', { name: '组织机构', exact: true }).click();
    await page.waitForURL(`${server.url}/admin/system/orgs`);
    await page.getByRole('heading', { level: 1, name: '组织机构' }).waitFor();

    // A row whose name cell reads exactly the name (the cell also holds the unnamed expand button).
    const rowNamed = (name: string) =>
      page
        .getByRole('row')
        .filter({ has: page.getByRole('cell').filter({ hasText: new RegExp(`^${name}$`) }) });
    const cityRow = rowNamed('济宁市人民政府');
    await cityRow.waitFor();
    await cityRow.getByRole('button', { name: /新增下级/ }).click();

    const dialog = page.getByRole('dialog', { name: '新增机构' });
    await dialog.waitFor();
    // Opened from the government's row: the parent is preset and the kind defaults to 政府部门 (the import template's word).
    await dialog.getByText('济宁市人民政府', { exact: true }).waitFor();
    await dialog.getByText('政府部门', { exact: true }).waitFor();
    const name = '市数据资源管理局';
    await dialog.getByLabel('名称', { exact: true }).fill(name);
    await dialog.getByRole('button', { name: twoChars('保存') }).click();
    await dialog.waitFor({ state: 'hidden' });

    const newRow = rowNamed(name);
    await newRow.waitFor();
    // One level below the city government in the tree table.
    assert.match((await newRow.getAttribute('class')) ?? '', /\bant-table-row-level-1\b/);
    assert.match((await cityRow.getAttribute('class')) ?? '', /\bant-table-row-level-0\b/);

    const saved = await server.testApp.db
      .selectFrom('orgs as o')
      .innerJoin('orgs as p', 'p.id', 'o.parent_id')
      .select(['o.kind', 'p.name as parent'])
      .where('o.name', '=', name)
      .executeTakeFirst();
    assert.deepEqual(saved, { kind: 'department', parent: '济宁市人民政府' });
  } finally {
    await context.close();
  }
});
