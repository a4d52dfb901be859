import type { ColumnType, Generated, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Database, Timestamp } from '../../../platform/db/database.ts';

/** A column of the statutory proactive-disclosure list (条例第二十条 item 1–15) of one organisation. */
export interface DisclosureColumnsTable {
  id: Generated<number>;
  org_id: number;
  item: number;
  name: string;
  update_period_days: number;
  genres: ColumnType<string[], string[] | undefined, string[]>;
  manual_updated_on: string | null;
  sort_order: ColumnType<number, number | undefined, number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DisclosureColumnDocumentsTable {
  column_id: number;
  document_id: number;
}

/** An organisation's edited 政府信息公开指南 (plain text); absent → the default guide is shown. */
export interface DisclosureGuidesTable {
  org_id: number;
  body: string;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** 公共企事业单位: one enterprise or institution with the link to its disclosure column. */
export interface PublicEnterprisesTable {
  id: Generated<number>;
  sector: string;
  name: string;
  url: string;
  org_id: number | null;
  description: ColumnType<string, string | undefined, string>;
  sort_order: ColumnType<number, number | undefined, number>;
  created_at: Generated<Date>;
}

declare module '../../../platform/db/database.ts' {
  interface Database {
    disclosure_columns: DisclosureColumnsTable;
    disclosure_column_documents: DisclosureColumnDocumentsTable;
    disclosure_guides: DisclosureGuidesTable;
    public_enterprises: PublicEnterprisesTable;
  }
}

type Db = Kysely<Database>;
export type DisclosureColumnRow = Selectable<DisclosureColumnsTable>;
export type PublicEnterpriseRow = Selectable<PublicEnterprisesTable>;

/** A column with its organisation's name and the date it was last updated. */
export type ColumnWithUpdate = {
  id: number;
  orgId: number;
  orgName: string;
  item: number;
  name: string;
  updatePeriodDays: number;
  genres: string[];
  manualUpdatedOn: string | null;
  /** Latest of: the manual touch, the latest published document linked to the column or in its genres. */
  lastUpdated: string | null;
  documentCount: number;
  sortOrder: number;
};

/**
 * The columns (of some organisations, or all) with their last-updated date, derived in SQL from the
 * manual touch, the documents linked to the column and the organisation's documents of the column's genres.
 */
export async function listColumns(
  db: Db,
  opts: { orgIds?: number[]; id?: number } = {},
): Promise<ColumnWithUpdate[]> {
  const orgFilter = opts.orgIds
    ? sql`and c.org_id in (${sql.join(opts.orgIds.length ? opts.orgIds : [0])})`
    : sql``;
  const idFilter = opts.id !== undefined ? sql`and c.id = ${opts.id}` : sql``;
  const r = await sql<{
    id: number;
    org_id: number;
    org_name: string;
    item: number;
    name: string;
    update_period_days: number;
    genres: string[];
    manual_updated_on: string | null;
    last_updated: string | null;
    document_count: number | string;
    sort_order: number;
  }>`
    select c.id, c.org_id, o.name as org_name, c.item, c.name, c.update_period_days, c.genres,
      to_char(c.manual_updated_on, 'YYYY-MM-DD') as manual_updated_on, c.sort_order,
      to_char(greatest(c.manual_updated_on, linked.last, bygenre.last), 'YYYY-MM-DD') as last_updated,
      coalesce(linked.n, 0) + coalesce(bygenre.n, 0) as document_count
    from disclosure_columns c
    join orgs o on o.id = c.org_id
    left join lateral (
      select max(d.published_date) as last, count(*) as n from disclosure_column_documents cd
      join documents d on d.id = cd.document_id
      where cd.column_id = c.id and d.status = 'published' and d.attribute = 'proactive'
        and not (d.org_id = c.org_id and d.genre = any(c.genres))
    ) linked on true
    left join lateral (
      select max(d.published_date) as last, count(*) as n from documents d
      where cardinality(c.genres) > 0 and d.org_id = c.org_id and d.status = 'published' and d.attribute = 'proactive'
        and d.genre = any(c.genres)
    ) bygenre on true
    where true ${orgFilter} ${idFilter}
    order by o.sort_order, o.id, c.sort_order, c.item, c.id`.execute(db);
  return r.rows.map((x) => ({
    id: x.id,
    orgId: x.org_id,
    orgName: x.org_name,
    item: x.item,
    name: x.name,
    updatePeriodDays: x.update_period_days,
    genres: x.genres ?? [],
    manualUpdatedOn: x.manual_updated_on,
    lastUpdated: x.last_updated,
    documentCount: Number(x.document_count),
    sortOrder: x.sort_order,
  }));
}

export function findColumn(db: Db, id: number) {
  return db.selectFrom('disclosure_columns').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The published documents of a column (linked or matching its genres), newest first. */
export async function columnDocuments(
  db: Db,
  columnId: number,
  opts: { limit: number; offset: number },
): Promise<{
  total: number;
  rows: { id: number; title: string; docNumber: string | null; publishedDate: string | null }[];
}> {
  const r = await sql<{
    id: number;
    title: string;
    doc_number: string | null;
    published_date: string | null;
    total: number | string;
  }>`
    select d.id, d.title, d.doc_number, to_char(d.published_date, 'YYYY-MM-DD') as published_date,
      count(*) over () as total
    from documents d, disclosure_columns c
    where c.id = ${columnId} and d.status = 'published' and d.attribute = 'proactive'
      and (exists (select 1 from disclosure_column_documents cd where cd.column_id = c.id and cd.document_id = d.id)
        or (d.org_id = c.org_id and d.genre = any(c.genres)))
    order by d.published_date desc nulls last, d.id desc
    limit ${opts.limit} offset ${opts.offset}`.execute(db);
  return {
    total: r.rows[0] ? Number(r.rows[0].total) : 0,
    rows: r.rows.map((x) => ({
      id: x.id,
      title: x.title,
      docNumber: x.doc_number,
      publishedDate: x.published_date,
    })),
  };
}

export async function linkDocuments(db: Db, columnId: number, documentIds: number[]): Promise<void> {
  if (documentIds.length === 0) return;
  await db
    .insertInto('disclosure_column_documents')
    .values(documentIds.map((document_id) => ({ column_id: columnId, document_id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function unlinkDocuments(db: Db, columnId: number, documentIds: number[]): Promise<void> {
  if (documentIds.length === 0) return;
  await db
    .deleteFrom('disclosure_column_documents')
    .where('column_id', '=', columnId)
    .where('document_id', 'in', documentIds)
    .execute();
}

export async function existingDocumentIds(db: Db, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const r = await sql<{ id: number }>`select id from documents where id in (${sql.join(ids)})`.execute(db);
  return new Set(r.rows.map((x) => x.id));
}

export function findGuide(db: Db, orgId: number) {
  return db.selectFrom('disclosure_guides').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export function listEnterprises(db: Db) {
  return db
    .selectFrom('public_enterprises')
    .leftJoin('orgs', 'orgs.id', 'public_enterprises.org_id')
    .selectAll('public_enterprises')
    .select('orgs.name as org_name')
    .orderBy('public_enterprises.sector')
    .orderBy('public_enterprises.sort_order')
    .orderBy('public_enterprises.id')
    .execute();
}

export function findEnterprise(db: Db, id: number) {
  return db.selectFrom('public_enterprises').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The column of an organisation for one Art. 20 item, if there is one. */
export function findColumnByItem(db: Db, orgId: number, item: number): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('disclosure_columns')
    .select('id')
    .where('org_id', '=', orgId)
    .where('item', '=', item)
    .executeTakeFirst();
}

export function insertColumn(
  db: Db,
  values: Insertable<DisclosureColumnsTable>,
): Promise<DisclosureColumnRow> {
  return db.insertInto('disclosure_columns').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateColumn(
  db: Db,
  id: number,
  changes: Updateable<DisclosureColumnsTable>,
): Promise<DisclosureColumnRow> {
  return db
    .updateTable('disclosure_columns')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteColumn(db: Db, id: number): Promise<void> {
  await db.deleteFrom('disclosure_columns').where('id', '=', id).execute();
}

/** Save an organisation's guide text (insert or replace). */
export async function upsertGuide(db: Db, orgId: number, body: string, updatedBy: number): Promise<void> {
  await db
    .insertInto('disclosure_guides')
    .values({ org_id: orgId, body, updated_by: updatedBy, updated_at: new Date() })
    .onConflict((oc) =>
      oc.column('org_id').doUpdateSet({ body, updated_by: updatedBy, updated_at: new Date() }),
    )
    .execute();
}

/** Drop an organisation's guide text (the default guide applies again). */
export async function deleteGuide(db: Db, orgId: number): Promise<void> {
  await db.deleteFrom('disclosure_guides').where('org_id', '=', orgId).execute();
}

/** An enterprise of the sector with this name (other than `exceptId`), if any. */
export function findEnterpriseByName(
  db: Db,
  sector: string,
  name: string,
  exceptId?: number,
): Promise<{ id: number } | undefined> {
  let q = db
    .selectFrom('public_enterprises')
    .select('id')
    .where('sector', '=', sector)
    .where('name', '=', name);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

export function insertEnterprise(
  db: Db,
  values: Insertable<PublicEnterprisesTable>,
): Promise<PublicEnterpriseRow> {
  return db.insertInto('public_enterprises').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateEnterprise(
  db: Db,
  id: number,
  changes: Updateable<PublicEnterprisesTable>,
): Promise<PublicEnterpriseRow> {
  return db
    .updateTable('public_enterprises')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteEnterprise(db: Db, id: number): Promise<void> {
  await db.deleteFrom('public_enterprises').where('id', '=', id).execute();
}
