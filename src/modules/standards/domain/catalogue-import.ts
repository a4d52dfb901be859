/**
 * Reading a published 政务公开事项标准目录 spreadsheet into catalogue items. Pure: the sheet's cells in,
 * items or every bad row out (nothing is saved when a row is bad).
 *
 * The published catalogues are laid out in two ways, both read:
 * - flat: one header row (领域, 公开事项 or 一级事项/二级事项, 公开内容（要素）, 公开依据, 公开时限, 公开主体,
 *   公开渠道和载体, 公开对象, 公开方式, 公开层级), values written out;
 * - the national layout: a title row ("城乡规划领域基层政务公开标准目录"), a header of two levels (公开事项 over
 *   一级事项 and 二级事项; 公开对象 over 全社会 and 特定群体; 公开方式 over 主动 and 依申请; 公开层级 over 县级
 *   and 乡级) with "√" marking the cells, and 一级事项 merged down over its 二级事项 rows.
 */
import { AUDIENCES, type Audience, MANNERS, type Manner } from './areas.ts';

export type SheetRow = { row: number; cells: readonly string[] };
export type ItemInput = {
  area: string;
  matter: string;
  subMatter: string;
  content: string;
  basis: string;
  timeLimit: string;
  publisher: string;
  channels: string;
  audience: Audience;
  manner: Manner;
  level: string;
};
export type ParsedItem = ItemInput & { row: number };
export type RowError = { row: number; message: string };
export type ParseResult = { items: ParsedItem[]; errors: RowError[] };

export const MAX_ITEMS = 2000;

const norm = (s: string) => s.replace(/[\s（）()]/g, '').replace(/要素/, '');
const TICK = /^[√✓✔是Yy]$/;

type Field =
  | keyof ItemInput
  | 'audience:全社会'
  | 'audience:特定群体'
  | 'manner:主动'
  | 'manner:依申请'
  | 'level:县级'
  | 'level:乡级'
  | 'level:市级';

/** The field a header cell names (a two-level header's cells read as 上级/下级). */
function fieldOf(parent: string, child: string): Field | null {
  const p = norm(parent);
  const c = norm(child);
  const both = `${p}/${c}`;
  if (/领域/.test(c) || (c === '' && /^领域$/.test(p))) return 'area';
  if (/一级事项/.test(both)) return 'matter';
  if (/二级事项/.test(both)) return 'subMatter';
  if (/公开事项|事项名称/.test(c || p)) return 'matter';
  if (/公开内容/.test(c || p)) return 'content';
  if (/公开依据/.test(c || p)) return 'basis';
  if (/公开时限/.test(c || p)) return 'timeLimit';
  if (/公开主体/.test(c || p)) return 'publisher';
  if (/公开渠道|载体/.test(c || p)) return 'channels';
  if (/公开对象/.test(p) && /全社会/.test(c)) return 'audience:全社会';
  if (/公开对象/.test(p) && /特定/.test(c)) return 'audience:特定群体';
  if (/公开对象/.test(p)) return 'audience';
  if (/公开方式/.test(p) && /^主动/.test(c)) return 'manner:主动';
  if (/公开方式/.test(p) && /依申请/.test(c)) return 'manner:依申请';
  if (/公开方式/.test(p)) return 'manner';
  if (/公开层级/.test(p) && /县/.test(c)) return 'level:县级';
  if (/公开层级/.test(p) && /乡|镇|街/.test(c)) return 'level:乡级';
  if (/公开层级/.test(p) && /市/.test(c)) return 'level:市级';
  if (/公开层级/.test(p)) return 'level';
  return null;
}

/** A header's second row: it names the parts of the merged cells above (a data row never has both of a pair). */
function isSubHeader(cells: readonly string[]): boolean {
  const has = (re: RegExp) => cells.some((c) => re.test(c.trim()));
  return (
    has(/^[一二]级事项$/) ||
    (has(/^全社会$/) && has(/^特定群体$/)) ||
    (has(/^主动$/) && has(/^依申请$/)) ||
    (has(/^县级$/) && has(/^乡级$/))
  );
}

/** The area a title row names ("城乡规划领域基层政务公开标准目录" → 城乡规划). */
export function areaFromTitle(text: string): string | null {
  const m = /^(.{2,20}?)领域/.exec(text.replace(/\s+/g, ''));
  return m ? (m[1] as string) : null;
}

/**
 * Parses a sheet given as all its non-empty rows (the first being whatever the file's first row is).
 * `defaultArea` names the area when neither a column nor a title row does.
 */
