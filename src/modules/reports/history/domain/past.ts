/**
 * 以往年度报告 (issue 13.6): the figures of a year before the platform — tables 二, 三, 四 as numbers only,
 * entered in the console's grid or read from the one-sheet template. Pure: the sheet as rows of text.
 *
 * The figures must have the report's shape (25 rows × 7 columns of 三, 15 cells of 四, 二's counts) and
 * pass the arithmetic of tables 三 and 四 (domain/checks.ts: 一 + 二 = 三（七） + 四 per column, the totals)
 * — a published report does. Table 二's four hand-entered figures may be left blank (not known).
 */
import { checkTable3, checkTable4 } from '../../domain/checks.ts';
import {
  MANUAL_FIGURE_INFO,
  MANUAL_FIGURES,
  type ManualFigure,
  REVIEW_RESULT_LABELS,
  REVIEW_RESULTS,
  type ReportFigures,
  TABLE2_DOC_COLUMNS,
  TABLE2_DOC_ROWS,
  TABLE3_COLUMNS,
  TABLE3_ROWS,
  TABLE4_GROUPS,
  type Table3,
} from '../../domain/tables.ts';

export type PastError = { row: number; message: string };

/** The template's header row: 行号, 项目, then up to seven number columns. */
export const PAST_HEADERS = ['行号', '项目', ...TABLE3_COLUMNS] as const;

/** Every line of the template: its key (column A), label (B) and how many numbers it takes. */
export type PastLine =
  | { table: '二'; key: string; label: string; cells: string[]; doc: 'rule' | 'normative' }
  | { table: '二'; key: string; label: string; cells: string[]; manual: ManualFigure }
  | { table: '三'; key: string; label: string; cells: string[] }
  | { table: '四'; key: string; label: string; cells: string[]; group: number };

export const PAST_LINES: readonly PastLine[] = [
  ...TABLE2_DOC_ROWS.map(
    (r): PastLine => ({
      table: '二',
      key: `表二-${r.label}`,
      label: `第二十条第（一）项 ${r.label}`,
      cells: [...TABLE2_DOC_COLUMNS],
      doc: r.key,
    }),
  ),
  ...MANUAL_FIGURES.map(
    (m): PastLine => ({
      table: '二',
      key: `表二-${MANUAL_FIGURE_INFO[m].label}`,
      label: `${MANUAL_FIGURE_INFO[m].item} ${MANUAL_FIGURE_INFO[m].label}`,
      cells: [MANUAL_FIGURE_INFO[m].column],
      manual: m,
    }),
  ),
  ...TABLE3_ROWS.map(
    (r): PastLine => ({
      table: '三',
      key: r.key,
      label: `${r.group ?? ''}${r.label}`,
      cells: [...TABLE3_COLUMNS],
    }),
  ),
  ...TABLE4_GROUPS.map(
    (g, i): PastLine => ({
      table: '四',
      key: `表四-${g.label}`,
      label: `${g.parent ? `${g.parent}（${g.label}）` : g.label}`,
      cells: [...REVIEW_RESULTS.map((r) => REVIEW_RESULT_LABELS[r]), '总计'],
      group: i,
    }),
  ),
];

const norm = (s: string) => s.normalize('NFKC').replace(/\s/g, '');

/** A number cell: blank → null; else a non-negative number (an integer unless `amount`). */
function numberOf(text: string, amount: boolean): number | null | 'bad' {
  const t = norm(text).replace(/,/g, '');
  if (t === '') return null;
  if (!/^\d+(\.\d+)?$/.test(t)) return 'bad';
  const n = Number(t);
  if (!amount && !Number.isInteger(n)) return 'bad';
  return n;
}

/** Reads the template's sheet (rows keyed by column A) into figures; every problem by its row. */
export function parsePastSheet(sheet: {
  headerRow: number;
  rows: readonly { row: number; cells: readonly string[] }[];
}): { figures: ReportFigures | null; errors: PastError[] } {
  const errors: PastError[] = [];
  const byKey = new Map<string, { row: number; cells: readonly string[] }>();
  for (const r of sheet.rows) {
    const key = norm(r.cells[0] ?? '');
    if (key === '') continue;
    const line = PAST_LINES.find((l) => norm(l.key) === key);
    if (!line) {
      errors.push({ row: r.row, message: `行号“${r.cells[0]}”不是模板中的行，请使用年度报告数据模板` });
      continue;
    }
    if (byKey.has(line.key)) {
      errors.push({ row: r.row, message: `“${line.key}”与第${byKey.get(line.key)?.row}行重复` });
      continue;
    }
    byKey.set(line.key, r);
  }
  const table3: Table3 = {};
  const table4: number[] = Array.from({ length: 15 }, () => 0);
  const table2: ReportFigures['table2'] = {
    rule: [0, 0, 0],
    normative: [0, 0, 0],
    licensing: null,
    penalty: null,
    enforcement: null,
    fees: null,
  };
  for (const line of PAST_LINES) {
    const r = byKey.get(line.key);
    if (!r) {
      errors.push({ row: sheet.headerRow, message: `缺少“${line.key} ${line.label}”一行` });
      continue;
    }
    const amount = 'manual' in line && line.manual === 'fees';
    const values = line.cells.map((name, i) => {
      const text = r.cells[i + 2] ?? '';
      const n = numberOf(text, amount);
      if (n === 'bad') {
        errors.push({
          row: r.row,
          message: `${line.label}的“${name}”为“${text}”，应为${amount ? '非负数' : '非负整数'}`,
        });
        return 0;
      }
      return n;
    });
    if (line.table === '三') table3[line.key] = values.map((v) => v ?? 0);
    else if (line.table === '四') {
      for (const [i, v] of values.entries()) table4[line.group * 5 + i] = v ?? 0;
    } else if ('doc' in line) table2[line.doc] = values.map((v) => v ?? 0) as [number, number, number];
    else table2[line.manual] = values[0] ?? null;
  }
  if (errors.length > 0) return { figures: null, errors };
  const figures = { table2, table3, table4 };
  return { figures, errors: checkPastFigures(figures).map((message) => ({ row: sheet.headerRow, message })) };
}

/** The problems of a past year's figures (shape, non-negative whole numbers, the sums of 三 and 四). */
export function checkPastFigures(f: ReportFigures): string[] {
  const problems: string[] = [];
  for (const row of TABLE3_ROWS) {
    const cells = f.table3[row.key];
    if (!cells || cells.length !== TABLE3_COLUMNS.length) problems.push(`表三缺少“${row.label}”一行的数据`);
  }
  if (f.table4.length !== 15) problems.push(`表四应有15项数据，实有${f.table4.length}项`);
  for (const key of ['rule', 'normative'] as const) {
    if (f.table2[key].length !== 3 || f.table2[key].some((n) => n < 0 || !Number.isInteger(n)))
      problems.push(`表二第二十条第（一）项的${key === 'rule' ? '规章' : '行政规范性文件'}应为三个非负整数`);
  }
  for (const m of MANUAL_FIGURES) {
    const n = f.table2[m];
    if (n !== null && (n < 0 || (m !== 'fees' && !Number.isInteger(n))))
      problems.push(`表二“${MANUAL_FIGURE_INFO[m].label}”应为非负${m === 'fees' ? '数' : '整数'}`);
  }
  if (problems.length > 0) return problems;
  return [...checkTable3(f.table3), ...checkTable4(f.table4)].filter((c) => !c.ok).map((c) => c.message);
}
