// The console and the portal on a phone (390 × 844): a unit's liaison (市教育局) sees the ledger task on
// the 工作台's to-do counts and reports its progress; the unit's handler finds the case assigned to it
// through the drawer menu and opens it; the portal's elderly-mode menu is folded on the phone and open on
// a wide screen, without JavaScript. No page is wider than the screen; axe-core checks each page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { axe, formatViolations, launchBrowser, newContext } from '../helpers/browser.ts';
import { TEST_TODAY } from '../helpers/clock.ts';
import { signIn } from '../helpers/console-sign-in.ts';
import { orgIdByName } from '../helpers/factories.ts';
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

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
const YEAR = Number(TEST_TODAY.slice(0, 4));
const TASK = '推进教育领域信息公开';

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const violations = await axe(page);
  assert.equal(violations.length, 0, `axe on ${where}:\n${formatViolations(violations)}`);
}

/** Nothing sticks out sideways: the page is no wider than the phone's screen. */
async function expectFitsScreen(page: Page, where: string): Promise<void> {
  const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
  assert.ok(width <= PHONE.viewport.width, `${where} is ${width} px wide on a 390 px screen`);
}

/** The header's top edge is above the page title's: the header does not cover the title. */
async function expectTitleClear(page: Page, title: string): Promise<void> {
  const header = await page.locator('header').first().boundingBox();
  const h1 = await page.getByRole('heading', { level: 1, name: title }).boundingBox();
  assert.ok(header && h1, 'header and title are shown');
  assert.ok(h1.y >= header.y + header.height, `title at ${h1.y}, header down to ${header.y + header.height}`);
}

/** Opens a page from the menu drawer: the first menu link of that name (a module's title links to its main page). */
async function openFromMenu(page: Page, entry: string): Promise<void> {
  await page.getByRole('button', { name: '打开菜单' }).click();
  const menu = page.getByRole('navigation', { name: '主菜单' });
  await menu.getByRole('link', { name: entry, exact: true }).first().click();
  await menu.waitFor({ state: 'hidden' });
}

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

test('on a phone: the liaison reports ledger progress from the 工作台 to-do; the handler opens a case', async () => {
  const db = server.testApp.db;
  const office = await server.testApp.as('t_office');
  // A plan with a task of 市教育局 due this week, and a case assigned to 市教育局.
  const plan = await office.send('POST', '/api/workplan/plans', {
    orgId: await orgIdByName(db, '济宁市人民政府'),
    year: YEAR,
    title: `${YEAR}年政务公开工作要点`,
    tasks: [
      {
        seq: 1,
        section: null,
        task: TASK,
        leadUnits: [],
        responsibleUnits: ['市教育局'],
        requirement: '及时公开招生入学信息。',
        deadlineRaw: '3月20日前',
        due: `${YEAR}-03-20`,
        recurring: false,
      },
    ],
    unitMappings: [],
  });
  assert.equal(plan.statusCode, 200, plan.body);
  const created = await office.send('POST', '/api/requests', {
    orgId: await orgIdByName(db, '济宁市人民政府'),
    channel: 'in-person',
    submittedOn: `${YEAR}-03-09`,
    receivedOn: null,
    applicant: {
      type: 'natural',
      name: '王五',
      idType: 'passport',
      idNumber: 'E12345678',
      phone: '13912345678',
    },
    request: { subject: '城区学校学区划分方案', description: '请提供城区学校学区划分方案' },
  });
  assert.equal(created.statusCode, 200, created.body);
  const { id, caseNo } = created.json().case as { id: number; caseNo: string };
  const assigned = await office.send('POST', `/api/requests/${id}/actions`, {
    action: 'assign',
    on: `${YEAR}-03-10`,
    unitId: await orgIdByName(db, '市教育局'),
  });
  assert.equal(assigned.statusCode, 200, assigned.body);

  const context = await newContext(browser, PHONE);
  try {
    // The 工作台 on the phone: the header leaves the title clear; the to-dos count the ledger task.
    const page = await signIn(context, server.url, 't_handler');
    await expectTitleClear(page, '工作台');
    const todo = page.getByRole('link', { name: /^台账任务待报送：1项/ });
    await todo.waitFor();
    await page.getByRole('link', { name: /^本周到期：\d+件申请/ }).waitFor();
    await expectFitsScreen(page, 'the 工作台');
    await expectNoViolations(page, 'the 工作台 on a phone');

    // The liaison reports the task's progress.
    await todo.click();
    await page.getByRole('heading', { level: 1, name: '我的任务' }).waitFor();
    await expectTitleClear(page, '我的任务');
    await expectFitsScreen(page, '我的任务');
    await expectNoViolations(page, '我的任务 on a phone');
    await page.getByRole('button', { name: `办理：${TASK}` }).click();
    const drawer = page.getByRole('dialog', { name: '任务办理情况' });
    await drawer.getByRole('heading', { level: 2, name: '报送进展' }).waitFor();
    const box = await drawer.boundingBox();
    assert.ok(box && box.width <= PHONE.viewport.width + 0.5, `the drawer is ${box?.width} px wide`);
    await pick(page, drawer.getByLabel('办理状态'), '已完成');
    await drawer.getByLabel('进展情况').fill('已在门户网站公开招生入学政策。');
    await expectNoViolations(page, 'the progress drawer on a phone');
    await drawer.getByRole('button', { name: '报送进展' }).click();
    await page.getByText('进展已报送，等待公开办审核').waitFor();
    await drawer.getByText('待审核', { exact: true }).first().waitFor();
    await drawer
      .getByRole('button', { name: 'Close' })
      .or(drawer.getByRole('button', { name: '关闭' }))
      .click();

    // The handler finds the case through the menu drawer and opens it.
    await openFromMenu(page, '依申请公开');
    await page.getByRole('heading', { level: 1, name: '依申请公开工作台' }).waitFor();
    const caseLink = page.getByRole('link', { name: caseNo, exact: true });
    await caseLink.waitFor();
    await expectFitsScreen(page, 'the requests workbench');
    await expectNoViolations(page, 'the requests workbench on a phone');
    await caseLink.click();
    await page.getByRole('heading', { level: 1, name: `申请 ${caseNo}` }).waitFor();
    await expectTitleClear(page, `申请 ${caseNo}`);
    await expectFitsScreen(page, 'the case page');
    await expectNoViolations(page, 'the case page on a phone');

    // Back on the 工作台, the reported task is no longer to report.
    await openFromMenu(page, '工作台');
    await page.getByRole('link', { name: /^台账任务待报送：0项/ }).waitFor();
  } finally {
    await context.close();
  }
});

