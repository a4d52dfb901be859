import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createEmptyTestDb, createTestDb } from '../../../test/helpers/db.ts';
import type { DbHandle } from './client.ts';
import {
  appliedMigrations,
  currentMigrationName,
  listMigrations,
  MigrationError,
  migrate,
  RENAMED_MIGRATIONS,
} from './migrate.ts';

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'gk-migrate-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A migration folder of tiny files, each creating a table named after it. */
async function folder(name: string, files: string[]): Promise<string> {
  const d = path.join(dir, name);
  await mkdir(d);
  for (const f of files) await writeFile(path.join(d, f), `create table t_${f.slice(0, -4)} (id int);`);
  return d;
}

async function withEmptyDb(fn: (h: DbHandle) => Promise<void>): Promise<void> {
  const h = await createEmptyTestDb();
  try {
    await fn(h);
  } finally {
    await h.close();
  }
}

test('the migration files have unique numbers, and the renamed ones keep their order', async () => {
  const files = await listMigrations();
  const numbers = files.map((f) => f.slice(0, 4));
  assert.equal(new Set(numbers).size, files.length);
  const oldNames = Object.keys(RENAMED_MIGRATIONS).sort();
  const newNames = oldNames.map((n) => currentMigrationName(n));
  for (const n of newNames) assert.ok(files.includes(n), `${n} is a migration file`);
  for (const n of oldNames) assert.ok(!files.includes(n), `${n} is no longer a file name`);
  assert.deepEqual([...newNames].sort(), newNames, 'renumbering keeps the order');
  for (const n of oldNames)
    assert.equal(n.slice(4), currentMigrationName(n).slice(4), 'only the number changes');
});

test('a fresh database gets every migration in order, and a second run applies nothing', async () => {
  await withEmptyDb(async (h) => {
    const files = await listMigrations();
    assert.deepEqual(await migrate(h.db), files);
    assert.deepEqual(await appliedMigrations(h.db), files);
    assert.deepEqual(await migrate(h.db), []);
  });
});

test('a database migrated under the old names keeps working: names are renamed, nothing reruns', async () => {
  const h = await createTestDb();
  try {
    const files = await listMigrations();
    // As a database migrated before the renumbering recorded them.
    for (const [old, current] of Object.entries(RENAMED_MIGRATIONS))
      await h.db.updateTable('schema_migrations').set({ name: old }).where('name', '=', current).execute();
    const recorded = await appliedMigrations(h.db);
    assert.ok(
      recorded.includes('0009_requests_secrets.sql') && recorded.includes('0015_documents_search.sql'),
    );

    assert.deepEqual(await migrate(h.db), []);
    assert.deepEqual(await appliedMigrations(h.db), files);
    // The schema is untouched: a table of a renamed migration is still there with its rows.
    const r = await sql<{ n: number }>`select count(*)::int as n from documents`.execute(h.db);
    assert.equal(typeof r.rows[0]?.n, 'number');
  } finally {
    await h.close();
  }
});

test('renaming happens before comparing: a partly migrated old database gets only what is pending', async () => {
  const d = await folder('renamed', ['0001_a.sql', '0002_b.sql', '0003_c.sql']);
  await withEmptyDb(async (h) => {
    await migrate(h.db, d, {});
    await h.db.deleteFrom('schema_migrations').where('name', '=', '0003_c.sql').execute();
    await sql`drop table t_0003_c`.execute(h.db);
    await h.db
      .updateTable('schema_migrations')
      .set({ name: '0001_b.sql' })
      .where('name', '=', '0002_b.sql')
      .execute();

    assert.deepEqual(await migrate(h.db, d, { '0001_b.sql': '0002_b.sql' }), ['0003_c.sql']);
    assert.deepEqual(await appliedMigrations(h.db), ['0001_a.sql', '0002_b.sql', '0003_c.sql']);
  });
});

test('a pending file sorting before the last applied migration is refused, naming both', async () => {
  const d = await folder('late', ['0001_a.sql', '0003_c.sql']);
  await withEmptyDb(async (h) => {
    assert.deepEqual(await migrate(h.db, d, {}), ['0001_a.sql', '0003_c.sql']);
    await writeFile(path.join(d, '0002_b.sql'), 'create table t_0002_b (id int);');
    await assert.rejects(
      migrate(h.db, d, {}),
      (err: Error) =>
        err instanceof MigrationError && /0002_b\.sql/.test(err.message) && /0003_c\.sql/.test(err.message),
    );
    assert.deepEqual(await appliedMigrations(h.db), ['0001_a.sql', '0003_c.sql']);
    const t = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_tables where tablename = 't_0002_b'`.execute(h.db);
    assert.equal(t.rows[0]?.n, 0, 'the refused file did not run');
  });
});

test('two files with the same number are refused before anything runs, naming both', async () => {
  const d = await folder('twins', ['0001_a.sql', '0002_b.sql', '0002_c.sql']);
  await assert.rejects(
    listMigrations(d),
    (err: Error) =>
      err instanceof MigrationError && /0002_b\.sql/.test(err.message) && /0002_c\.sql/.test(err.message),
  );
  await withEmptyDb(async (h) => {
    await assert.rejects(migrate(h.db, d, {}), MigrationError);
    const t = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_tables where tablename like 't_000%'`.execute(h.db);
    assert.equal(t.rows[0]?.n, 0);
  });
});
