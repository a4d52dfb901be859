/**
 * Text of an attachment or an imported file, for search and for reading metadata: .docx (mammoth),
 * .pdf (unpdf, NFKC-normalised: PDF text often carries compatibility ideographs), .xlsx (exceljs cell
 * text), .txt (UTF-8, else GBK). The office formats are read in the platform's extraction workers,
 * under time, memory, size and row limits (platform/files/extract). The type is checked by content
 * (platform/files detectType), not only by the name. A malformed or oversized file throws ExtractError
 * with a Chinese reason; it never takes others down.
 */
import { docxHtml, docxText, limitReason, pdfText, xlsxText } from '../../platform/files/extract/index.ts';
import { detectType } from '../../platform/files/types.ts';
import { textBlocks } from './domain/text-tables.ts';

export class ExtractError extends Error {
  readonly reason: string;
  readonly fileName: string;
  constructor(fileName: string, reason: string) {
    super(`${fileName}: ${reason}`);
    this.name = 'ExtractError';
    this.reason = reason;
    this.fileName = fileName;
  }
}

export const EXTRACTABLE = ['docx', 'pdf', 'xlsx', 'txt'] as const;
export type ExtractableExt = (typeof EXTRACTABLE)[number];

export function extOf(name: string): string {
  const i = name.lastIndexOf('.');
  return i < 0 ? '' : name.slice(i + 1).toLowerCase();
}

export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u3000]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Extract the plain text of `bytes` named `name`. Other allowed upload types (images, .doc …) give ''
 * (stored, not searchable); an unknown or mismatching type is refused.
 */
export async function extractText(name: string, bytes: Uint8Array): Promise<string> {
  const ext = extOf(name);
  if (bytes.length === 0) throw new ExtractError(name, '文件为空');
  const type = detectType(name, bytes.subarray(0, 16));
  if (!type)
    throw new ExtractError(name, '文件内容与扩展名不符或类型不受支持（支持 docx、pdf、xlsx、txt 等）');
  try {
    switch (ext) {
      case 'docx':
        return tidy(await docxText(bytes));
      case 'pdf':
        return tidy((await pdfText(bytes)).normalize('NFKC'));
      case 'xlsx':
        return tidy(await xlsxText(bytes));
      case 'txt':
      case 'csv':
        return tidy(decodeText(bytes));
      default:
        return '';
    }
  } catch (err) {
    if (err instanceof ExtractError) throw err;
    const limit = limitReason(err);
    if (limit) throw new ExtractError(name, limit);
    const kind = ext === 'pdf' ? 'PDF' : ext === 'docx' ? 'Word' : ext === 'xlsx' ? 'Excel' : '';
    throw new ExtractError(name, `${kind}文件已损坏或格式不正确，无法提取文字`);
  }
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cellHtml = (s: string) => s.split('\n').map(esc).join('<br>');

/**
 * Plain text → safe HTML (for bodies read from files): paragraphs, and tables where their layout is
 * recognised (domain/text-tables.ts), with a header row of column headers.
 */
export function textToHtml(text: string): string {
  return textBlocks(text)
    .map((b) => {
      if (b.kind === 'paragraph') return `<p>${esc(b.text)}</p>`;
      const n = b.header.length;
      const head = `<thead><tr>${b.header.map((h) => `<th scope="col">${cellHtml(h)}</th>`).join('')}</tr></thead>`;
      const rows = b.rows.map((r) =>
        r.length === 1
          ? `<tr><td colspan="${n}">${cellHtml(r[0] as string)}</td></tr>`
          : `<tr>${[...r, ...Array<string>(Math.max(0, n - r.length)).fill('')]
              .map((c) => `<td>${cellHtml(c)}</td>`)
              .join('')}</tr>`,
      );
      return `<table>${head}<tbody>${rows.join('')}</tbody></table>`;
    })
    .join('\n');
}

/**
 * A Word table's first row as column headers when Word did not mark a header row (mammoth writes a
 * marked one as <thead>/<th> already): task tables open with their column names.
 */
export function markTableHeaders(html: string): string {
  return html.replace(/<table>([\s\S]*?)<\/table>/g, (whole, inner: string) => {
    if (/<th[\s>]|<table/.test(inner)) return whole;
    const m = inner.match(/^\s*<tr>([\s\S]*?)<\/tr>/);
    if (!m) return whole;
    const head = (m[1] as string)
      .replace(/<td(\s[^>]*)?>/g, '<th scope="col"$1>')
      .replace(/<\/td>/g, '</th>');
    const body = inner.slice((m[0] as string).length);
    return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  });
}

/**
 * The body of a document read from a file: a .docx as HTML (mammoth keeps its tables, headings and
 * lists), anything else from its extracted text. Sanitised by the caller (insertDocumentRow).
 */
export async function bodyHtmlOf(name: string, bytes: Uint8Array, text: string): Promise<string> {
  if (extOf(name) === 'docx') {
    try {
      const html = await docxHtml(bytes);
      if (html.trim() !== '') return markTableHeaders(html);
    } catch {
      // Its text was read already: fall back to it.
    }
  }
  return textToHtml(text);
}
