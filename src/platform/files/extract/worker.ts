/**
 * The extraction worker: runs the parsers (mammoth, exceljs, unpdf) off the main thread, under the
 * memory limit its pool gave it. Each message is one job; the answer is the value, a refusal (a
 * limit was hit: Chinese reason) or `broken` (the parser threw on a malformed file).
 */
import { Readable } from 'node:stream';
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

/** Stream the sheets, refusing past the row and cell caps; `lines` collects cell text when given. */
async function streamXlsx(bytes: Uint8Array, limits: ExtractLimits, lines?: string[]): Promise<void> {
  checkZip(bytes, limits);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    sharedStrings: lines ? 'cache' : 'ignore',
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let rows = 0;
  let cells = 0;
  let chars = 0;
  for await (const ws of reader) {
    for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
      rows++;
      cells += row.cellCount;
      if (rows > limits.maxRows) throw new Refusal(refusalText.tooMany(`${limits.maxRows}行`));
      if (cells > limits.maxCells) throw new Refusal(refusalText.tooMany(`${limits.maxCells}个单元格`));
      if (!lines) continue;
      const texts: string[] = [];
      const values = row.values as ExcelJS.CellValue[];
      for (const v of values) {
        const t = cellText(v).trim();
        if (t) texts.push(t);
      }
      if (texts.length > 0) {
        const line = texts.join('\t');
        chars += line.length + 1;
        if (chars > limits.maxChars) throw new Refusal(refusalText.tooMany(`${limits.maxChars}个字`));
        lines.push(line);
      }
    }
  }
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
    case 'xlsx-text': {
      const lines: string[] = [];
      await streamXlsx(bytes, limits, lines);
      return lines.join('\n');
    }
    case 'xlsx-model': {
      // Count first (streaming, stops at the caps), then build the workbook to hand its model back.
      await streamXlsx(bytes, limits);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
      return wb.model;
    }
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
