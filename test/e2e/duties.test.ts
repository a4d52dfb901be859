// 网站纠错 end to end: a citizen, JavaScript off, follows the footer link from a portal page, is told what
// is missing, reports the error and gets a tracking code; the office answers it in the console; the
// citizen reads the answer. axe-core checks the registers' portal pages in both display modes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { axe, formatViolations, launchBrowser, newContext } from '../helpers/browser.ts';
import { signIn, twoChars } from '../helpers/console-sign-in.ts';
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

async function pick(page: Page, field: Locator, option: string): Promise<void> {
  await field.click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await dropdown
    .locator('.ant-select-item-option')
    .filter({ hasText: new RegExp(`^${option}$`) })
    .first()
    .click();
  await dropdown.waitFor({ state: 'hidden' });
}

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const violations = await axe(page);
  assert.equal(violations.length, 0, `axe on ${where}:\n${formatViolations(violations)}`);
}

/** A portal page checked by axe in the standard and the elderly mode. */
async function checkBothModes(context: BrowserContext, url: string, where: string) {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await expectNoViolations(page, where);
    await page.getByRole('link', { name: /^长者模式/ }).click();
    await page.getByRole('link', { name: /^标准模式/ }).waitFor();
    await expectNoViolations(page, `${where}（长者模式）`);
    await page.getByRole('link', { name: /^标准模式/ }).click();
    await page.getByRole('link', { name: /^长者模式/ }).waitFor();
  } finally {
    await page.close();
  }
}

test('网站纠错: report an error from a portal page without JavaScript, the office answers, the citizen reads it', async () => {
  const citizenContext = await newContext(browser, { javaScriptEnabled: false });
  const staffContext = await newContext(browser);
  const axeContext = await newContext(browser);
  try {
    // 1. From the guide's footer, JavaScript off: the page's address comes along.
    const citizen = await citizenContext.newPage();
    await citizen.goto(`${server.url}/gk/guide`);
    await citizen.getByRole('contentinfo').getByRole('link', { name: '网站纠错' }).click();
    await citizen.getByRole('heading', { level: 1, name: '网站纠错' }).waitFor();
    assert.equal(await citizen.getByLabel(/出错页面地址/).inputValue(), '/gk/guide');
    await checkBothModes(axeContext, `${server.url}/gk/errata?page=%2Fgk%2Fguide`, '网站纠错');

    // Nothing described: refused, told why, the contact typed kept.
    await citizen.getByLabel(/联系方式/).fill('13800000000');
    await citizen.getByRole('button', { name: '提交纠错' }).click();
    await citizen
      .getByRole('alert')
      .getByText(/错误描述：请描述发现的错误/)
      .waitFor();
    assert.equal(await citizen.getByLabel(/联系方式/).inputValue(), '13800000000');
    // axe runs as a script: the refusal checked again in a context with JavaScript.
    const checked = await axeContext.newPage();
    await checked.goto(`${server.url}/gk/errata?page=%2Fgk%2Fguide`);
    await checked.getByRole('button', { name: '提交纠错' }).click();
    await checked.getByRole('alert').waitFor();
    await expectNoViolations(checked, '网站纠错（错误提示）');
    await checked.close();

    await citizen.getByLabel(/错误描述/).fill('公开指南中的办公电话已停用，拨打提示空号。');
    await citizen.getByRole('button', { name: '提交纠错' }).click();
    const done = citizen.getByRole('status');
    await done.getByText(/感谢您的纠错/).waitFor();
    const code = /查询码为 (JC\w+)/.exec((await done.textContent()) ?? '')?.[1];
    assert.ok(code);
    assert.match((await done.textContent()) ?? '', /2026年3月19日前/);

    // 2. The office answers it in the console.
    const office = await signIn(staffContext, server.url, 't_office');
    await office.getByRole('navigation', { name: '主菜单' }).getByText('日常台账').waitFor();
    await office.goto(`${server.url}/admin/duties/errata`);
    await office.getByRole('heading', { level: 1, name: '网站找错' }).waitFor();
    const row = office.getByRole('row').filter({ hasText: code });
    await row.getByText('待交办').waitFor();
    await row.getByRole('button', { name: twoChars('答复') }).click();
    const dialog = office.getByRole('dialog', { name: '答复网站纠错' });
    await dialog.getByLabel('答复内容').fill('已核实并更新公开指南中的办公电话，感谢您的纠错。');
    await dialog.getByRole('button', { name: twoChars('答复') }).click();
    await row.getByText('已答复').waitFor();
    await expectNoViolations(office, '网站找错（控制台）');

    // 3. The citizen reads the answer by the tracking code.
    await citizen.getByRole('link', { name: '查询办理结果' }).click();
    await citizen.getByText('已核实并更新公开指南中的办公电话，感谢您的纠错。').waitFor();
    await citizen.getByText('已答复').waitFor();
  } finally {
    await citizenContext.close();
    await staffContext.close();
    await axeContext.close();
  }
});

test('政务新媒体: the office registers an account in the console; the public list shows it', async () => {
  const staffContext = await newContext(browser);
  const citizenContext = await newContext(browser, { javaScriptEnabled: false });
  try {
    const office = await signIn(staffContext, server.url, 't_office');
    await office.goto(`${server.url}/admin/duties/accounts`);
    await office.getByRole('heading', { level: 1, name: '政务新媒体' }).waitFor();
    await office.getByRole('button', { name: /新增/ }).click();
    const dialog = office.locator('.ant-modal').filter({ hasText: '新增政务新媒体记录' });
    await pick(office, dialog.getByLabel('责任单位'), '市教育局');
    await dialog.getByLabel('账号名称').fill('济宁教育发布');
    await dialog.getByLabel('开设日期').fill('2025-06-01');
    await pick(office, dialog.getByLabel('平台'), '微信公众号');
    await dialog.getByLabel('账号ID').fill('jnjyfb');
    await dialog.getByLabel('责任人').fill('陈某');
    await dialog.getByLabel('开设审批文号').fill('济教字〔2025〕1号');
    // Closed without its approval: refused, the field told why.
    await dialog.getByLabel('注销日期').fill('2026-03-01');
    await dialog.getByRole('button', { name: twoChars('保存') }).click();
    await dialog.getByText('注销账号应当填写注销审批文号').waitFor();
    await dialog.getByLabel('注销日期').fill('');
    await dialog.getByLabel('最近更新日期').fill('2026-03-10');
    await dialog.getByRole('button', { name: twoChars('保存') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await office.getByRole('row').filter({ hasText: 'jnjyfb' }).getByText('正常运营').waitFor();
    await expectNoViolations(office, '政务新媒体（控制台）');

    const citizen = await citizenContext.newPage();
    await citizen.goto(`${server.url}/`);
    await citizen.getByRole('contentinfo').getByRole('link', { name: '政务新媒体' }).click();
    const row = citizen.getByRole('row').filter({ hasText: 'jnjyfb' });
    await row.getByText('济宁教育发布').waitFor();
    await row.getByText('微信公众号').waitFor();
  } finally {
    await staffContext.close();
    await citizenContext.close();
  }
});

// Last, so the new-media list has the account registered above.
test('the registers’ portal pages are accessible in both modes', async () => {
  const context = await newContext(browser);
  try {
    await checkBothModes(context, `${server.url}/gk/proposals`, '建议提案办理');
    await checkBothModes(context, `${server.url}/gk/new-media`, '政务新媒体');
    await checkBothModes(context, `${server.url}/gk/errata/track`, '纠错办理结果查询');
  } finally {
    await context.close();
  }
});
