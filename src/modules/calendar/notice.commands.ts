/**
 * `gongkai calendar parse-notice FILE [--json]`: reads a 国务院办公厅 holiday notice (.txt in UTF-8 or
 * GBK, or .docx) and prints what `parseHolidayNotice` finds, without saving anything.
 *
 * `--json` prints exactly `{"year", "daysOff", "workdays", "notice": {"number", "date"}}` (ISO dates;
 * `daysOff`/`workdays` may include days of the previous year, e.g. 2026-12-31 in the 2027 notice);
 * without it a Chinese summary. Exit codes: 0 read; 2 unreadable file or notice (Chinese messages on
 * stderr, each naming the sentence concerned) or bad arguments; 1 unexpected error.
 *
 * The command itself is pure over the file's text: `parseNoticeWith(argv, read)`. Reading the file is
 * I/O and lives in the two small readers below — `readNoticeTextSync` (.txt only; used by
 * `calendarCommand`'s synchronous `parse-notice` branch) and `readNoticeFile` (.txt and .docx, async;
 * used by `runParseNotice`, which `cli.ts` calls).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Command, CommandResult } from './commands.ts';
import { chineseWeekday, formatChineseDate, type IsoDate, toDayNumber } from './domain/dates.ts';
import { type NoticeParsed, parseHolidayNotice } from './domain/notice.ts';

/** A notice file's text, or why it could not be read (Chinese). */
export type NoticeText = { ok: true; text: string } | { ok: false; error: string };

export const PARSE_NOTICE_HELP = `用法：gongkai calendar parse-notice 文件 [--json]
读取国务院办公厅“关于XXXX年部分节假日安排的通知”，列出读到的放假日和调休上班日，不保存。

  文件       通知全文：.txt（UTF-8或GBK编码）或 .docx
  --json     输出JSON：{"year", "daysOff", "workdays", "notice": {"number", "date"}}
             （日期为YYYY-MM-DD；元旦跨年时 daysOff 含上一年的日期）
  --help     显示本说明

读不懂的句子（星期与日期不符、“共N天”与日期不符、调休上班日不是周六周日等）会原样指出，退出码为2。
Exit code 2 when the file or the notice cannot be read.
`;

const ok = (stdout: string): CommandResult => ({ exitCode: 0, stdout, stderr: '' });

const refuse = (zh: string[], en: string): CommandResult => ({
  exitCode: 2,
  stdout: '',
  stderr: `${zh.map((line) => `错误：${line}`).join('\n')}\nError: ${en}\n`,
});

function parseNoticeArgs(argv: string[]): { file: string | undefined; json: boolean; help: boolean } {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (positionals.length > 1) throw new RangeError('too many files');
  return { file: positionals[0], json: values.json === true, help: values.help === true };
}

// ------------------------------------------------------------------------------------ output

/** `1月1日`, or `2026年12月31日` for a date outside the notice's year. */
function day(d: IsoDate, year: number): string {
  const full = formatChineseDate(d);
  return Number(d.slice(0, 4)) === year ? full.replace(/^\d+年/, '') : full;
}

/** Consecutive dates as ranges: `1月1日至3日`, `2026年12月31日至2027年1月2日`. */
function spans(dates: readonly IsoDate[], year: number): string {
  const groups: [IsoDate, IsoDate][] = [];
  for (const d of dates) {
    const last = groups[groups.length - 1];
    if (last !== undefined && toDayNumber(d) === toDayNumber(last[1]) + 1) last[1] = d;
    else groups.push([d, d]);
  }
  return groups
    .map(([from, to]) => {
      if (from === to) return day(from, year);
      const sameYear = from.slice(0, 4) === to.slice(0, 4);
      const end = !sameYear
        ? formatChineseDate(to)
        : from.slice(0, 7) === to.slice(0, 7)
          ? formatChineseDate(to).replace(/^\d+年\d+月/, '')
          : day(to, year);
      return `${sameYear ? day(from, year) : formatChineseDate(from)}至${end}`;
    })
    .join('、');
}

function summary(r: NoticeParsed): string {
  const meta = [
    r.notice.number ?? '文号未找到',
    r.notice.date === null ? '日期未找到' : formatChineseDate(r.notice.date),
  ];
  const lines = [`已读取《${r.notice.title}》（${meta.join('，')}），未保存。`];
  lines.push(`放假共${r.daysOff.length}天，调休上班共${r.workdays.length}天：`);
  for (const h of r.holidays) {
    const work =
      h.workdays.length === 0
        ? ''
        : `；调休上班：${h.workdays.map((d) => `${day(d, r.year)}（${chineseWeekday(d)}）`).join('、')}`;
    lines.push(`  ${h.name}：放假 ${spans(h.daysOff, r.year)}，共${h.daysOff.length}天${work}`);
  }
  const earlier = [...r.daysOff, ...r.workdays].filter((d) => Number(d.slice(0, 4)) !== r.year).sort();
  if (earlier.length > 0) {
    lines.push(
      `其中${earlier.map(formatChineseDate).join('、')}属于${r.year - 1}年，保存时并入${r.year - 1}年的日历。`,
    );
  }
  lines.push('读到的原文：');
  for (const h of r.holidays) lines.push(`  ${h.sentence}`);
  return `${lines.join('\n')}\n`;
}

