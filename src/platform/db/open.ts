import { existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { connectLocalServer, type DbHandle, openDatabase } from './client.ts';
import type { Database } from './database.ts';
import { localSocketPath } from './local-socket.ts';
import { DataDirLockedError, lockDataDir } from './lock.ts';
import { migrate } from './migrate.ts';

export type OpenedDb = DbHandle & { applied: string[] };

/**
 * Open the configured database for this process: lock the PGlite folder (embedded only), connect,
 * and apply pending migrations. `close()` releases the lock too. `thread`: PGlite in a worker thread
 * (the server). When a running server holds the PGlite folder, a command shares the server's store
 * through its local socket (`local-socket.ts`), unless it needs the folder to itself (`exclusive`).
 */
export async function openAndMigrate(
  config: Config,
  opts: { migrate?: boolean; thread?: boolean; exclusive?: boolean } = {},
): Promise<OpenedDb> {
  let release: (() => Promise<void>) | null = null;
  if (!config.databaseUrl) {
    try {
      release = await lockDataDir(config.dataDir);
    } catch (err) {
      // The server holds the folder: a command shares its store through the local socket instead.
      if (
        !(err instanceof DataDirLockedError) ||
        opts.exclusive ||
        !existsSync(localSocketPath(config.dataDir))
      )
        throw err;
      return withMigrations(connectLocalServer(config.dataDir), opts, null);
    }
  }
  let handle: DbHandle;
  try {
    handle = await openDatabase({ ...config, thread: opts.thread });
  } catch (err) {
    await release?.();
    throw err;
  }
  return withMigrations(handle, opts, release);
}

async function withMigrations(
  handle: DbHandle,
  opts: { migrate?: boolean },
  release: (() => Promise<void>) | null,
): Promise<OpenedDb> {
  let applied: string[];
  try {
    applied = opts.migrate === false ? [] : await migrate(handle.db);
  } catch (err) {
    await handle.close();
    await release?.();
    throw err;
  }
  return {
    ...handle,
    applied,
    async close() {
      await handle.close();
      await release?.();
    },
  };
}

export type { Database, Kysely };
