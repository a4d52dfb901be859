/**
 * Text of an attachment or an imported file, for search and for reading metadata: .docx (mammoth),
 * .pdf (unpdf, NFKC-normalised: PDF text often carries compatibility ideographs), .xlsx (exceljs cell
 * text), .txt (UTF-8, else GBK). The office formats are read in the platform's extraction workers,
 * under time, memory, size and row limits (platform/files/extract). The type is checked by content
 * (platform/files detectType), not only by the name. A malformed or oversized file throws ExtractError
 * with a Chinese reason; it never takes others down.
 */
import { docxText, limitReason, pdfText, xlsxText } from '../../platform/files/extract/index.ts';
import { detectType } from '../../platform/files/types.ts';

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

/** Plain text → minimal safe HTML paragraphs (for bodies read from files). */
export function textToHtml(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => `<p>${esc(l)}</p>`)
    .join('\n');
}