test('the portal in elderly mode on a phone: the menu is folded under 栏目导航, without JavaScript', async () => {
  for (const [width, folded] of [
    [390, true],
    [1280, false],
  ] as const) {
    const context = await newContext(browser, {
      javaScriptEnabled: false,
      viewport: { width, height: 844 },
    });
    try {
      await context.addCookies([{ name: 'gk_elderly', value: '1', url: server.url }]);
      const page = await context.newPage();
      await page.goto(`${server.url}/gk/guide`);
      const nav = page.getByRole('navigation', { name: '主导航' });
      const summary = nav.locator('summary');
      const documents = nav.getByRole('link', { name: '政府文件', exact: true });
      if (folded) {
        assert.equal((await summary.innerText()).trim(), '栏目导航（当前：公开指南）');
        assert.equal(await documents.isVisible(), false, 'folded on a phone');
        // The main content starts on the first screen.
        const h1 = await page.getByRole('heading', { level: 1 }).boundingBox();
        assert.ok(h1 && h1.y < 844, `the title is at ${h1?.y} px`);
        await expectFitsScreen(page, 'the elderly portal page');
        await summary.click();
        await documents.click();
        await page.waitForURL(`${server.url}/gk/documents`);
        await page.getByRole('navigation', { name: '主导航' }).locator('summary').waitFor();
      } else {
        assert.equal(await summary.isVisible(), false, 'no summary on a wide screen');
        assert.equal(await documents.isVisible(), true, 'the menu is open on a wide screen');
      }
    } finally {
      await context.close();
    }
    // axe runs as a script: the same page, with JavaScript on.
    const checked = await newContext(browser, { viewport: { width, height: 844 } });
    try {
      await checked.addCookies([{ name: 'gk_elderly', value: '1', url: server.url }]);
      const page = await checked.newPage();
      await page.goto(`${server.url}/gk/guide`);
      await expectNoViolations(
        page,
        `the elderly portal ${folded ? 'on a phone (folded)' : 'on a wide screen'}`,
      );
    } finally {
      await checked.close();
    }
  }
});
