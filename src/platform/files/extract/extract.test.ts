import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import {
  docx,
  manyParagraphsDocx,
  millionRowsXlsx,
  pngBytes,
  truncatedPdf,
  zipBomb,
} from '../../../../test/helpers/hostile-files.ts';
import {
  configureExtraction,
  DEFAULT_LIMITS,
  docxHtml,
  docxText,
  FileRefusedError,
  limitReason,
  loadWorkbook,
  pdfText,
  xlsxText,
} from './index.ts';

const DEFAULTS = {
  timeoutMs: 20_000,
  startupTimeoutMs: 120_000,
  maxOldGenerationSizeMb: 256,
  workerUrl: new URL('./worker.ts', import.meta.url),
};
after(() => configureExtraction(DEFAULTS));

const CJK = /[\u4e00-\u9fff]/;

async function refusal(run: Promise<unknown>): Promise<FileRefusedError> {
  const err = await run.then(
    () => assert.fail('the file was read'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof FileRefusedError, String(err));
  assert.match(err.reason, CJK);
  return err;
}

test('hostile files are refused with a Chinese reason: limits apart from malformed files', {
  timeout: 120_000,
}, async () => {
  const paragraphs = manyParagraphsDocx();
  const rows = millionRowsXlsx();
  const bomb = zipBomb();
  const pdf = await truncatedPdf();
  const cases: [string, () => Promise<unknown>, RegExp | null][] = [
    ['2 million empty paragraphs (text)', () => docxText(paragraphs), /超过100000个段落/],
    ['2 million empty paragraphs (html)', () => docxHtml(paragraphs), /超过100000个段落/],
    ['decompression bomb', () => docxText(bomb), /解压后过大/],
    ['a million rows (text)', () => xlsxText(rows), /超过50000行/],
    ['a million rows (workbook)', () => loadWorkbook(rows), /超过50000行/],
    ['a million rows under an import cap', () => loadWorkbook(rows, { maxRows: 5000 }), /超过5000行/],
    ['truncated pdf', () => pdfText(pdf), null],
    ['png named .docx', () => docxText(pngBytes()), null],
    ['png named .xlsx', () => loadWorkbook(pngBytes()), null],
  ];
  for (const [name, run, reason] of cases) {
    const err = await refusal(run());
    if (reason) {
      assert.equal(err.broken, false, name);
      assert.match(err.reason, reason, name);
      assert.equal(limitReason(err), err.reason, name);
    } else {
      assert.equal(err.broken, true, name);
      assert.equal(limitReason(err), null, name);
    }
  }
});

test('ordinary files are read; a workbook keeps its values and merged cells', {
  timeout: 60_000,
}, async () => {
  assert.match(await docxText(docx('<w:p><w:r><w:t>政务公开</w:t></w:r></w:p>')), /政务公开/);
  // A small Buffer is a view of Node's shared pool: the copy sent to the worker must be its own.
  const pooled = Buffer.from(docx('<w:p><w:r><w:t>政务公开</w:t></w:r></w:p>'));
  assert.match(await docxText(pooled), /政务公开/);
  assert.match(await docxText(pooled), /政务公开/);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  ws.addRow(['工作任务', '责任单位']);
  ws.addRow(['公开目录', '市政府办公室']);
  ws.getCell('A3').value = '合并的说明';
  ws.mergeCells('A3:B3');
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const back = await loadWorkbook(bytes);
  const sheet = back.worksheets[0] as ExcelJS.Worksheet;
  assert.equal(sheet.getCell('B2').value, '市政府办公室');
  assert.equal(sheet.getCell('B3').isMerged, true);
  assert.equal(sheet.getCell('B3').master.address, 'A3');
  assert.equal(await xlsxText(bytes), '工作任务\t责任单位\n公开目录\t市政府办公室\n合并的说明');
});

test('small workbooks as exceljs writes them are read every time (300 in a row, text and workbook)', {
  timeout: 120_000,
}, async () => {
  // exceljs's streaming reader, used before to count rows, lost the workbook part of about one such
  // file in 150 and the valid upload was refused as damaged.
  const failed: string[] = [];
  for (let i = 0; i < 300; i++) {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('咨询记录').addRows([
      ['渠道', '日期', '问题', '承办单位'],
      ['一号答', '2026-01-05', `第${i}个问题`, '市财政局'],
    ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    try {
      if (i % 2 === 0)
        assert.equal((await loadWorkbook(bytes)).worksheets[0]?.getCell('C2').value, `第${i}个问题`);
      else assert.match(await xlsxText(bytes), new RegExp(`第${i}个问题`));
    } catch (err) {
      failed.push(`${i}: ${(err as Error).message}`);
    }
  }
  assert.deepEqual(failed, []);
});

test('an .xlsx is read whatever the order of its parts (xl/workbook.xml last)', {
  timeout: 60_000,
}, async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('咨询记录').addRows([
    ['渠道', '问题'],
    ['一号答', '助学金怎么申请'],
  ]);
  const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const { 'xl/workbook.xml': workbook, ...rest } = parts;
  assert.ok(workbook && rest['xl/sharedStrings.xml'], 'exceljs wrote the workbook and its shared strings');
  // The shared strings and the sheets first, the workbook part last: a valid package, as some writers emit.
  const reordered = zipSync({ ...rest, 'xl/workbook.xml': workbook });
  assert.equal(await xlsxText(reordered), '渠道\t问题\n一号答\t助学金怎么申请');
  const back = await loadWorkbook(reordered);
  assert.equal(back.worksheets[0]?.name, '咨询记录');
  assert.equal(back.worksheets[0]?.getCell('B2').value, '助学金怎么申请');
});

test('a job past its time limit is ended and refused; the next job runs', { timeout: 60_000 }, async () => {
  // A worker whose every job spins forever: only the time limit can end it, whatever the machine's speed
  // (a real parser finished a small file within a 1 ms limit on a fast run).
  configureExtraction({
    timeoutMs: 200,
    workerUrl: new URL('../../../../test/helpers/stuck-extract-worker.ts', import.meta.url),
  });
  try {
    const err = await refusal(docxText(docx('<w:p><w:r><w:t>正文</w:t></w:r></w:p>')));
    assert.equal(err.reason, '文件内容过于复杂，无法在限定时间内读取');
    assert.equal(err.broken, false);
  } finally {
    configureExtraction(DEFAULTS);
  }
  assert.equal(await docxText(docx('<w:p><w:r><w:t>正文</w:t></w:r></w:p>')), '正文\n\n');
});

test('a job’s time limit starts once its worker is ready: a slow start is not the file’s fault', {
  timeout: 120_000,
}, async () => {
  // The worker takes 8 s to start (SLOW_START_MS), longer than the job's limit of 5 s.
  configureExtraction({
    timeoutMs: 5_000,
    workerUrl: new URL('../../../../test/helpers/slow-extract-worker.ts', import.meta.url),
  });
  try {
    assert.equal(await docxText(docx('<w:p><w:r><w:t>正文</w:t></w:r></w:p>')), '正文\n\n');
  } finally {
    configureExtraction(DEFAULTS);
  }
});

test('a worker that never gets ready is ended and its job refused as busy; the next job runs', {
  timeout: 60_000,
}, async () => {
  configureExtraction({
    startupTimeoutMs: 100,
    workerUrl: new URL('../../../../test/helpers/slow-extract-worker.ts', import.meta.url),
  });
  try {
    const err = await refusal(docxText(docx('<w:p><w:r><w:t>正文</w:t></w:r></w:p>')));
    assert.equal(err.reason, '系统正在读取其他文件，请稍后重试');
    assert.equal(err.broken, false);
  } finally {
    configureExtraction(DEFAULTS);
  }
  assert.equal(await docxText(docx('<w:p><w:r><w:t>正文</w:t></w:r></w:p>')), '正文\n\n');
});

test('a worker dying of its heap limit is a refusal, not a crash; the pool replaces it', {
  timeout: 120_000,
}, async () => {
  configureExtraction({ maxOldGenerationSizeMb: 32 });
  const err = await refusal(
    docxText(manyParagraphsDocx(), { ...DEFAULT_LIMITS, maxParagraphs: Number.POSITIVE_INFINITY }),
  );
  assert.equal(err.broken, false);
  assert.match(err.reason, /内存/);
  configureExtraction(DEFAULTS);
  assert.equal(await docxText(docx('<w:p><w:r><w:t>正文</w:t></w:r></w:p>')), '正文\n\n');
});
