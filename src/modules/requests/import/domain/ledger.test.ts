import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportRowOf } from '../../domain/analytics.ts';
import { REPORT_ROWS } from '../../domain/outcomes.ts';
import {
  importedStage,
  LEDGER_HEADERS,
  type LedgerSheet,
  parseLedgerDate,
  parseOutcome,
  planLedgerImport,
  rowCodeOf,
} from './ledger.ts';

test('ledger dates: Excel dates, serial numbers and the usual written forms', () => {
  const cases: [string, string | null][] = [
    ['2025-03-05', '2025-03-05'],
    ['2025-3-5', '2025-03-05'],
    ['2025/3/5', '2025-03-05'],
    ['2025.3.5', '2025-03-05'],
    ['2025年3月5日', '2025-03-05'],
    ['２０２５年３月５日', '2025-03-05'],
    ['45721', '2025-03-05'],
    ['2024-02-29', '2024-02-29'],
    ['2025-02-29', null],
    ['2025-13-01', null],
    ['3月5日', null],
    ['明天', null],
    ['', null],
  ];
  for (const [text, want] of cases) assert.equal(parseLedgerDate(text), want, text);
});

test('outcomes: the report row wording, the printed label, the row code and the outcome labels', () => {
  const cases: [string, string | null, string | null][] = [
    ['予以公开', 'DISCLOSE', null],
    ['（一）予以公开', 'DISCLOSE', null],
    ['部分公开', 'PARTIAL', null],
    ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'PARTIAL', null],
    ['属于国家秘密', 'WITHHOLD', 'STATE_SECRET'],
    ['1.属于国家秘密', 'WITHHOLD', 'STATE_SECRET'],
    ['三(三)1', 'WITHHOLD', 'STATE_SECRET'],
    ['三（三）4', 'WITHHOLD', 'THIRD_PARTY_RIGHTS'],
    ['属于行政查询事项', 'WITHHOLD', 'ADMIN_QUERY'],
    ['本机关不掌握相关政府信息', 'NOT_EXIST', null],
    ['三(四)1', 'NOT_EXIST', null],
    ['3.4.2', 'NEEDS_CREATION', null],
    ['重复申请', 'REPEAT', null],
    ['申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'WITHDRAWN_NO_CORRECTION', null],
    ['三(六)2', 'WITHDRAWN_NO_PAYMENT', null],
    ['其他', 'OTHER', null],
    ['已主动公开', 'ALREADY_PUBLIC', null],
    ['不属于本机关负责公开', 'NOT_OUR_AGENCY', null],
    ['不予公开', null, null],
    ['同意公开', null, null],
    ['三(八)1', null, null],
  ];
  for (const [text, outcome, ground] of cases) {
    const got = parseOutcome(text);
    assert.deepEqual(got && [got.outcome, got.ground], outcome && [outcome, ground], text);
  }
});

test('every row of table 三 can be named by its wording and its code, and counts in that row', () => {
  for (const r of REPORT_ROWS) {
    for (const text of [r.label, rowCodeOf(r.key)]) {
      const got = parseOutcome(text);
      assert.ok(got, text);
      assert.equal(reportRowOf(got.outcome, got.ground), r.key, text);
    }
  }
});

const units = [
  { id: 10, name: '梁山县教育局' },
  { id: 11, name: '梁山县教育局办公室' },
];
const ctx = { existingNumbers: new Set(['2024-001']), units, today: '2025-06-30' as const };
const sheet = (...rows: string[][]): LedgerSheet => ({
  headerRow: 1,
  headers: [...LEDGER_HEADERS],
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});
const good = ['L-1', '张三', '自然人', '2025-01-06', '学校名单', '梁山县教育局', '2025-01-20', '予以公开'];

test('a correct ledger gives its cases; an open case has neither date nor outcome', () => {
  const plan = planLedgerImport(
    sheet(good, ['L-2', '某公司', '商业企业', '2025年2月3日', '招标文件', '', '', '']),
    ctx,
  );
  assert.deepEqual(plan.errors, []);
  assert.equal(plan.cases.length, 2);
  const [a, b] = plan.cases;
  assert.equal(a?.unitId, 10);
  assert.equal(a?.reportRow, '3.1');
  assert.equal(b?.concludedOn, null);
  assert.equal(b?.applicantType, 'commercial');
  assert.equal(importedStage(b as NonNullable<typeof b>), 'registered');
});

