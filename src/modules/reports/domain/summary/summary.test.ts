import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkReport } from '../checks.ts';
import type { ReportState } from '../states.ts';
import { emptyTable3, type ReportFigures } from '../tables.ts';
import {
  type AgencyLine,
  counts,
  missingReportsCheck,
  type Received,
  sumFigures,
  summarize,
  zeroFigures,
} from './summary.ts';

/** A report that passes every check: `n` applications from natural persons, all disclosed. */
function report(n: number, over: Partial<ReportFigures['table2']> = {}): ReportFigures {
  const table3 = emptyTable3();
  table3.一 = [n, 0, 0, 0, 0, 0, n];
  table3['三(一)'] = [n, 0, 0, 0, 0, 0, n];
  table3['三(七)'] = [n, 0, 0, 0, 0, 0, n];
  return {
    table2: {
      rule: [1, 0, 3],
      normative: [2, 1, 5],
      licensing: 10,
      penalty: 2,
      enforcement: 0,
      fees: 0.1,
      ...over,
    },
    table3,
    table4: [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  };
}

test('figures add cell by cell; amounts keep 4 decimals; an unentered figure leaves the sum unknown', () => {
  const sum = sumFigures([report(2), report(3, { fees: 0.2 })]);
  assert.deepEqual(sum.table2, {
    rule: [2, 0, 6],
    normative: [4, 2, 10],
    licensing: 20,
    penalty: 4,
    enforcement: 0,
    fees: 0.3,
  });
  assert.deepEqual(sum.table3.一, [5, 0, 0, 0, 0, 0, 5]);
  assert.deepEqual(sum.table3['三(七)'], [5, 0, 0, 0, 0, 0, 5]);
  assert.deepEqual(sum.table3.四, [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(sum.table4.slice(0, 5), [2, 0, 0, 0, 2]);
  assert.equal(sumFigures([report(1, { licensing: null }), report(1)]).table2.licensing, null);
  assert.deepEqual(sumFigures([]), zeroFigures());
  assert.ok(
    checkReport(sum).every((c) => c.ok),
    'the sum of passing reports passes',
  );
});

test('which reports count: accepted and published ones, or every one when asked', () => {
  const rows: [Parameters<typeof counts>[0], boolean, boolean][] = [
    ['none', false, true],
    ['draft', false, true],
    ['submitted', false, true],
    ['accepted', true, true],
    ['published', true, true],
  ];
  for (const [state, accepted, all] of rows) {
    assert.equal(counts(state, 'accepted'), accepted, state);
    assert.equal(counts(state, 'all'), all, state);
  }
});

const line = (
  orgId: number,
  orgName: string,
  state: AgencyLine['state'],
  figures: ReportFigures,
): AgencyLine => ({
  orgId,
  orgName,
  state,
  figures,
  checks: checkReport(figures),
});

test('a county sums its accepted reports and lists the agencies with no report or not accepted', () => {
  const broken = report(4);
  broken.table3['三(七)'] = [3, 0, 0, 0, 0, 0, 3];
  const agencies = [
    line(1, '梁山县人民政府', 'published', report(1)),
    line(2, '梁山县教育局', 'accepted', report(2)),
    line(3, '梁山县司法局', 'submitted', report(5)),
    line(4, '梁山县民政局', 'none', broken),
  ];
  const county = summarize({ orgId: 1, orgName: '梁山县人民政府' }, 2025, 'accepted', agencies, []);
  assert.deepEqual(county.figures.table3.一, [3, 0, 0, 0, 0, 0, 3]);
  assert.deepEqual(
    county.agencies.map((a) => a.counted),
    [true, true, false, false],
  );
  assert.deepEqual(
    county.pending.map((p) => [p.orgName, p.state, p.government]),
    [
      ['梁山县司法局', 'submitted', '梁山县人民政府'],
      ['梁山县民政局', 'none', '梁山县人民政府'],
    ],
  );
  // The sum passes; the plausibility warning names the agency that received applications with no report.
  assert.deepEqual(
    county.checks.filter((c) => !c.ok).map((c) => [c.level, c.message]),
    [['warning', '以下1个机关本年度收到政府信息公开申请，但尚未编制年度报告：梁山县民政局（收到4件）。']],
  );

  const all = summarize({ orgId: 1, orgName: '梁山县人民政府' }, 2025, 'all', agencies, []);
  assert.deepEqual(all.figures.table3.一, [12, 0, 0, 0, 0, 0, 12]);
  assert.equal(all.pending.length, 2, 'still listed as not accepted');
  const failing = all.checks.filter((c) => !c.ok);
  assert.deepEqual(
    failing.map((c) => c.message),
    [
      '汇总数据：表三“自然人”列：第一项（12）加第二项（0）之和为12，第三项（七）总计（11）加第四项（0）之和为11，相差1。',
      '汇总数据：表三“总计”列：第一项（12）加第二项（0）之和为12，第三项（七）总计（11）加第四项（0）之和为11，相差1。',
      '汇总数据：表三“自然人”列：第三项（七）总计为11，（一）至（六）各项之和为12，相差1。',
      '汇总数据：表三“总计”列：第三项（七）总计为11，（一）至（六）各项之和为12，相差1。',
      '以下1个机关本年度收到政府信息公开申请，但尚未编制年度报告：梁山县民政局（收到4件）。',
    ],
  );
});

test('a city adds its own agencies and each county’s summary; pending agencies come up from the counties', () => {
  const county = summarize(
    { orgId: 40, orgName: '邹城市人民政府' },
    2025,
    'accepted',
    [line(40, '邹城市人民政府', 'accepted', report(3)), line(41, '邹城市教育局', 'draft', report(1))],
    [],
  );
  const city = summarize(
    { orgId: 1, orgName: '济宁市人民政府' },
    2025,
    'accepted',
    [line(1, '济宁市人民政府', 'accepted', report(10)), line(10, '市教育局', 'published', report(6))],
    [{ orgId: 40, orgName: '邹城市人民政府', summary: county }],
  );
  assert.deepEqual(city.figures.table3.一, [19, 0, 0, 0, 0, 0, 19]);
  assert.deepEqual(city.figures.table2.rule, [3, 0, 9]);
  assert.deepEqual(
    city.pending.map((p) => [p.orgName, p.government]),
    [['邹城市教育局', '邹城市人民政府']],
  );
});

test('§3.2 plausibility: an agency that received applications but has no report is named (a warning)', () => {
  const a = (orgName: string, state: ReportState | 'none', received: number): Received => ({
    orgName,
    state,
    received,
  });
  const table: [string, Received[], boolean, string | null][] = [
    ['nobody', [], true, null],
    ['no report, no applications', [a('甲局', 'none', 0)], true, null],
    ['a draft with applications', [a('甲局', 'draft', 5)], true, null],
    ['published with applications', [a('甲局', 'published', 5)], true, null],
    [
      'two without a report',
      [a('甲局', 'none', 3), a('乙局', 'accepted', 2), a('丙镇人民政府', 'none', 1), a('丁局', 'none', 0)],
      false,
      '以下2个机关本年度收到政府信息公开申请，但尚未编制年度报告：甲局（收到3件）、丙镇人民政府（收到1件）。',
    ],
  ];
  for (const [name, lines, ok, message] of table) {
    const c = missingReportsCheck(lines);
    assert.equal(c.ok, ok, name);
    assert.equal(c.level, 'warning', name);
    if (message) assert.equal(c.message, message, name);
  }
});
