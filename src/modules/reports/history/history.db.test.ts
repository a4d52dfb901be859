/**
 * 以往年度报告: a past year entered as numbers (grid or template), refused when it does not add up, for
 * this year, or for a year with a report of the platform; listed in the history; and read by the
 * carry-over check of the next computed year (this year's 二 = last year's 四).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { createTestUser, orgIdByName } from '../../../../test/helpers/factories.ts';
import { insertCaseRow } from '../../../../test/helpers/request-cases.ts';
import { emptyTable3 } from '../domain/tables.ts';
import { computeReport, findAgency } from '../service.ts';
import { PAST_LINES } from './domain/past.ts';

let t: TestApp;
let justice: number;

before(async () => {
  t = await createTestApp();
  justice = await orgIdByName(t.db, '市司法局');
  await createTestUser(t.db, { username: 't_sfj', role: 'office', org: justice });
  // 2025 from cases: one application carried in from 2024 (received 2024-11-20, answered 2025-01-10).
  await insertCaseRow(t.db, {
    orgId: justice,
    applicantType: 'natural',
    receivedOn: '2024-11-20',
    concluded: { outcome: 'DISCLOSE', event: 'reply', on: '2025-01-10' },
  });
});
after(() => t.close());

/** 2024 as published: 3 received (2 自然人, 1 商业企业), 1 answered, 2 carried forward. */
function figures2024(four = [2, 0, 0, 0, 0, 0, 2]) {
  const table3 = emptyTable3();
  table3.一 = [2, 1, 0, 0, 0, 0, 3];
  table3['三(一)'] = [0, 1, 0, 0, 0, 0, 1];
  table3['三(七)'] = [0, 1, 0, 0, 0, 0, 1];
  table3.四 = four;
  return {
    table2: {
      rule: [0, 0, 1],
      normative: [2, 0, 5],
      licensing: 10,
      penalty: 0,
      enforcement: null,
      fees: null,
    },
    table3,
    table4: [1, 0, 0, 0, 1, ...Array(10).fill(0)],
  };
}

const carryOver = async () => {
  const agency = await findAgency(t.db, justice);
  assert.ok(agency);
  const { checks } = await computeReport(t.db, agency, 2025);
  return checks.filter((c) => c.level === 'warning');
};

test('a past year is entered, listed, and the next year checks its 二 against its 四', async () => {
  assert.deepEqual(await carryOver(), [], 'no last year: no carry-over check');
  const office = await t.as('t_sfj');
  const handler = await t.as('t_handler');
  const body = { figures: figures2024() };
  assert.equal((await handler.send('PUT', `/api/report-history/${justice}/2024`, body)).statusCode, 404);

  // Out of balance: 一 + 二 ≠ 三（七） + 四 in the 自然人 column and the total.
  const bad = await office.send('PUT', `/api/report-history/${justice}/2024`, {
    figures: figures2024([1, 0, 0, 0, 0, 0, 1]),
  });
  assert.equal(bad.statusCode, 422, bad.body);
  assert.match(bad.json().error.fields[0].message, /表三“自然人”列：第一项（2）加第二项（0）之和为2/);

  // Wrong: the carried-forward 2 自然人 of 2024 are 1 in 2025's 二 → a warning on that column.
  const saved = await office.send('PUT', `/api/report-history/${justice}/2024`, body);
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal(saved.json().source, 'entered');
  assert.deepEqual(saved.json().figures.table3.四, [2, 0, 0, 0, 0, 0, 2]);
  const warnings = await carryOver();
  assert.deepEqual(
    warnings.map((w) => w.message),
    [
      '提示：表三“自然人”列：第二项“上年结转政府信息公开申请数量”为1，上一年度报告第四项“结转下年度继续办理”为2，相差1。',
      '提示：表三“总计”列：第二项“上年结转政府信息公开申请数量”为1，上一年度报告第四项“结转下年度继续办理”为2，相差1。',
    ],
  );
  // Corrected: 2024's 四 was 1; the check passes.
  const fixed = figures2024([1, 0, 0, 0, 0, 0, 1]);
  fixed.table3.一 = [1, 1, 0, 0, 0, 0, 2];
  const again = await office.send('PUT', `/api/report-history/${justice}/2024`, { figures: fixed });
  assert.equal(again.statusCode, 200, again.body);
  assert.deepEqual(
    (await carryOver()).map((w) => [w.ok, w.message]),
    [[true, '表三第二项与上一年度报告第四项一致。']],
  );

  const list = await office.get(`/api/report-history?orgId=${justice}`);
  assert.equal(list.statusCode, 200, list.body);
  assert.deepEqual(
    list.json().years.map((y: { year: number; source: string }) => [y.year, y.source]),
    [[2024, 'entered']],
  );
  const audits = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', '=', 'report.past')
    .execute();
  assert.equal(audits.length, 2);
});

test('refused: this year, and a year the platform has a report for', async () => {
  const office = await t.as('t_sfj');
  const thisYear = await office.send('PUT', `/api/report-history/${justice}/2026`, {
    figures: figures2024(),
  });
  assert.equal(thisYear.statusCode, 400);
  assert.match(thisYear.json().error.message, /只能录入以往年度/);
  const narrative = await office.send('PUT', `/api/reports/${justice}/2025/narrative`, {
    overview: '概述',
    problems: '',
    other: '',
  });
  assert.equal(narrative.statusCode, 200, narrative.body);
  const taken = await office.send('PUT', `/api/report-history/${justice}/2025`, { figures: figures2024() });
  assert.equal(taken.statusCode, 409);
  assert.match(taken.json().error.message, /已有系统生成的年度报告/);
  const list = await office.get(`/api/report-history?orgId=${justice}`);
  assert.deepEqual(
    list.json().years.map((y: { year: number; source: string }) => [y.year, y.source]),
    [
      [2025, 'report'],
      [2024, 'entered'],
    ],
  );
});

test('the template is read back into figures; a bad cell is named by its row', async () => {
  const office = await t.as('t_sfj');
  const template = await office.get('/api/report-history/template');
  assert.equal(template.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  assert.ok(ws);
  assert.equal(ws.rowCount, PAST_LINES.length + 1);
  const rowOf = (key: string) => PAST_LINES.findIndex((l) => l.key === key) + 2;
  ws.getRow(rowOf('一')).values = ['一', '', 3, 0, 0, 0, 0, 0, 3];
  ws.getRow(rowOf('四')).values = ['四', '', 3, 0, 0, 0, 0, 0, 3];
  const upload = async (wbk: ExcelJS.Workbook) => {
    const boundary = '----gk-past';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="数据.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.from(await wbk.xlsx.writeBuffer()),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return office.send('POST', '/api/report-history/parse', body, {
      'content-type': `multipart/form-data; boundary=${boundary}`,
    });
  };
  const ok = await upload(wb);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json().figures.table3.四, [3, 0, 0, 0, 0, 0, 3]);
  ws.getRow(rowOf('二')).values = ['二', '', 'x'];
  const bad = await upload(wb);
  assert.equal(bad.statusCode, 422);
  assert.deepEqual(bad.json().error.fields[0], {
    path: `第${rowOf('二')}行`,
    message: '二、上年结转政府信息公开申请数量的“自然人”为“x”，应为非负整数',
  });
});
