// 衔接上级计划 in the console: the province's plan imported as an external plan, the city's plan linked to
// it — the office picks the parent plan, sees each task's suggested parent task, changes one and saves; the
// province's roll-up then counts the city's plan. axe-core checks the tab.
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

const YEAR = Number(TEST_TODAY.slice(0, 4));
async function pick(page: Page, field: Locator, option: RegExp): Promise<void> {
  await field.click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  await dropdown.waitFor({ state: 'hidden' });
}

test('衔接上级计划: suggestions reviewed, one changed, saved; the province’s roll-up counts the city', async () => {
  const db = server.testApp.db;
  const city = await orgIdByName(db, '济宁市人民政府');
  const api = await server.testApp.as('t_office');
  const task = (seq: number, text: string, requirement: string, units: string[]) => ({
    seq,
    section: null,
    task: text,
    leadUnits: units,
    responsibleUnits: [],
    requirement,
    deadlineRaw: null,
    due: null,
    recurring: false,
  });
  const save = async (body: object) => {
    const res = await api.send('POST', '/api/workplan/plans', { orgId: city, year: YEAR, ...body });
    assert.equal(res.statusCode, 200, res.body);
    return (JSON.parse(res.body) as { id: number }).id;
  };
  const province = await save({
    title: '山东省政务公开工作要点',
    externalIssuer: '山东省人民政府办公厅',
    tasks: [
      task(1, '推进财政预决算公开', '全面公开部门预算、决算和“三公”经费', ['省财政厅']),
      task(2, '加强政策解读', '重要政策文件与解读材料同步起草、同步审签、同步发布', ['省政府办公厅']),
    ],
  });
  const cityPlan = await save({
    title: '济宁市政务公开工作要点',
    tasks: [
      task(1, '推进市级财政预决算公开', '全面公开市直部门预算、决算和“三公”经费', ['市财政局']),
      task(2, '开展政务开放日活动', '邀请市民走进机关', ['市教育局']),
    ],
  });

  const context = await newContext(browser);
  try {
    const page = await signIn(context, server.url, 't_office');

    await page.goto(`${server.url}/admin/ledger/plans/${cityPlan}?tab=links`);
    await page.getByRole('heading', { level: 2, name: '衔接上级计划' }).waitFor();
    await pick(page, page.getByLabel('上级计划', { exact: true }), /山东省政务公开工作要点/);
    // The first task's suggestion is filled in; the second has none.
    const first = page.getByLabel('第1项对应的上级任务');
    await page.getByText('1. 推进财政预决算公开').first().waitFor();
    await page.getByText('无建议').waitFor();
    await expectNoViolations(page);
    // The office links the second task to 政策解读 after all.
    await pick(page, page.getByLabel('第2项对应的上级任务'), /^2\. 加强政策解读$/);
    await page.getByRole('button', { name: '保存对应关系' }).click();
    await page.getByText('已保存：2项任务对应到上级计划任务').waitFor();
    assert.ok(await first.isVisible());
  } finally {
    await context.close();
  }
  const roll = JSON.parse((await api.get(`/api/workplan/plans/${province}/rollup`)).body) as {
    counties: { planId: number; tasks: number }[];
  };
  assert.deepEqual(
    roll.counties.map((c) => [c.planId, c.tasks]),
    [[cityPlan, 2]],
  );
});

async function expectNoViolations(page: Page): Promise<void> {
  const violations = await axe(page);
  assert.equal(violations.length, 0, `axe on the 衔接上级计划 tab:\n${formatViolations(violations)}`);
}
