/**
 * Text of an attachment or an imported file, for search and for reading metadata: .docx (mammoth),
 * .pdf (unpdf, NFKC-normalised: PDF text often carries compatibility ideographs), .xlsx (exceljs cell
 * text), .txt (UTF-8, else GBK). The type is checked by content (platform/files detectType), not only
 * by the name. A malformed file throws ExtractError with a Chinese reason; it never takes others down.
 */
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { getDocumentProxy, extractText as pdfText } from 'unpdf';
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
      case 'docx': {
        const r = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
        return tidy(r.value);
      }
      case 'pdf': {
        const pdf = await getDocumentProxy(new Uint8Array(bytes));
        const r = await pdfText(pdf, { mergePages: true });
        return tidy(String(r.text).normalize('NFKC'));
      }
      case 'xlsx': {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
        const lines: string[] = [];
        wb.eachSheet((ws) => {
          ws.eachRow((row) => {
            const cells: string[] = [];
            row.eachCell((cell) => {
              const t = cell.text?.trim();
              if (t) cells.push(t);
            });
            if (cells.length > 0) lines.push(cells.join('\t'));
          });
        });
        return tidy(lines.join('\n'));
      }
      case 'txt':
      case 'csv':
        return tidy(decodeText(bytes));
      default:
        return '';
    }
  } catch (err) {
    if (err instanceof ExtractError) throw err;
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
