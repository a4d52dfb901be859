/** A summary (汇总) as .xlsx: the summed tables 二, 三, 四 as in a report's export, and the agencies. */
import ExcelJS from 'exceljs';
import { REPORT_STATE_LABELS } from '../domain/states.ts';
import { SUMMARY_INCLUDE_LABELS, type Summary } from '../domain/summary/summary.ts';
import { addFigureSheets } from '../export.ts';
import { presentSummary } from './present.ts';

export const summaryTitle = (s: Summary) => `${s.orgName}${s.year}年政府信息公开工作年度报告汇总`;

export async function summaryWorkbook(s: Summary): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const p = presentSummary(s);
  const list = wb.addWorksheet('汇总情况');
  list.addRow([summaryTitle(s)]);
  list.addRow([`汇总范围：${SUMMARY_INCLUDE_LABELS[s.include]}`]);
  list.addRow([]);
  list.addRow(['本级机关', '报告状态', '是否计入汇总', '未通过校验项数', '提示项数']);
  for (const a of p.agencies)
    list.addRow([a.orgName, REPORT_STATE_LABELS[a.state], a.counted ? '是' : '否', a.errors, a.warnings]);
  if (p.governments.length) {
    list.addRow([]);
    list.addRow(['下级人民政府', '机关数', '已审核报告数', '汇总数据未通过校验项数']);
    for (const g of p.governments) list.addRow([g.orgName, g.agencies, g.accepted, g.errors]);
  }
  list.addRow([]);
  list.addRow(['未报送或尚未审核的机关', '报告状态', '所属人民政府']);
  if (p.pending.length === 0) list.addRow(['无']);
  for (const x of p.pending) list.addRow([x.orgName, REPORT_STATE_LABELS[x.state], x.government]);
  list.getColumn(1).width = 30;
  list.getColumn(2).width = 14;
  list.getColumn(3).width = 18;
  addFigureSheets(wb, summaryTitle(s), s.figures);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
