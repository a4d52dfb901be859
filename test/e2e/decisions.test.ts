// The 意见征集 journey end to end: the office publishes a consultation; a citizen comments on the portal
// with JavaScript disabled; the office imports letters from .xlsx, groups the campaign of copies, closes
// the consultation and publishes its feedback; the citizen sees the feedback on the portal. axe-core
// checks the portal pages in both display modes and the console pages on the way.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
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

const TITLE = '关于《中心城区生活垃圾中转站布局规划（草案）》公开征求意见的公告';
const DRAFT = [
  '第一条 新建生活垃圾中转站12座。',
  '第二条 幸福路中转站选址于幸福小区东侧空地。',
  '第三条 建立中转站运行数据定期公开制度。',
].join('\n');
const CAMPAIGN =
  '坚决反对在幸福小区东侧建设垃圾中转站，选址距离居民楼不足五十米，夏季异味和蚊虫将严重影响居民生活，请求政府重新论证选址。';
const LETTERS = [
  CAMPAIGN,
  CAMPAIGN.replace('幸福小区', '阳光花园'),
  CAMPAIGN.replace('五十米', '40米'),
  `${CAMPAIGN}我家老人有哮喘。`,
  CAMPAIGN.replace('坚决反对', '强烈反对'),
];
const REASON = '经比选该地块为唯一可用地块，已增加全封闭除臭和降噪措施。';

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

/**
 * A portal page checked by axe in the standard and the elderly mode (axe runs as a script, so in a
 * context with JavaScript; the citizen's own context has it off).
 */
async function checkBothModes(
  context: BrowserContext,
  url: string,
  where: string,
  before?: (p: Page) => Promise<void>,
) {
  const page = await context.newPage();
  try {
    await page.goto(url);
    if (before) await before(page);
    await expectNoViolations(page, where);
    await page.getByRole('link', { name: /^长者模式/ }).click();
    await page.getByRole('link', { name: /^标准模式/ }).waitFor();
    if (before) await before(page);
    await expectNoViolations(page, `${where}（长者模式）`);
    await page.getByRole('link', { name: /^标准模式/ }).click();
    await page.getByRole('link', { name: /^长者模式/ }).waitFor();
  } finally {
    await page.close();
  }
}

