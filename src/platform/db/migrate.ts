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

/**
 * Migration files renamed after databases applied them under the old name (old → new). Five files
 * shared the number 0009; they and every later file were renumbered in the same order. `migrate`
 * renames the recorded names before comparing, and a restore reads a backup's list through this map.
 * Entries stay forever; an old name is never reused.
 */
export const RENAMED_MIGRATIONS: Readonly<Record<string, string>> = {
  '0009_requests_secrets.sql': '0010_requests_secrets.sql',
  '0009_requests_stats.sql': '0011_requests_stats.sql',
  '0009_requests_topics.sql': '0012_requests_topics.sql',
  '0009_requests_views.sql': '0013_requests_views.sql',
  '0010_org_aliases.sql': '0014_org_aliases.sql',
  '0011_workplan_create.sql': '0015_workplan_create.sql',
  '0012_workplan_assessment.sql': '0016_workplan_assessment.sql',
  '0013_documents_create.sql': '0017_documents_create.sql',
  '0014_documents_gazette.sql': '0018_documents_gazette.sql',
  '0015_documents_search.sql': '0019_documents_search.sql',
};

/** The name a migration has today, given the name a database or backup recorded. */
export function currentMigrationName(
  name: string,
  renamed: Readonly<Record<string, string>> = RENAMED_MIGRATIONS,
): string {
  return Object.hasOwn(renamed, name) ? (renamed[name] as string) : name;
}

/** A migration folder or history that cannot be applied safely; the message names the files. */
export class MigrationError extends Error {}

/** The migration files in order; refuses a malformed name and two files with the same number. */
export async function listMigrations(dir = MIGRATIONS_DIR): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.sql')).sort();
  const byNumber = new Map<string, string[]>();
  for (const n of names) {
    if (!NAME.test(n)) throw new Error(`Migration file name must look like 0001_orgs_create.sql: ${n}`);
    const number = n.slice(0, 4);
    byNumber.set(number, [...(byNumber.get(number) ?? []), n]);
  }
  for (const [number, files] of byNumber) {
    if (files.length > 1)
      throw new MigrationError(
        `迁移文件编号 ${number} 重复：${files.join('、')}，每个编号只能用一次 / ` +
          `migration files share the number ${number}: ${files.join(', ')}`,
      );
  }
  return names;
}

/**
 * Apply pending forward-only migrations in order, each in its own transaction.
 * An advisory lock keeps two processes from migrating the same database at once.
 * Names recorded before a renumbering are renamed first (one transaction). A pending file that
 * sorts before the last applied migration is refused: it would run out of order (give it the next
 * free number instead).
 */
export async function migrate(
  db: Kysely<Database>,
  dir = MIGRATIONS_DIR,
  renamed: Readonly<Record<string, string>> = RENAMED_MIGRATIONS,
): Promise<string[]> {
  const files = await listMigrations(dir);
  await sql`create table if not exists schema_migrations (
    name text primary key,
    applied_at timestamptz not null default now()
  )`.execute(db);
  await renameApplied(db, renamed);
  const applied: string[] = [];
  for (const name of files) {
    const body = await readFile(path.join(dir, name), 'utf8');
    const done = await db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(727274)`.execute(tx);
      const recorded = await appliedMigrations(tx);
      if (recorded.includes(name)) return false;
      const last = recorded.at(-1);
      if (last !== undefined && name < last)
        throw new MigrationError(
          `迁移文件 ${name} 排在已执行的最后一个迁移 ${last} 之前，请改用更大的编号 / ` +
            `pending migration ${name} sorts before the last applied migration ${last}: renumber it`,
        );
      await sql.raw(body).execute(tx);
      await tx.insertInto('schema_migrations').values({ name }).execute();
      return true;
    });
    if (done) applied.push(name);
  }
  return applied;
}

/** Rename recorded migrations to their current names, all in one transaction. */
async function renameApplied(db: Kysely<Database>, renamed: Readonly<Record<string, string>>): Promise<void> {
  const old = Object.keys(renamed);
  if (old.length === 0) return;
  await db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(727274)`.execute(tx);
    const stale = await tx.selectFrom('schema_migrations').select('name').where('name', 'in', old).execute();
    for (const { name } of stale) {
      await tx
        .updateTable('schema_migrations')
        .set({ name: currentMigrationName(name, renamed) })
        .where('name', '=', name)
        .execute();
    }
  });
}

/** The recorded migrations in file order (the names sort as the files do). */
export async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('schema_migrations').select('name').execute();
  return rows.map((r) => r.name).sort();
}
