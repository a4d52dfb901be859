import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { type DbHandle, openDatabase } from './client.ts';
import type { Database } from './database.ts';
import { lockDataDir } from './lock.ts';
import { migrate } from './migrate.ts';

export type OpenedDb = DbHandle & { applied: string[] };

/**
 * Open the configured database for this process: lock the PGlite folder (embedded only), connect,
 * and apply pending migrations. `close()` releases the lock too. `thread`: PGlite in a worker thread
 * (the server).
 */
export async function openAndMigrate(
  config: Config,
  opts: { migrate?: boolean; thread?: boolean } = {},
): Promise<OpenedDb> {
  const release = config.databaseUrl ? null : await lockDataDir(config.dataDir);
  let handle: DbHandle;
  try {
    handle = await openDatabase({ ...config, thread: opts.thread });
  } catch (err) {
    await release?.();
    throw err;
  }
  const applied = opts.migrate === false ? [] : await migrate(handle.db);
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
