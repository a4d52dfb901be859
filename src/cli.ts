import { rm } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from './config.ts';
import { startServer } from './main.ts';
import { runCommand } from './modules/calendar/commands.ts';
import {
  bundledCalendarYears,
  type CalendarYear,
  formatChineseDate,
  loadYears,
} from './modules/calendar/index.ts';
import { readNoticeFile, runParseNotice } from './modules/calendar/notice.commands.ts';
import { loadNotice } from './modules/calendar/notice.service.ts';
import { runDocsCommand } from './modules/documents/commands.ts';
import {
  createUser,
  findUserByUsername,
  listOrgs,
  ROLE_LABELS,
  ROLES,
  updateUser,
} from './modules/orgs/index.ts';
import { runPlanCommand } from './modules/workplan/commands.ts';
import { MODULES } from './modules.ts';
import { prepareData } from './platform/bootstrap.ts';
import { BackupFormatError, backup, restore } from './platform/db/backup.ts';
import { DataDirLockedError, lockDataDir } from './platform/db/lock.ts';
import { type OpenedDb, openAndMigrate } from './platform/db/open.ts';
import { emitterFor } from './platform/events.ts';
import { AppError, describeError } from './platform/http/errors.ts';
import { randomPassword } from './platform/http/passwords.ts';
import { setClock } from './platform/time.ts';

const HELP = `公开 Gongkai 政务公开工作平台 — 命令行

用法 usage: gongkai <命令> [选项]

  serve                      启动平台（门户、管理后台、接口），默认 http://localhost:8080
  migrate                    执行待执行的数据库迁移
  user add --username U --name 姓名 --role 角色 --org 机构名称或编号 [--password P]
                             新增工作人员账号（不给密码则随机生成并显示一次）
  user passwd --username U   为账号生成新的随机密码并显示一次
  backup FILE                备份数据库与上传文件（一致性快照）
  restore FILE               从备份恢复（会替换现有数据）
  db-reset --yes             清空数据库（仅用于开发演示）

  clock --received 日期 [选项] [--json]   计算依申请公开答复期限（gongkai clock --help）
  fee per-item --count N | per-page --pages N [--json]   计算信息处理费
  calendar show 年份 | calendar workdays --from 日期 --to 日期   查看工作日历
      以上三个命令使用程序自带的2021—2026年日历；加 --db 数据目录或 postgres://… 时，
      还使用该数据库中管理员录入的年份（服务器运行时请使用 DATABASE_URL 数据库或先停止服务器）。
  calendar parse-notice FILE [--json]   读取国务院办公厅放假安排通知（.txt/.docx），不保存
  calendar load-notice FILE [--url 网址] [--replace]   按通知录入该年工作日历（重新计算期限；服务运行时不可用）

  plan parse FILE [--year Y] --json        解析工作任务分解表（.txt/.docx/.xlsx），不保存
  plan import FILE --org 机构 [--year Y]   导入为该机构的年度工作台账
  docs add FILE [--title T] [--doc-number N] [--org 机构] [--written 日期] [--publish] --json
                             从 .txt/.docx/.pdf 文件新增政府文件
  docs search "关键词" [--limit N] --json   检索政府文件库

  角色 roles: ${ROLES.map((r) => `${r}=${ROLE_LABELS[r]}`).join(', ')}

环境变量 environment: PORT（默认 8080）, GONGKAI_DATA（默认 ./data）, DATABASE_URL（使用 PostgreSQL）
`;

class UsageError extends Error {}

async function withDb<T>(work: (db: OpenedDb) => Promise<T>): Promise<T> {
  const handle = await openAndMigrate(loadConfig());
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

function need(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '')
    throw new UsageError(`缺少参数 --${name} / missing --${name}`);
  return v.trim();
}