test('bad rows are each listed by row, and then no case is given', () => {
  const table: [string, string[][], { row: number; includes: string }[]][] = [
    [
      'unknown outcome wording',
      [good, ['L-2', '李四', '自然人', '2025-01-06', 'x', '', '2025-01-08', '同意公开']],
      [{ row: 3, includes: '处理结果“同意公开”无法识别' }],
    ],
    [
      'applicant type not in the format',
      [['L-2', '李四', '个人', '2025-01-06', 'x', '', '', '']],
      [{ row: 2, includes: '申请人类型“个人”不在格式中' }],
    ],
    [
      'conclusion before receipt',
      [['L-2', '李四', '自然人', '2025-01-06', 'x', '', '2025-01-05', '予以公开']],
      [{ row: 2, includes: '早于收到申请日期' }],
    ],
    ['duplicate number in the file', [good, good], [{ row: 3, includes: '与第2行重复' }]],
    [
      'number already used by a case',
      [['2024-001', '李四', '自然人', '2025-01-06', 'x', '', '', '']],
      [{ row: 2, includes: '已有申请使用' }],
    ],
    [
      'a number of the platform’s own form',
      [['2025-000012', '李四', '自然人', '2025-01-06', 'x', '', '', '']],
      [{ row: 2, includes: '与系统自动生成的申请编号格式相同' }],
    ],
    [
      'unknown handling unit',
      [['L-2', '李四', '自然人', '2025-01-06', 'x', '某某局', '', '']],
      [{ row: 2, includes: '办理机关“某某局”' }],
    ],
    [
      'a date that is no date, an outcome without conclusion date',
      [['L-2', '李四', '自然人', '2025-02-30', 'x', '', '', '予以公开']],
      [
        { row: 2, includes: '收到申请日期“2025-02-30”无法识别' },
        { row: 2, includes: '请填写办结日期' },
      ],
    ],
    [
      'a conclusion date without outcome; receipt in the future',
      [['L-2', '李四', '自然人', '2025-07-01', 'x', '', '2025-07-02', '']],
      [
        { row: 2, includes: '收到申请日期不能晚于今天' },
        { row: 2, includes: '办结日期不能晚于今天' },
        { row: 2, includes: '请填写处理结果' },
      ],
    ],
    [
      'required cells empty',
      [['', '', '', '', '', '', '', '']],
      [
        { row: 2, includes: '请填写编号' },
        { row: 2, includes: '请填写申请人' },
        { row: 2, includes: '请填写申请人类型' },
        { row: 2, includes: '请填写收到申请日期' },
        { row: 2, includes: '请填写申请内容' },
      ],
    ],
  ];
  for (const [name, rows, want] of table) {
    const plan = planLedgerImport(sheet(...rows), ctx);
    assert.deepEqual(plan.cases, [], name);
    assert.equal(plan.errors.length, want.length, `${name}: ${JSON.stringify(plan.errors)}`);
    want.forEach((w, i) => {
      assert.equal(plan.errors[i]?.row, w.row, name);
      assert.ok(plan.errors[i]?.message.includes(w.includes), `${name}: ${plan.errors[i]?.message}`);
    });
  }
});

test('a sheet without the required columns, or without rows, is refused on its header row', () => {
  const noColumns = planLedgerImport({ headerRow: 3, headers: ['编号', '姓名'], rows: [] }, ctx);
  assert.equal(noColumns.errors[0]?.row, 3);
  assert.match(noColumns.errors[0]?.message ?? '', /缺少必填列：“申请人”、“申请人类型”/);
  const empty = planLedgerImport(sheet(), ctx);
  assert.equal(empty.errors[0]?.message, '表格中没有申请记录');
});

test('stages of imported cases', () => {
  assert.equal(importedStage({ outcome: 'DISCLOSE', unitId: null }), 'replied');
  assert.equal(importedStage({ outcome: 'WITHDRAWN_NO_CORRECTION', unitId: 3 }), 'closed');
  assert.equal(importedStage({ outcome: 'OTHER', unitId: 3 }), 'closed');
  assert.equal(importedStage({ outcome: null, unitId: 3 }), 'processing');
});
