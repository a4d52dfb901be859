/**
 * Reading the comment files: the first worksheet of an .xlsx (header = its first non-empty row) or a
 * .txt file (one comment per line), as the text sheet the pure importer checks.
 */
import type ExcelJS from 'exceljs';
import { limitReason, loadWorkbook } from '../../platform/files/extract/index.ts';
import { detectType } from '../../platform/files/types.ts';
import { AppError } from '../../platform/http/errors.ts';
import { CONTENT_HEADER, MAX_IMPORT_ROWS, type TextSheet } from './domain/import.ts';

const refuse = (detail: string) => new AppError('CONSULTATION_IMPORT_FILE', { detail });

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return v.result === undefined ? '' : String(v.result);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
}

export async function readXlsxSheet(bytes: Uint8Array, fileName: string): Promise<TextSheet> {
  if (bytes.length === 0) throw refuse('文件为空');
  const type = detectType(fileName, bytes.subarray(0, 16));
  if (type?.ext !== 'xlsx') throw refuse('请上传 .xlsx 格式的 Excel 文件');
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(bytes);
  } catch (err) {
    throw refuse(limitReason(err) ?? '文件已损坏或不是有效的 .xlsx 文件');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw refuse('文件中没有工作表');
  if (ws.rowCount > MAX_IMPORT_ROWS + 1) throw refuse(`一次最多导入${MAX_IMPORT_ROWS}条意见，请分批导入`);
  const width = Math.min(ws.columnCount, 30);
  let header: string[] | null = null;
  const rows: TextSheet['rows'] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)).trim());
    if (!header) {
      if (cells.some((t) => t !== '')) header = cells;
      continue;
    }
    rows.push({ row: r, cells });
  }
  if (!header) throw refuse('工作表是空的');
  return { header, rows };
}

/** A .txt file: one comment per line (UTF-8), as a sheet with the one column 意见内容. */
export function readTextLines(text: string): TextSheet {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  return { header: [CONTENT_HEADER], rows: lines.map((l, i) => ({ row: i + 1, cells: [l] })) };
}
