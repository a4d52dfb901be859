/**
 * The tables of the annual report (政府信息公开工作年度报告) in the national format 国办公开办函〔2021〕30号
 * (docs/law/annual-report-format.md; /work/shared/spec/REGULATIONS.md §3), as data: their rows, columns
 * and labels, and the shape of the figures the platform computes or staff enter.
 *
 * - Table 二 (主动公开): four sub-tables for 条例第二十条第（一）（五）（六）（八）项.
 * - Table 三 (依申请公开): 25 numeric rows (一, 二, the 21 outcome rows and （七）总计 of 三, 四) × 7 columns.
 * - Table 四 (行政复议、行政诉讼): one row of 15 cells.
 */
import { APPLICANT_TYPE_INFO, APPLICANT_TYPES } from '../../requests/domain/applicant.ts';
import { OUTCOME_GROUP_LABELS, REPORT_ROWS, type ReportRowKey } from '../../requests/domain/outcomes.ts';

// ── Table 三 ──

/** The seven columns of table 三: the six applicant types (the order of APPLICANT_TYPES), then 总计. */
export const TABLE3_COLUMNS: readonly string[] = [
  ...APPLICANT_TYPES.map((t) => APPLICANT_TYPE_INFO[t].reportColumnLabel),
  '总计',
];
/** Index of the 总计 column. */
export const TOTAL_COLUMN = 6;

/** The outcome rows' keys as the report is read: '3.3.1' → '三(三)1', '3.1' → '三(一)'. */
const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七'];
export function table3KeyOf(rowKey: ReportRowKey): string {
  const [, group, item] = rowKey.split('.');
  return `三(${CN_NUMERALS[Number(group) - 1]})${item ?? ''}`;
}

export const OUTCOME_ROW_KEYS: readonly string[] = REPORT_ROWS.map((r) => table3KeyOf(r.key));
export const TABLE3_ROW_KEYS: readonly string[] = ['一', '二', ...OUTCOME_ROW_KEYS, '三(七)', '四'];

export type Table3Row = {
  key: string;
  /** The row's own label as printed. */
  label: string;
  /** The group cell of 三 it sits in (（三）不予公开 …), for the numbered rows of （三）…（六）. */
  group: string | null;
};

/** The 25 numeric rows of table 三, in table order. */
export const TABLE3_ROWS: readonly Table3Row[] = [
  { key: '一', label: '一、本年新收政府信息公开申请数量', group: null },
  { key: '二', label: '二、上年结转政府信息公开申请数量', group: null },
  ...REPORT_ROWS.map((r) => ({
    key: table3KeyOf(r.key),
    label: r.label,
    group: r.label.startsWith('（') ? null : OUTCOME_GROUP_LABELS[r.group],
  })),
  { key: '三(七)', label: '（七）总计', group: null },
  { key: '四', label: '四、结转下年度继续办理', group: null },
];

/** The note printed in the top-left header block of table 三. */
export const TABLE3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** Table 三's figures: each row key → its seven numbers (the column order of TABLE3_COLUMNS). */
export type Table3 = Record<string, number[]>;

/** A Table 三 of zeros. */
export function emptyTable3(): Table3 {
  return Object.fromEntries(TABLE3_ROW_KEYS.map((k) => [k, TABLE3_COLUMNS.map(() => 0)]));
}

/** The human name of a row of table 三 in messages: “三（三）1.属于国家秘密”. */
export function table3RowName(key: string): string {
  const row = TABLE3_ROWS.find((r) => r.key === key);
  if (!row) return key;
  if (key === '一' || key === '二' || key === '四') return `第${key}项“${row.label.slice(2)}”`;
  const group = row.group ? row.group : '';
  return `第三项${group}${row.label}`;
}

// ── Table 二 ──

/** Row keys of the 第二十条第（一）项 sub-table, with the documents module's genre code each reads. */
export const TABLE2_DOC_ROWS = [
  { key: 'rule', label: '规章' },
  { key: 'normative', label: '行政规范性文件' },
] as const;
export type Table2DocKey = (typeof TABLE2_DOC_ROWS)[number]['key'];
export const TABLE2_DOC_COLUMNS = ['本年制发件数', '本年废止件数', '现行有效件数'] as const;

