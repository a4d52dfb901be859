import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import { blobExists, blobPath, readBlob, writeBlob } from '../files/storage.ts';
import { now } from '../time.ts';
import type { Database } from './database.ts';
import { appliedMigrations, currentMigrationName, listMigrations } from './migrate.ts';

/**
 * Backup format: gzip'd JSON lines. A header, then every row of every table read in one
 * REPEATABLE READ snapshot, then the uploaded files the snapshot references (files are
 * content-addressed and immutable, so copying them after the snapshot stays consistent), then an
 * end marker with the row count of every table, the number of files and the SHA-256 of every line
 * before it. A file without its end marker, or whose counts or checksum disagree, is incomplete and
 * is never restored. The same code path works on PGlite and PostgreSQL.
 */
const FORMAT = 'gongkai-backup';
/** 2: the end marker. Version 1 had none, so its completeness cannot be known. */
const VERSION = 2;

const SHA256 = z.string().regex(/^[0-9a-f]{64}$/);
const LINE = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('header'),
    format: z.string(),
    version: z.number(),
    createdAt: z.string(),
    migrations: z.array(z.string()),
  }),
  z.object({ type: z.literal('row'), table: z.string().min(1), data: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('file'), sha256: SHA256, data: z.string() }),
  z.object({
    type: z.literal('end'),
    tables: z.record(z.string(), z.number().int().nonnegative()),
    files: z.number().int().nonnegative(),
    sha256: SHA256,
  }),
]);
type Line = z.infer<typeof LINE>;

/** Why a backup cannot be restored, in Chinese; nothing was changed when it is thrown. */
export class BackupFormatError extends Error {}

const UNCHANGED = '数据库和上传文件保持原样，未作任何改动。';

