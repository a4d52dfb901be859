/** `gongkai decisions cluster FILE --json` on .txt and .xlsx files. */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { CommandContext } from '../../platform/commands.ts';
import { UsageError } from '../../platform/commands.ts';
import { decisionsCommands } from './commands.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gk-cluster-'));
});
after(() => rm(dir, { recursive: true, force: true }));

const TEXT =
  '坚决反对在幸福小区东侧建设垃圾中转站，选址距离居民楼不足五十米，异味和蚊虫将严重影响居民生活，请求重新论证选址。';
const ctx = {} as CommandContext;

async function run(args: string[]): Promise<string> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (s: string) => lines.push(s);
  try {
    assert.equal(await decisionsCommands.handlers.decisions?.(args, ctx), 0);
  } finally {
    console.log = log;
  }
  return lines.join('\n');
}

test('.txt: one comment per line; members are line numbers in file order', async () => {
  const file = path.join(dir, '意见.txt');
  await writeFile(
    file,
    [TEXT, '建议公开运行数据。', '', TEXT.replace('幸福小区', '阳光花园'), `${TEXT}谢谢。`].join('\n'),
  );
  const out = JSON.parse(await run(['cluster', file, '--json']));
  assert.deepEqual(out, { clusters: [{ size: 3, representative: TEXT, members: [1, 4, 5] }] });
});

test('.xlsx: the column 意见内容, rows numbered as in the sheet; a missing column is named', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('意见');
  ws.addRow(['序号', '意见内容']);
  ws.addRow([1, '建议公开运行数据。']);
  ws.addRow([2, TEXT]);
  ws.addRow([3, TEXT.replace('五十米', '40米')]);
  const file = path.join(dir, '意见.xlsx');
  await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
  const out = JSON.parse(await run(['cluster', file, '--json']));
  assert.deepEqual(out.clusters, [{ size: 2, representative: TEXT, members: [3, 4] }]);

  const other = new ExcelJS.Workbook();
  other.addWorksheet('意见').addRow(['内容']);
  const bad = path.join(dir, '无列.xlsx');
  await writeFile(bad, Buffer.from(await other.xlsx.writeBuffer()));
  await assert.rejects(
    decisionsCommands.handlers.decisions?.(['cluster', bad], ctx) as Promise<number>,
    (e: unknown) => {
      assert.ok(e instanceof UsageError);
      assert.match(e.message, /缺少“意见内容”列/);
      return true;
    },
  );
  await assert.rejects(decisionsCommands.handlers.decisions?.(['group'], ctx) as Promise<number>, UsageError);
});
