// Ledger import (issue 16.14): what the preview shows of a task's 完成时限 — its text, its date, 长期坚持 —
// is what the saved ledger holds, for a task with 长期坚持 and a task without any deadline, from a .txt and
// from an .xlsx table (a merged 完成时限 cell over two tasks). An empty cell continues the one above only within
// a merge (.xlsx) or the same task (text), so each task without a deadline stays without one.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';

let t: TestApp;
let office: Client;
let city: number;

before(
  async () => {
    t = await createTestApp();
    office = await t.as('t_office');
    city = await orgIdByName(t.db, '济宁市人民政府');
  },
  { timeout: 60_000 },
);
after(() => t.close());

function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer }) {
  const boundary = '----gongkai-deadline-boundary';
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    body: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

type Deadline = { seq: number; deadlineRaw: string | null; due: string | null; recurring: boolean };
const deadlineOf = (x: Deadline): Deadline => ({
  seq: x.seq,
  deadlineRaw: x.deadlineRaw,
  due: x.due,
  recurring: x.recurring,
});

/** Preview the file, save its tasks as the console's import page does, and read the saved plan back. */
async function previewAndSave(file: { name: string; bytes: Buffer }, title: string) {
  const m = multipart({ year: '2025' }, file);
  const res = await office.send('POST', '/api/workplan/import/preview', m.body, m.headers);
  assert.equal(res.statusCode, 200, res.body);
  const preview = res.json();
  // ImportPlanPage: the parsed tasks without their source lines.
  const tasks = preview.parsed.tasks.map(({ sourceLines: _s, ...task }: Record<string, unknown>) => task);
  const saved = await office.send('POST', '/api/workplan/plans', { orgId: city, year: 2025, title, tasks });
  assert.equal(saved.statusCode, 200, saved.body);
  const detail = (await office.get(`/api/workplan/plans/${saved.json().id}`)).json();
  return {
    previewed: (preview.parsed.tasks as Deadline[]).map(deadlineOf),
    stored: (detail.tasks as Deadline[]).map(deadlineOf),
  };
}

test('a .txt table: 长期坚持 and a task without a deadline are saved as the preview showed them', {
  timeout: 60_000,
}, async () => {
  const table = [
    '2025年政务公开重点任务分解表',
    '序号\t工作任务\t责任单位\t完成时限',
    '1\t做好数据开放\t市财政局\t',
    '2\t做好政策解读\t市教育局\t长期坚持',
    '3\t完善公开指南\t市教育局\t2025年6月底前',
  ].join('\n');
  const { previewed, stored } = await previewAndSave(
    { name: 'deadlines.txt', bytes: Buffer.from(table) },
    '2025年时限测试（文本）',
  );
  assert.deepEqual(previewed, [
    { seq: 1, deadlineRaw: null, due: null, recurring: false },
    { seq: 2, deadlineRaw: '长期坚持', due: null, recurring: true },
    { seq: 3, deadlineRaw: '2025年6月底前', due: '2025-06-30', recurring: false },
  ]);
  assert.deepEqual(stored, previewed);
});

test('an .xlsx table with a task without a deadline and a merged 长期坚持 cell over two tasks: saved as previewed', {
  timeout: 60_000,
}, async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分解表');
  ws.addRow(['序号', '工作任务', '责任单位', '完成时限']);
  ws.addRow([1, '做好数据开放', '市财政局', null]);
  ws.addRow([2, '做好政策解读', '市教育局', '长期坚持']);
  ws.addRow([3, '做好政策问答', '市教育局', null]);
  ws.mergeCells('D3:D4');
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const { previewed, stored } = await previewAndSave(
    { name: 'deadlines.xlsx', bytes },
    '2025年时限测试（表格）',
  );
  assert.deepEqual(
    previewed.map((x) => [x.seq, x.recurring]),
    [
      [1, false],
      [2, true],
      [3, true],
    ],
    'the merged cell is 长期坚持 for both tasks it spans; the task without a deadline is not',
  );
  assert.deepEqual(stored, previewed);
});
