/** The drill-down of the report's figures: for each cell asked, as many records as the figure says. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { orgIdByName } from '../../../../test/helpers/factories.ts';
import { insertCaseRow } from '../../../../test/helpers/request-cases.ts';
import { REVIEW_KINDS, TABLE3_ROW_KEYS } from '../domain/tables.ts';

let t: TestApp;
let city: number;
let education: number;

before(async () => {
  t = await createTestApp();
  city = await orgIdByName(t.db, '济宁市人民政府');
  education = await orgIdByName(t.db, '市教育局');
  const cases: Parameters<typeof insertCaseRow>[1][] = [
    // Received in 2025 and concluded in it, on different rows and columns.
    {
      orgId: education,
      applicantType: 'natural',
      receivedOn: '2025-03-02',
      concluded: { outcome: 'DISCLOSE', event: 'reply', on: '2025-03-12' },
    },
    {
      orgId: education,
      applicantType: 'natural',
      receivedOn: '2025-04-02',
      concluded: { outcome: 'DISCLOSE', event: 'reply', on: '2025-04-20' },
    },
    {
      orgId: education,
      applicantType: 'commercial',
      receivedOn: '2025-05-02',
      concluded: { outcome: 'NOT_EXIST', event: 'reply', on: '2025-05-22' },
    },
    // Carried in from 2024 and concluded in 2025; received in December and carried forward.
    {
      orgId: education,
      applicantType: 'natural',
      receivedOn: '2024-12-20',
      concluded: { outcome: 'DISCLOSE', event: 'reply', on: '2025-01-10' },
    },
    { orgId: education, applicantType: 'research', receivedOn: '2025-12-22' },
    // Another agency's case: never in 市教育局's figures.
    { orgId: city, applicantType: 'natural', receivedOn: '2025-03-02' },
  ];
  for (const c of cases) await insertCaseRow(t.db, c);
  let n = 0;
  const doc = (
    written: string,
    genre: string,
    validity: 'valid' | 'repealed' = 'valid',
    changed: string | null = null,
  ) => ({
    title: `测试文件${++n}`,
    index_number: `DRILL-${n}`,
    org_id: education,
    genre,
    written_date: written,
    status: 'published' as const,
    validity,
    validity_changed_on: changed,
    effective_date: null,
  });
  await t.db
    .insertInto('documents')
    .values([
      doc('2025-02-01', 'normative'),
      doc('2025-08-01', 'normative'),
      doc('2021-08-01', 'normative', 'repealed', '2025-06-30'),
    ])
    .execute();
});
after(() => t.close());

test('each computed figure of tables 二 and 三 opens to as many records as it counts', async () => {
  const office = await t.as('t_office');
  const report = (await office.get(`/api/reports/${education}/2025`)).json();
  const records = async (table: string, row: string, column: number) => {
    const res = await office.get(
      `/api/report-records?orgId=${education}&year=2025&table=${table}&row=${encodeURIComponent(row)}&column=${column}`,
    );
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  let nonZero = 0;
  for (const row of TABLE3_ROW_KEYS) {
    for (const column of [0, 1, 6]) {
      const figure = report.figures.table3[row][column];
      const r = await records('table3', row, column);
      assert.equal(r.total, figure, `表三 ${row} column ${column}`);
      assert.equal(r.items.length, figure);
      if (figure > 0) nonZero++;
    }
  }
  assert.ok(nonZero >= 6, 'the cases fill several cells');
  for (const row of ['rule', 'normative'])
    for (const column of [0, 1, 2]) {
      const r = await records('table2', row, column);
      assert.equal(r.total, report.figures.table2[row][column], `表二 ${row} ${column}`);
    }
  // A record: its title, the date the row counts it by, the console link.
  const concluded = await records('table3', '三(七)', 6);
  assert.equal(concluded.total, 4);
  assert.deepEqual(
    concluded.items.map((i: { date: string }) => i.date),
    ['2025-01-10', '2025-03-12', '2025-04-20', '2025-05-22'],
  );
  assert.match(concluded.items[0].link, /^\/requests\/\d+$/);
  const issued = await records('table2', 'normative', 0);
  assert.deepEqual(
    issued.items.map((i: { title: string }) => i.title),
    ['测试文件1', '测试文件2'],
  );
  assert.equal(issued.frozen, false);
});

test('each figure of table 四 opens to the register entries it counts, by the result at the end of the year', async () => {
  const review = (
    kind: (typeof REVIEW_KINDS)[number],
    filed: string,
    result: 'upheld' | 'corrected' | 'other' | 'pending',
    decided: string | null,
    caseNo: string,
  ) => ({
    org_id: education,
    kind,
    case_no: caseNo,
    filed_on: filed,
    organ: '济宁市人民政府',
    result,
    decided_on: decided,
  });
  await t.db
    .insertInto('report_reviews')
    .values([
      review('review', '2025-02-10', 'upheld', '2025-04-01', '济政复〔2025〕1号'),
      review('review', '2025-03-10', 'corrected', '2025-05-20', '济政复〔2025〕2号'),
      // Decided after the year: still 尚未审结 in 2025's table.
      review('review', '2025-11-10', 'upheld', '2026-01-15', '济政复〔2025〕3号'),
      review('direct-suit', '2025-06-01', 'pending', null, '（2025）鲁0811行初5号'),
      // Filed the year before: not in 2025's table.
      review('review', '2024-12-01', 'other', '2025-01-20', '济政复〔2024〕9号'),
    ])
    .execute();
  const office = await t.as('t_office');
  const report = (await office.get(`/api/reports/${education}/2025`)).json();
  assert.deepEqual(report.figures.table4.slice(0, 10), [1, 1, 0, 1, 3, 0, 0, 0, 1, 1]);
  let listed = 0;
  for (const [k, kind] of REVIEW_KINDS.entries())
    for (let column = 0; column < 5; column++) {
      const res = await office.get(
        `/api/report-records?orgId=${education}&year=2025&table=table4&row=${kind}&column=${column}`,
      );
      assert.equal(res.statusCode, 200, res.body);
      const r = res.json();
      assert.equal(r.total, report.figures.table4[k * 5 + column], `表四 ${kind} ${column}`);
      assert.equal(r.items.length, r.total);
      listed += r.total;
    }
  assert.equal(listed, 8, 'each entry once in its cell and once in its group’s 总计');
  const pending = (
    await office.get(`/api/report-records?orgId=${education}&year=2025&table=table4&row=review&column=3`)
  ).json();
  assert.deepEqual(
    pending.items.map((i: { title: string; date: string }) => [i.title, i.date]),
    [['行政复议 · 济政复〔2025〕3号 · 尚未审结', '2025-11-10']],
  );
  assert.equal(pending.items[0].link, `/report-registers?tab=reviews&orgId=${education}&year=2025`);
  const bad = await office.get(
    `/api/report-records?orgId=${education}&year=2025&table=table4&row=一&column=0`,
  );
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'REPORT_NOT_DRILLABLE');
});

test('a hand-entered figure cannot be opened; an agency not seen is not found', async () => {
  const office = await t.as('t_office');
  const manual = await office.get(
    `/api/report-records?orgId=${education}&year=2025&table=table2&row=licensing&column=0`,
  );
  assert.equal(manual.statusCode, 400);
  assert.equal(manual.json().error.code, 'REPORT_NOT_DRILLABLE');
  const county = await t.as('t_county');
  const hidden = await county.get(
    `/api/report-records?orgId=${education}&year=2025&table=table3&row=一&column=6`,
  );
  assert.equal(hidden.statusCode, 404);
});
