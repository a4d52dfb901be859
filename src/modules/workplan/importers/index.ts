/**
 * Task-table importer (工作任务分解表): plain text (UTF-8, UTF-8 with BOM, GBK), .docx and .xlsx →
 * a parsed plan. Pure parsing, no database: the ledger service saves what this returns.
 */
import { readDocxTable } from './docx.ts';
import { type ParsedPlan, PlanParseError, type RawTable } from './model.ts';
import { readNotice } from './notice.ts';
import { interpretTable } from './table.ts';
import { readTextTable } from './text.ts';
import { readXlsxTable } from './xlsx.ts';

export { normaliseDeadline } from '../domain/deadlines.ts';
export { splitUnits } from '../domain/units-split.ts';
export type { ParsedDoc, ParsedPlan, ParsedTask, PlanParseErrorCode } from './model.ts';
export { PlanParseError } from './model.ts';

export type ParseOptions = { year?: number };

function fromRawTable(table: RawTable, opts: ParseOptions): ParsedPlan {
  const doc = readNotice(table.noticeLines, table.trailerLines);
  if (opts.year !== undefined) doc.year = opts.year;
  const { tasks, warnings } = interpretTable(table, doc.year);
  if (tasks.length === 0) {
    throw new PlanParseError(
      'PLAN_NOT_A_TASK_TABLE',
      '找到了表头，但表格中没有任何任务行：请确认文件是工作任务分解表。',
    );
  }
  if (doc.year === null)
    warnings.unshift('未能从文件中识别年度，“12月底前”等不带年份的时限无法换算为日期，请指定年度。');
  return { doc, tasks, warnings, sourceText: table.sourceText };
}

/** Parse the text of a task table (as Word/WPS export it). Pure. */
export function parsePlanText(text: string, opts: ParseOptions = {}): ParsedPlan {
  return fromRawTable(readTextTable(text), opts);
}

/** Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else GBK. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gbk', { fatal: true }).decode(bytes);
    } catch {
      throw new PlanParseError(
        'PLAN_FILE_UNREADABLE',
        '无法识别该文本文件的编码（支持 UTF-8 和 GBK），请另存为 UTF-8 后重试。',
      );
    }
  }
}

function zipHolds(bytes: Uint8Array, name: string): boolean {
  // Local file headers store entry names uncompressed.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name, 0, 'latin1');
}

/** Parse a task-table file: .txt/.text/.tsv, .docx or .xlsx (chosen by content, then by name). */
export async function parsePlanFile(
  bytes: Uint8Array,
  fileName: string,
  opts: ParseOptions = {},
): Promise<ParsedPlan> {
  const ext = (/\.([a-z0-9]+)$/i.exec(fileName)?.[1] ?? '').toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const isOle = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (isZip && (ext === 'docx' || zipHolds(bytes, 'word/document.xml')))
    return fromRawTable(await readDocxTable(bytes), opts);
  if (isZip && (ext === 'xlsx' || zipHolds(bytes, 'xl/workbook.xml')))
    return fromRawTable(await readXlsxTable(bytes), opts);
  if (isOle || ['doc', 'xls', 'wps', 'et'].includes(ext))
    throw new PlanParseError(
      'PLAN_FILE_TYPE',
      '不支持旧版 Word/Excel 格式（.doc/.xls），请另存为 .docx 或 .xlsx 后重试。',
    );
  if (ext === 'docx' || ext === 'xlsx')
    throw new PlanParseError('PLAN_FILE_UNREADABLE', `无法读取该文件：内容不是有效的 .${ext} 文件。`);
  const pdf = bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
  if (pdf)
    throw new PlanParseError(
      'PLAN_FILE_TYPE',
      '暂不支持 PDF 文件，请上传 .docx、.xlsx 或 .txt 格式的工作任务分解表。',
    );
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (isZip || (!utf16 && bytes.includes(0))) {
    throw new PlanParseError(
      'PLAN_FILE_TYPE',
      `不支持该文件类型${ext ? `（.${ext}）` : ''}，请上传 .docx、.xlsx 或 .txt 格式的工作任务分解表。`,
    );
  }
  return parsePlanText(decodeText(bytes), opts);
}
