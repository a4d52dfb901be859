// 协助调查 / 会商 and saved views in the admin console: the handler of 市教育局 asks 市财政局 for assistance
// from the case page, saves a workbench view; a handler of 市财政局 finds the request under 协助办理 and
// answers; the case page then shows the answer in its card and its timeline.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, newContext } from '../helpers/browser.ts';
import { signIn, twoChars } from '../helpers/console-sign-in.ts';
import { orgIdByName } from '../helpers/factories.ts';
import { residentId } from '../helpers/identity.ts';
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

async function toWorkbench(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: '主菜单' })
    .getByRole('link', { name: '依申请公开', exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: '依申请公开工作台' }).waitFor();
}

async function pick(page: Page, field: Locator, option: string, search = false): Promise<void> {
  await field.click();
  if (search) await field.fill(option);
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await dropdown
    .locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper')
    .filter({ hasText: new RegExp(`^${option}$`) })
    .first()
    .click();
  await dropdown.waitFor({ state: 'hidden' });
}

const assistanceCard = (page: Page) =>
  page
    .locator('.ant-card')
    .filter({ has: page.locator('.ant-card-head-title', { hasText: /^协助调查\/会商$/ }) });

test('协助调查: asked from the case page, answered under 协助办理, shown on the case; a saved view', async () => {
  const office = await server.testApp.as('t_office');
  const db = server.testApp.db;
  const created = await office.send('POST', '/api/requests', {
    orgId: await orgIdByName(db, '济宁市人民政府'),
    channel: 'in-person',
    submittedOn: '2025-03-03',
    receivedOn: null,
    applicant: {
      type: 'natural',
      name: '赵六',
      idType: 'resident-id',
      idNumber: residentId('37080219850615123'),
      phone: '13912345678',
    },
    request: { subject: '某中学新建校舍资金拨付文件', description: '请提供拨付文件' },
  });
  assert.equal(created.statusCode, 200, created.body);
  const { id, caseNo } = created.json().case as { id: number; caseNo: string };
  const assigned = await office.send('POST', `/api/requests/${id}/actions`, {
    action: 'assign',
    on: '2025-03-04',
    unitId: await orgIdByName(db, '市教育局'),
  });
  assert.equal(assigned.statusCode, 200, assigned.body);

  const handlerContext = await newContext(browser);
  const financeContext = await newContext(browser);
  try {
    // The handler of 市教育局 asks 市财政局 from the case page.
    const handler = await signIn(handlerContext, server.url, 't_handler');
    await toWorkbench(handler);
    // A saved view: the current filter (逾期) under a name, listed afterwards.
    // The filters live in the address (the checkbox follows it).
    await handler.getByRole('checkbox', { name: '逾期' }).click();
    await handler.waitForURL(/overdue=1/);
    await handler.getByRole('button', { name: '保存当前筛选' }).click();
    const save = handler.getByRole('dialog', { name: '保存当前筛选' });
    await save.getByLabel('名称').fill('我的逾期件');
    await save.getByRole('button', { name: twoChars('保存') }).click();
    await handler.getByText('已保存为常用筛选').waitFor();
    await handler.getByRole('button', { name: '重命名' }).waitFor();
    await handler.getByRole('checkbox', { name: '逾期' }).click();
    await handler.waitForURL((url) => !url.search.includes('overdue'));

    await handler.getByRole('link', { name: caseNo, exact: true }).click();
    await handler.getByRole('heading', { level: 1, name: `申请 ${caseNo}` }).waitFor();
    await handler
      .getByRole('region', { name: '可办理的操作' })
      .getByRole('button', { name: '请求协助（协助调查/会商）' })
      .click();
    const dialog = handler.getByRole('dialog', { name: '请求协助（协助调查/会商）' });
    await dialog.waitFor();
    await pick(handler, dialog.getByLabel('协助单位'), '市财政局', true);
    await dialog.getByLabel('协助事项').fill('请核实该校舍项目资金的拨付文号');
    const due = dialog.getByLabel('协助办理期限');
    await due.click();
    await due.fill('2099-12-31');
    await handler
      .locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')
      .locator('td[title="2099-12-31"]')
      .click();
    await dialog.getByRole('button', { name: twoChars('确定') }).click();
    await handler.getByText('已办理：请求协助（协助调查/会商）', { exact: true }).waitFor();
    await assistanceCard(handler).getByText('待答复', { exact: true }).waitFor();
    await assistanceCard(handler).getByText('请核实该校舍项目资金的拨付文号').waitFor();

    // A handler of 市财政局 answers under 协助办理.
    const finance = await signIn(financeContext, server.url, 't_handler2');
    await toWorkbench(finance);
    await finance.getByText('协助办理', { exact: true }).click();
    const row = finance.locator('tr').filter({ hasText: '请核实该校舍项目资金的拨付文号' });
    await row.waitFor();
    assert.match(await row.innerText(), /市教育局/);
    await row.getByRole('button', { name: twoChars('答复') }).click();
    const answer = finance.getByRole('dialog', { name: `答复协助请求（${caseNo}）` });
    await answer.getByLabel('答复内容').fill('经核实，拨付文号为济财教〔2024〕12号。');
    await answer.getByRole('button', { name: '提交答复' }).click();
    await finance.getByText('已答复协助请求').waitFor();
    await finance.getByText('没有待答复的协助请求').waitFor();

    // The case page shows the answer in the card and in the timeline.
    await handler.reload();
    await assistanceCard(handler).getByText('已答复', { exact: true }).waitFor();
    await assistanceCard(handler).getByText('经核实，拨付文号为济财教〔2024〕12号。').waitFor();
    await handler.getByText('答复内容：经核实，拨付文号为济财教〔2024〕12号。').waitFor();
  } finally {
    await handlerContext.close();
    await financeContext.close();
  }
});
