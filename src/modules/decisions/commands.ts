/** `gongkai decisions cluster FILE [--json]`: groups near-duplicate comments of a file (no database). */
import { readFile } from 'node:fs/promises';
import type { ModuleCommands } from '../../platform/commands.ts';
import { UsageError } from '../../platform/commands.ts';
import { AppError, describeError } from '../../platform/http/errors.ts';
import { HELP } from './commands.help.ts';
import { clusterTexts } from './domain/cluster.ts';
import { CONTENT_HEADER, columnOf, type TextSheet } from './domain/import.ts';
import { readTextLines, readXlsxSheet } from './sheet.ts';

export type ClusterOutput = { clusters: { size: number; representative: string; members: number[] }[] };

/** The comments of a sheet with their row numbers in the file (empty cells skipped). */
export function commentsOf(sheet: TextSheet): { row: number; text: string }[] {
  const col = columnOf(sheet.header, CONTENT_HEADER);
  if (col < 0) throw new UsageError(`文件缺少“${CONTENT_HEADER}”列（表头应在第一行）`);
  return sheet.rows
    .map((r) => ({ row: r.row, text: (r.cells[col] ?? '').trim() }))
    .filter((r) => r.text !== '');
}

export function clusterFile(items: readonly { row: number; text: string }[]): ClusterOutput {
  return {
    clusters: clusterTexts(items.map((i) => i.text)).map((c) => ({
      size: c.members.length,
      representative: (items[c.representative] as { text: string }).text,
      members: c.members.map((m) => (items[m] as { row: number }).row),
    })),
  };
}

async function readComments(file: string) {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new UsageError(`无法读取文件：${file}`);
  }
  try {
    if (/\.txt$/i.test(file)) return commentsOf(readTextLines(bytes.toString('utf8')));
    if (/\.xlsx$/i.test(file)) return commentsOf(await readXlsxSheet(bytes, file));
  } catch (err) {
    if (err instanceof AppError) throw new UsageError(describeError(err.code, err.params).message);
    throw err;
  }
  throw new UsageError('请提供 .xlsx 或 .txt 文件');
}

export const decisionsCommands: ModuleCommands = {
  help: HELP,
  handlers: {
    async decisions(args) {
      const [sub, file, ...rest] = args;
      if (sub !== 'cluster' || !file || rest.some((a) => a !== '--json'))
        throw new UsageError('用法：gongkai decisions cluster 文件 [--json]');
      const out = clusterFile(await readComments(file));
      if (rest.includes('--json')) {
        console.log(JSON.stringify(out));
        return 0;
      }
      if (out.clusters.length === 0) console.log('没有发现重复意见。');
      for (const [i, c] of out.clusters.entries()) {
        console.log(`第${i + 1}组：${c.size}条，行号 ${c.members.join('、')}`);
        console.log(`  代表意见：${c.representative}`);
      }
      return 0;
    },
  },
};
