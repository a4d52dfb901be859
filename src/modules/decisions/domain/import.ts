/**
 * Comments received on paper or by e-mail, imported from a spreadsheet: the rows as text, checked all or
 * nothing. Pure. The column 意见内容 is required; 姓名, 联系方式, 条款, 收到日期 are optional.
 */
import { isIsoDate } from '../../calendar/domain/dates.ts';
import { charCount, MAX_COMMENT_CHARS, MAX_CONTACT_CHARS, MAX_NAME_CHARS } from './comment.ts';

export const CONTENT_HEADER = '意见内容';
const OPTIONAL_HEADERS = {
  name: '姓名',
  contact: '联系方式',
  article: '条款',
  receivedOn: '收到日期',
} as const;
export const MAX_IMPORT_ROWS = 20_000;

export type ImportedComment = {
  /** The row's number in the file (1-based, the header counted), for messages. */
  row: number;
  name: string | null;
  contact: string | null;
  content: string;
  article: number | null;
  receivedOn: string;
};

/** A sheet as text: its header cells and its data rows, with each row's number in the file. */
export type TextSheet = { header: string[]; rows: { row: number; cells: string[] }[] };

const clean = (s: string | undefined) => (s ?? '').trim();

export function columnOf(header: readonly string[], name: string): number {
  return header.findIndex((h) => h.replace(/\s+/g, '') === name);
}

export function parseCommentSheet(
  sheet: TextSheet,
  o: { articleCount: number; defaultDate: string },
): { ok: true; comments: ImportedComment[] } | { ok: false; errors: string[] } {
  const content = columnOf(sheet.header, CONTENT_HEADER);
  if (content < 0) return { ok: false, errors: [`缺少“${CONTENT_HEADER}”列（表头应在第一行）`] };
  const col = {
    name: columnOf(sheet.header, OPTIONAL_HEADERS.name),
    contact: columnOf(sheet.header, OPTIONAL_HEADERS.contact),
    article: columnOf(sheet.header, OPTIONAL_HEADERS.article),
    receivedOn: columnOf(sheet.header, OPTIONAL_HEADERS.receivedOn),
  };
  const cell = (cells: string[], i: number) => (i < 0 ? '' : clean(cells[i]));
  const errors: string[] = [];
  const comments: ImportedComment[] = [];
  for (const { row, cells } of sheet.rows) {
    if (cells.every((c) => clean(c) === '')) continue;
    const text = cell(cells, content);
    const name = cell(cells, col.name);
    const contact = cell(cells, col.contact);
    const articleText = cell(cells, col.article).replace(/^第|条$/g, '');
    const date = cell(cells, col.receivedOn);
    if (text === '') errors.push(`第${row}行：意见内容为空`);
    else if (charCount(text) > MAX_COMMENT_CHARS)
      errors.push(`第${row}行：意见内容超过${MAX_COMMENT_CHARS}字`);
    if (charCount(name) > MAX_NAME_CHARS) errors.push(`第${row}行：姓名超过${MAX_NAME_CHARS}字`);
    if (charCount(contact) > MAX_CONTACT_CHARS) errors.push(`第${row}行：联系方式超过${MAX_CONTACT_CHARS}字`);
    let article: number | null = null;
    if (articleText !== '') {
      const n = Number(articleText);
      if (!Number.isInteger(n) || n < 1 || n > o.articleCount)
        errors.push(`第${row}行：条款“${articleText}”不存在`);
      else article = n;
    }
    if (date !== '' && !isIsoDate(date)) errors.push(`第${row}行：收到日期应为 YYYY-MM-DD`);
    comments.push({
      row,
      name: name || null,
      contact: contact || null,
      content: text,
      article,
      receivedOn: date || o.defaultDate,
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  if (comments.length === 0) return { ok: false, errors: ['文件中没有意见'] };
  if (comments.length > MAX_IMPORT_ROWS)
    return { ok: false, errors: [`一次最多导入${MAX_IMPORT_ROWS}条意见`] };
  return { ok: true, comments };
}