export function parseCatalogueSheet(all: readonly SheetRow[], defaultArea = ''): ParseResult {
  const errors: RowError[] = [];
  const headerAt = all.findIndex((r) => r.cells.some((c) => /公开事项|一级事项|公开内容/.test(c)));
  if (headerAt === -1)
    return {
      items: [],
      errors: [{ row: 1, message: '未找到表头：表头应包含“公开事项”（或“一级事项”）和“公开内容”' }],
    };
  let titleArea: string | null = null;
  for (const r of all.slice(0, headerAt)) titleArea ??= areaFromTitle(r.cells.find((c) => c !== '') ?? '');
  const header = all[headerAt] as SheetRow;
  const next = all[headerAt + 1];
  const twoLevel = next !== undefined && isSubHeader(next.cells);
  const width = Math.max(header.cells.length, twoLevel ? (next as SheetRow).cells.length : 0);
  const fields: (Field | null)[] = [];
  let parent = '';
  for (let i = 0; i < width; i++) {
    const top = (header.cells[i] ?? '').trim();
    if (top !== '') parent = top;
    const child = twoLevel ? ((next as SheetRow).cells[i] ?? '').trim() : '';
    fields.push(fieldOf(twoLevel ? parent : top, twoLevel ? child : ''));
  }
  if (!fields.includes('matter'))
    return { items: [], errors: [{ row: header.row, message: '表头缺少“公开事项”（或“一级事项”）列' }] };
  if (!fields.includes('content'))
    return { items: [], errors: [{ row: header.row, message: '表头缺少“公开内容（要素）”列' }] };

  const items: ParsedItem[] = [];
  const seen = new Map<string, number>();
  let lastMatter = '';
  let lastArea = '';
  for (const r of all.slice(headerAt + (twoLevel ? 2 : 1))) {
    const get = (f: Field) => {
      const i = fields.indexOf(f);
      return i === -1 ? '' : (r.cells[i] ?? '').trim();
    };
    const ticked = (f: Field) => TICK.test(get(f));
    if (r.cells.every((c) => c.trim() === '')) continue;
    if (items.length + errors.length >= MAX_ITEMS) {
      errors.push({ row: r.row, message: `一次最多导入${MAX_ITEMS}个事项，请分批导入` });
      break;
    }
    // 一级事项 (and 领域) merged down over their rows: a blank cell continues the one above.
    const matter = get('matter') || (get('subMatter') ? lastMatter : '');
    const area = get('area') || lastArea || titleArea || defaultArea.trim();
    lastMatter = matter;
    lastArea = get('area') || lastArea;
    const problems: string[] = [];
    if (matter === '') problems.push('“公开事项”为空');
    if (get('content') === '') problems.push('“公开内容”为空');
    if (area === '') problems.push('未写明所属领域（可在表中加“领域”列，或导入时选择领域）');
    let audience: string =
      get('audience') || (ticked('audience:特定群体') && !ticked('audience:全社会') ? '特定群体' : '全社会');
    if (/特定/.test(audience)) audience = '特定群体';
    if (!(AUDIENCES as readonly string[]).includes(audience))
      problems.push(`“公开对象”应为“全社会”或“特定群体”，不能是“${audience}”`);
    let manner: string =
      get('manner') || (ticked('manner:依申请') && !ticked('manner:主动') ? '依申请' : '主动');
    if (/^主动/.test(manner)) manner = '主动';
    if (!(MANNERS as readonly string[]).includes(manner))
      problems.push(`“公开方式”应为“主动”或“依申请”，不能是“${manner}”`);
    const levels = (['市级', '县级', '乡级'] as const).filter((l) => ticked(`level:${l}`));
    const level = get('level') || levels.join('、');
    const key = `${area}|${matter}|${get('subMatter')}`;
    const dup = seen.get(key);
    if (dup !== undefined && problems.length === 0) problems.push(`与第${dup}行的事项重复`);
    if (problems.length) {
      errors.push({ row: r.row, message: problems.join('；') });
      continue;
    }
    seen.set(key, r.row);
    items.push({
      row: r.row,
      area,
      matter,
      subMatter: get('subMatter'),
      content: get('content'),
      basis: get('basis'),
      timeLimit: get('timeLimit'),
      publisher: get('publisher'),
      channels: get('channels'),
      audience: audience as Audience,
      manner: manner as Manner,
      level,
    });
  }
  if (items.length === 0 && errors.length === 0) errors.push({ row: header.row, message: '表中没有事项' });
  return { items, errors };
}
