/**
 * The extraction worker: runs the parsers (mammoth, exceljs, unpdf) off the main thread, under the
 * memory limit its pool gave it. Each message is one job; the answer is the value, a refusal (a
 * limit was hit: Chinese reason) or `broken` (the parser threw on a malformed file).
 */
import { parentPort } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import type { ExtractJob, ExtractLimits, WorkerAnswer, WorkerMessage } from './jobs.ts';
import { Refusal, refusalText } from './jobs.ts';
import { declaredUncompressedSize, zipRefusal } from './zip.ts';

function checkZip(bytes: Uint8Array, limits: ExtractLimits): void {
  // A ZIP without a readable central directory is malformed (not a refusal for a limit).
  if (!declaredUncompressedSize(bytes)) throw new Error('no ZIP central directory');
  const reason = zipRefusal(bytes, limits);
  if (reason) throw new Refusal(reason);
}

/** Count the paragraphs of word/document.xml before mammoth builds its (much larger) tree. */
function checkDocx(bytes: Uint8Array, limits: ExtractLimits): void {
  checkZip(bytes, limits);
  const files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' });
  const xml = files['word/document.xml'];
  if (!xml) throw new Error('no word/document.xml');
  let paragraphs = 0;
  // `<w:p>`, `<w:p/>`, `<w:p ` open a paragraph; `<w:pPr` and the like do not.
  for (let i = xml.indexOf(0x3c); i >= 0; i = xml.indexOf(0x3c, i + 1)) {
    if (xml[i + 1] === 0x77 && xml[i + 2] === 0x3a && xml[i + 3] === 0x70) {
      const next = xml[i + 4];
      if (next === 0x3e || next === 0x2f || next === 0x20) {
        paragraphs++;
        if (paragraphs > limits.maxParagraphs)
          throw new Refusal(refusalText.tooMany(`${limits.maxParagraphs}个段落`));
      }
    }
  }
}

function capChars(text: string, limits: ExtractLimits): string {
  if (text.length > limits.maxChars) throw new Refusal(refusalText.tooMany(`${limits.maxChars}个字`));
  return text;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return v.result === undefined ? '' : cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
  }
  return String(v);
}

/** Whether `xml[i]` opens an element named `name` (`<name>`, `<name/>`, `<name …`), any namespace prefix skipped. */
function opens(xml: Uint8Array, i: number, name: readonly number[]): boolean {
  let j = i + 1;
  // A prefix such as `x:` (some writers qualify every element).
  for (let k = j; k < j + 16 && k < xml.length; k++) {
    const b = xml[k] as number;
    if (b === 0x3a) {
      j = k + 1;
      break;
    }
    if (!((b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39))) break;
  }
  for (let k = 0; k < name.length; k++) if (xml[j + k] !== name[k]) return false;
  const next = xml[j + name.length];
  return next === 0x3e || next === 0x2f || next === 0x20;
}

const ROW = [0x72, 0x6f, 0x77]; // row
const CELL = [0x63]; // c

/**
 * Count the rows and cells of every worksheet part before any workbook is built: one `<row>` or `<c>`
 * element each, found by scanning the part's bytes (no parser, no order of the ZIP's entries assumed).
 */
function checkXlsx(bytes: Uint8Array, limits: ExtractLimits): void {
  checkZip(bytes, limits);
  const parts = unzipSync(bytes, { filter: (f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f.name) });
  let rows = 0;
  let cells = 0;
  for (const xml of Object.values(parts)) {
    for (let i = xml.indexOf(0x3c); i >= 0; i = xml.indexOf(0x3c, i + 1)) {
      if (opens(xml, i, CELL)) {
        if (++cells > limits.maxCells) throw new Refusal(refusalText.tooMany(`${limits.maxCells}个单元格`));
      } else if (opens(xml, i, ROW)) {
        if (++rows > limits.maxRows) throw new Refusal(refusalText.tooMany(`${limits.maxRows}行`));
      }
    }
  }
}

/** A counted .xlsx, loaded whole (exceljs resolves shared strings, merges and the sheets' names). */
async function loadXlsx(bytes: Uint8Array, limits: ExtractLimits): Promise<ExcelJS.Workbook> {
  checkXlsx(bytes, limits);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** One line per non-empty row, its non-empty cells separated by tabs (a merged range's text once). */
function workbookText(wb: ExcelJS.Workbook, limits: ExtractLimits): string {
  const lines: string[] = [];
  let chars = 0;
  for (const ws of wb.worksheets) {
    ws.eachRow((row) => {
      const texts: string[] = [];
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const t = cellText(cell.value).trim();
        if (t) texts.push(t);
      });
      if (texts.length === 0) return;
      const line = texts.join('\t');
      chars += line.length + 1;
      if (chars > limits.maxChars) throw new Refusal(refusalText.tooMany(`${limits.maxChars}个字`));
      lines.push(line);
    });
  }
  return lines.join('\n');
}

async function run(job: ExtractJob): Promise<unknown> {
  const { bytes, limits } = job;
  switch (job.op) {
    case 'docx-text': {
      checkDocx(bytes, limits);
      return capChars((await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value, limits);
    }
    case 'docx-html': {
      checkDocx(bytes, limits);
      return capChars((await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value, limits);
    }
    case 'pdf-text': {
      const pdf = await getDocumentProxy(bytes);
      if (pdf.numPages > limits.maxPages) throw new Refusal(refusalText.tooMany(`${limits.maxPages}页`));
      const r = await extractText(pdf, { mergePages: true });
      return capChars(String(r.text), limits);
    }
    case 'xlsx-text':
      return workbookText(await loadXlsx(bytes, limits), limits);
    case 'xlsx-model':
      return (await loadXlsx(bytes, limits)).model;
  }
}

parentPort?.on('message', async (job: ExtractJob) => {
  let answer: WorkerAnswer;
  try {
    answer = { id: job.id, ok: true, value: await run(job) };
  } catch (err) {
    answer =
      err instanceof Refusal
        ? { id: job.id, ok: false, reason: err.message, broken: false }
        : { id: job.id, ok: false, reason: refusalText.broken, broken: true };
  }
  parentPort?.postMessage(answer);
});
// The parsers are loaded: jobs posted while they loaded are waiting, and their time limits start now.
parentPort?.postMessage({ ready: true } satisfies WorkerMessage);
