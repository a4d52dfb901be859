/**
 * The drill-down of the report's computed figures: which cell of which module's stats table a number of
 * table 二 (第二十条第（一）项: documents) or table 三 (requests) is, so that the records behind it can be
 * listed (platform/stats.ts `statsRecords`); and which entries of the review/litigation register a figure
 * of table 四 counts (a kind, and a result or the group's 总计). Pure; the same mapping as compose.ts and
 * service.ts use to fill the tables.
 */
import { APPLICANT_TYPES } from '../../requests/domain/applicant.ts';
import { REPORT_ROWS } from '../../requests/domain/outcomes.ts';
import {
  REVIEW_KINDS,
  REVIEW_RESULTS,
  type ReviewKind,
  type ReviewResult,
  TABLE2_DOC_ROWS,
  TABLE3_ROW_KEYS,
  TOTAL_COLUMN,
  table3KeyOf,
} from './tables.ts';

export const DRILL_TABLES = ['table2', 'table3', 'table4'] as const;
export type DrillTable = (typeof DRILL_TABLES)[number];
export type DrillCell = { table: DrillTable; row: string; column: number };

const DOCUMENT_COLUMNS = ['issued', 'repealed', 'inForce'] as const;

/** Table 三's rows → the rows of `requests.report` (三（七）: every application concluded in the year). */
const TABLE3_SOURCE: Record<string, string> = {
  一: 'received',
  二: 'carriedIn',
  '三(七)': 'concluded',
  四: 'carriedForward',
  ...Object.fromEntries(REPORT_ROWS.map((r) => [table3KeyOf(r.key), r.key])),
};

/** The stats cell a figure is read from; null for a figure not computed (entered by hand) or unknown. */
export function statsCellOf(cell: DrillCell): { table: string; row: string; column: string } | null {
  if (cell.table === 'table2') {
    const column = DOCUMENT_COLUMNS[cell.column];
    if (!column || !TABLE2_DOC_ROWS.some((r) => r.key === cell.row)) return null;
    return { table: 'documents.genres', row: cell.row, column };
  }
  if (cell.table !== 'table3') return null;
  const row = TABLE3_SOURCE[cell.row];
  const column = cell.column === TOTAL_COLUMN ? 'total' : APPLICANT_TYPES[cell.column];
  if (!row || !column || !TABLE3_ROW_KEYS.includes(cell.row)) return null;
  return { table: 'requests.report', row, column };
}

/**
 * The register entries a figure of table 四 counts: row = the kind (行政复议, 未经复议直接起诉, 复议后起诉),
 * column = the cell in its group of five (维持, 纠正, 其他, 尚未审结; 4 = 总计, result null: every result).
 */
export function table4CellOf(cell: DrillCell): { kind: ReviewKind; result: ReviewResult | null } | null {
  if (cell.table !== 'table4') return null;
  const kind = REVIEW_KINDS.find((k) => k === cell.row);
  if (!kind || !Number.isInteger(cell.column) || cell.column < 0 || cell.column > 4) return null;
  return { kind, result: cell.column === 4 ? null : (REVIEW_RESULTS[cell.column] as ReviewResult) };
}

/** Whether a figure of the report can be opened to its records (the console makes it a link). */
export const isDrillable = (cell: DrillCell): boolean =>
  statsCellOf(cell) !== null || table4CellOf(cell) !== null;
