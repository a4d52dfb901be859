/**
 * A spreadsheet as the importers see it: the header row and the data rows below it, cell text
 * trimmed, with their row numbers as the spreadsheet shows them (errors name these). Pure.
 */
export type SheetRow = { row: number; cells: readonly string[] };
export type Sheet = { headerRow: number; headers: readonly string[]; rows: readonly SheetRow[] };

/** One row's problem; row is the spreadsheet's row number (the header row for a missing column). */
export type RowError = { row: number; message: string };

/** What a row of an import will do. */
export type RowAction = 'create' | 'update' | 'unchanged' | 'error';

/** Per-row outcome of an import's check, for the preview table. */
export type RowResult = { row: number; label: string; action: RowAction; messages: string[] };

/** A header as written, without the required-column marks and notes: `名称*`, `类型（人民政府…）` → 名称, 类型. */
export function headerKey(text: string): string {
  return text
    .replace(/[（(].*$/s, '')
    .replace(/[*＊\s]/g, '')
    .trim();
}

/**
 * The column index of each wanted header (-1: absent), and the required ones that are missing, as
 * one error on the header row naming them all.
 */
export function locateColumns<K extends string>(
  sheet: Sheet,
  columns: Record<K, { header: string; required: boolean }>,
): { index: Record<K, number>; missing: RowError | null } {
  const keys = sheet.headers.map(headerKey);
  const index = {} as Record<K, number>;
  const missing: string[] = [];
  for (const k of Object.keys(columns) as K[]) {
    const c = columns[k];
    index[k] = keys.indexOf(c.header);
    if (index[k] < 0 && c.required) missing.push(c.header);
  }
  return {
    index,
    missing:
      missing.length === 0
        ? null
        : { row: sheet.headerRow, message: `缺少必填列：${missing.map((m) => `“${m}”`).join('、')}` },
  };
}

/** The cell of `row` in column `i` ('' when the column is absent or the row is short). */
export function cellAt(row: SheetRow, i: number): string {
  return i < 0 ? '' : (row.cells[i] ?? '').trim();
}

/** 是/否 cells: true, false, null for empty; undefined for anything else. */
export function yesNo(text: string): boolean | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  if (['是', 'Y', 'y', '√', '✓'].includes(t)) return true;
  if (['否', 'N', 'n', '×'].includes(t)) return false;
  return undefined;
}

/** Mobile (11 digits starting 1) or landline (区号-号码, optional 分机) numbers. */
export function isPhone(text: string): boolean {
  return /^1[3-9]\d{9}$/.test(text) || /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(text);
}

export function isEmail(text: string): boolean {
  return text.length <= 100 && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text);
}