async function lettersXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('来信');
  ws.addRow(['姓名', '意见内容', '条款']);
  for (const [i, l] of LETTERS.entries()) ws.addRow([`居民${i + 1}`, l, '2']);
  ws.addRow(['', '建议公开中转站每月运行监测数据。', '3']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('意见征集: publish, comment without JavaScript, import letters, group the campaign, publish feedback', async () => {
  const staffContext = await newContext(browser);
  const citizenContext = await newContext(browser, { javaScriptEnabled: false });
  const axeContext = await newContext(browser);
  try {
    // 1. The office creates and publishes the consultation.
    const office = await signIn(staffContext, server.url, 't_office');
    await office.getByRole('navigation', { name: '主菜单' }).getByRole('link', { name: '决策公开' }).click();
    await office.getByRole('heading', { level: 1, name: '意见征集' }).waitFor();
    await office.getByRole('button', { name: '新建意见征集' }).click();
    const dialog = office.getByRole('dialog', { name: '新建意见征集' });
    await pick(office, dialog.getByLabel('发布机关'), '济宁市人民政府');
    await dialog.getByLabel('标题').fill(TITLE);
    await dialog.getByLabel('决策草案').fill(DRAFT);
    await dialog.getByLabel('起草说明').fill('为补齐中心城区垃圾转运设施短板，编制本规划草案。');
    await dialog.getByLabel('开始日期').fill('2026-03-16');
    // 29 days: refused, the reason asked for (713 Art. 15).
    await dialog.getByLabel('截止日期').fill('2026-04-14');
    await dialog.getByRole('button', { name: twoChars('保存') }).click();
    await dialog
      .getByText(/征求意见期限为29日/)
      .first()
      .waitFor();
    await dialog.getByLabel('截止日期').fill('2026-04-15');
    await dialog.getByRole('button', { name: twoChars('保存') }).click();
    await office.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await office.getByRole('button', { name: twoChars('发布') }).click();
    await office.getByText('征集中').first().waitFor();
    await expectNoViolations(office, '意见征集详情');

    // 2. A citizen comments on the portal, JavaScript off.
    const citizen = await citizenContext.newPage();
    await citizen.goto(`${server.url}/gk/decisions`);
    await checkBothModes(axeContext, `${server.url}/gk/decisions`, '决策公开栏目');
    await citizen.getByRole('link', { name: new RegExp(TITLE.slice(0, 10)) }).click();
    await citizen.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    const detailUrl = citizen.url();
    await checkBothModes(axeContext, detailUrl, '意见征集页面');
    await checkBothModes(axeContext, detailUrl, '意见表（有错误）', async (p) => {
      await p.getByRole('button', { name: '提交意见' }).click();
      await p.getByText('请填写意见内容').first().waitFor();
    });
    // An empty comment comes back with the error and what was typed.
    await citizen.getByLabel(/^联系方式/).fill('13800001111');
    await citizen.getByRole('button', { name: '提交意见' }).click();
    await citizen.getByText('请填写意见内容').first().waitFor();
    assert.equal(await citizen.getByLabel(/^联系方式/).inputValue(), '13800001111');
    await citizen.getByLabel(/^针对条款/).selectOption('3');
    await citizen.getByLabel(/^意见内容/).fill('建议中转站运行数据每月在网站公开。');
    await citizen.getByLabel(/^姓名/).fill('李明');
    await citizen.getByRole('button', { name: '提交意见' }).click();
    await citizen.getByText('您的意见已提交').waitFor();

    // 3. The office imports the letters from .xlsx and groups the campaign.
    await office.reload();
    await office.getByRole('tab', { name: '录入和导入' }).click();
    await office.locator('input[type="file"]').setInputFiles({
      name: '来信意见.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await lettersXlsx(),
    });
    await office.getByText('已导入6条意见').waitFor();
    // The import reloads the consultation: its tab counts the new comments once that is done.
    await office.getByRole('tab', { name: '意见（7）' }).waitFor();
    await office.getByRole('tab', { name: /^分组/ }).click();
    const regrouped = office.waitForResponse((r) => r.url().endsWith('/regroup'));
    await office.getByRole('button', { name: /自动分组/ }).click();
    const grouped = await regrouped;
    assert.equal(grouped.status(), 200, await grouped.text());
    await office
      .getByText(/5条相同或相近意见/)
      .first()
      .waitFor();
    await expectNoViolations(office, '意见分组');

    // 4. Closed, the group gets its feedback, the report is published.
    await office.getByRole('button', { name: '结束征集' }).click();
    await office.getByText('已结束').first().waitFor();
    await office.getByRole('tab', { name: /^意见/ }).click();
    await office
      .getByRole('row')
      .filter({ hasText: '阳光花园' })
      .getByRole('button', { name: '采纳情况' })
      .click();
    const judge = office.getByRole('dialog', { name: '采纳情况' });
    await pick(office, judge.getByLabel('采纳情况', { exact: true }), '未采纳');
    await judge.getByLabel(/^理由/).fill(REASON);
    await judge.getByRole('button', { name: twoChars('保存') }).click();
    await judge.waitFor({ state: 'hidden' });
    await office.getByRole('tab', { name: '采纳情况' }).click();
    await office.getByLabel('采纳情况说明').fill('本次共收到意见7条，经研究，采纳情况如下。');
    await office.getByRole('button', { name: '发布采纳情况' }).click();
    await office
      .getByText(/已于.*发布/)
      .first()
      .waitFor();

    // 5. The citizen sees the feedback, never the senders.
    await citizen.goto(`${server.url}/gk/decisions`);
    await citizen.getByRole('link', { name: new RegExp(TITLE.slice(0, 10)) }).click();
    await citizen.getByRole('heading', { level: 2, name: '意见采纳情况' }).waitFor();
    await citizen.getByText('5人提出相同或相近意见（未采纳）').waitFor();
    await citizen.getByText(REASON).first().waitFor();
    const text = await citizen.locator('main').innerText();
    assert.ok(
      !text.includes('李明') && !text.includes('13800001111') && !text.includes('居民1'),
      'no personal data',
    );
    await checkBothModes(axeContext, citizen.url(), '意见采纳情况');
  } finally {
    await citizenContext.close();
    await axeContext.close();
    await staffContext.close();
  }
});
