// The first run of a real government, end to end on an empty database: the setup page (the government,
// its disclosure office, the administrator and the office's account), the organisation import from the
// downloaded template, an office account for the imported department, a citizen's application to that
// department on the portal (which never names the demo city), the department's office replying, the
// reply letter signed with the department's name, and the government's office seeing the case under 督办.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { bundledCalendar, formatChineseDate } from '../../src/modules/calendar/index.ts';
import { computeClock } from '../../src/modules/requests/domain/clock.ts';
import { axe, formatViolations, launchBrowser, newContext, STEP_TIMEOUT_MS } from '../helpers/browser.ts';
import { TEST_TODAY } from '../helpers/clock.ts';
import { submitLogin, twoChars } from '../helpers/console-sign-in.ts';
import { residentId } from '../helpers/identity.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startTestServer({ empty: true });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const GOVERNMENT = '梁山县人民政府';
const OFFICE = '梁山县人民政府办公室';
const DEPARTMENT = '梁山县教育局';
const ACCOUNTS = {
  admin: { username: 'lsadmin', password: 'Liangshan-admin-2026' },
  office: { username: 'ls_office', password: 'Liangshan-office-2026' },
  department: { username: 'ls_jyj_office', password: 'Jiaoyuju-office-2026' },
};

/** Signs in on the adminPage's login page; a forced password change is done on the way (new: `-new`). */
async function signIn(context: BrowserContext, account: { username: string; password: string }) {
  const page = await submitLogin(context, server.url, account.username, account.password);
  const landed = page.getByRole('heading', { level: 1, name: /^(工作台|修改密码)$/ });
  if ((await landed.innerText()) === '修改密码') {
    await page.getByLabel('当前密码').fill(account.password);
    await page.getByLabel('新密码', { exact: true }).fill(`${account.password}-new`);
    await page.getByLabel('确认新密码').fill(`${account.password}-new`);
    await page.getByRole('button', { name: '保存新密码' }).click();
    account.password = `${account.password}-new`;
  }
  await page.getByRole('heading', { level: 1, name: '工作台' }).waitFor();
  return page;
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

/** The portal page as the citizen sees it must never name the demo city. */
async function assertNoDemoCity(page: Page): Promise<void> {
  const html = await page.content();
  assert.doesNotMatch(html, /济宁/, `${page.url()} names 济宁`);
}

/** The paragraphs of a .docx (word/document.xml without its tags, one string per paragraph). */
function docxParagraphs(bytes: Uint8Array): string[] {
  const xml = unzipSync(bytes)['word/document.xml'];
  assert.ok(xml, 'the letter is a .docx with word/document.xml');
  return strFromU8(xml)
    .split('</w:p>')
    .map((p) => p.replace(/<[^>]+>/g, '').trim())
    .filter((p) => p !== '');
}

/** Opens an action's dialog from the case page's action buttons, and confirms it after `fill`. */
async function act(page: Page, label: string, fill: (dialog: Locator) => Promise<void>): Promise<void> {
  const name = [...label].length === 2 ? twoChars(label) : label;
  await page
    .getByRole('region', { name: '可办理的操作' })
    .getByRole('button', { name, exact: typeof name === 'string' })
    .click();
  const dialog = page.getByRole('dialog', { name: label });
  await dialog.waitFor();
  await fill(dialog);
  await dialog.getByRole('button', { name: twoChars('确定') }).click();
  await page.getByText(`已办理：${label}`, { exact: true }).waitFor();
  await dialog.waitFor({ state: 'hidden' });
}

async function expectStage(page: Page, label: string): Promise<void> {
  await page
    .locator('.ant-descriptions-item-container')
    .filter({ has: page.locator('.ant-descriptions-item-label', { hasText: /^阶段$/ }) })
    .getByText(label, { exact: true })
    .waitFor();
}

async function openWorkbench(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: '主菜单' })
    .getByRole('link', { name: '依申请公开', exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: '依申请公开工作台' }).waitFor();
}

