import path from 'node:path';
import { HELP } from './cli.help.ts';
import { loadConfig } from './config.ts';
import type { CommandHandler } from './platform/commands.ts';
import type { OpenedDb } from './platform/db/open.ts';
import { setClock } from './platform/time.ts';

/**
 * `gongkai …`: the platform's own commands are here (serve, migrate, backup, restore, db-reset); every
 * other first word belongs to the module whose manifest declares it (`commands`), which also gives its
 * lines of this help.
 */
const PLATFORM_COMMANDS = ['serve', 'migrate', 'backup', 'restore', 'db-reset', 'help'];

/**
 * Module commands by their first word, with their module's help; a module may not take a platform word.
 * Loaded with the modules, only when a command needs them: `gongkai --help` loads neither (`cli.help.ts`).
 */
async function moduleCommands(): Promise<Map<string, { handler: CommandHandler; help: string }>> {
  const { MODULES } = await import('./modules.ts');
  const commands = new Map<string, { handler: CommandHandler; help: string }>();
  for (const m of MODULES) {
    for (const [name, handler] of Object.entries(m.commands?.handlers ?? {})) {
      if (PLATFORM_COMMANDS.includes(name))
        throw new Error(`module ${m.name} declares the platform command ${name}`);
      commands.set(name, { handler, help: m.commands?.help ?? '' });
    }
  }
  return commands;
}

const HELP_FLAGS = ['--help', '-h'];

/**
 * A command line that `node:util` parseArgs refused (an unknown option, a missing value, a stray
 * argument), told in Chinese: parseArgs' own messages are English and come with a stack trace.
 */
function parseArgsMistake(err: unknown): string | undefined {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) return undefined;
  const quoted = /'([^']+)'/.exec((err as Error).message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `不认识的选项：${quoted ?? ''}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `多余的参数：${quoted ?? ''}`;
    default:
      return `选项${quoted ? ` ${quoted} ` : ''}的写法不对（缺少值，或不应带值）`;
  }
}

async function withDb<T>(work: (db: OpenedDb) => Promise<T>, opts: { exclusive?: boolean } = {}): Promise<T> {
  const { openAndMigrate } = await import('./platform/db/open.ts');
  const handle = await openAndMigrate(loadConfig(), opts);
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || HELP_FLAGS.includes(command) || command === 'help') {
    console.log(HELP);
    return command === undefined ? 2 : 0;
  }
  const { UsageError, commandContext } = await import('./platform/commands.ts');
  const moduleCommand = PLATFORM_COMMANDS.includes(command)
    ? undefined
    : (await moduleCommands()).get(command);
  if (moduleCommand) {
    // `gongkai user add --help`: the module's lines of the help, never a parse error.
    if (args.some((a) => HELP_FLAGS.includes(a))) {
      console.log(`用法 usage:\n${moduleCommand.help}`);
      return 0;
    }
    try {
      const { MODULES } = await import('./modules.ts');
      return await moduleCommand.handler(args, commandContext(loadConfig(), MODULES));
    } catch (err) {
      const mistake = parseArgsMistake(err);
      if (mistake === undefined) throw err;
      throw new UsageError(`${mistake}\n\n用法 usage:\n${moduleCommand.help}`);
    }
  }
  switch (command) {
    case 'serve': {
      const { startServer } = await import('./main.ts');
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
    case 'backup': {
      const file = args[0];
      if (!file) throw new UsageError('用法 usage: gongkai backup FILE');
      const config = loadConfig();
      const { backup } = await import('./platform/db/backup.ts');
      const { MODULES } = await import('./modules.ts');
      const derived = MODULES.flatMap((m) => m.derivedTables ?? []);
      await withDb(async ({ db }) => {
        const r = await backup(db, config.dataDir, path.resolve(file), derived);
        console.log(`备份完成 / backup written: ${file}（${r.rows} 行数据，${r.files} 个文件）`);
      });
      return 0;
    }
    case 'restore': {
      const file = args[0];
      if (!file) throw new UsageError('用法 usage: gongkai restore FILE');
      const config = loadConfig();
      const { restore } = await import('./platform/db/backup.ts');
      const { prepareData } = await import('./platform/bootstrap.ts');
      const { MODULES } = await import('./modules.ts');
      await withDb(
        async ({ db }) => {
          const r = await restore(db, config.dataDir, path.resolve(file));
          await prepareData(db, MODULES, false);
          console.log(`恢复完成 / restored: ${r.rows} 行数据，${r.files} 个文件`);
          // Never under a running server: its caches would not know the data had changed underneath.
        },
        { exclusive: true },
      );
      return 0;
    }
    case 'db-reset': {
      if (!args.includes('--yes'))
        throw new UsageError('这会删除全部数据。确认请加 --yes / this deletes all data: add --yes');
      const config = loadConfig();
      if (config.databaseUrl) {
        const { sql } = await import('kysely');
        await withDb(async ({ db }) => {
          await sql`drop schema public cascade; create schema public`.execute(db);
        });
      } else {
        const { rm } = await import('node:fs/promises');
        const { lockDataDir } = await import('./platform/db/lock.ts');
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
    // The error classes come from modules already loaded by the command that threw.
    const [{ UsageError }, { DataDirLockedError }, { BackupFormatError }, { MigrationError }, errors] =
      await Promise.all([
        import('./platform/commands.ts'),
        import('./platform/db/lock.ts'),
        import('./platform/db/backup.ts'),
        import('./platform/db/migrate.ts'),
        import('./platform/http/errors.ts'),
      ]);
    const { AppError, describeError } = errors;
    if (
      err instanceof UsageError ||
      err instanceof DataDirLockedError ||
      err instanceof BackupFormatError ||
      err instanceof MigrationError
    ) {
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
