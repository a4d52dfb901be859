/**
 * Computing an agency's report from the modules' stats (cases spanning 2024–2026, by applicant type), and
 * `gongkai report compute --json`.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';
import { insertCaseRow } from '../../../test/helpers/request-cases.ts';
import { runCompute } from './commands.ts';
import { TABLE3_ROW_KEYS } from './domain/tables.ts';
import { computeReport, findAgency } from './service.ts';

let t: TestApp;
let justice: number;

before(async () => {
  t = await createTestApp();
  justice = await orgIdByName(t.db, '市司法局');
  const c = (
    applicantType: string,
    receivedOn: string,
    concluded?: Parameters<typeof insertCaseRow>[1]['concluded'],
  ) =>
    insertCaseRow(t.db, { orgId: justice, applicantType, receivedOn, ...(concluded ? { concluded } : {}) });
  await c('natural', '2024-11-20', { outcome: 'DISCLOSE', event: 'reply', on: '2025-01-10' }); // carried in, 三(一)
  await c('commercial', '2025-03-01', {
    outcome: 'PARTIAL',
    ground: 'THIRD_PARTY_RIGHTS',
    event: 'reply',
    on: '2025-03-20',
  }); // 一, 三(二)
  await c('research', '2025-12-20'); // 一, 四
  await c('natural', '2025-05-01', { outcome: 'REPEAT', event: 'reply', on: '2025-05-09' }); // 一, 三(五)2
  await c('other', '2025-07-01', {
    outcome: 'WITHDRAWN_NO_PAYMENT',
    event: 'deem-withdrawn-no-payment',
    on: '2025-08-20',
  }); // 一, 三(六)2
});
after(() => t.close());

test('an agency by name or id; a disclosure office is not a reporting agency', async () => {
  assert.equal((await findAgency(t.db, '市司法局'))?.org.id, justice);
  assert.equal((await findAgency(t.db, String(justice)))?.org.name, '市司法局');
  assert.equal(await findAgency(t.db, '不存在的机关'), undefined);
  await assert.rejects(findAgency(t.db, '市政府办公室'), { code: 'REPORT_NOT_AGENCY' });
  const city = await findAgency(t.db, '济宁市人民政府');
  assert.ok(
    city?.scope.includes(await orgIdByName(t.db, '市政府办公室')),
    'the office counts in the city’s report',
  );
});

test('table 三 of 2025 from the cases: received, carried in, concluded by row, carried forward', async () => {
  const agency = await findAgency(t.db, justice);
  assert.ok(agency);
  const { figures, checks } = await computeReport(t.db, agency, 2025);
  const nonZero = Object.fromEntries(
    Object.entries(figures.table3).filter(([, counts]) => counts.some((n) => n !== 0)),
  );
  // 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计
  assert.deepEqual(nonZero, {
    一: [1, 1, 1, 0, 0, 1, 4],
    二: [1, 0, 0, 0, 0, 0, 1],
    '三(一)': [1, 0, 0, 0, 0, 0, 1],
    '三(二)': [0, 1, 0, 0, 0, 0, 1],
    '三(五)2': [1, 0, 0, 0, 0, 0, 1],
    '三(六)2': [0, 0, 0, 0, 0, 1, 1],
    '三(七)': [2, 1, 0, 0, 0, 1, 4],
    四: [0, 0, 1, 0, 0, 0, 1],
  });
  assert.deepEqual(figures.table2, {
    rule: [0, 0, 0],
    normative: [0, 0, 0],
    licensing: null,
    penalty: null,
    enforcement: null,
    fees: null,
  });
  assert.deepEqual(figures.table4, Array(15).fill(0));
  // Table 三 reconciles; table 二 still lacks its hand-entered figures.
  assert.deepEqual(
    checks.filter((c) => !c.ok).map((c) => c.message),
    [
      '表二第二十条第（五）项“行政许可”的本年处理决定数量尚未填报。',
      '表二第二十条第（六）项“行政处罚”的本年处理决定数量尚未填报。',
      '表二第二十条第（六）项“行政强制”的本年处理决定数量尚未填报。',
      '表二第二十条第（八）项“行政事业性收费”的本年收费金额（单位：万元）尚未填报。',
    ],
  );
  // 2024: the case received in November is carried forward.
  const y2024 = await computeReport(t.db, agency, 2024);
  assert.deepEqual(y2024.figures.table3.四, [1, 0, 0, 0, 0, 0, 1]);
});

test('gongkai report compute --json: table3 by row key with seven numbers, table2, table4 of 15, checks', async () => {
  const r = await runCompute(t.db, '市司法局', 2025, true);
  assert.equal(r.code, 0);
  const json = JSON.parse(r.out ?? '');
  assert.deepEqual(Object.keys(json), ['table3', 'table2', 'table4', 'checks']);
  assert.deepEqual(Object.keys(json.table3), [...TABLE3_ROW_KEYS]);
  assert.deepEqual(Object.keys(json.table3).slice(0, 6), [
    '一',
    '二',
    '三(一)',
    '三(二)',
    '三(三)1',
    '三(三)2',
  ]);
  assert.ok(Object.values(json.table3).every((v) => Array.isArray(v) && v.length === 7));
  assert.deepEqual(json.table3['三(七)'], [2, 1, 0, 0, 0, 1, 4]);
  assert.equal(json.table4.length, 15);
  assert.deepEqual(json.table2.normative, { issued: 0, repealed: 0, inForce: 0 });
  for (const c of json.checks) {
    assert.equal(typeof c.ok, 'boolean');
    assert.equal(typeof c.message, 'string');
  }
  const byId = await runCompute(t.db, String(justice), 2025, true);
  assert.equal(byId.out, r.out);
  assert.deepEqual(await runCompute(t.db, '不存在的机关', 2025, true), {
    code: 1,
    err: '找不到机构：不存在的机关（请填写机构全称或编号）。',
  });
  const office = await runCompute(t.db, '市政府办公室', 2025, true);
  assert.equal(office.code, 1);
  assert.match(office.err ?? '', /政府信息公开工作机构/);
});

test('an application concluded with an outcome no row of table 三 takes fails the （七） check', async () => {
  const agency = await findAgency(t.db, '市民政局');
  assert.ok(agency);
  // 不予公开 is counted in the row of its ground: without one the outcome maps to no row. (部分公开 counts in
  // （二） whatever its ground, so a ledger's 部分公开 without one is counted: requests/import.)
  await insertCaseRow(t.db, {
    orgId: agency.org.id,
    applicantType: 'natural',
    receivedOn: '2025-04-01',
    concluded: { outcome: 'WITHHOLD', event: 'reply', on: '2025-04-15' },
  });
  const { figures, checks } = await computeReport(t.db, agency, 2025);
  assert.deepEqual(figures.table3['三(七)'], [1, 0, 0, 0, 0, 0, 1]);
  assert.ok(
    checks.some(
      (c) => !c.ok && c.message === '表三“自然人”列：第三项（七）总计为1，（一）至（六）各项之和为0，相差1。',
    ),
  );
});
