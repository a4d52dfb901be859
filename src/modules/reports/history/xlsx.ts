/** The one-sheet template of a past year's report figures (年度报告数据模板): one line per row of tables 二, 三, 四. */
import ExcelJS from 'exceljs';
import { PAST_HEADERS, PAST_LINES } from './domain/past.ts';

export async function pastTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('年度报告数据');
  ws.addRow([...PAST_HEADERS]);
  ws.getRow(1).font = { bold: true };
  for (const line of PAST_LINES) {
    const label = line.table === '三' ? line.label : `${line.label}（${line.cells.join('、')}）`;
    ws.addRow([line.key, label, ...line.cells.map(() => 0)]);
  }
  ws.getColumn(1).width = 26;
  ws.getColumn(2).width = 70;
  for (let c = 3; c <= PAST_HEADERS.length; c++) ws.getColumn(c).width = 12;
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 2 }];
  const help = wb.addWorksheet('填写说明');
  help.getColumn(1).width = 100;
  for (const line of [
    '以往年度报告数据填写说明：',
    '1. 按已公开的年度报告填写表二、表三、表四的数字；不要修改“行号”列，也不要增删行。',
    '2. 表三各行依次填写自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计七列。',
    '3. 表二“规章”“行政规范性文件”填写本年制发、本年废止、现行有效三列；行政许可、行政处罚、行政强制、行政事业性收费各填一列，不掌握的可留空。',
    '4. 表四每行依次填写结果维持、结果纠正、其他结果、尚未审结、总计五列。',
    '5. 表三须满足“第一项加第二项之和等于第三项加第四项之和”等勾稽关系，否则不能保存。',
    '6. 系统已生成年度报告的年度不能再录入以往年度数据。',
  ])
    help.addRow([line]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
