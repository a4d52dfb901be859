/**
 * `gongkai clock | fee | calendar …`: the pure commands of commands.ts and notice.commands.ts over the
 * bundled calendar years (and the stored ones with `--db`), their result printed; and
 * `calendar load-notice`, which saves a year as the calendar page does.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.ts';
import { type CommandContext, type ModuleCommands, UsageError } from '../../platform/commands.ts';
import { openAndMigrate } from '../../platform/db/open.ts';
import { AppError, describeError } from '../../platform/http/errors.ts';
import { bundledCalendarYears } from './bundled.ts';
import { HELP } from './cli.help.ts';
import { runCommand } from './commands.ts';
import type { CalendarYear } from './domain/calendar.ts';
import { formatChineseDate } from './domain/dates.ts';
import { readNoticeFile, runParseNotice } from './notice.commands.ts';
import { loadNotice } from './notice.service.ts';
import { loadYears } from './service.ts';

/** Bundled years, replaced or extended by the years stored in the database `--db` names. */
async function calendarYearsFor(db: string | undefined): Promise<readonly CalendarYear[]> {
  if (!db) return bundledCalendarYears;
  const isUrl = /^postgres(ql)?:\/\//.test(db);
  const config = {
    ...loadConfig(),
    ...(isUrl ? { databaseUrl: db } : { databaseUrl: null, dataDir: path.resolve(db) }),
  };
  const handle = await openAndMigrate(config);
  try {
    const stored = await loadYears(handle.db);
    const byYear = new Map(bundledCalendarYears.map((y) => [y.year, y]));
    for (const y of stored) byYear.set(y.year, y);
    return [...byYear.values()].sort((a, b) => a.year - b.year);
  } finally {
    await handle.close();
  }
}

/** `clock`, `fee`, `calendar`: pure commands over the calendar, no server needed. */
async function printCommand(argv: string[]): Promise<number> {
  const dbAt = argv.indexOf('--db');
  const db = dbAt >= 0 ? argv[dbAt + 1] : undefined;
  if (dbAt >= 0 && !db)
    throw new UsageError('--db 后应写数据目录或 postgres:// 地址 / --db needs a folder or URL');
  const rest = dbAt >= 0 ? [...argv.slice(0, dbAt), ...argv.slice(dbAt + 2)] : argv;
  // parse-notice reads .docx asynchronously and needs no calendar years.
  const result =
    rest[0] === 'calendar' && rest[1] === 'parse-notice'
      ? await runParseNotice(rest.slice(2))
      : runCommand(rest, await calendarYearsFor(db));
  if (result.stdout)
    process.stdout.write(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
  if (result.stderr)
    process.stderr.write(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`);
  return result.exitCode;
}

/**
 * `calendar load-notice FILE [--url U] [--replace]`: reads the State Council notice and saves its year
 * (deadlines recomputed, offices told), like the calendar page. Refused while the server holds the
 * embedded database (the data-folder lock).
 */
async function loadNoticeCommand(argv: string[], { withDb, emit }: CommandContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { url: { type: 'string' }, replace: { type: 'boolean' } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1)
    throw new UsageError(
      '用法 usage: gongkai calendar load-notice 通知文件(.txt/.docx) [--url 网址] [--replace]',
    );
  const read = await readNoticeFile(file);
  if (!read.ok) throw new UsageError(read.error);
  await withDb(async (db) => {
    const { preview } = await loadNotice(db, null, emit, {
      text: read.text,
      url: values.url ?? null,
      replace: values.replace === true,
    }).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'CALENDAR_YEAR_EXISTS')
        throw new UsageError(`${describeError(err.code, err.params).message}确认替换请加 --replace。`);
      throw err;
    });
    const n = preview.notice;
    console.log(
      `已录入${preview.year}年工作日历（${n.number ?? '文号未注明'}，${formatChineseDate(n.date)}）：放假${preview.entry.daysOff.length}天，调休上班${preview.entry.makeupWorkdays.length}天。`,
    );
    if (preview.previousEntry)
      console.log(
        `并补入${preview.year - 1}年的日期：${preview.previousDiff?.addedDaysOff.join('、') ?? ''}`,
      );
    console.log('涉及该年度的答复期限已重新计算，各政府信息公开工作机构已收到变动清单。');
  });
  return 0;
}

export const calendarCommands: ModuleCommands = {
  help: HELP,
  handlers: {
    clock: (args) => printCommand(['clock', ...args]),
    fee: (args) => printCommand(['fee', ...args]),
    calendar: (args, ctx) =>
      args[0] === 'load-notice' ? loadNoticeCommand(args.slice(1), ctx) : printCommand(['calendar', ...args]),
  },
};
