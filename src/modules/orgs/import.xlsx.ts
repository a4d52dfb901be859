/**
 * The spreadsheets of the organisation and user imports: reading an uploaded .xlsx into a `Sheet`
 * (type checked by content, the ZIP's declared sizes checked before anything is decompressed), and
 * the downloadable templates (header row, a sample row, drop-down lists for 类型 and 是否).
 */
import ExcelJS from 'exceljs';
import { declaredUncompressedSize, limitReason, loadWorkbook } from '../../platform/files/extract/index.ts';
import { detectType } from '../../platform/files/types.ts';
import { AppError } from '../../platform/http/errors.ts';
import { ORG_TEMPLATE_HEADERS, ORG_TEMPLATE_KIND_LABELS } from './domain/org-import.ts';
import { ROLE_LABELS, ROLES } from './domain/roles.ts';
import type { Sheet, SheetRow } from './domain/sheet.ts';
import { USER_TEMPLATE_HEADERS } from './domain/user-import.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Limits of one import file: its rows, and what its ZIP may expand to. */
export const MAX_IMPORT_ROWS = 5000;
const MAX_UNCOMPRESSED = 64 * 1024 * 1024;
const MAX_ENTRIES = 2000;

const refuse = (detail: string) => new AppError('ORGS_IMPORT_FILE', { detail });

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return v.result === undefined ? '' : String(v.result);
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
}

/** The first worksheet of an uploaded .xlsx: its first non-empty row is the header. */
export async function readSheet(bytes: Uint8Array, fileName: string): Promise<Sheet> {
  if (bytes.length === 0) throw refuse('文件为空');
  const type = detectType(fileName, bytes.subarray(0, 16));
  if (type?.ext !== 'xlsx') throw refuse('请上传 .xlsx 格式的 Excel 文件（可先下载导入模板）');
  const zip = declaredUncompressedSize(bytes);
  if (!zip) throw refuse('文件已损坏或不是有效的 .xlsx 文件');
  if (zip.total > MAX_UNCOMPRESSED || zip.entries > MAX_ENTRIES)
    throw refuse('文件解压后过大，请只保留导入所需的工作表');
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(bytes, { maxUncompressed: MAX_UNCOMPRESSED, maxEntries: MAX_ENTRIES });
  } catch (err) {
    throw refuse(limitReason(err) ?? '文件已损坏或不是有效的 .xlsx 文件');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw refuse('文件中没有工作表');
  if (ws.rowCount > MAX_IMPORT_ROWS + 1) throw refuse(`一次最多导入${MAX_IMPORT_ROWS}行，请分批导入`);
  const width = Math.min(ws.columnCount, 50);
  let header: { row: number; cells: string[] } | null = null;
  const rows: SheetRow[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)).trim());
    if (cells.every((t) => t === '')) continue;
    if (!header) header = { row: r, cells };
    else rows.push({ row: r, cells });
  }
  if (!header) throw refuse('工作表是空的');
  return { headerRow: header.row, headers: header.cells, rows };
}

type TemplateSpec = {
  sheetName: string;
  headers: readonly string[];
  required: readonly string[];
  sample: readonly string[];
  widths: readonly number[];
  lists: { column: number; values: readonly string[] }[];
  notes: readonly string[];
};

async function template(spec: TemplateSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(spec.sheetName);
  ws.addRow([...spec.headers]);
  ws.addRow([...spec.sample]);
  ws.getRow(1).font = { bold: true };
  spec.headers.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    col.width = spec.widths[i] ?? 16;
    col.numFmt = '@';
    if (spec.required.includes(h)) ws.getCell(1, i + 1).font = { bold: true, color: { argb: 'FFC00000' } };
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const { column, values } of spec.lists) {
    const letter = ws.getColumn(column).letter;
    for (let r = 2; r <= 1000; r++) {
      ws.getCell(`${letter}${r}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${values.join(',')}"`],
        showErrorMessage: true,
        errorTitle: '输入有误',
        error: `请从下拉列表中选择：${values.join('、')}`,
      };
    }
  }
  const help = wb.addWorksheet('填写说明');
  help.getColumn(1).width = 100;
  for (const line of spec.notes) help.addRow([line]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 机构导入模板. */
export function orgTemplate(sampleParent: string): Promise<Buffer> {
  return template({
    sheetName: '机构',
    headers: ORG_TEMPLATE_HEADERS,
    required: ['名称', '上级机构', '类型'],
    sample: ['示例：市体育局', '体育局', sampleParent, '政府部门', '', '', '是'],
    widths: [30, 16, 30, 16, 24, 16, 20],
    lists: [
      { column: 4, values: ORG_TEMPLATE_KIND_LABELS },
      { column: 7, values: ['是', '否'] },
    ],
    notes: [
      '机构导入填写说明（红色列为必填）：',
      '1. 第2行为示例，导入前请删除或改为实际机构。',
      '2. 上级机构：填写本表中或系统中已有机构的全称；系统中最上级的机构可不填。',
      '3. 类型：人民政府、政府部门、乡镇街道、事业单位、公共企事业单位。直属于市人民政府的“人民政府”按县（市、区）处理。',
      '4. 统一社会信用代码：18位，系统会核对校验位；可不填。',
      '5. 是否受理依申请公开：填“是”或“否”，不填视为“是”。',
      '6. 同一上级下名称相同（或统一社会信用代码相同）的机构视为已有机构，导入时更新其信息；不会删除机构。',
      '7. 有任何一行出错时，整个文件都不会导入；请按预览中列出的行号修改后重新导入。',
    ],
  });
}

/** 用户导入模板. */
export function userTemplate(sampleOrg: string): Promise<Buffer> {
  const roleLabels = ROLES.map((r) => ROLE_LABELS[r]);
  return template({
    sheetName: '用户',
    headers: USER_TEMPLATE_HEADERS,
    required: ['账号', '姓名', '机构', '角色'],
    sample: ['zhangsan', '张三', sampleOrg, ROLE_LABELS.handler, '13800000000', 'zhangsan@example.gov.cn'],
    widths: [20, 14, 30, 14, 18, 30],
    lists: [{ column: 4, values: roleLabels }],
    notes: [
      '用户导入填写说明（红色列为必填）：',
      '1. 第2行为示例，导入前请删除或改为实际人员。',
      '2. 账号：3至40位小写字母、数字或 _ . -，用于登录；系统中已有的账号会更新姓名、机构、角色和联系方式，不改密码。',
      '3. 机构：填写系统中已有机构的全称（或已登记的简称）。',
      `4. 角色：${roleLabels.join('、')}。`,
      '5. 新账号由系统生成初始密码，导入结果中只显示一次，请妥善转交本人；本人首次登录后应修改密码。',
      '6. 有任何一行出错时，整个文件都不会导入。',
    ],
  });
}
