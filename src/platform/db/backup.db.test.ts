import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { createTestDb } from '../../../test/helpers/db.ts';
import { seedDemoOrgs } from '../../modules/orgs/seeds.ts';
import { MODULES } from '../../modules.ts';
import { prepareData } from '../bootstrap.ts';
import { writeBlob } from '../files/storage.ts';
import { BackupFormatError, backup, restore } from './backup.ts';
import type { DbHandle } from './client.ts';
import { appliedMigrations, listMigrations, migrate, RENAMED_MIGRATIONS } from './migrate.ts';

let h: DbHandle;
let dir: string;
before(async () => {
  h = await createTestDb();
  dir = await mkdtemp(path.join(os.tmpdir(), 'gk-backup-'));
  await prepareData(h.db, MODULES, false);
  await seedDemoOrgs(h.db);
});
after(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

const snapshot = async () => ({
  orgs: await h.db.selectFrom('orgs').selectAll().orderBy('id').execute(),
  users: await h.db
    .selectFrom('users')
    .select(['id', 'username', 'password_hash', 'org_id'])
    .orderBy('id')
    .execute(),
  calendar: await h.db.selectFrom('calendar_years').select(['year', 'days_off']).orderBy('year').execute(),
  files: await h.db.selectFrom('files').select(['sha256', 'name']).orderBy('id').execute(),
});

test('backup then restore gives back exactly the same data and files, and ids continue', async () => {
  const blob = await writeBlob(path.join(dir, 'data'), Readable.from([Buffer.from('%PDF-1.4 test')]));
  await h.db
    .insertInto('files')
    .values({ sha256: blob.sha256, name: '样例.pdf', mime: 'application/pdf', size: blob.size })
    .execute();
  const before = await snapshot();
  const file = path.join(dir, 'gongkai.backup');
  const made = await backup(h.db, path.join(dir, 'data'), file);
  assert.ok(made.rows > 40);
  assert.equal(made.files, 1);

  await h.db
    .updateTable('orgs')
    .set({ name: '被改名的机构' })
    .where('id', '=', before.orgs[1]?.id ?? 0)
    .execute();
  await h.db.deleteFrom('users').execute();

  const restored = await restore(h.db, path.join(dir, 'restored-data'), file);
  assert.equal(restored.rows, made.rows);
  assert.deepEqual(await snapshot(), before);
  const next = await h.db
    .insertInto('orgs')
    .values({ parent_id: before.orgs[0]?.id ?? null, name: '新机构', kind: 'department', code: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  assert.ok(next.id > Math.max(...before.orgs.map((o) => o.id)));
});

test('a corrupt backup is refused and the database is left as it was', async () => {
  const before = await snapshot();
  const bad = path.join(dir, 'bad.backup');
  await writeFile(bad, 'this is not gzip');
  await assert.rejects(restore(h.db, path.join(dir, 'data'), bad), BackupFormatError);
  assert.deepEqual(await snapshot(), before);
});

test('a backup made before the migrations were renumbered (old names in its header) restores', async () => {
  const before = await snapshot();
  const file = path.join(dir, 'old-names.backup');
  // Record the old names, as a database migrated before the renumbering did, and back it up.
  for (const [old, current] of Object.entries(RENAMED_MIGRATIONS))
    await h.db.updateTable('schema_migrations').set({ name: old }).where('name', '=', current).execute();
  await backup(h.db, path.join(dir, 'data'), file);
  await migrate(h.db);
  assert.deepEqual(await appliedMigrations(h.db), await listMigrations());

  await h.db.deleteFrom('users').execute();
  await restore(h.db, path.join(dir, 'restored-old-names'), file);
  assert.deepEqual(await snapshot(), before);
});

test('a backup listing a migration this code does not know is refused', async () => {
  const file = path.join(dir, 'newer.backup');
  await h.db.insertInto('schema_migrations').values({ name: '9999_from_newer_code.sql' }).execute();
  try {
    await backup(h.db, path.join(dir, 'data'), file);
  } finally {
    await h.db.deleteFrom('schema_migrations').where('name', '=', '9999_from_newer_code.sql').execute();
  }
  await assert.rejects(restore(h.db, path.join(dir, 'data'), file), /9999_from_newer_code\.sql/);
});
