/** The figures of a published report as .xlsx: one sheet per table (表二, 表三, 表四), headers as printed. */
import ExcelJS from 'exceljs';
import {
  MANUAL_FIGURE_INFO,
  type ReportFigures,
  TABLE2_DOC_COLUMNS,
  TABLE2_DOC_ROWS,
  TABLE3_COLUMNS,
  TABLE3_ROWS,
  TABLE4_CELL_LABELS,
  TABLE4_GROUPS,
} from './domain/tables.ts';

export async function figuresWorkbook(title: string, f: ReportFigures): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  addFigureSheets(wb, title, f);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Adds the sheets 表二, 表三, 表四 of `f` to a workbook (the report's and a summary's export). */
export function addFigureSheets(wb: ExcelJS.Workbook, title: string, f: ReportFigures): void {
  const t2 = wb.addWorksheet('表二 主动公开');
  t2.addRow([title]);
  t2.addRow(['第二十条第（一）项']);
  t2.addRow(['信息内容', ...TABLE2_DOC_COLUMNS]);
  for (const r of TABLE2_DOC_ROWS) t2.addRow([r.label, ...f.table2[r.key]]);
  for (const key of ['licensing', 'penalty', 'enforcement', 'fees'] as const) {
    const info = MANUAL_FIGURE_INFO[key];
    t2.addRow([]);
    t2.addRow([info.item]);
    t2.addRow(['信息内容', info.column]);
    t2.addRow([info.label, f.table2[key]]);
  }
  t2.getColumn(1).width = 24;

  const t3 = wb.addWorksheet('表三 依申请公开');
  t3.addRow([title]);
  t3.addRow(['', '', '', '申请人情况']);
  t3.addRow(['', '', '', '自然人', '法人或其他组织', '', '', '', '', '总计']);
  t3.addRow(['', '', '', '', ...TABLE3_COLUMNS.slice(1, 6)]);
  for (const row of TABLE3_ROWS) {
    const inThree = row.key.startsWith('三');
    t3.addRow([
      inThree ? '三、本年度办理结果' : row.label,
      inThree ? (row.group ?? row.label) : '',
      inThree && row.group ? row.label : '',
      ...(f.table3[row.key] ?? []),
    ]);
  }
  t3.getColumn(1).width = 30;
  t3.getColumn(2).width = 30;
  t3.getColumn(3).width = 40;

  const t4 = wb.addWorksheet('表四 行政复议行政诉讼');
  t4.addRow([title]);
  t4.addRow(['行政复议', '', '', '', '', '行政诉讼']);
  t4.addRow(TABLE4_GROUPS.flatMap((g) => [g.parent ? g.label : '', '', '', '', '']));
  t4.addRow(TABLE4_GROUPS.flatMap(() => TABLE4_CELL_LABELS));
  t4.addRow(f.table4);
}
