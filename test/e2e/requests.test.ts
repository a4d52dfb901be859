// The 依申请公开 journey end to end: a citizen applies on the portal (without JavaScript), the office and
// the handling unit work the case in the admin console, the citizen corrects the application and downloads
// the reply letter, the office archives the case. Every reply deadline shown is checked against the pure
// clock (computeClock over the bundled calendar) with the same events.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { bundledCalendar, formatChineseDate } from '../../src/modules/calendar/index.ts';
import { type ClockEvent, computeClock } from '../../src/modules/requests/domain/clock.ts';
import { flagForRelease } from '../../src/modules/requests/release-queue.ts';
import { launchBrowser, newContext } from '../helpers/browser.ts';
import { TEST_TODAY } from '../helpers/clock.ts';
import { signIn, twoChars } from '../helpers/console-sign-in.ts';
import { actorOf, createTestUser } from '../helpers/factories.ts';
import { residentId } from '../helpers/identity.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startTestServer();
  // 负责人 of the city government's disclosure office: signs its replies (答复审核签发).
  await createTestUser(server.testApp.db, {
    username: 't_head',
    role: 'approver',
    org: '市政府办公室',
    displayName: '李主任',
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** The disclosed part of the information, released with the reply. */
const RELEASED_PDF = Buffer.from('%PDF-1.4\n% 招生方案（公开部分）\n');

/** ISO date `days` calendar days after `iso`. */
function plusDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The reply deadline the pure clock gives for an online application received `today`. */
function expectedDue(today: string, events: ClockEvent[]): string {
  const clock = computeClock({
    calendar: bundledCalendar,
    receipt: { channel: 'online', receivedOn: today },
    events,
    today,
  });
  assert.ok(clock.replyDue, `the clock gives a reply deadline for ${JSON.stringify(events)}`);
  return formatChineseDate(clock.replyDue);
}

// ---------------------------------------------------------------------------------------------------------
// Admin console helpers

/** From the console home to the case, through the 依申请公开 workbench list. */
async function openCaseFromWorkbench(page: Page, caseNo: string): Promise<void> {
  await page
    .getByRole('navigation', { name: '主菜单' })
    .getByRole('link', { name: '依申请公开', exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: '依申请公开工作台' }).waitFor();
  await page.getByRole('link', { name: caseNo, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `申请 ${caseNo}` }).waitFor();
}

const actions = (page: Page) => page.getByRole('region', { name: '可办理的操作' });

/** Opens an action's dialog from the case page's action buttons. */
async function openAction(page: Page, label: string): Promise<Locator> {
  const name = [...label].length === 2 ? twoChars(label) : label;
  await actions(page)
    .getByRole('button', { name, exact: typeof name === 'string' })
    .click();
  const dialog = page.getByRole('dialog', { name: label });
  await dialog.waitFor();
  return dialog;
}

/** Presses 确定 and waits until the action is done (the dialog closes, the case page shows the new state). */
async function confirmAction(page: Page, dialog: Locator, label: string): Promise<void> {
  await dialog.getByRole('button', { name: twoChars('确定') }).click();
  await page.getByText(`已办理：${label}`, { exact: true }).waitFor();
  await dialog.waitFor({ state: 'hidden' });
}

/** The value of one line of the 办理期限 card (e.g. 答复期限). */
function clockValue(page: Page, label: string): Locator {
  const card = page.locator('.ant-card').filter({
    has: page.locator('.ant-card-head-title', { hasText: /^办理期限$/ }),
  });
  return card
    .locator('.ant-descriptions-item-container')
    .filter({ has: page.locator('.ant-descriptions-item-label', { hasText: new RegExp(`^${label}$`) }) })
    .locator('.ant-descriptions-item-content');
}

async function expectStage(page: Page, label: string): Promise<void> {
  await page
    .locator('.ant-descriptions-item-container')
    .filter({ has: page.locator('.ant-descriptions-item-label', { hasText: /^阶段$/ }) })
    .getByText(label, { exact: true })
    .waitFor();
}

/** Picks an option of an antd Select (or a TreeSelect node) in the open dropdown. */
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

// ---------------------------------------------------------------------------------------------------------
// Portal helpers (the citizen's browser runs without JavaScript)

const fact = (page: Page, label: string) =>
  page
    .locator('dl.facts dt', { hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');

async function lookUp(page: Page, code: string, password: string): Promise<void> {
  await page.goto(`${server.url}/gk/apply/track`);
  await page.getByLabel('跟踪码').fill(code);
  await page.getByLabel('查询密码').fill(password);
  await page.getByRole('button', { name: '查询办理进度' }).click();
  await page.getByRole('heading', { level: 1, name: '办理进度' }).waitFor();
}

/** The 审核签发 card of the case page. */
const signoffCard = (page: Page) =>
  page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: /^审核签发$/ }) });

