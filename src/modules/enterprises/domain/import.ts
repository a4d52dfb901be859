/**
 * 一企一档 from an .xlsx sheet: the header names the columns (any order), each row is checked whole and
 * every bad row is named with all its problems; the caller saves nothing unless there are none. Pure:
 * the regions (name → organisation id) and the codes already on file are parameters.
 */
import { checkCreditCode } from './credit-code.ts';
import {
  type Industry,
  industryFrom,
  type Qualification,
  qualificationFrom,
  type Size,
  sizeFrom,
  splitList,
} from './profile.ts';

export const MAX_IMPORT_ROWS = 5000;

export const IMPORT_COLUMNS = {
  creditCode: '统一社会信用代码',
  name: '企业名称',
  industry: '所属行业',
  size: '企业规模',
  region: '所在地区',
  capital: '注册资本（万元）',
  foundedOn: '成立日期',
  qualifications: '企业资质',
  tags: '标签',
  phone: '联系电话',
  email: '电子邮箱',
} as const;
type Column = keyof typeof IMPORT_COLUMNS;
const REQUIRED: readonly Column[] = ['creditCode', 'name', 'industry', 'size', 'region', 'foundedOn'];

export type EnterpriseInput = {
  creditCode: string;
  name: string;
  industry: Industry;
  size: Size;
  regionId: number;
  capital: number | null;
  foundedOn: string;
  qualifications: Qualification[];
  tags: string[];
  phone: string | null;
  email: string | null;
};

export type SheetRow = { line: number; cells: readonly string[] };
export type RowError = { line: number; messages: string[] };
export type ImportCheck =
  | { ok: true; rows: EnterpriseInput[] }
  | { ok: false; headerProblem: string | null; errors: RowError[] };

export const PHONE_RE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const isDate = (s: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** 2020/3/5, 2020年3月5日, 2020.03.05 → 2020-03-05. */
export function normaliseDate(text: string): string {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text.trim());
  if (!m) return text.trim();
  return `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`;
}

export function checkImport(
  header: readonly string[],
  rows: readonly SheetRow[],
  opts: { regions: ReadonlyMap<string, number>; today: string },
): ImportCheck {
  const index = new Map<Column, number>();
  for (const [key, title] of Object.entries(IMPORT_COLUMNS) as [Column, string][]) {
    const i = header.findIndex(
      (h) => h.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）') === title,
    );
    if (i >= 0) index.set(key, i);
  }
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0)
    return {
      ok: false,
      headerProblem: `表头缺少以下列：${missing.map((c) => IMPORT_COLUMNS[c]).join('、')}`,
      errors: [],
    };
  if (rows.length === 0) return { ok: false, headerProblem: '表格中没有企业数据', errors: [] };
  if (rows.length > MAX_IMPORT_ROWS)
    return { ok: false, headerProblem: `一次最多导入${MAX_IMPORT_ROWS}户企业，请分批导入`, errors: [] };
  const out: EnterpriseInput[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const cell = (c: Column) => {
      const i = index.get(c);
      return i === undefined ? '' : (row.cells[i] ?? '').trim();
    };
    const messages: string[] = [];
    const code = checkCreditCode(cell('creditCode'));
    if (!code.ok) messages.push(code.reason);
    else if (seen.has(code.code)) messages.push(`统一社会信用代码与第${seen.get(code.code)}行重复`);
    else seen.set(code.code, row.line);
    const name = cell('name');
    if (!name) messages.push('请填写企业名称');
    else if (name.length > 200) messages.push('企业名称不能超过200个字');
    const industry = industryFrom(cell('industry'));
    if (!industry) messages.push(`所属行业“${cell('industry')}”不是国民经济行业门类（A–T或门类名称）`);
    const size = sizeFrom(cell('size'));
    if (!size) messages.push(`企业规模“${cell('size')}”应为大型、中型、小型或微型`);
    const regionId = opts.regions.get(cell('region'));
    if (regionId === undefined) messages.push(`所在地区“${cell('region')}”不是本系统中的县（市、区）或乡镇`);
    const foundedOn = normaliseDate(cell('foundedOn'));
    if (!isDate(foundedOn)) messages.push(`成立日期“${cell('foundedOn')}”无法识别，请写成2020-03-05`);
    else if (foundedOn > opts.today) messages.push('成立日期不能晚于今天');
    const capitalText = cell('capital').replace(/万元$/, '');
    const capital = capitalText === '' ? null : Number(capitalText);
    if (capital !== null && (!Number.isFinite(capital) || capital < 0 || capital > 1e10))
      messages.push(`注册资本“${cell('capital')}”应为不小于0的数字（万元）`);
    const qualifications: Qualification[] = [];
    for (const q of splitList(cell('qualifications'))) {
      const k = qualificationFrom(q);
      if (k) qualifications.push(k);
      else messages.push(`企业资质“${q}”无法识别`);
    }
    const tags = splitList(cell('tags'));
    if (tags.some((t) => t.length > 20)) messages.push('每个标签不能超过20个字');
    const phone = cell('phone') || null;
    if (phone && !PHONE_RE.test(phone)) messages.push(`联系电话“${phone}”格式不正确`);
    const email = cell('email') || null;
    if (email && !EMAIL_RE.test(email)) messages.push(`电子邮箱“${email}”格式不正确`);
    if (messages.length > 0 || !code.ok || !industry || !size || regionId === undefined) {
      errors.push({ line: row.line, messages });
      continue;
    }
    out.push({
      creditCode: code.code,
      name,
      industry,
      size,
      regionId,
      capital,
      foundedOn,
      qualifications: [...new Set(qualifications)],
      tags: [...new Set(tags)],
      phone,
      email,
    });
  }
  return errors.length > 0 ? { ok: false, headerProblem: null, errors } : { ok: true, rows: out };
}
