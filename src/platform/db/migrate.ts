import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import type { Database } from './database.ts';

export const MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../db/migrations',
);

const NAME = /^\d{4}_[a-z0-9_]+\.sql$/;

export async function listMigrations(dir = MIGRATIONS_DIR): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.sql')).sort();
  for (const n of names) {
    if (!NAME.test(n)) throw new Error(`Migration file name must look like 0001_orgs_create.sql: ${n}`);
  }
  return names;
}

/**
 * Apply pending forward-only migrations in order, each in its own transaction.
 * An advisory lock keeps two processes from migrating the same database at once.
 */
export async function migrate(db: Kysely<Database>, dir = MIGRATIONS_DIR): Promise<string[]> {
  await sql`create table if not exists schema_migrations (
    name text primary key,
    applied_at timestamptz not null default now()
  )`.execute(db);
  const files = await listMigrations(dir);
  const applied: string[] = [];
  for (const name of files) {
    const body = await readFile(path.join(dir, name), 'utf8');
    const done = await db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(727274)`.execute(tx);
      const row = await tx
        .selectFrom('schema_migrations')
        .select('name')
        .where('name', '=', name)
        .executeTakeFirst();
      if (row) return false;
      await sql.raw(body).execute(tx);
      await tx.insertInto('schema_migrations').values({ name }).execute();
      return true;
    });
    if (done) applied.push(name);
  }
  return applied;
}

export async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('schema_migrations').select('name').orderBy('name').execute();
  return rows.map((r) => r.name);
}
