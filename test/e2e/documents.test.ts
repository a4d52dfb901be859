// The 政府文件库 journey end to end: the office drafts a 行政规范性文件 for 市教育局 in the admin console
// (a malformed 文号 is refused at the field), sets it 主动公开 and submits it; the 市教育局 reviewer approves
// it (保密审查); publishing is refused until an interpretation exists (三同步); an interpretation is added,
// the document is published and put in a published issue of the 政府公报 (with its PDF link), and the
// citizen's portal search (without JavaScript) finds it by its 文号. axe-core checks the document list,
// the drafting form and the document page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { axe, formatViolations, launchBrowser, newContext } from '../helpers/browser.ts';
import { TEST_TODAY } from '../helpers/clock.ts';
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

const buttonName = (label: string) => ([...label].length === 2 ? twoChars(label) : label);

/**
 * Picks an option of an antd Select (or a TreeSelect node) in the open dropdown. A click that lands while
 * the filtered list is still re-rendering may select nothing: the option is then clicked again.
 */
async function pick(page: Page, field: Locator, option: string, search = false): Promise<void> {
  await field.click();
  if (search) await field.fill(option);
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const choice = dropdown
    .locator('.ant-select-item-option, .ant-select-tree-node-content-wrapper')
    .filter({ hasText: new RegExp(`^${option}$`) })
    .first();
  for (let attempt = 1; ; attempt++) {
    await choice.click();
    try {
      await dropdown.waitFor({ state: 'hidden', timeout: 3000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}

const actions = (page: Page) => page.getByRole('region', { name: '可办理的操作' });

async function expectStatus(page: Page, label: string): Promise<void> {
  await page
    .locator('.ant-descriptions-item-container')
    .filter({ has: page.locator('.ant-descriptions-item-label', { hasText: /^状态$/ }) })
    .getByText(label, { exact: true })
    .waitFor();
}

async function assertNoSeriousViolations(page: Page, what: string): Promise<void> {
  // The pointer rests where the last click was: move it off any link (hover colours are lighter) and let
  // colour transitions finish, so that axe measures the colours a reader sees.
  await page.mouse.move(0, 0);
  await page.waitForFunction(() =>
    (globalThis as unknown as { document: { getAnimations(): { playState: string }[] } }).document
      .getAnimations()
      .every((a) => a.playState !== 'running'),
  );
  const violations = await axe(page);
  assert.equal(violations.length, 0, `${what}:\n${formatViolations(violations)}`);
}

test('政府文件库: draft, 文号 checked, review, 三同步 refusal, interpretation, publish, 政府公报, portal search by 文号', async () => {
  const year = TEST_TODAY.slice(0, 4);
  const title = `${year}年济宁市中小学课后服务管理办法`;
  const typedNumber = `济教发[${year}]37号`;
  const docNumber = `济教发〔${year}〕37号`;
  const officeContext = await newContext(browser);
  const reviewerContext = await newContext(browser);
  const citizenContext = await newContext(browser, { javaScriptEnabled: false });
  try {
    // ── The office drafts the document ──────────────────────────────────────────────────────────────
    const office = await signIn(officeContext, server.url, 't_office');
    await office
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('link', { name: '政府文件库', exact: true })
      .click();
    await office.getByRole('heading', { level: 1, name: '文件管理' }).waitFor();
    await office.getByText('暂无文件').waitFor();
    await assertNoSeriousViolations(office, 'document list (empty)');

    await office.getByRole('button', { name: '起草文件' }).click();
    await office.getByRole('heading', { level: 1, name: '起草文件' }).waitFor();
    await assertNoSeriousViolations(office, 'drafting form');

    await office.getByLabel('标题', { exact: true }).fill(title);
    await pick(office, office.getByLabel('发文机关（主办）'), '市教育局', true);
    await pick(office, office.getByLabel('体裁'), '行政规范性文件');
    // The body is a rich-text editor: typed text becomes paragraphs.
    await office.getByLabel('正文', { exact: true }).fill('为规范全市中小学课后服务，制定本办法。');
    await office.getByLabel('主动公开', { exact: true }).check();
    // A serial with a leading zero is refused, and the reason is shown at the 文号 field.
    await office.getByLabel('文号', { exact: true }).fill(`济教发〔${year}〕07号`);
    await office.getByRole('button', { name: twoChars('保存') }).click();
    const numberHelp = office.locator('#docNumber_help');
    await numberHelp.getByText(/不编虚位/).waitFor();
    await office.getByRole('alert').filter({ hasText: '文号格式不正确' }).first().waitFor();

    // Square brackets are accepted and normalised to 〔〕.
    await office.getByLabel('文号', { exact: true }).fill(typedNumber);
    await numberHelp.getByText(/不编虚位/).waitFor({ state: 'detached' });
    await office.getByRole('button', { name: twoChars('保存') }).click();
    await office.getByRole('heading', { level: 1, name: title }).waitFor();
    await expectStatus(office, '草稿');
    await office
      .locator('.ant-descriptions-item-container')
      .filter({ has: office.locator('.ant-descriptions-item-label', { hasText: /^文号$/ }) })
      .getByText(docNumber, { exact: true })
      .waitFor();
    // The Art. 26 deadline of a proactive document is shown while it is unpublished.
    await office.getByText(/^主动公开期限：/).waitFor();

    // ── 不解读不运转 (三同步): no submission for signature before an interpretation exists ──────────────
    await actions(office).getByRole('button', { name: '提交保密审查' }).click();
    await actions(office)
      .getByRole('alert')
      .filter({ hasText: '行政规范性文件应当与解读材料同步起草、同步审签、同步发布（三同步，不解读不运转）' })
      .waitFor();
    await expectStatus(office, '草稿');
    await office.getByRole('button', { name: '添加解读' }).click();
    const interp = office.getByRole('dialog', { name: '添加解读材料' });
    await interp.getByLabel('解读标题').fill(`《${title}》政策解读`);
    await interp
      .getByLabel('解读正文')
      .fill('一、制定背景：落实“双减”要求。二、主要内容：课后服务时间、内容和收费。');
    await interp.getByRole('button', { name: twoChars('保存') }).click();
    await interp.waitFor({ state: 'hidden' });
    await office.getByText(`《${title}》政策解读`, { exact: true }).waitFor();

    await actions(office).getByRole('button', { name: '提交保密审查' }).click();
    await expectStatus(office, '保密审查中');
    const documentUrl = office.url();

    // The list shows the draft with its 文号; axe again with a row in the table.
    await office.goto(`${server.url}/admin/documents`);
    await office.getByRole('link', { name: title }).waitFor();
    await office.getByRole('cell', { name: docNumber }).waitFor();
    await assertNoSeriousViolations(office, 'document list');

    // ── The 市教育局 reviewer approves it ────────────────────────────────────────────────────────────
    const reviewer = await signIn(reviewerContext, server.url, 't_reviewer');
    await reviewer.goto(`${server.url}/admin/documents/review`);
    await reviewer.getByRole('heading', { level: 1, name: '待审核文件' }).waitFor();
    await reviewer.getByRole('link', { name: title }).click();
    await reviewer.getByRole('heading', { level: 1, name: title }).waitFor();
    await actions(reviewer).getByRole('button', { name: '审查通过' }).click();
    const dialog = reviewer.getByRole('dialog', { name: '审查通过' });
    await dialog.getByLabel('审查意见').fill('经审查，不涉及国家秘密，同意主动公开。');
    await dialog.getByRole('button', { name: twoChars('确定') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectStatus(reviewer, '审查通过');
    await reviewer.getByText('意见：经审查，不涉及国家秘密，同意主动公开。').waitFor();

    // ── The office publishes: asked to confirm, signed in its name ─────────────────────────────────────
    await office.goto(documentUrl);
    await office.getByRole('heading', { level: 1, name: title }).waitFor();
    await expectStatus(office, '审查通过');
    await actions(office)
      .getByRole('button', { name: buttonName('发布') })
      .click();
    const confirm = office.getByRole('dialog').filter({ hasText: '确认签发并发布？' });
    await confirm.getByText(/^签发人：/).waitFor();
    await assertNoSeriousViolations(office, 'publication confirmation');
    await confirm.getByRole('button', { name: twoChars('取消') }).click();
    await confirm.waitFor({ state: 'hidden' });
    await expectStatus(office, '审查通过');
    await actions(office)
      .getByRole('button', { name: buttonName('发布') })
      .click();
    await confirm.getByRole('button', { name: '确认签发并发布' }).click();
    await expectStatus(office, '已发布');
    await office
      .locator('.ant-descriptions-item-container')
      .filter({ has: office.locator('.ant-descriptions-item-label', { hasText: /^签发人$/ }) })
      .waitFor();
    await office.getByRole('link', { name: '在门户网站查看' }).waitFor();
    await assertNoSeriousViolations(office, 'document page');

    // ── A follow-up interpretation after publication waits for the reviewer ────────────────────────────
    await office.getByRole('button', { name: '添加解读' }).click();
    const followup = office.getByRole('dialog', { name: '添加解读材料' });
    await followup.getByLabel('解读标题').fill('课后服务实施一学期情况说明');
    await followup.getByLabel('解读正文').fill('一学期来，全市中小学课后服务覆盖率达到百分之九十五。');
    await followup.getByRole('button', { name: twoChars('保存') }).click();
    await followup.waitFor({ state: 'hidden' });
    const pendingItem = office.locator('.ant-list-item').filter({ hasText: '课后服务实施一学期情况说明' });
    await pendingItem.getByText('待审核').waitFor();
    await reviewer.goto(`${server.url}/admin/documents/review`);
    await reviewer.getByRole('heading', { level: 1, name: '待审核文件' }).waitFor();
    await reviewer.getByRole('link', { name: '课后服务实施一学期情况说明' }).click();
    await reviewer.getByRole('heading', { level: 1, name: title }).waitFor();
    await reviewer.getByRole('button', { name: '审核通过解读：课后服务实施一学期情况说明' }).click();
    await reviewer.locator('.ant-popconfirm').getByRole('button', { name: '审核通过并发布' }).click();
    await reviewer.getByText('已审核通过并发布：课后服务实施一学期情况说明').waitFor();
    await reviewer
      .locator('.ant-list-item')
      .filter({ hasText: '课后服务实施一学期情况说明' })
      .getByText(/^发布日期：/)
      .waitFor();

    // ── The office puts it in an issue of the 政府公报 and publishes the issue ───────────────────────
    await office.goto(`${server.url}/admin/documents/gazette`);
    await office.getByRole('heading', { level: 1, name: '政府公报' }).waitFor();
    await office.getByRole('button', { name: '新建一期' }).click();
    const issueDialog = office.getByRole('dialog', { name: '新建一期政府公报' });
    await issueDialog.getByRole('button', { name: twoChars('保存') }).click();
    await issueDialog.waitFor({ state: 'hidden' });
    const drawer = office.getByRole('dialog').filter({ hasText: '可刊登的文件和解读' });
    await drawer.getByRole('button', { name: `加入目录：${title}` }).click();
    await drawer.getByRole('button', { name: `移出目录：${title}` }).waitFor();
    await drawer.getByRole('button', { name: '保存目录' }).click();
    await office.getByText('已保存目录').waitFor();
    await drawer.getByRole('button', { name: twoChars('发布') }).click();
    await office
      .locator('.ant-popconfirm')
      .getByRole('button', { name: twoChars('发布') })
      .click();
    await office.getByText('已发布本期公报').waitFor();
    const pdf = office.getByRole('dialog').getByRole('link', { name: '下载PDF' });
    await pdf.waitFor();
    assert.match((await pdf.getAttribute('href')) ?? '', new RegExp(`^/gk/gazette/${year}/1/pdf$`));

    // ── The citizen finds it on the portal by its 文号 (typed with round brackets) ───────────────────
    const citizen = await citizenContext.newPage();
    await citizen.goto(`${server.url}/gk/documents/search`);
    await citizen.getByLabel('关键词或文号').fill(`济教发(${year})37号`);
    await citizen.getByRole('search', { name: '政府文件检索' }).getByRole('button', { name: '检索' }).click();
    const first = citizen.locator('ol.results > li').first();
    await first.getByRole('link', { name: title }).waitFor();
    await first.getByRole('link', { name: title }).click();
    await citizen.getByRole('heading', { level: 1, name: title }).waitFor();
    await citizen.getByText(docNumber).first().waitFor();
  } finally {
    await officeContext.close();
    await reviewerContext.close();
    await citizenContext.close();
  }
});