async function userCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      org: { type: 'string' },
      password: { type: 'string' },
    },
    strict: true,
  });
  if (sub === 'add') {
    const role = need(values, 'role');
    if (!(ROLES as readonly string[]).includes(role))
      throw new UsageError(`角色无效 / invalid role: ${role}（可选：${ROLES.join(', ')}）`);
    const orgArg = need(values, 'org');
    const password = values.password ?? randomPassword();
    if (password.length < 10) throw new UsageError('密码至少10位 / password must be at least 10 characters');
    await withDb(async ({ db }) => {
      const orgs = await listOrgs(db);
      const org = orgs.find((o) => o.name === orgArg || String(o.id) === orgArg);
      if (!org) throw new UsageError(`找不到机构 / no such organisation: ${orgArg}`);
      await createUser(db, null, {
        username: need(values, 'username'),
        displayName: need(values, 'name'),
        role,
        orgId: org.id,
        password,
      });
      console.log(
        `已创建账号 ${values.username}（${ROLE_LABELS[role as keyof typeof ROLE_LABELS]}，${org.name}）`,
      );
      if (!values.password) console.log(`密码 password: ${password}`);
    });
  } else if (sub === 'passwd') {
    const username = need(values, 'username');
    await withDb(async ({ db }) => {
      const user = await findUserByUsername(db, username);
      if (!user) throw new UsageError(`找不到账号 / no such user: ${username}`);
      const password = values.password ?? randomPassword();
      await updateUser(db, null, user.id, { password });
      console.log(`已重置 ${username} 的密码${values.password ? '' : `：${password}`}`);
    });
  } else {
    throw new UsageError('用法 usage: gongkai user add|passwd …');
  }
}

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
async function calendarCommands(argv: string[]): Promise<number> {
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
async function loadNoticeCommand(argv: string[]): Promise<number> {
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
  await withDb(async ({ db }) => {
    const { preview } = await loadNotice(db, null, emitterFor(MODULES), {
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

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'clock':
    case 'fee':
    case 'calendar':
      if (command === 'calendar' && args[0] === 'load-notice') return loadNoticeCommand(args.slice(1));
      return calendarCommands(argv);
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      console.log(HELP);
      return command === undefined ? 2 : 0;
    case 'serve': {
      const server = await startServer(loadConfig());
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      return -1;
    }
    case 'migrate':
      await withDb(async ({ applied }) => {
        console.log(
          applied.length ? `已执行 / applied: ${applied.join(', ')}` : '数据库已是最新 / up to date',
        );
      });
      return 0;
    case 'user':
      await userCommand(args);
      return 0;
    case 'plan':
      return runPlanCommand(args);
    case 'docs':
      return runDocsCommand(args);
    case 'backup': {
      const file = args[0];
      if (!file) throw new UsageError('用法 usage: gongkai backup FILE');
      const config = loadConfig();
      await withDb(async ({ db }) => {
        const r = await backup(db, config.dataDir, path.resolve(file));
        console.log(`备份完成 / backup written: ${file}（${r.rows} 行数据，${r.files} 个文件）`);
      });
      return 0;
    }
    case 'restore': {
      const file = args[0];
      if (!file) throw new UsageError('用法 usage: gongkai restore FILE');
      const config = loadConfig();
      await withDb(async ({ db }) => {
        const r = await restore(db, config.dataDir, path.resolve(file));
        await prepareData(db, MODULES, false);
        console.log(`恢复完成 / restored: ${r.rows} 行数据，${r.files} 个文件`);
      });
      return 0;
    }
    case 'db-reset': {
      if (!args.includes('--yes'))
        throw new UsageError('这会删除全部数据。确认请加 --yes / this deletes all data: add --yes');
      const config = loadConfig();
      if (config.databaseUrl) {
        await withDb(async ({ db }) => {
          await sql`drop schema public cascade; create schema public`.execute(db);
        });
      } else {
        const release = await lockDataDir(config.dataDir);
        await rm(path.join(config.dataDir, 'pglite'), { recursive: true, force: true });
        await rm(path.join(config.dataDir, 'files'), { recursive: true, force: true });
        await release();
      }
      console.log('数据已清空，下次启动将重新生成演示数据 / database reset');
      return 0;
    }
    default:
      throw new UsageError(`未知命令 / unknown command: ${command}\n\n${HELP}`);
  }
}

export async function main(argv: string[]): Promise<void> {
  try {
    const { clockStart } = loadConfig();
    if (clockStart) setClock(clockStart);
    const code = await runCli(argv);
    if (code >= 0) process.exitCode = code;
  } catch (err) {
    if (err instanceof UsageError || err instanceof DataDirLockedError || err instanceof BackupFormatError) {
      console.error(err.message);
      process.exitCode = 2;
    } else if (err instanceof AppError) {
      const d = describeError(err.code, err.params);
      const fields = err.fields?.map((f) => `  ${f.path}: ${f.message}`).join('\n');
      console.error(`${err.code}: ${d.message}${fields ? `\n${fields}` : ''}`);
      process.exitCode = 2;
    } else if ((err as { code?: string }).code === 'EADDRINUSE') {
      console.error(`端口已被占用 / port in use: ${(err as Error).message}。可设置 PORT 换一个端口。`);
      process.exitCode = 1;
    } else {
      console.error(err);
      process.exitCode = 1;
    }
  }
}

if (import.meta.main) await main(process.argv.slice(2));