test('first run: setup, import a department, its office account, an application, reply, 督办', async (t) => {
  const started = performance.now();
  const adminContext = await newContext(browser, { acceptDownloads: true });
  const citizenContext = await newContext(browser, { javaScriptEnabled: false });
  const departmentContext = await newContext(browser, { acceptDownloads: true });
  const officeContext = await newContext(browser);
  try {
    // 1. The empty database: /admin opens the setup page.
    const admin = await adminContext.newPage();
    await admin.goto(`${server.url}/admin`);
    await admin.getByRole('heading', { level: 1, name: '初始设置' }).waitFor();
    await admin.waitForURL(`${server.url}/admin/setup`);
    const violations = await axe(admin);
    assert.equal(violations.length, 0, `axe on /admin/setup:\n${formatViolations(violations)}`);
    await admin.locator('#setup_government').fill(GOVERNMENT);
    await admin.locator('#setup_regionCode').fill('370832');
    await admin.locator('#setup_office').fill(OFFICE);
    await admin.locator('#setup_adminUsername').fill(ACCOUNTS.admin.username);
    await admin.locator('#setup_adminPassword').fill(ACCOUNTS.admin.password);
    await admin.locator('#setup_officeUsername').fill(ACCOUNTS.office.username);
    await admin.locator('#setup_officeDisplayName').fill('王公开');
    await admin.locator('#setup_officePassword').fill(ACCOUNTS.office.password);
    await admin.locator('#setup_officePhone').fill('0537-7321234');
    await admin.getByRole('button', { name: '完成设置' }).click();
    await admin.getByText('初始设置已完成').waitFor();
    await admin.getByText(`${GOVERNMENT}，政府信息公开工作机构：${OFFICE}`).waitFor();
    await admin.getByText(ACCOUNTS.office.username, { exact: true }).waitFor();
    // Chosen passwords: nothing generated to show.
    assert.equal(await admin.getByText('初始密码').count(), 0);
    await admin.getByRole('button', { name: '前往登录' }).click();
    await admin.waitForURL(`${server.url}/admin/login`);
    await admin.close();

    // 2. The administrator signs in and imports the department from the downloaded template.
    const adminPage = await signIn(adminContext, ACCOUNTS.admin);
    await adminPage.goto(`${server.url}/admin/system/orgs`);
    await adminPage.getByRole('heading', { level: 1, name: '组织机构' }).waitFor();
    // The icon's label precedes the text in the button's name.
    await adminPage.getByRole('button', { name: /导\s*入$/ }).click();
    const importDialog = adminPage.getByRole('dialog', { name: '从表格导入机构' });
    await importDialog.waitFor();
    const [download] = await Promise.all([
      adminPage.waitForEvent('download', { timeout: STEP_TIMEOUT_MS }),
      importDialog.getByRole('button', { name: /下载模板$/ }).click(),
    ]);
    assert.equal(download.suggestedFilename(), '机构导入模板.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('机构');
    assert.ok(sheet, 'the template has the sheet 机构');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    assert.deepEqual(header, [
      '名称',
      '简称',
      '上级机构',
      '类型',
      '统一社会信用代码',
      '机构代码',
      '是否受理依申请公开',
    ]);
    // The sample row names the administrator's own government as the parent.
    assert.equal(sheet.getRow(2).getCell(3).value, GOVERNMENT);
    sheet.getRow(2).values = [DEPARTMENT, '教育局', GOVERNMENT, '政府部门', '', '', '是'];
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    await importDialog.locator('input[type=file]').setInputFiles({
      name: '梁山县机构.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: filled,
    });
    await importDialog.getByText('检查通过：将新增1个、修改0个机构，0个无变化。确认后一次性保存。').waitFor();
    await importDialog.getByRole('button', { name: '确认导入' }).click();
    await importDialog.getByRole('button', { name: twoChars('完成') }).click();
    await importDialog.waitFor({ state: 'hidden' });
    // The department accepts applications but has nobody of its own yet: the page says so.
    const nobody = adminPage.getByRole('list', { name: '没有本机关公开办账号的机关' });
    await nobody
      .getByText(`${DEPARTMENT}：暂由${OFFICE}代为受理（请为其设置公开办账号或受理方式）`)
      .waitFor();

    // 3. An office account for the department (用户管理 → 新增用户).
    await adminPage.goto(`${server.url}/admin/system/users`);
    await adminPage.getByRole('heading', { level: 1, name: '用户管理' }).waitFor();
    await adminPage.getByRole('button', { name: /新增用户$/ }).click();
    const userDialog = adminPage.getByRole('dialog', { name: '新增用户' });
    await userDialog.waitFor();
    await userDialog.getByLabel('用户名', { exact: true }).fill(ACCOUNTS.department.username);
    await userDialog.getByLabel('姓名', { exact: true }).fill('李教育');
    await pick(adminPage, userDialog.getByLabel('角色', { exact: true }), '公开办');
    await pick(adminPage, userDialog.getByLabel('所属机构', { exact: true }), DEPARTMENT, true);
    await userDialog.getByLabel('初始密码', { exact: true }).fill(ACCOUNTS.department.password);
    await userDialog.getByLabel('确认密码', { exact: true }).fill(ACCOUNTS.department.password);
    await userDialog.getByRole('button', { name: twoChars('保存') }).click();
    await userDialog.waitFor({ state: 'hidden' });
    await adminPage.getByRole('cell', { name: ACCOUNTS.department.username, exact: true }).waitFor();
    // Now every agency that accepts applications has someone of its own.
    const receivers = adminPage.waitForResponse((r) => r.url().endsWith('/api/orgs/receivers'));
    await adminPage.goto(`${server.url}/admin/system/orgs`);
    assert.deepEqual(await (await receivers).json(), { items: [] });
    await adminPage.getByRole('row').filter({ hasText: DEPARTMENT }).first().waitFor();
    assert.equal(await nobody.count(), 0);

    // 4. A citizen applies to the department on the portal (without JavaScript); no page names 济宁.
    const citizen = await citizenContext.newPage();
    await citizen.goto(`${server.url}/gk/apply/form`);
    await citizen.getByRole('heading', { level: 1 }).waitFor();
    await assertNoDemoCity(citizen);
    await citizen.getByLabel('受理机关').selectOption({ label: DEPARTMENT });
    await citizen.getByLabel('自然人', { exact: true }).check();
    await citizen.getByLabel('姓名或名称').fill('宋江');
    await citizen.getByLabel('证件类型').selectOption('resident-id');
    await citizen.getByLabel('证件号码').fill(residentId('37083219800101123'));
    await citizen.getByLabel('联系电话').fill('13912345678');
    await citizen.getByLabel('所需信息名称').fill('2026年梁山县义务教育学校招生方案');
    await citizen.getByLabel('内容描述').fill('请提供全县义务教育学校招生划片方案');
    await citizen.getByRole('button', { name: '提交申请' }).click();
    await citizen.getByRole('heading', { level: 1, name: '申请已提交' }).waitFor();
    await assertNoDemoCity(citizen);
    const caseNo = (
      await citizen
        .locator('dl.facts dt', { hasText: /^案件编号$/ })
        .locator('xpath=following-sibling::dd[1]')
        .innerText()
    ).trim();
    assert.ok(caseNo);
    await citizen.getByText(`受理机关：${DEPARTMENT}`, { exact: false }).first().waitFor();
    for (const path of ['/', '/gk/guide']) {
      await citizen.goto(`${server.url}${path}`);
      await citizen.getByText(GOVERNMENT).first().waitFor();
      await assertNoDemoCity(citizen);
    }

    // 5. The department's office receives it, replies 予以公开 and the letter is signed 梁山县教育局.
    const department = await signIn(departmentContext, ACCOUNTS.department);
    await openWorkbench(department);
    await department.getByRole('link', { name: caseNo, exact: true }).click();
    await department.getByRole('heading', { level: 1, name: `申请 ${caseNo}` }).waitFor();
    // An online application waits for its receipt to be confirmed: the 20 working days start today.
    await expectStage(department, '待确认收到');
    await act(department, '确认收到', async () => {});
    await expectStage(department, '已登记');
    // A new agency's replies go through 公开办审核 and 负责人签发 by default; this one has a single account
    // as yet, so its office shortens the chain explicitly (系统管理 → 答复审核签发).
    const caseUrl = department.url();
    await department.goto(`${server.url}/admin/system/signoff-chains`);
    await department.getByRole('heading', { level: 1, name: '答复审核签发' }).waitFor();
    await pick(
      department,
      department.getByLabel(`${DEPARTMENT}的答复审核签发流程`),
      '承办人直接答复（不经审核签发）',
    );
    await department.getByText(`已保存：${DEPARTMENT}的答复流程为“承办人直接答复（不经审核签发）”`).waitFor();
    await department.goto(caseUrl);
    await department.getByRole('heading', { level: 1, name: `申请 ${caseNo}` }).waitFor();
    await act(department, '答复', async (dialog) => {
      await pick(department, dialog.getByLabel('答复类型'), '予以公开', true);
      await dialog.getByLabel('答复内容').fill('招生划片方案已随本答复书提供，亦可在本局网站查阅。');
    });
    await expectStage(department, '已答复');
    const letterLink = department
      .getByRole('list', { name: '文书列表' })
      .getByRole('link', { name: /政府信息公开申请答复书/ });
    const [letter] = await Promise.all([department.waitForEvent('download'), letterLink.click()]);
    const paragraphs = docxParagraphs(new Uint8Array(await readFile(await letter.path())));
    // Letterhead and signature (the last two paragraphs: the agency, then the date) name the department.
    assert.equal(paragraphs[0], DEPARTMENT, 'the letterhead');
    assert.deepEqual(paragraphs.slice(-2), [DEPARTMENT, formatChineseDate(TEST_TODAY)], 'the signature');
    const text = paragraphs.join('\n');
    assert.doesNotMatch(text, /济宁/);
    assert.doesNotMatch(text, new RegExp(OFFICE), 'the government office does not sign for the department');

    // 6. The government's office sees the case under 督办, with its reply deadline.
    const office = await signIn(officeContext, ACCOUNTS.office);
    await openWorkbench(office);
    await office.getByText('督办', { exact: true }).click();
    await office.waitForURL(/view=supervise/);
    // The case is answered: 督办 lists the cases in hand by default, answered ones under 全部（含已办结）.
    await office
      .getByRole('group', { name: '常用视图' })
      .getByRole('button', { name: '全部（含已办结）' })
      .click();
    await office.waitForURL(/stage=all/);
    const row = office
      .getByRole('row')
      .filter({ has: office.getByRole('link', { name: caseNo, exact: true }) });
    await row.waitFor();
    const clock = computeClock({
      calendar: bundledCalendar,
      receipt: { channel: 'online', receivedOn: TEST_TODAY },
      events: [],
      today: TEST_TODAY,
    });
    assert.ok(clock.replyDue);
    await row.getByRole('cell', { name: DEPARTMENT, exact: true }).waitFor();
    await row.getByRole('cell', { name: formatChineseDate(clock.replyDue), exact: true }).waitFor();

    const seconds = (performance.now() - started) / 1000;
    t.diagnostic(`journey: ${seconds.toFixed(1)} s`);
  } finally {
    await adminContext.close();
    await citizenContext.close();
    await departmentContext.close();
    await officeContext.close();
  }
});