// ------------------------------------------------------------------------------------ command

/** Pure: `parse-notice` over a reader that returns the file's text (no I/O of its own). */
export function parseNoticeWith(argv: string[], read: (file: string) => NoticeText): CommandResult {
  try {
    let args: ReturnType<typeof parseNoticeArgs>;
    try {
      args = parseNoticeArgs(argv);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return refuse(['参数无效，请用 calendar parse-notice --help 查看用法。'], message);
    }
    if (args.help) return ok(PARSE_NOTICE_HELP);
    if (args.file === undefined) {
      return refuse(
        ['请给出通知文件，例如：calendar parse-notice 2027年放假通知.txt --json'],
        'Expected a file: calendar parse-notice FILE [--json]',
      );
    }
    const input = read(args.file);
    if (!input.ok) return refuse([input.error], `cannot read ${args.file}`);
    const result = parseHolidayNotice(input.text);
    if (!result.ok) {
      return refuse(
        ['无法读取放假安排通知：', ...result.errors],
        'the holiday notice could not be read (see the Chinese messages above)',
      );
    }
    if (!args.json) return ok(summary(result));
    const out = {
      year: result.year,
      daysOff: result.daysOff,
      workdays: result.workdays,
      notice: { number: result.notice.number, date: result.notice.date },
    };
    return ok(`${JSON.stringify(out, null, 2)}\n`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { exitCode: 1, stdout: '', stderr: `内部错误：${message}\nInternal error: ${message}\n` };
  }
}

// ------------------------------------------------------------------------------------ file I/O

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
const isPdf = (b: Uint8Array) => b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46;

/** UTF-8 (with or without BOM), UTF-16 with BOM, else GBK (as the workplan importers decode). */
function decodeText(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  for (const encoding of ['utf-8', 'gbk']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      // try the next encoding
    }
  }
  return null;
}

function readBytesSync(file: string): Uint8Array | NoticeText {
  try {
    return new Uint8Array(readFileSync(file));
  } catch {
    return { ok: false, error: `无法打开文件“${file}”：文件不存在或没有读取权限。` };
  }
}

/** Text of a file that is not .docx; null when it is a .docx (read asynchronously). */
function textOf(bytes: Uint8Array, file: string): NoticeText | null {
  if (isZip(bytes) || /\.docx$/i.test(file)) return null;
  if (isOle(bytes)) {
    return { ok: false, error: `“${file}”是旧版Word文件（.doc），请另存为 .docx 或 .txt 后重试。` };
  }
  if (isPdf(bytes)) {
    return { ok: false, error: `“${file}”是PDF文件，请复制通知全文另存为 .txt（或 .docx）后重试。` };
  }
  const text = decodeText(bytes);
  if (text === null) {
    return { ok: false, error: `无法识别“${file}”的编码（支持UTF-8和GBK），请另存为UTF-8后重试。` };
  }
  return { ok: true, text };
}

/** I/O, synchronous: .txt only (a .docx needs `readNoticeFile`). */
export function readNoticeTextSync(file: string): NoticeText {
  const bytes = readBytesSync(file);
  if (!(bytes instanceof Uint8Array)) return bytes;
  return (
    textOf(bytes, file) ?? {
      ok: false,
      error: `“${file}”是Word文件（.docx），请在命令行使用 gongkai calendar parse-notice 读取，或另存为 .txt。`,
    }
  );
}

/** I/O: reads a .txt (UTF-8/GBK) or .docx notice. */
export async function readNoticeFile(file: string): Promise<NoticeText> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch {
    return { ok: false, error: `无法打开文件“${file}”：文件不存在或没有读取权限。` };
  }
  const plain = textOf(bytes, file);
  if (plain !== null) return plain;
  try {
    const { default: mammoth } = await import('mammoth');
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return { ok: true, text: result.value };
  } catch {
    return { ok: false, error: `无法读取Word文件“${file}”（.docx），文件可能已损坏或不是 .docx 格式。` };
  }
}

/** `calendar parse-notice …` for the synchronous `calendarCommand` (reads .txt only). */
export const parseNoticeCommand: Command = (argv) => parseNoticeWith(argv, readNoticeTextSync);

/** `calendar parse-notice …` for `cli.ts`: reads .txt and .docx (asynchronously), then runs the command. */
export async function runParseNotice(argv: string[]): Promise<CommandResult> {
  let file: string | undefined;
  try {
    const args = parseNoticeArgs(argv);
    if (!args.help) file = args.file;
  } catch {
    // parseNoticeWith reports the bad arguments
  }
  const text = file === undefined ? null : await readNoticeFile(file);
  return parseNoticeWith(argv, () => text ?? { ok: false, error: '未能读取文件。' });
}
