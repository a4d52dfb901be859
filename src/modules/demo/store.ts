/**
 * SQL of the demo registry, and the catalog questions removal asks (tables, foreign keys), answered from
 * `pg_catalog`, the same on PGlite and PostgreSQL.
 *
 * How every table of db/migrations is handled when the demo is removed:
 * - Tables of the public schema with an integer `id`: their rows created by the demo seeds are recorded
 *   in `demo_records` after seeding and deleted by id: orgs, users, sessions, audit_log, files,
 *   requests, request_events, request_letters, notifications, request_release_queue, request_assistance,
 *   request_saved_views, org_aliases, work_plans, work_tasks, work_assignments, work_task_groups,
 *   work_progress, work_assessments, documents, document_themes, document_reviews, document_attachments,
 *   interpretations, document_relations, document_versions, document_attribute_reviews, gazette_issues,
 *   gazette_items, disclosure_columns, public_enterprises. document_settings (id 1) is written by its
 *   migration, below the baseline: never demo.
 * - Without an id, deleted with the row they belong to by ON DELETE CASCADE: document_issuers,
 *   document_theme_links, disclosure_column_documents (documents, themes, columns), work_assessment_rows
 *   (work_assessments). So are sessions and notifications of a demo user (they have an id, but a row
 *   made after seeding belongs to its user): ON DELETE CASCADE declares a row part of its parent.
 * - Without an id, keyed by their organisation: document_index_serials, work_score_rules,
 *   disclosure_guides, site_identity (the demo government's site), report_figures (an
 *   agency's hand-entered figures of table 二), request_letter_templates (an agency's own letter texts;
 *   the shared ones, org_id null, stay): deleted explicitly with their demo organisation (`OWNED_BY_ORG`).
 * - audit_log rows written after seeding by a demo account stay (the trail is kept); their actor_id is
 *   cleared, and the removal's own audit row lists the demo accounts by id and name.
 * - Reference data and platform bookkeeping, never demo, never touched: calendar_years (reference hook),
 *   the shared request_letter_templates, request_secrets, job_runs, schema_migrations. A reference from them to a
 *   demo row (e.g. a year saved by a demo account) blocks removal like any other, naming the row.
 * - request_stats.*: derived copies kept by triggers on requests and request_events; deleting the cases
 *   updates them. Only the public schema is recorded for that reason.
 * - demo_records, demo_state: this module's own.
 * Any other table (a later migration) follows the same rules without a change here: rows with an id are
 * recorded; a reference from a row that is not deleted to a deleted one blocks removal and is named.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/db/database.ts';

export interface DemoRecordsTable {
  table_name: string;
  record_id: number;
}

export interface DemoStateTable {
  id: number;
  status: 'seeding' | 'seeded' | 'removed';
  baseline: Record<string, number>;
  changed_at: Date;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    demo_records: DemoRecordsTable;
    demo_state: DemoStateTable;
  }
}

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Rows without an id that belong to their organisation: deleted with a demo organisation. Listed by
 * hand on purpose: the catalog cannot tell a row that belongs to an organisation from one that merely
 * names it (document_issuers and work_assessment_rows also have a plain org_id foreign key, and an own
 * document naming a demo co-issuer must block the removal, not lose its issuer). A new table of this
 * kind that is missing here blocks the removal with its rows named, never deletes own data.
 */
export const OWNED_BY_ORG = [
  'document_index_serials',
  'work_score_rules',
  'disclosure_guides',
  'site_identity',
  'report_figures',
  'request_letter_templates',
] as const;

const OWN_TABLES = new Set(['demo_records', 'demo_state']);

/** Every table of the public schema, by name. */
export async function tableNames(db: Db): Promise<string[]> {
  const r = await sql<{
    name: string;
  }>`select tablename::text as name from pg_tables where schemaname = 'public'`.execute(db);
  return r.rows.map((x) => x.name);
}

/** Tables of the public schema with an integer `id` column (this module's own excluded), by name. */
export async function idTables(db: Db): Promise<string[]> {
  const r = await sql<{ name: string }>`
    select c.relname as name
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'id' and not a.attisdropped
    where n.nspname = 'public' and c.relkind in ('r', 'p')
      and a.atttypid in ('int2'::regtype, 'int4'::regtype, 'int8'::regtype)
    order by c.relname`.execute(db);
  return r.rows.map((x) => x.name).filter((t) => !OWN_TABLES.has(t));
}

