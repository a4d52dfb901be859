import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
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

/** The lines of a backup file, and a writer for a doctored copy of them. */
const unpack = async (file: string) =>
  gunzipSync(await readFile(file))
    .toString('utf8')
    .split('\n')
    .filter(Boolean);
const pack = (file: string, lines: string[]) => writeFile(file, gzipSync(`${lines.join('\n')}\n`));
/** The end marker's checksum recomputed for doctored lines, as a forger who knows the format would. */
const reseal = (lines: string[], end: Record<string, unknown>) => {
  const body = lines.slice(0, -1);
  const hash = createHash('sha256');
  for (const l of body) hash.update(`${l}\n`);
  return [...body, JSON.stringify({ ...end, sha256: hash.digest('hex') })];
};
const listBlobs = async (dataDir: string) =>
  (await readdir(path.join(dataDir, 'files'), { recursive: true }).catch(() => [] as string[])).sort();

let good: string;
/** A fresh, complete backup of the current database. */
const goodBackup = async () => {
  good ??= path.join(dir, 'good.backup');
  await backup(h.db, path.join(dir, 'data'), good);
  return unpack(good);
};

/** Restoring `lines` (or the raw `bytes`) is refused with `message`, and nothing changes. */
async function refused(name: string, content: string[] | Buffer, message: RegExp) {
  const file = path.join(dir, name);
  if (Array.isArray(content)) await pack(file, content);
  else await writeFile(file, content);
  const before = await snapshot();
  const target = path.join(dir, `target-${name}`);
  const blobs = await listBlobs(target);
  const err = await restore(h.db, target, file).then(
    () => assert.fail('the restore should have been refused'),
    (e: unknown) => e,
  );
  assert.ok(err instanceof BackupFormatError, String(err));
  assert.match(err.message, message);
  assert.match(err.message, /保持原样/);
  assert.doesNotMatch(err.message.replace(/“[^”]*”/g, ''), /[A-Za-z]{4,}/, 'the reason is in Chinese');
  assert.deepEqual(await snapshot(), before);
  assert.deepEqual(await listBlobs(target), blobs, 'no file is left behind');
}

test('a header-only backup is refused instead of wiping the database', async () => {
  const lines = await goodBackup();
  await refused('header-only.backup', lines.slice(0, 1), /不完整.*缺少结尾标记/);
});

test('a backup cut short at any line boundary (no end marker) is refused', async () => {
  const lines = await goodBackup();
  await refused('cut.backup', lines.slice(0, -1), /不完整/);
  await refused('half.backup', lines.slice(0, Math.floor(lines.length / 2)), /不完整/);
});

test('a truncated gzip file, an empty file and a missing file are refused with a reason', async () => {
  await goodBackup();
  const bytes = await readFile(good);
  await refused('truncated.backup', bytes.subarray(0, Math.floor(bytes.length / 2)), /损坏或被截断/);
  await refused('empty.backup', Buffer.alloc(0), /空的/);
  await refused('empty-gzip.backup', gzipSync(''), /空的/);
  await assert.rejects(
    restore(h.db, path.join(dir, 'data'), path.join(dir, 'nowhere.backup')),
    /找不到备份文件/,
  );
});

test('a bit-flipped backup is refused, and nothing crashes afterwards', async () => {
  await goodBackup();
  const bytes = Buffer.from(await readFile(good));
  const at = Math.floor(bytes.length / 2);
  bytes[at] = (bytes[at] ?? 0) ^ 0x10;
  await refused('flipped.backup', bytes, /损坏/);
  // An error emitted late by the streams would surface as an uncaught exception here.
  await new Promise((resolve) => setImmediate(resolve));
});

test('rows removed with the checksum recomputed are caught by the per-table counts', async () => {
  const lines = await goodBackup();
  const end = JSON.parse(lines.at(-1) ?? '{}') as { tables: Record<string, number> };
  const orgRow = lines.findIndex((l) => l.startsWith('{"type":"row","table":"orgs"'));
  const doctored = lines.filter((_, i) => i !== orgRow);
  await refused('fewer-rows.backup', reseal(doctored, end), /表“orgs”应有 \d+ 行/);
  // A changed line without a new checksum is caught by the checksum.
  const changed = lines.map((l, i) => (i === orgRow ? l.replace('"name":"', '"name":"假') : l));
  await refused('changed.backup', changed, /校验码不符/);
});

test('a backup in a newer format says so (not "not a backup"); an old unverifiable one is refused', async () => {
  const lines = await goodBackup();
  const header = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
  const newer = [JSON.stringify({ ...header, version: 99 }), ...lines.slice(1)];
  await refused(
    'newer-format.backup',
    reseal(newer, JSON.parse(lines.at(-1) ?? '{}')),
    /更新版本的程序.*请先升级/,
  );
  const v1 = [JSON.stringify({ ...header, version: 1 }), ...lines.slice(1, -1)];
  await refused('v1.backup', v1, /旧格式/);
  await refused('not-a-backup.backup', ['{"hello":"world"}'], /不是公开平台的备份文件/);
});

test('a corrupt uploaded file in the backup is refused and leaves no orphan in the file store', async () => {
  const blob = await writeBlob(path.join(dir, 'data'), Readable.from([Buffer.from('%PDF-1.4 another')]));
  const row = await h.db
    .insertInto('files')
    .values({ sha256: blob.sha256, name: '另一份.pdf', mime: 'application/pdf', size: blob.size })
    .returning('id')
    .executeTakeFirstOrThrow();
  try {
    const lines = await goodBackup();
    const i = lines.findIndex((l) => l.startsWith('{"type":"file"'));
    const line = JSON.parse(lines[i] ?? '{}') as { data: string };
    const corrupt = lines.map((l, j) =>
      j === i ? JSON.stringify({ ...line, data: Buffer.from('%PDF-1.4 tampered').toString('base64') }) : l,
    );
    await refused('corrupt-file.backup', reseal(corrupt, JSON.parse(lines.at(-1) ?? '{}')), /上传文件已损坏/);
  } finally {
    await h.db.deleteFrom('files').where('id', '=', row.id).execute();
  }
});

test('long Chinese text split across the unpacked chunks restores intact', async () => {
  const blob = await writeBlob(path.join(dir, 'data'), Readable.from([Buffer.from('%PDF-1.4 long name')]));
  // 3 bytes a character, 16 KiB chunks: some character is split between two chunks.
  const name = `${'政务公开'.repeat(6000)}.pdf`;
  await h.db
    .insertInto('files')
    .values({ sha256: blob.sha256, name, mime: 'application/pdf', size: blob.size })
    .execute();
  const before = await snapshot();
  const file = path.join(dir, 'long-text.backup');
  await backup(h.db, path.join(dir, 'data'), file);
  await h.db.deleteFrom('files').where('name', '=', name).execute();
  await restore(h.db, path.join(dir, 'restored-long'), file);
  assert.deepEqual(await snapshot(), before);
});
