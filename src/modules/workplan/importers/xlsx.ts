/** .xlsx → rows of real cells (exceljs), merged ranges as spans, title rows above the header as notice. */
import type ExcelJS from 'exceljs';
import { limitReason, loadWorkbook } from '../../../platform/files/extract/index.ts';
import { type SpanCell, type SpanTable, tablesToRawTable } from './grid.ts';
import { isHeaderRow } from './header.ts';
import { PlanParseError, type RawTable } from './model.ts';

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v instanceof Date) return `${v.getUTCFullYear()}年${v.getUTCMonth() + 1}月${v.getUTCDate()}日`;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return v.result === undefined ? '' : String(v.result);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return cell.text ?? String(v);
}

export async function readXlsxTable(bytes: Uint8Array): Promise<RawTable> {
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(bytes);
  } catch (err) {
    throw new PlanParseError(
      'PLAN_FILE_UNREADABLE',
      limitReason(err) ?? '无法读取该 Excel 文件（.xlsx），文件可能已损坏或不是 .xlsx 格式。',
    );
  }
  let lastError: unknown = null;
  for (const ws of wb.worksheets) {
    const width = ws.columnCount;
    const table: SpanTable = [];
    const before: string[] = [];
    let headerSeen = false;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: SpanCell[] = [];
      const plain: string[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        const master = cell.isMerged ? cell.master : cell;
        plain.push(master.address === cell.address ? cellText(cell) : '');
        if (cell.isMerged && master.address !== cell.address) continue;
        // Span of a merged master: count following merged cells in this row / column.
        let colspan = 1;
        while (
          c + colspan <= width &&
          row.getCell(c + colspan).isMerged &&
          row.getCell(c + colspan).master.address === cell.address
        )
          colspan++;
        let rowspan = 1;
        while (r + rowspan <= ws.rowCount) {
          const below = ws.getRow(r + rowspan).getCell(c);
          if (!(below.isMerged && below.master.address === cell.address)) break;
          rowspan++;
        }
        cells.push({ text: cellText(cell), colspan, rowspan });
      }
      if (!headerSeen) {
        // Header cells of a merged range repeat the master's text so 工作任务 over two columns counts twice.
        const headerProbe = plain.map(
          (t, i) => t || (row.getCell(i + 1).isMerged ? cellText(row.getCell(i + 1).master) : ''),
        );
        if (isHeaderRow(headerProbe)) headerSeen = true;
        else {
          const line = plain.filter((t) => t.trim() !== '').join(' ');
          if (line !== '') before.push(line);
          continue;
        }
      }
      table.push(cells);
    }
    if (!headerSeen) continue;
    try {
      return tablesToRawTable(before, [table], []);
    } catch (error) {
      lastError = error;
    }
  }
  if (lastError) throw lastError;
  throw new PlanParseError(
    'PLAN_NOT_A_TASK_TABLE',
    '没有找到工作任务分解表：工作表中没有一行包含“工作任务”“具体要求”“责任单位”等表头。',
  );
}
