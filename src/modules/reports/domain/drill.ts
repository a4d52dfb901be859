/**
 * The drill-down of the report's computed figures: which cell of which module's stats table a number of
 * table 二 (第二十条第（一）项: documents) or table 三 (requests) is, so that the records behind it can be
 * listed (platform/stats.ts `statsRecords`). Pure; the same mapping as compose.ts and service.ts use to
 * fill the tables.
 */
import { APPLICANT_TYPES } from '../../requests/domain/applicant.ts';
import { REPORT_ROWS } from '../../requests/domain/outcomes.ts';
import { TABLE2_DOC_ROWS, TABLE3_ROW_KEYS, TOTAL_COLUMN, table3KeyOf } from './tables.ts';

export const DRILL_TABLES = ['table2', 'table3'] as const;
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
  const row = TABLE3_SOURCE[cell.row];
  const column = cell.column === TOTAL_COLUMN ? 'total' : APPLICANT_TYPES[cell.column];
  if (!row || !column || !TABLE3_ROW_KEYS.includes(cell.row)) return null;
  return { table: 'requests.report', row, column };
}

/** Whether a figure of the report can be opened to its records (the console makes it a link). */
export const isDrillable = (cell: DrillCell): boolean => statsCellOf(cell) !== null;
