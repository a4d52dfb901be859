import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import readline from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { blobExists, readBlob, writeBlob } from '../files/storage.ts';
import type { Database } from './database.ts';
import { appliedMigrations, currentMigrationName, listMigrations } from './migrate.ts';

/**
 * Backup format: gzip'd JSON lines. A header, then every row of every table read in one
 * REPEATABLE READ snapshot, then the uploaded files the snapshot references (files are
 * content-addressed and immutable, so copying them after the snapshot stays consistent).
 * The same code path works on PGlite and PostgreSQL.
 */
const FORMAT = 'gongkai-backup';
const VERSION = 1;

type Line =
  | { type: 'header'; format: string; version: number; createdAt: string; migrations: string[] }
  | { type: 'row'; table: string; data: Record<string, unknown> }
  | { type: 'file'; sha256: string; data: string };

async function userTables(db: Kysely<Database>): Promise<string[]> {
  const r = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = 'public' and tablename <> 'schema_migrations' order by tablename`.execute(
    db,
  );
  return r.rows.map((x) => x.tablename);
}

export async function backup(
  db: Kysely<Database>,
  dataDir: string,
  file: string,
): Promise<{ rows: number; files: number }> {
  const tmp = `${file}.part`;
  let rows = 0;
  let files = 0;
  const hashes = new Set<string>();
  async function* lines(): AsyncGenerator<string> {
    const snapshot: string[] = [];
    await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (tx) => {
        const migrations = await appliedMigrations(tx);
        const header: Line = {
          type: 'header',
          format: FORMAT,
          version: VERSION,
          createdAt: new Date().toISOString(),
          migrations,
        };
        snapshot.push(JSON.stringify(header));
        for (const table of await userTables(tx)) {
          const r = await sql<{
            j: Record<string, unknown>;
          }>`select row_to_json(t) as j from ${sql.table(table)} t`.execute(tx);
          for (const { j } of r.rows) {
            snapshot.push(JSON.stringify({ type: 'row', table, data: j } satisfies Line));
            if (table === 'files') hashes.add(String(j.sha256));
            rows++;
          }
        }
      });
    for (const l of snapshot) yield `${l}\n`;
    for (const sha256 of hashes) {
      const chunks: Buffer[] = [];
      for await (const c of readBlob(dataDir, sha256)) chunks.push(c as Buffer);
      files++;
      yield `${JSON.stringify({ type: 'file', sha256, data: Buffer.concat(chunks).toString('base64') } satisfies Line)}\n`;
    }
  }
  try {
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(tmp));
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  return { rows, files };
}

export class BackupFormatError extends Error {}

/**
 * Replace the database's contents with a backup's, all or nothing. The schema must already be
 * migrated at least as far as the backup's; a backup from newer code is refused.
 */
export async function restore(
  db: Kysely<Database>,
  dataDir: string,
  file: string,
): Promise<{ rows: number; files: number }> {
  const known = new Set(await listMigrations());
  const rowsByTable = new Map<string, Record<string, unknown>[]>();
  let header: Extract<Line, { type: 'header' }> | null = null;
  let files = 0;
  const input = readline.createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  try {
    for await (const text of input) {
      if (!text) continue;
      const line = JSON.parse(text) as Line;
      if (!header) {
        if (line.type !== 'header' || line.format !== FORMAT || line.version !== VERSION) {
          throw new BackupFormatError('不是公开平台的备份文件 / not a Gongkai backup file');
        }
        // A backup made before migrations were renumbered lists their old names.
        const unknown = line.migrations.map((m) => currentMigrationName(m)).filter((m) => !known.has(m));
        if (unknown.length > 0) {
          throw new BackupFormatError(
            `备份来自更新版本的程序（迁移 ${unknown.join(', ')}），请先升级 / backup is from newer code`,
          );
        }
        header = line;
      } else if (line.type === 'row') {
        const list = rowsByTable.get(line.table) ?? [];
        list.push(line.data);
        rowsByTable.set(line.table, list);
      } else if (line.type === 'file') {
        if (!(await blobExists(dataDir, line.sha256))) {
          const written = await writeBlob(dataDir, Readable.from([Buffer.from(line.data, 'base64')]));
          if (written.sha256 !== line.sha256)
            throw new BackupFormatError(`备份中的文件已损坏 / corrupt file ${line.sha256}`);
        }
        files++;
      }
    }
  } catch (err) {
    if (err instanceof SyntaxError || (err as { code?: string }).code === 'Z_DATA_ERROR') {
      throw new BackupFormatError('备份文件已损坏或不完整 / backup file is corrupt or truncated');
    }
    throw err;
  }
  if (!header) throw new BackupFormatError('备份文件为空 / empty backup file');
  let rows = 0;
  await db.transaction().execute(async (tx) => {
    const tables = await userTables(tx);
    await sql`set constraints all deferred`.execute(tx);
    await sql.raw(`truncate ${tables.map((t) => `"${t}"`).join(', ')} restart identity cascade`).execute(tx);
    for (const [table, list] of rowsByTable) {
      if (!tables.includes(table)) throw new BackupFormatError(`备份中有未知的表 / unknown table ${table}`);
      for (let i = 0; i < list.length; i += 500) {
        const chunk = JSON.stringify(list.slice(i, i + 500));
        await sql`insert into ${sql.table(table)} select * from json_populate_recordset(null::${sql.table(table)}, ${chunk}::json)`.execute(
          tx,
        );
      }
      rows += list.length;
    }
    for (const table of tables) {
      const serials = await sql<{ column_name: string }>`
        select column_name from information_schema.columns
        where table_schema = 'public' and table_name = ${table} and column_default like 'nextval(%'`.execute(
        tx,
      );
      for (const { column_name } of serials.rows) {
        await sql`select setval(pg_get_serial_sequence(${table}, ${column_name}),
          coalesce((select max(${sql.ref(column_name)}) from ${sql.table(table)}), 1),
          (select max(${sql.ref(column_name)}) from ${sql.table(table)}) is not null)`.execute(tx);
      }
    }
  });
  return { rows, files };
}