/** The figures of table 二 staff enter by hand: three counts of decisions and one amount. */
export const MANUAL_FIGURES = ['licensing', 'penalty', 'enforcement', 'fees'] as const;
export type ManualFigure = (typeof MANUAL_FIGURES)[number];

export const MANUAL_FIGURE_INFO: Record<
  ManualFigure,
  { item: string; label: string; column: string; kind: 'count' | 'amount' }
> = {
  licensing: { item: '第二十条第（五）项', label: '行政许可', column: '本年处理决定数量', kind: 'count' },
  penalty: { item: '第二十条第（六）项', label: '行政处罚', column: '本年处理决定数量', kind: 'count' },
  enforcement: { item: '第二十条第（六）项', label: '行政强制', column: '本年处理决定数量', kind: 'count' },
  fees: {
    item: '第二十条第（八）项',
    label: '行政事业性收费',
    column: '本年收费金额（单位：万元）',
    kind: 'amount',
  },
};

/** The four sub-tables of table 二, in order, with their rows. */
export const TABLE2_SECTIONS = [
  { item: '第二十条第（一）项', rows: ['rule', 'normative'] },
  { item: '第二十条第（五）项', rows: ['licensing'] },
  { item: '第二十条第（六）项', rows: ['penalty', 'enforcement'] },
  { item: '第二十条第（八）项', rows: ['fees'] },
] as const;

export type Table2 = {
  /** 本年制发件数, 本年废止件数, 现行有效件数. */
  rule: [number, number, number];
  normative: [number, number, number];
  /** Entered by hand; null while not entered yet. */
  licensing: number | null;
  penalty: number | null;
  enforcement: number | null;
  /** 本年收费金额 in 万元 (up to 4 decimals, i.e. to the 元); null while not entered yet. */
  fees: number | null;
};

// ── Table 四 ──

export const REVIEW_KINDS = ['review', 'direct-suit', 'suit-after-review'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
export const REVIEW_KIND_LABELS: Record<ReviewKind, string> = {
  review: '行政复议',
  'direct-suit': '行政诉讼（未经复议直接起诉）',
  'suit-after-review': '行政诉讼（复议后起诉）',
};

export const REVIEW_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];
export const REVIEW_RESULT_LABELS: Record<ReviewResult, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
};

/** The three groups of five cells of table 四, in order. */
export const TABLE4_GROUPS: readonly { kind: ReviewKind; label: string; parent: string | null }[] = [
  { kind: 'review', label: '行政复议', parent: null },
  { kind: 'direct-suit', label: '未经复议直接起诉', parent: '行政诉讼' },
  { kind: 'suit-after-review', label: '复议后起诉', parent: '行政诉讼' },
];
export const TABLE4_CELL_LABELS = [...REVIEW_RESULTS.map((r) => REVIEW_RESULT_LABELS[r]), '总计'];

/** Table 四's 15 cells: per group 维持, 纠正, 其他, 尚未审结, 总计. */
export type Table4 = number[];

/** The cell of table 四 a case of `kind` with `result` is counted in. */
export function table4Index(kind: ReviewKind, result: ReviewResult): number {
  return REVIEW_KINDS.indexOf(kind) * 5 + REVIEW_RESULTS.indexOf(result);
}

/** Table 四 from cases: each case in its cell, each group's 总计 the sum of its four cells. */
export function table4Of(cases: readonly { kind: ReviewKind; result: ReviewResult }[]): Table4 {
  const cells = Array.from({ length: 15 }, () => 0);
  for (const c of cases) {
    cells[table4Index(c.kind, c.result)] = (cells[table4Index(c.kind, c.result)] as number) + 1;
    cells[REVIEW_KINDS.indexOf(c.kind) * 5 + 4] = (cells[REVIEW_KINDS.indexOf(c.kind) * 5 + 4] as number) + 1;
  }
  return cells;
}

/** The name of a cell of table 四 in messages: “行政诉讼（复议后起诉）结果维持”. */
export function table4CellName(index: number): string {
  const group = REVIEW_KINDS[Math.floor(index / 5)] as ReviewKind;
  return `${REVIEW_KIND_LABELS[group]}${TABLE4_CELL_LABELS[index % 5]}`;
}

/** All figures of one report. */
export type ReportFigures = { table2: Table2; table3: Table3; table4: Table4 };
