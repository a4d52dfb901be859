/** The downloadable template of the ledger import (申请台账导入模板). */
import ExcelJS from 'exceljs';
import { REPORT_ROWS } from '../domain/outcomes.ts';
import { APPLICANT_TYPE_LABELS, LEDGER_HEADERS, rowCodeOf } from './domain/ledger.ts';

/** The wordings a 处理结果 cell takes: the rows of table 三 without their numbering. */
const OUTCOME_WORDINGS = REPORT_ROWS.map((r) => ({
  code: rowCodeOf(r.key),
  wording: r.label
    .replace(/^（[一二三四五六七]）/, '')
    .replace(/^\d+\./, '')
    .replace(/（.*）$/, ''),
}));

export async function ledgerTemplate(sampleUnit: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('申请台账');
  ws.addRow([...LEDGER_HEADERS]);
  ws.addRow([
    '示例：2024-001',
    '张三',
    '自然人',
    '2024-03-05',
    '某某项目的批复文件',
    sampleUnit,
    '2024-03-20',
    '予以公开',
  ]);
  ws.getRow(1).font = { bold: true };
  const widths = [18, 20, 16, 16, 40, 24, 16, 30];
  LEDGER_HEADERS.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    col.width = widths[i] ?? 16;
    col.numFmt = '@';
    if (['编号', '申请人', '申请人类型', '收到申请日期', '申请内容'].includes(h))
      ws.getCell(1, i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (let r = 2; r <= 2000; r++) {
    ws.getCell(`C${r}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${APPLICANT_TYPE_LABELS.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '输入有误',
      error: `请从下拉列表中选择：${APPLICANT_TYPE_LABELS.join('、')}`,
    };
  }
  const help = wb.addWorksheet('填写说明');
  help.getColumn(1).width = 24;
  help.getColumn(2).width = 80;
  for (const line of [
    ['申请台账导入填写说明（红色列为必填）：'],
    ['1. 第2行为示例，导入前请删除或改为实际申请。每行一件申请。'],
    [
      '2. 编号：原台账中的申请编号，不能与本表其他行或系统中已有申请重复；不能是系统自动编号的格式（如 2025-000012），可加前缀区分。',
    ],
    [`3. 申请人类型：${APPLICANT_TYPE_LABELS.join('、')}（年度报告表三的六列）。`],
    ['4. 日期：可填 Excel 日期，或写成 2025-03-05、2025/3/5、2025年3月5日。'],
    ['5. 办理机关：本机关或其所属机构在系统中的全称，可不填。'],
    ['6. 尚未办结的申请，办结日期和处理结果都不填；已办结的两项都要填。办结日期不能早于收到申请日期。'],
    ['7. 处理结果：填写年度报告表三的行名称或行号（见下表）。'],
    ['8. 导入的申请标记为“台账导入”，只能查看，不能再办理；计入列表和年度报告统计。'],
    ['9. 有任何一行出错时，整个文件都不会导入；请按预览中列出的行号修改后重新导入。'],
    [],
    ['行号', '处理结果（表三行名称）'],
    ...OUTCOME_WORDINGS.map((o) => [o.code, o.wording]),
  ])
    help.addRow(line);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
