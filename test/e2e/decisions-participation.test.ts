// 公众参与 on the portal: a citizen with JavaScript disabled signs up for a government meeting (an empty
// form first: the errors, then the sign-up) and for an open day until it is full (the clear refusal);
// after the draw the published list shows the selected names only. axe-core checks the new portal pages
// (participation column, meeting, open day, evaluations) in the standard and the elderly mode.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

async function expectNoViolations(page: Page, where: string): Promise<void> {
  const violations = await axe(page);
  assert.equal(violations.length, 0, `axe on ${where}:\n${formatViolations(violations)}`);
}

/** A portal page checked by axe in the standard and the elderly mode (axe needs JavaScript). */
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

async function signUp(page: Page, name: string) {
  await page.getByLabel('姓名').fill(name);
  await page.getByLabel('联系方式').fill('13800001234');
  await page.getByLabel('职业或身份').fill('社区居民');
  await page.getByRole('button', { name: '提交报名' }).click();
}

test('公众参与: sign up for a meeting and an open day without JavaScript; the list; axe on the pages', async () => {
  const t = server.testApp;
  const office = await t.as('t_office');
  const city = await orgIdByName(t.db, '济宁市人民政府');
  const create = async (body: Record<string, unknown>) => {
    const res = await office.send('POST', '/api/decisions/events', {
      orgId: city,
      heldOn: '2026-04-10',
      startsAt: '9:00',
      place: '市政府第一会议室',
      signupClosesOn: '2026-03-31',
      ...body,
    });
    assert.equal(res.statusCode, 200, res.body);
    const id = res.json().event.id as number;
    assert.equal((await office.send('POST', `/api/decisions/events/${id}/publish`)).statusCode, 200);
    return id;
  };
  const meeting = await create({
    kind: 'meeting',
    title: '市政府常务会议（研究停车管理办法）',
    description: '邀请1名公众代表列席。',
    places: 1,
    selection: 'draw',
    streamUrl: 'https://live.example.gov.cn/changwu',
  });
  const openDay = await create({
    kind: 'open_day',
    title: '政府开放日：走进政务服务中心',
    places: 1,
    selection: 'first_come',
  });
  const evaluation = await office.send('POST', '/api/decisions/evaluations', {
    orgId: city,
    policy: '济宁市高层次人才引进办法',
    evaluator: '市人力资源社会保障局',
    method: '数据分析、用人单位走访',
    findings: '政策目标基本实现，建议继续施行。',
    result: 'continue',
    evaluatedOn: '2026-03-01',
    published: true,
  });
  assert.equal(evaluation.statusCode, 200, evaluation.body);

  const citizenContext = await newContext(browser, { javaScriptEnabled: false });
  const axeContext = await newContext(browser);
  const staffContext = await newContext(browser);
  try {
    const citizen = await citizenContext.newPage();
    await citizen.goto(`${server.url}/gk/decisions`);
    await citizen.getByRole('link', { name: '听证会、列席会议和开放日' }).click();
    await citizen.getByRole('heading', { level: 1, name: '听证会、列席会议和开放日' }).waitFor();
    await citizen.getByRole('link', { name: /市政府常务会议（研究停车管理办法）/ }).click();
    await citizen.getByRole('link', { name: '观看直播' }).waitFor();

    // An empty form: the errors, nothing stored.
    await citizen.getByRole('button', { name: '提交报名' }).click();
    await citizen.getByRole('heading', { name: /报名尚未提交/ }).waitFor();
    await citizen.getByRole('link', { name: '姓名：请填写姓名' }).waitFor();
    await signUp(citizen, '王建国');
    await citizen.getByText('报名已提交，感谢您的参与。').waitFor();

    // The open day: one place; the second sign-up is refused with a clear message.
    await citizen.goto(`${server.url}/gk/decisions/events/${openDay}`);
    await signUp(citizen, '李秀兰');
    await citizen.getByText('报名已提交，感谢您的参与。').waitFor();
    await signUp(citizen, '张伟');
    await citizen.getByText(/名额已满（共1个名额），报名未成功。/).waitFor();
    const signups = (await office.get(`/api/decisions/events/${openDay}`)).json().signups;
    assert.deepEqual(
      signups.map((s: { name: string }) => s.name),
      ['李秀兰'],
    );

    // After the sign-up closes, the office draws and publishes the list: the name only.
    await office.send('PUT', `/api/decisions/events/${meeting}`, {
      title: '市政府常务会议（研究停车管理办法）',
      description: '邀请1名公众代表列席。',
      heldOn: '2026-04-10',
      signupClosesOn: '2026-03-15',
      places: 1,
      selection: 'draw',
      streamUrl: 'https://live.example.gov.cn/changwu',
    });
    assert.equal(
      (await office.send('POST', `/api/decisions/events/${meeting}/draw`, { seed: '20260316' })).statusCode,
      200,
    );
    assert.equal((await office.send('POST', `/api/decisions/events/${meeting}/list`)).statusCode, 200);
    await citizen.goto(`${server.url}/gk/decisions/events/${meeting}`);
    await citizen.getByRole('heading', { name: '列席代表名单' }).waitFor();
    await citizen
      .getByRole('listitem')
      .filter({ hasText: /^王建国$/ })
      .waitFor();
    assert.equal(await citizen.getByText('13800001234').count(), 0);

    await checkBothModes(axeContext, `${server.url}/gk/decisions/participation`, '听证会、列席会议和开放日');
    await checkBothModes(axeContext, `${server.url}/gk/decisions/events/${meeting}`, '列席会议');
    await checkBothModes(axeContext, `${server.url}/gk/decisions/events/${openDay}`, '政府开放日');
    await checkBothModes(axeContext, `${server.url}/gk/decisions/evaluations`, '政策评估');
    await checkBothModes(axeContext, `${server.url}/gk/decisions/catalogue`, '重大行政决策事项目录');

    // The console: the events, the meeting with its draw record, the evaluations; axe on each.
    const staff = await signIn(staffContext, server.url, 't_office');
    await staff.goto(`${server.url}/admin/decisions/events`);
    await staff.getByRole('heading', { level: 1, name: '听证会、列席会议和开放日' }).waitFor();
    await staff.getByRole('link', { name: '市政府常务会议（研究停车管理办法）' }).click();
    await staff.getByText('种子 20260316').waitFor();
    await expectNoViolations(staff, '控制台：列席会议');
    await staff.goto(`${server.url}/admin/decisions/evaluations`);
    await staff.getByRole('cell', { name: '济宁市高层次人才引进办法' }).waitFor();
    await expectNoViolations(staff, '控制台：政策评估');

    // The catalogue's edit form: adjust an item's plan; the portal catalogue shows the change.
    const item = await office.send('POST', '/api/decisions/items', {
      orgId: city,
      year: 2026,
      subject: '济宁市养老服务设施布局专项规划',
      plannedTime: '2026年第三季度',
      published: true,
    });
    assert.equal(item.statusCode, 200, item.body);
    await staff.goto(`${server.url}/admin/decisions/items/${item.json().item.id}`);
    await staff.getByRole('button', { name: '修改事项' }).click();
    const dialog = staff.getByRole('dialog', { name: '修改决策事项' });
    await dialog.getByLabel('计划完成时间').fill('2026年第四季度');
    await expectNoViolations(staff, '控制台：修改决策事项');
    // The item is on the portal: the change is an adjustment, refused without its reason.
    await dialog.getByRole('button', { name: /^\s*保\s*存\s*$/ }).click();
    await dialog.getByText('请填写调整原因').waitFor();
    const reason = '选址需与国土空间总体规划衔接，计划完成时间相应顺延。';
    await dialog.getByLabel('调整原因').fill(reason);
    await dialog.getByRole('button', { name: /保\s*存\s*$/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await staff.getByText('2026年第四季度').first().waitFor();
    await staff.getByRole('cell', { name: reason }).waitFor();
    const catalogue = await citizenContext.newPage();
    await catalogue.goto(`${server.url}/gk/decisions/catalogue?year=2026`);
    await catalogue
      .getByText(/2026年第四季度/)
      .first()
      .waitFor();
    // 调整记录: the date, what changed, the reason; the earlier version one link away.
    await catalogue.getByRole('heading', { level: 2, name: '调整记录' }).waitFor();
    const record = catalogue.getByRole('row').filter({ hasText: reason });
    await record.getByText('计划完成时间：2026年第三季度调整为2026年第四季度').waitFor();
    const [y, m, d] = TEST_TODAY.split('-').map(Number);
    await record.getByText(`${y}年${m}月${d}日`).waitFor();
    await record.getByRole('link', { name: /查看第1次调整的前后内容/ }).click();
    await catalogue
      .getByRole('heading', { level: 1, name: /济宁市养老服务设施布局专项规划：调整事项内容/ })
      .waitFor();
    await catalogue.getByRole('cell', { name: '2026年第三季度' }).waitFor();
    await checkBothModes(axeContext, catalogue.url(), '目录调整前后内容');
    await checkBothModes(axeContext, `${server.url}/gk/decisions/catalogue?year=2026`, '目录和调整记录');
  } finally {
    await citizenContext.close();
    await axeContext.close();
    await staffContext.close();
  }
});
