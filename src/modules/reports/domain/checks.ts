/**
 * The checks a report must pass (勾稽关系) and the plausibility warnings, each failure naming the table,
 * row, column and the difference in Chinese.
 *
 * Errors (a report cannot be submitted while one fails) — docs/law/annual-report-format.md (DERIVED from
 * the note printed in table 三 and the layout of the tables; REGULATIONS.md §3.2, §3.3):
 * - table 三, every column: 一 + 二 = 三（七） + 四 (“第一项加第二项之和，等于第三项加第四项之和”);
 * - table 三, every column: 三（七）总计 = the sum of the 21 rows of （一）…（六）;
 * - table 三, every row: 总计 = the sum of the six applicant columns;
 * - table 四: each 总计 = the sum of the four cells before it;
 * - table 二: the figures entered by hand are given (0 is a figure), and no figure is negative.
 * Warnings (shown, do not block submission): this year's 二 (上年结转) differs from last year's report's 四
 * (结转下年度继续办理), per column — the same applications, counted twice.
 */
import {
  MANUAL_FIGURE_INFO,
  MANUAL_FIGURES,
  OUTCOME_ROW_KEYS,
  type ReportFigures,
  TABLE3_COLUMNS,
  TABLE3_ROW_KEYS,
  type Table3,
  TOTAL_COLUMN,
  table3RowName,
  table4CellName,
} from './tables.ts';

export type CheckLevel = 'error' | 'warning';
export type Check = { ok: boolean; level: CheckLevel; message: string };

const cell = (t: Table3, row: string, col: number): number => t[row]?.[col] ?? 0;
const columnName = (col: number) => `“${TABLE3_COLUMNS[col]}”列`;
const sum = (xs: readonly number[]) => xs.reduce((s, n) => s + n, 0);
const diff = (a: number, b: number) => Number(Math.abs(a - b).toFixed(4));

/** One check per rule: a passing line when every cell passes, else one failing line per failing cell. */
function rule(level: CheckLevel, passed: string, failures: string[]): Check[] {
  if (failures.length === 0) return [{ ok: true, level, message: passed }];
  return failures.map((message) => ({ ok: false, level, message }));
}

export function checkTable3(t: Table3): Check[] {
  const columns = TABLE3_COLUMNS.map((_, i) => i);
  const balance: string[] = [];
  const totalRow: string[] = [];
  for (const c of columns) {
    const [one, two, three, four] = [
      cell(t, '一', c),
      cell(t, '二', c),
      cell(t, '三(七)', c),
      cell(t, '四', c),
    ];
    if (one + two !== three + four) {
      balance.push(
        `表三${columnName(c)}：第一项（${one}）加第二项（${two}）之和为${one + two}，第三项（七）总计（${three}）加第四项（${four}）之和为${three + four}，相差${diff(one + two, three + four)}。`,
      );
    }
    const outcomes = sum(OUTCOME_ROW_KEYS.map((k) => cell(t, k, c)));
    if (outcomes !== three) {
      totalRow.push(
        `表三${columnName(c)}：第三项（七）总计为${three}，（一）至（六）各项之和为${outcomes}，相差${diff(three, outcomes)}。`,
      );
    }
  }
  const totalColumn: string[] = [];
  const negative: string[] = [];
  for (const row of TABLE3_ROW_KEYS) {
    const applicants = sum(columns.slice(0, TOTAL_COLUMN).map((c) => cell(t, row, c)));
    const total = cell(t, row, TOTAL_COLUMN);
    if (applicants !== total) {
      totalColumn.push(
        `表三${table3RowName(row)}：“总计”列为${total}，六类申请人之和为${applicants}，相差${diff(total, applicants)}。`,
      );
    }
    for (const c of columns) {
      const n = cell(t, row, c);
      if (n < 0 || !Number.isInteger(n))
        negative.push(`表三${table3RowName(row)}${columnName(c)}为${n}，应为非负整数。`);
    }
  }
  return [
    ...rule('error', '表三各列：第一项加第二项之和等于第三项加第四项之和。', balance),
    ...rule('error', '表三各列：第三项（七）总计等于（一）至（六）各项之和。', totalRow),
    ...rule('error', '表三各行：“总计”列等于六类申请人之和。', totalColumn),
    ...(negative.length ? rule('error', '', negative) : []),
  ];
}

export function checkTable4(cells: readonly number[]): Check[] {
  const failures: string[] = [];
  for (let g = 0; g < 3; g++) {
    const four = sum(cells.slice(g * 5, g * 5 + 4));
    const total = cells[g * 5 + 4] ?? 0;
    if (four !== total) {
      failures.push(
        `表四${table4CellName(g * 5 + 4)}为${total}，结果维持、结果纠正、其他结果、尚未审结四项之和为${four}，相差${diff(total, four)}。`,
      );
    }
  }
  for (let i = 0; i < 15; i++) {
    const n = cells[i] ?? 0;
    if (n < 0 || !Number.isInteger(n)) failures.push(`表四${table4CellName(i)}为${n}，应为非负整数。`);
  }
  if (cells.length !== 15) failures.push(`表四应有15项数据，实有${cells.length}项。`);
  return rule('error', '表四：各“总计”等于其前四项之和。', failures);
}

export function checkTable2(t: ReportFigures['table2']): Check[] {
  const failures: string[] = [];
  for (const key of ['rule', 'normative'] as const) {
    const label = key === 'rule' ? '规章' : '行政规范性文件';
    t[key].forEach((n, i) => {
      if (n < 0 || !Number.isInteger(n)) {
        const column = ['本年制发件数', '本年废止件数', '现行有效件数'][i];
        failures.push(`表二第二十条第（一）项“${label}”的${column}为${n}，应为非负整数。`);
      }
    });
  }
  for (const key of MANUAL_FIGURES) {
    const info = MANUAL_FIGURE_INFO[key];
    const n = t[key];
    if (n === null) failures.push(`表二${info.item}“${info.label}”的${info.column}尚未填报。`);
    else if (n < 0 || (info.kind === 'count' && !Number.isInteger(n)))
      failures.push(
        `表二${info.item}“${info.label}”的${info.column}为${n}，应为非负${info.kind === 'count' ? '整数' : '数'}。`,
      );
  }
  return rule('error', '表二：各项数据已填报且不为负数。', failures);
}

/** Last year's 四 against this year's 二, per column (a warning). */
export function checkCarryOver(t: Table3, previousFour: readonly number[] | null): Check[] {
  if (previousFour === null) return [];
  const failures: string[] = [];
  TABLE3_COLUMNS.forEach((_, c) => {
    const now = cell(t, '二', c);
    const before = previousFour[c] ?? 0;
    if (now !== before) {
      failures.push(
        `提示：表三${columnName(c)}：第二项“上年结转政府信息公开申请数量”为${now}，上一年度报告第四项“结转下年度继续办理”为${before}，相差${diff(now, before)}。`,
      );
    }
  });
  return rule('warning', '表三第二项与上一年度报告第四项一致。', failures);
}

/** Every check of a report; `previousFour`: row 四 of last year's submitted report, if there is one. */
export function checkReport(f: ReportFigures, previousFour: readonly number[] | null = null): Check[] {
  return [
    ...checkTable2(f.table2),
    ...checkTable3(f.table3),
    ...checkTable4(f.table4),
    ...checkCarryOver(f.table3, previousFour),
  ];
}

/** Whether the report may be submitted: no error fails (warnings do not block). */
export function passes(checks: readonly Check[]): boolean {
  return checks.every((c) => c.ok || c.level === 'warning');
}