async function userTables(db: Kysely<Database>): Promise<string[]> {
  const r = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = 'public' and tablename <> 'schema_migrations' order by tablename`.execute(
    db,
  );
  return r.rows.map((x) => x.tablename);
}

/**
 * Write a backup of the database and its files to `file`. `derived`: tables the database fills from the
 * others by triggers (the modules' `derivedTables`), left out: a restore rebuilds them.
 */
export async function backup(
  db: Kysely<Database>,
  dataDir: string,
  file: string,
  derived: readonly string[] = [],
): Promise<{ rows: number; files: number }> {
  const tmp = `${file}.part`;
  let rows = 0;
  let files = 0;
  const hashes = new Set<string>();
  const counts: Record<string, number> = {};
  const checksum = createHash('sha256');
  const out = (line: Line): string => {
    const text = `${JSON.stringify(line)}\n`;
    if (line.type !== 'end') checksum.update(text);
    return text;
  };
  async function* lines(): AsyncGenerator<string> {
    const snapshot: string[] = [];
    await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (tx) => {
        const migrations = await appliedMigrations(tx);
        snapshot.push(
          out({
            type: 'header',
            format: FORMAT,
            version: VERSION,
            createdAt: now().toISOString(),
            migrations,
          }),
        );
        for (const table of await userTables(tx)) {
          if (derived.includes(table)) continue;
          const r = await sql<{
            j: Record<string, unknown>;
          }>`select row_to_json(t) as j from ${sql.table(table)} t`.execute(tx);
          counts[table] = r.rows.length;
          for (const { j } of r.rows) {
            snapshot.push(out({ type: 'row', table, data: j }));
            if (table === 'files') hashes.add(String(j.sha256));
            rows++;
          }
        }
      });
    yield* snapshot;
    for (const sha256 of hashes) {
      const chunks: Buffer[] = [];
      for await (const c of readBlob(dataDir, sha256)) chunks.push(c as Buffer);
      files++;
      yield out({ type: 'file', sha256, data: Buffer.concat(chunks).toString('base64') });
    }
    yield out({ type: 'end', tables: counts, files, sha256: checksum.digest('hex') });
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

/**
 * Calls `each` with every line of the gzip'd file, in order, with its exact text. Any problem reading
 * or unpacking the file becomes a BackupFormatError saying why in Chinese.
 */
async function readLines(file: string, each: (text: string) => Promise<void>): Promise<void> {
  try {
    if ((await stat(file)).size === 0) throw new BackupFormatError('备份文件是空的。');
    await pipeline(createReadStream(file), createGunzip(), async (source: AsyncIterable<Buffer>) => {
      // A character may be split between two chunks: the decoder keeps its first bytes for the next.
      const decoder = new StringDecoder('utf8');
      let rest = '';
      for await (const chunk of source) {
        const parts = (rest + decoder.write(chunk)).split('\n');
        rest = parts.pop() ?? '';
        for (const text of parts) await each(text);
      }
      rest += decoder.end();
      if (rest) await each(rest);
    });
  } catch (err) {
    if (err instanceof BackupFormatError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') throw new BackupFormatError(`找不到备份文件：${file}。`);
    if (code === 'EISDIR') throw new BackupFormatError(`${file} 是文件夹，不是备份文件。`);
    if (code === 'EACCES' || code === 'EPERM')
      throw new BackupFormatError(`没有读取备份文件的权限：${file}。`);
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw new BackupFormatError('备份文件已损坏或被截断（无法解压），可能在复制或传输中出错。');
    }
    throw err;
  }
}

type Parsed = {
  header: Extract<Line, { type: 'header' }>;
  rowsByTable: Map<string, Record<string, unknown>[]>;
  rows: number;
  files: number;
};

/** Reads and checks the whole backup without changing anything. */
async function readBackup(file: string, tables: readonly string[]): Promise<Parsed> {
  const known = new Set(await listMigrations());
  const rowsByTable = new Map<string, Record<string, unknown>[]>();
  const checksum = createHash('sha256');
  let header: Parsed['header'] | null = null;
  let end: Extract<Line, { type: 'end' }> | null = null;
  let rows = 0;
  let files = 0;
  let lineNo = 0;
  await readLines(file, async (text) => {
    lineNo++;
    if (end) throw new BackupFormatError(`备份文件在结尾标记之后还有内容（第 ${lineNo} 行），文件已损坏。`);
    let line: Line;
    try {
      line = LINE.parse(JSON.parse(text));
    } catch {
      throw new BackupFormatError(
        header
          ? `备份文件第 ${lineNo} 行已损坏，无法读取。`
          : '这不是公开平台的备份文件（开头没有备份文件头）。',
      );
    }
    if (line.type !== 'end') checksum.update(`${text}\n`);
    if (!header) {
      if (line.type !== 'header' || line.format !== FORMAT) {
        throw new BackupFormatError('这不是公开平台的备份文件（开头没有备份文件头）。');
      }
      if (line.version > VERSION) {
        throw new BackupFormatError(
          `这份备份由更新版本的程序制作（备份格式 ${line.version}，本程序只认得到格式 ${VERSION}），请先升级程序再恢复。`,
        );
      }
      if (line.version < VERSION) {
        throw new BackupFormatError(
          `这份备份是旧格式（格式 ${line.version}），没有结尾标记和校验码，无法确认它是完整的。请用旧版程序恢复，或用本程序重新备份。`,
        );
      }
      // A backup made before migrations were renumbered lists their old names.
      const unknown = line.migrations.map((m) => currentMigrationName(m)).filter((m) => !known.has(m));
      if (unknown.length > 0) {
        throw new BackupFormatError(
          `这份备份来自更新版本的程序（含本程序没有的数据库迁移 ${unknown.join('、')}），请先升级程序再恢复。`,
        );
      }
      header = line;
    } else if (line.type === 'header') {
      throw new BackupFormatError(`备份文件第 ${lineNo} 行又出现了文件头，文件已损坏。`);
    } else if (line.type === 'row') {
      if (!tables.includes(line.table)) {
        throw new BackupFormatError(`备份中有当前数据库没有的表“${line.table}”，无法恢复。`);
      }
      const list = rowsByTable.get(line.table) ?? [];
      list.push(line.data);
      rowsByTable.set(line.table, list);
      rows++;
    } else if (line.type === 'file') {
      const sha256 = createHash('sha256').update(Buffer.from(line.data, 'base64')).digest('hex');
      if (sha256 !== line.sha256) {
        throw new BackupFormatError(`备份中的上传文件已损坏（第 ${lineNo} 行，内容与其校验值不符）。`);
      }
      files++;
    } else {
      end = line;
    }
  });
  if (!header) throw new BackupFormatError('备份文件是空的。');
  if (!end) {
    throw new BackupFormatError('备份文件不完整：缺少结尾标记，可能备份中途被打断，或文件在复制时被截断。');
  }
  const { tables: expected, files: expectedFiles, sha256 } = end as Extract<Line, { type: 'end' }>;
  if (checksum.digest('hex') !== sha256) {
    throw new BackupFormatError('备份文件的校验码不符，内容已被改动或损坏。');
  }
  const names = new Set([...Object.keys(expected), ...rowsByTable.keys()]);
  for (const table of names) {
    const got = rowsByTable.get(table)?.length ?? 0;
    if (got !== (expected[table] ?? 0)) {
      throw new BackupFormatError(
        `备份文件不完整：表“${table}”应有 ${expected[table] ?? 0} 行，实际只有 ${got} 行。`,
      );
    }
  }
  if (files !== expectedFiles) {
    throw new BackupFormatError(`备份文件不完整：应有 ${expectedFiles} 个上传文件，实际有 ${files} 个。`);
  }
  return { header, rowsByTable, rows, files };
}

/**
 * Replace the database's contents with a backup's, all or nothing. The whole file is read and
 * checked first (end marker, per-table row counts, checksum, every file's hash); only then are the
 * missing files stored and the rows replaced in one transaction. On any failure the files this restore
 * added are removed again, so the database and the file store are left as they were. The schema must
 * already be migrated at least as far as the backup's; a backup from newer code is refused.
 */
export async function restore(
  db: Kysely<Database>,
  dataDir: string,
  file: string,
): Promise<{ rows: number; files: number }> {
  const added: string[] = [];
  try {
    const tables = await userTables(db);
    const parsed = await readBackup(file, tables);
    await readLines(file, async (text) => {
      if (!text.startsWith('{"type":"file"')) return;
      const line = LINE.parse(JSON.parse(text));
      if (line.type !== 'file' || (await blobExists(dataDir, line.sha256))) return;
      const written = await writeBlob(dataDir, Readable.from([Buffer.from(line.data, 'base64')]));
      added.push(written.sha256);
      if (written.sha256 !== line.sha256) {
        throw new BackupFormatError('备份文件在恢复过程中被改动，上传文件与校验值不符。');
      }
    });
    await db
      .transaction()
      .execute(async (tx) => {
        await sql`set constraints all deferred`.execute(tx);
        await sql
          .raw(`truncate ${tables.map((t) => `"${t}"`).join(', ')} restart identity cascade`)
          .execute(tx);
        for (const [table, list] of parsed.rowsByTable) {
          for (let i = 0; i < list.length; i += 500) {
            const chunk = JSON.stringify(list.slice(i, i + 500));
            await sql`insert into ${sql.table(table)} select * from json_populate_recordset(null::${sql.table(table)}, ${chunk}::json)`.execute(
              tx,
            );
          }
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
      })
      .catch((err: unknown) => {
        throw new BackupFormatError(
          `备份中的数据无法写入当前数据库（${err instanceof Error ? err.message : String(err)}）。`,
        );
      });
    return { rows: parsed.rows, files: parsed.files };
  } catch (err) {
    for (const sha256 of added) await rm(blobPath(dataDir, sha256), { force: true });
    if (err instanceof BackupFormatError) throw new BackupFormatError(`无法恢复：${err.message}${UNCHANGED}`);
    throw err;
  }
}