/** The largest id of every table (0 when empty). */
export async function largestIds(db: Db, tables: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await sql<{
      n: string | number;
    }>`select coalesce(max(id), 0) as n from ${sql.table(t)}`.execute(db);
    out[t] = Number(r.rows[0]?.n ?? 0);
  }
  return out;
}

export async function getState(db: Db) {
  return db.selectFrom('demo_state').selectAll().where('id', '=', 1).executeTakeFirst();
}

export async function setState(db: Db, status: DemoStateTable['status'], baseline?: Record<string, number>) {
  await db
    .insertInto('demo_state')
    .values({ id: 1, status, baseline: JSON.stringify(baseline ?? {}) as never, changed_at: new Date() })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        status,
        changed_at: new Date(),
        ...(baseline ? { baseline: JSON.stringify(baseline) as never } : {}),
      }),
    )
    .execute();
}

/** Whether any organisation exists (a database with one is not empty: the demo is not seeded into it). */
export async function hasOrgs(db: Db): Promise<boolean> {
  return (await db.selectFrom('orgs').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Records every row of `table` with an id above `above` as demo. */
export async function recordRows(db: Db, table: string, above: number): Promise<void> {
  await sql`insert into demo_records (table_name, record_id)
    select ${table}, id from ${sql.table(table)} where id > ${above}
    on conflict do nothing`.execute(db);
}

/** Demo rows still present, per table (rows gone meanwhile, e.g. deleted by hand, are not counted). */
export async function countsPerTable(db: Db): Promise<{ table: string; count: number }[]> {
  const tables = (
    await db.selectFrom('demo_records').select('table_name').distinct().orderBy('table_name').execute()
  ).map((r) => r.table_name);
  const known = new Set(await idTables(db));
  const out: { table: string; count: number }[] = [];
  for (const t of tables) {
    if (!known.has(t)) continue;
    const r = await sql<{ n: string | number }>`select count(*) as n from ${sql.table(t)} x
      where x.id in (select record_id from demo_records where table_name = ${t})`.execute(db);
    const count = Number(r.rows[0]?.n ?? 0);
    if (count > 0) out.push({ table: t, count });
  }
  return out;
}

export async function clearRegistry(db: Db): Promise<void> {
  await db.deleteFrom('demo_records').execute();
}

/** A foreign key of the public schema: referencing table and columns → referenced table and columns. */
export type ForeignKey = {
  name: string;
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  /** `confdeltype`: a no action, r restrict, c cascade, n set null, d set default. */
  onDelete: string;
};

export async function foreignKeys(db: Db): Promise<ForeignKey[]> {
  const r = await sql<{
    name: string;
    table: string;
    columns: string[];
    ref_table: string;
    ref_columns: string[];
    on_delete: string;
  }>`
    select con.conname as name, src.relname as table, tgt.relname as ref_table,
      con.confdeltype::text as on_delete,
      array(select a.attname::text from unnest(con.conkey) with ordinality k(n, i)
        join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i) as columns,
      array(select a.attname::text from unnest(con.confkey) with ordinality k(n, i)
        join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.i) as ref_columns
    from pg_constraint con
    join pg_class src on src.oid = con.conrelid
    join pg_namespace ns on ns.oid = src.relnamespace
    join pg_class tgt on tgt.oid = con.confrelid
    where con.contype = 'f' and ns.nspname = 'public'
    order by src.relname, con.conname`.execute(db);
  return r.rows.map((x) => ({
    name: x.name,
    table: x.table,
    columns: x.columns,
    refTable: x.ref_table,
    refColumns: x.ref_columns,
    onDelete: x.on_delete,
  }));
}

/** The columns of a table, by name (for labels and for naming rows without an id). */
export async function columnsOf(db: Db, table: string): Promise<string[]> {
  const r = await sql<{ name: string }>`
    select a.attname::text as name from pg_attribute a
    join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relname = ${table} and a.attnum > 0 and not a.attisdropped
    order by a.attnum`.execute(db);
  return r.rows.map((x) => x.name);
}

/** The primary key columns of a table. */
export async function primaryKeyOf(db: Db, table: string): Promise<string[]> {
  const r = await sql<{ name: string }>`
    select a.attname::text as name
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
    cross join lateral unnest(con.conkey) with ordinality k(num, i)
    join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num
    where con.contype = 'p' and n.nspname = 'public' and c.relname = ${table}
    order by k.i`.execute(db);
  return r.rows.map((x) => x.name);
}

/** Deletes the demo rows of one table; returns how many went. */
export async function deleteDemoRows(db: Db, table: string): Promise<number> {
  const r = await sql`delete from ${sql.table(table)}
    where id in (select record_id from demo_records where table_name = ${table})`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** Deletes the rows of `table` whose `org_id` is a demo organisation. */
export async function deleteOwnedByDemoOrgs(db: Db, table: string): Promise<number> {
  const r = await sql`delete from ${sql.table(table)}
    where org_id in (select record_id from demo_records where table_name = 'orgs')`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/**
 * Audit rows that are not demo, written by a demo account: their actor is cleared (the trail stays);
 * returns the demo accounts concerned, for the removal's own audit row.
 */
export async function detachAuditActors(db: Db): Promise<{ id: number; username: string }[]> {
  const users = await sql<{ id: number; username: string }>`
    select distinct u.id, u.username from audit_log l join users u on u.id = l.actor_id
    where u.id in (select record_id from demo_records where table_name = 'users')
      and l.id not in (select record_id from demo_records where table_name = 'audit_log')
    order by u.id`.execute(db);
  if (users.rows.length > 0) {
    await sql`update audit_log set actor_id = null
      where actor_id in (select record_id from demo_records where table_name = 'users')
        and id not in (select record_id from demo_records where table_name = 'audit_log')`.execute(db);
  }
  return users.rows;
}

/**
 * Rows that reference, through `fk`, a row that no longer exists (at most `limit`): after the demo rows
 * are deleted with constraints deferred, these are the rows that would keep the removal from committing.
 */
export async function danglingReferences(
  db: Db,
  fk: ForeignKey,
  rowKey: string[],
  limit: number,
): Promise<{ key: Record<string, unknown>; ref: Record<string, unknown>; total: number | string }[]> {
  const notNull = sql.join(
    fk.columns.map((c) => sql`s.${sql.ref(c)} is not null`),
    sql` and `,
  );
  const match = sql.join(
    fk.columns.map((c, i) => sql`t.${sql.ref(fk.refColumns[i] as string)} = s.${sql.ref(c)}`),
    sql` and `,
  );
  const keyCols = sql.join(rowKey.map((c) => sql`${sql.lit(c)}::text, s.${sql.ref(c)}`));
  const refCols = sql.join(
    fk.columns.map((c, i) => sql`${sql.lit(fk.refColumns[i] as string)}::text, s.${sql.ref(c)}`),
  );
  const r = await sql<{ key: Record<string, unknown>; ref: Record<string, unknown>; total: number | string }>`
    select json_build_object(${keyCols}) as key, json_build_object(${refCols}) as ref, count(*) over () as total
    from ${sql.table(fk.table)} s
    where ${notNull} and not exists (select 1 from ${sql.table(fk.refTable)} t where ${match})
    limit ${limit}`.execute(db);
  return r.rows;
}

/** One row's label: the first of name, title, subject, display_name (with username) it has. */
export async function labelOf(db: Db, table: string, key: Record<string, unknown>): Promise<string | null> {
  const cols = await columnsOf(db, table);
  const where = sql.join(
    Object.entries(key).map(([c, v]) => sql`${sql.ref(c)}::text = ${String(v)}`),
    sql` and `,
  );
  if (cols.includes('username')) {
    const r = await sql<{ l: string }>`select username || '（' || display_name || '）' as l
      from ${sql.table(table)} where ${where}`.execute(db);
    return r.rows[0]?.l ?? null;
  }
  const col = ['name', 'title', 'subject', 'display_name'].find((c) => cols.includes(c));
  if (!col) return null;
  const r = await sql<{
    l: string;
  }>`select ${sql.ref(col)}::text as l from ${sql.table(table)} where ${where}`.execute(db);
  return r.rows[0]?.l ?? null;
}

/** The sha256 of the demo's file rows (their blobs may go once no file row uses them). */
export async function demoFileHashes(db: Db): Promise<string[]> {
  const r = await sql<{ sha256: string }>`select distinct sha256 from files
    where id in (select record_id from demo_records where table_name = 'files')`.execute(db);
  return r.rows.map((x) => x.sha256);
}

/** Of these hashes, those no file row uses any more. */
export async function unusedHashes(db: Db, hashes: readonly string[]): Promise<string[]> {
  if (hashes.length === 0) return [];
  const used = new Set(
    (await db.selectFrom('files').select('sha256').where('sha256', 'in', hashes).execute()).map(
      (r) => r.sha256,
    ),
  );
  return hashes.filter((h) => !used.has(h));
}
