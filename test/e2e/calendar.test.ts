// Journey: December, next year's holiday notice not loaded. The office sees provisional deadlines and a
// warning on its home page, pastes the notice, checks what was read and loads it; the deadline is final.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { parseClockStart, setClock } from '../../src/platform/time.ts';
import { axe, formatViolations, launchBrowser, newContext } from '../helpers/browser.ts';
import { signIn } from '../helpers/console-sign-in.ts';
import { applicationBody, orgIdByName } from '../helpers/factories.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const NOTICE_2027 = readFileSync(new URL('../fixtures/notice-2027-for-tests.txt', import.meta.url), 'utf8');

let server: TestServer;
let browser: Browser;

before(async () => {
  server = await startTestServer();
  // Monday 7 December 2026: the 2027 notice is not loaded.
  setClock(parseClockStart('2026-12-07'));
  browser = await launchBrowser();
});

after(async () => {
  setClock(null);
  await browser?.close();
  await server?.close();
});

test('the office loads the 2027 notice from its home page; provisional deadlines become final', async () => {
  const office = await server.testApp.as('t_office');
  const city = await orgIdByName(server.testApp.db, '济宁市人民政府');
  const registered = await office.send(
    'POST',
    '/api/requests',
    applicationBody(city, {
      submittedOn: '2026-12-07',
      subject: '2027年元旦期间城区供暖保障方案',
      docNumber: null,
      description: '请提供方案全文',
      applicant: { name: '李明', email: null, address: null },
    }),
  );
  assert.equal(registered.statusCode, 200, registered.body);
  const caseNo = registered.json().case.caseNo as string;

  const context = await newContext(browser);
  try {
    const page = await signIn(context, server.url, 't_office');

    // The workbench says the deadline is provisional.
    await page.goto(`${server.url}/admin/requests`);
    const row = page.getByRole('row').filter({ hasText: caseNo });
    await row.getByText('暂定（2027年放假安排尚未录入）').waitFor();

    // The home page warns and leads to the notice form.
    await page.goto(`${server.url}/admin`);
    await page.getByText('尚未录入2027年工作日历').waitFor();
    await page.getByRole('button', { name: '按通知录入2027年' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('通知全文').fill('关于召开2027年工作会议的通知');
    await dialog.getByRole('button', { name: '读取通知' }).click();
    await dialog.getByText('未能读取这份放假安排通知，未保存任何内容').waitFor();

    await dialog.getByLabel('通知全文').fill(NOTICE_2027);
    await dialog.getByRole('button', { name: '读取通知' }).click();
    await dialog.getByText('与暂定日历（按法定节假日推算）相比：').waitFor();
    await dialog.getByRole('cell', { name: '2月20日（周六）', exact: true }).waitFor();
    const violations = await axe(page);
    assert.equal(violations.length, 0, `axe on the notice preview:\n${formatViolations(violations)}`);
    await dialog.getByRole('button', { name: '确认录入2027年' }).click();
    await page.getByText('已录入2027年工作日历，相关答复期限已重新计算').waitFor();
    await page.getByRole('cell', { name: '2027年', exact: true }).waitFor();

    // The deadline is final now: no provisional note on the workbench.
    await page.goto(`${server.url}/admin/requests`);
    await page.getByRole('row').filter({ hasText: caseNo }).waitFor();
    assert.equal(await page.getByText('暂定（2027年放假安排尚未录入）').count(), 0);
  } finally {
    await context.close();
  }
});