test('依申请公开: apply online, confirm, assign, correction, reply 部分公开 through 审核签发, download the letter, archive', async (t) => {
  const started = performance.now();
  const today = TEST_TODAY; // the test server's platform clock, which the console follows
  const citizenContext = await newContext(browser, { javaScriptEnabled: false });
  // The office works on a common 1366 px laptop screen.
  const officeContext = await newContext(browser, { viewport: { width: 1366, height: 768 } });
  const handlerContext = await newContext(browser);
  const headContext = await newContext(browser);
  try {
    // 1. The citizen applies on the portal form.
    const citizen = await citizenContext.newPage();
    await citizen.goto(`${server.url}/gk/apply/form`);
    await citizen.getByRole('heading', { level: 1 }).waitFor();
    await citizen.getByLabel('受理机关').selectOption({ label: '济宁市人民政府' });
    await citizen.getByLabel('自然人', { exact: true }).check();
    await citizen.getByLabel('姓名或名称').fill('王五');
    await citizen.getByLabel('证件类型').selectOption('resident-id');
    await citizen.getByLabel('证件号码').fill(residentId('37080219850615123'));
    await citizen.getByLabel('联系电话').fill('13912345678');
    await citizen.getByLabel('所需信息名称').fill('2025年城区学校布局调整方案');
    await citizen.getByLabel('内容描述').fill('请提供学校布局调整方案');
    await citizen.getByRole('button', { name: '提交申请' }).click();
    await citizen.getByRole('heading', { level: 1, name: '申请已提交' }).waitFor();
    const code = (await citizen.locator('#tracking-code').innerText()).trim();
    const password = (await citizen.locator('#query-password').innerText()).trim();
    const caseNo = (await fact(citizen, '案件编号').innerText()).trim();
    assert.match(code, /^[A-Z0-9]{10}$/);
    assert.match(password, /^[A-Z0-9]{8}$/);
    assert.ok(caseNo);

    // 2. The office confirms receipt: the 20 working days start today.
    const office = await signIn(officeContext, server.url, 't_office');
    await openCaseFromWorkbench(office, caseNo);
    await expectStage(office, '待确认收到');
    let dialog = await openAction(office, '确认收到');
    // The console's today is the server's (GONGKAI_CLOCK / the test clock), not the browser's.
    assert.equal(await dialog.getByLabel('确认收到日期').inputValue(), formatChineseDate(today));
    await confirmAction(office, dialog, '确认收到');
    await expectStage(office, '已登记');
    const firstDue = expectedDue(today, []);
    assert.equal(await clockValue(office, '答复期限').innerText(), firstDue);

    // 3. 分办 to 市教育局.
    dialog = await openAction(office, '分办');
    await pick(office, dialog.getByLabel('承办单位'), '市教育局', true);
    await confirmAction(office, dialog, '分办');
    await expectStage(office, '办理中');
    assert.equal(await clockValue(office, '答复期限').innerText(), firstDue);

    // The citizen sees the receipt and the same deadline.
    await lookUp(citizen, code, password);
    assert.equal(await fact(citizen, '办理阶段').locator('strong').innerText(), '办理中');
    assert.equal(await fact(citizen, '答复期限').innerText(), firstDue);

    // 4. 补正告知: items and a deadline ten days on.
    const correctionDeadline = plusDays(today, 10);
    dialog = await openAction(office, '补正告知');
    await dialog.getByLabel('需要补正的事项').fill('请写明所需方案涉及的区县和学段');
    const deadlineField = dialog.getByLabel('补正期限');
    await deadlineField.click();
    await deadlineField.fill(correctionDeadline);
    // Typing moves the open panel to that month; picking the day commits it (Enter would submit the form).
    await office
      .locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')
      .locator(`td[title="${correctionDeadline}"]`)
      .click();
    await confirmAction(office, dialog, '补正告知');
    await expectStage(office, '待补正');
    assert.equal(await clockValue(office, '答复期限').innerText(), '待收到补正后重新计算');

    // 5. The citizen sees the notice and submits the correction.
    await lookUp(citizen, code, password);
    assert.equal(await fact(citizen, '办理阶段').locator('strong').innerText(), '待补正');
    assert.equal(await fact(citizen, '答复期限').innerText(), '自收到您补正的申请之日起重新计算');
    await citizen.getByRole('heading', { level: 2, name: '提交补正内容' }).waitFor();
    await citizen.getByText('请写明所需方案涉及的区县和学段').first().waitFor();
    await citizen
      .getByText(`请于${formatChineseDate(correctionDeadline)}前补正。`, { exact: true })
      .waitFor();
    await citizen
      .getByLabel('补正后的内容描述')
      .fill('任城区、兖州区小学和初中学段的学校布局调整方案（2025年）');
    await citizen.locator('#correction-password').fill(password);
    await citizen.getByRole('button', { name: '提交补正内容' }).click();
    await citizen.getByText('补正内容已提交。').waitFor();
    const correctedEvents: ClockEvent[] = [
      { type: 'correction-notice-sent', on: today },
      { type: 'correction-received', on: today },
    ];
    const correctedDue = expectedDue(today, correctedEvents);
    assert.equal(await fact(citizen, '办理阶段').locator('strong').innerText(), '办理中');
    assert.equal(await fact(citizen, '答复期限').innerText(), correctedDue);
    await citizen.getByText(`新的答复期限：${correctedDue}`).waitFor();

    // 6. Nobody set the government's chain (系统管理 → 答复审核签发): its replies go through 公开办审核 and
    // 负责人签发 by default (条例第四十五条).
    await office.goto(`${server.url}/admin/system/signoff-chains`);
    await office.getByRole('heading', { level: 1, name: '答复审核签发' }).waitFor();
    const chainRow = office.getByRole('row').filter({ hasText: '济宁市人民政府' }).first();
    await chainRow.getByText('承办人拟稿 → 公开办审核 → 负责人签发').waitFor();
    await chainRow.getByText('未设置（默认流程）').waitFor();

    // 7. The handler of 市教育局 drafts the reply 部分公开 with a ground: no reply yet, the deadline shown.
    const handler = await signIn(handlerContext, server.url, 't_handler');
    await openCaseFromWorkbench(handler, caseNo);
    await expectStage(handler, '办理中');
    assert.equal(await clockValue(handler, '答复期限').innerText(), correctedDue);
    assert.equal(
      await actions(handler)
        .getByRole('button', { name: twoChars('答复') })
        .count(),
      0,
    );
    const draftReply = async (text: string, attachment?: string) => {
      const d = await openAction(handler, '拟写答复（提交审核签发）');
      await pick(handler, d.getByLabel('答复类型'), '部分公开', true);
      await pick(handler, d.getByLabel('不予公开部分的理由'), '保护第三方合法权益');
      await d.getByLabel('答复内容').fill(text);
      // The disclosed part goes with the reply (予以公开/部分公开: 随答复提供的政府信息).
      if (attachment) {
        await d.locator('input[type="file"]').setInputFiles({
          name: attachment,
          mimeType: 'application/pdf',
          buffer: RELEASED_PDF,
        });
        await d.getByText(attachment).waitFor();
      }
      await confirmAction(handler, d, '拟写答复（提交审核签发）');
    };
    await draftReply('方案中涉及第三方商业信息的部分不予公开。');
    await expectStage(handler, '办理中');
    await signoffCard(handler).getByText(`待办理；答复期限：${correctedDue}`).waitFor();

    // 8. 公开办 returns it with a comment; the handler reads it and drafts again.
    await openCaseFromWorkbench(office, caseNo);
    await signoffCard(office).getByText('待公开办审核').waitFor();
    dialog = await openAction(office, '退回修改');
    await dialog.getByLabel('修改意见').fill('请写明其余部分予以公开');
    await confirmAction(office, dialog, '退回修改');
    await handler.reload();
    await signoffCard(handler).getByText('修改意见：请写明其余部分予以公开').waitFor();
    await draftReply(
      '方案中涉及第三方商业信息的部分不予公开，其余部分予以公开。',
      '招生方案（公开部分）.pdf',
    );

    // 9. 公开办 approves; its 负责人 signs: only now 已答复, with the letter.
    await office.reload();
    dialog = await openAction(office, '审核通过');
    await confirmAction(office, dialog, '审核通过');
    await signoffCard(office).getByText('待负责人签发').waitFor();
    const head = await signIn(headContext, server.url, 't_head');
    await head.goto(`${server.url}/admin/requests/${new URL(office.url()).pathname.split('/').pop()}`);
    await head.getByRole('heading', { level: 1, name: `申请 ${caseNo}` }).waitFor();
    assert.equal(await clockValue(head, '答复期限').innerText(), correctedDue);
    await actions(head).getByRole('button', { name: '签发答复' }).click();
    dialog = head.getByRole('dialog', { name: '签发答复' });
    await dialog.getByText('方案中涉及第三方商业信息的部分不予公开，其余部分予以公开。').waitFor();
    await dialog.getByText('随答复提供：招生方案（公开部分）.pdf').waitFor();
    await dialog.getByRole('button', { name: twoChars('确定') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectStage(head, '已答复');
    await signoffCard(head)
      .getByText(/已由李主任代表济宁市人民政府于.*签发/)
      .waitFor();
    assert.equal(await clockValue(head, '答复期限').innerText(), correctedDue);

    // 10. The citizen downloads the reply letter from the tracking page.
    await lookUp(citizen, code, password);
    assert.equal(await fact(citizen, '办理阶段').locator('strong').innerText(), '已答复');
    assert.equal(await fact(citizen, '办理结果').innerText(), '部分公开');
    await citizen.getByRole('heading', { level: 2, name: '文书下载' }).waitFor();
    const letterLink = citizen.getByRole('link', { name: '政府信息部分公开告知书', exact: true });
    const [download] = await Promise.all([citizen.waitForEvent('download'), letterLink.click()]);
    assert.equal(download.suggestedFilename(), `${caseNo}-政府信息部分公开告知书.docx`);
    const bytes = await readFile(await download.path());
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'the letter is a .docx (zip)');
    assert.ok(bytes.includes(Buffer.from('word/document.xml')), 'the zip holds a Word document');
    // The disclosed part is downloadable with the reply.
    await citizen.getByRole('heading', { level: 2, name: '公开的政府信息' }).waitFor();
    const releasedLink = citizen.getByRole('link', { name: '招生方案（公开部分）.pdf', exact: true });
    const [released] = await Promise.all([citizen.waitForEvent('download'), releasedLink.click()]);
    assert.equal(released.suggestedFilename(), '招生方案（公开部分）.pdf');
    assert.deepEqual(await readFile(await released.path()), RELEASED_PDF);

    // 10b. Proposed for proactive disclosure (条例第四十四条), the office decides on the 转主动公开 page.
    const caseId = Number(new URL(head.url()).pathname.split('/').pop());
    await flagForRelease(
      server.testApp.db,
      await actorOf(server.testApp.db, 't_handler'),
      caseId,
      '多人申请',
    );
    await office
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('link', { name: '转主动公开', exact: true })
      .click();
    await office.getByRole('heading', { level: 1, name: '转主动公开' }).waitFor();
    const entry = office.getByRole('row').filter({ hasText: caseNo });
    await entry.getByText('待决定').waitFor();
    await entry.getByRole('button', { name: '转为主动公开' }).click();
    const decideDialog = office.getByRole('dialog', { name: '转为主动公开' });
    await decideDialog.getByLabel('说明（可选）').fill('已在政府信息公开专栏发布');
    await decideDialog.getByRole('button', { name: twoChars('确定') }).click();
    await office.getByText('已决定转为主动公开').waitFor();
    await office.locator('.ant-segmented').getByText('已转主动公开', { exact: true }).click();
    await office.getByRole('row').filter({ hasText: caseNo }).getByText('已在政府信息公开专栏发布').waitFor();
    await office.goto(`${server.url}/admin/requests/${caseId}`);
    await office.getByRole('heading', { level: 1, name: `申请 ${caseNo}` }).waitFor();

    // 11. The office archives the case.
    await office.reload();
    await expectStage(office, '已答复');
    dialog = await openAction(office, '归档');
    await confirmAction(office, dialog, '归档');
    await expectStage(office, '已归档');
    assert.equal(await clockValue(office, '答复期限').innerText(), correctedDue);
    await actions(office).getByText('当前没有可以办理的操作。').waitFor();

    // 12. The workbench: the archived case is under 全部（含已办结）, not under 全部在办 (the default);
    // at 1366 px the deadline column is in view without scrolling sideways.
    await office
      .getByRole('navigation', { name: '主菜单' })
      .getByRole('link', { name: '依申请公开', exact: true })
      .click();
    await office.getByRole('heading', { level: 1, name: '依申请公开工作台' }).waitFor();
    const views = office.getByRole('group', { name: '常用视图' });
    await views.getByRole('button', { name: '全部（含已办结）' }).click();
    const archivedLink = office.getByRole('link', { name: caseNo, exact: true });
    await archivedLink.waitFor();
    await views.getByRole('button', { name: '全部在办' }).click();
    await archivedLink.waitFor({ state: 'detached' });
    const header = await office.getByRole('columnheader', { name: '答复期限' }).boundingBox();
    assert.ok(header && header.x >= 0 && header.x + header.width <= 1366, JSON.stringify(header));

    t.diagnostic(`journey: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await citizenContext.close();
    await officeContext.close();
    await handlerContext.close();
    await headContext.close();
  }
});

test('转办: the office hands an application to an agency of the same government; the applicant sees 已转至', async () => {
  const today = TEST_TODAY;
  const citizenContext = await newContext(browser, { javaScriptEnabled: false });
  const officeContext = await newContext(browser);
  try {
    const citizen = await citizenContext.newPage();
    await citizen.goto(`${server.url}/gk/apply/form`);
    await citizen.getByLabel('受理机关').selectOption({ label: '济宁市人民政府' });
    await citizen.getByLabel('自然人', { exact: true }).check();
    await citizen.getByLabel('姓名或名称').fill('赵六');
    await citizen.getByLabel('证件类型').selectOption('resident-id');
    await citizen.getByLabel('证件号码').fill(residentId('37080219900101123'));
    await citizen.getByLabel('联系电话').fill('13912345679');
    await citizen.getByLabel('所需信息名称').fill('2025年市级预算公开目录');
    await citizen.getByLabel('内容描述').fill('请提供市级预算公开目录');
    await citizen.getByRole('button', { name: '提交申请' }).click();
    await citizen.getByRole('heading', { level: 1, name: '申请已提交' }).waitFor();
    const code = (await citizen.locator('#tracking-code').innerText()).trim();
    const password = (await citizen.locator('#query-password').innerText()).trim();
    const caseNo = (await fact(citizen, '案件编号').innerText()).trim();

    const office = await signIn(officeContext, server.url, 't_office');
    await openCaseFromWorkbench(office, caseNo);
    let dialog = await openAction(office, '确认收到');
    await confirmAction(office, dialog, '确认收到');
    const due = expectedDue(today, []);
    assert.equal(await clockValue(office, '答复期限').innerText(), due);

    dialog = await openAction(office, '转办');
    // Only agencies of the same government are offered: no county department.
    const target = dialog.getByLabel('转至');
    await target.click();
    await target.fill('邹城');
    await office.getByText('本级人民政府没有其他受理申请的行政机关').waitFor();
    await target.fill('');
    await office.keyboard.press('Escape');
    await pick(office, target, '市财政局', true);
    await dialog.getByLabel('转办理由').fill('该预算目录由市财政局负责公开');
    await confirmAction(office, dialog, '转办');
    // 市财政局 has no office of its own in the fixtures: the government's office still receives for it.
    await expectStage(office, '已登记');
    await office.getByText('转至：市财政局').waitFor();
    assert.equal(await clockValue(office, '答复期限').innerText(), due, 'the deadline is unchanged');

    await lookUp(citizen, code, password);
    await citizen.getByText('已转至市财政局').waitFor();
    assert.equal(await fact(citizen, '答复期限').innerText(), due);
  } finally {
    await citizenContext.close();
    await officeContext.close();
  }
});
