/**
 * Module commands of the `gongkai` command line. `src/cli.ts` keeps the platform's own commands (serve,
 * migrate, backup, restore, db-reset) and hands every other first word to the module whose manifest
 * declares it (`commands`), with a `CommandContext`.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import { prepareData } from './bootstrap.ts';
import type { Database } from './db/database.ts';
import { openAndMigrate } from './db/open.ts';
import { type Emit, emitterFor } from './events.ts';
import type { ModuleManifest, SeedReport } from './module.ts';

/** What a module's command is given. */
export type CommandContext = {
  config: Config;
  /** Opens the configured database (data-folder lock, connect, migrate), runs `work`, closes it. */
  withDb<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
  /** Reference data, and demo data when seeding is on, as the server's start does (`bootstrap.ts`). */
  prepareData(db: Kysely<Database>): Promise<SeedReport>;
  /** Announce a change to the modules that handle it, as the server does. */
  emit: Emit;
};

/** `gongkai <name> ARGS…`: runs with ARGS and resolves to the exit code (0 done, 2 usage, 1 failure). */
export type CommandHandler = (args: string[], ctx: CommandContext) => Promise<number>;

/** A module's commands: its block of `gongkai help` and a handler per first word. */
export type ModuleCommands = {
  /** The lines `gongkai help` prints for these commands, laid out as the help is (two-space indent). */
  help: string;
  handlers: Record<string, CommandHandler>;
};

/** A mistake in the command line: its message is printed without a stack trace, exit code 2. */
export class UsageError extends Error {}

export function commandContext(config: Config, modules: readonly ModuleManifest[]): CommandContext {
  return {
    config,
    async withDb(work) {
      const handle = await openAndMigrate(config);
      try {
        return await work(handle.db);
      } finally {
        await handle.close();
      }
    },
    prepareData: (db) => prepareData(db, modules, config.seedDemo),
    emit: emitterFor(modules),
  };
}
