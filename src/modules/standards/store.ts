import type { Generated, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, Timestamp } from '../../platform/db/database.ts';
import type { Audience, Manner } from './domain/areas.ts';
import type { ColumnKind } from './domain/masking.ts';

export interface StandardItemsTable {
  id: Generated<number>;
  org_id: number;
  area: string;
  matter: string;
  sub_matter: Generated<string>;
  content: Generated<string>;
  basis: Generated<string>;
  time_limit: Generated<string>;
  publisher: Generated<string>;
  channels: Generated<string>;
  audience: Generated<Audience>;
  manner: Generated<Manner>;
  level: Generated<string>;
  column_id: number | null;
  link_path: string | null;
  verified_on: string | null;
  sort_order: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type NoticeStatus = 'draft' | 'published' | 'withdrawn';

export interface TargetedNoticesTable {
  id: Generated<number>;
  org_id: number;
  title: string;
  place: string;
  audience: Generated<string>;
  intro: Generated<string>;
  columns: Generated<string[]>;
  kinds: Generated<ColumnKind[]>;
  rows: Generated<string[][]>;
  removed_columns: Generated<string[]>;
  period_start: string;
  period_end: string;
  contact: Generated<string>;
  status: Generated<NoticeStatus>;
  withdraw_reason: string | null;
  published_at: Timestamp | null;
  published_by: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TargetedPostingsTable {
  id: Generated<number>;
  notice_id: number;
  location: string;
  posted_on: string;
  removed_on: string | null;
  posted_by: Generated<string>;
  note: Generated<string>;
  recorded_by: number | null;
  created_at: Generated<Date>;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    standard_items: StandardItemsTable;
    targeted_notices: TargetedNoticesTable;
    targeted_postings: TargetedPostingsTable;
  }
}

type Db = Kysely<Database>;
export type StandardItemRow = Selectable<StandardItemsTable>;
export type NoticeRow = Selectable<TargetedNoticesTable>;
export type PostingRow = Selectable<TargetedPostingsTable>;

const inList = (ids: readonly number[]) => (ids.length ? [...ids] : [-1]);

export async function listItems(db: Db, opts: { orgIds: readonly number[] | null; area?: string }) {
  let q = db.selectFrom('standard_items').selectAll();
  if (opts.orgIds) q = q.where('org_id', 'in', inList(opts.orgIds));
  if (opts.area) q = q.where('area', '=', opts.area);
  return q.orderBy('org_id').orderBy('sort_order').orderBy('id').execute();
}

export const findItem = (db: Db, id: number) =>
  db.selectFrom('standard_items').selectAll().where('id', '=', id).executeTakeFirst();

export const insertItems = (db: Db, rows: Insertable<StandardItemsTable>[]) =>
  rows.length === 0
    ? Promise.resolve([])
    : db.insertInto('standard_items').values(rows).returningAll().execute();

export const updateItem = (db: Db, id: number, patch: Updateable<StandardItemsTable>) =>
  db.updateTable('standard_items').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export const deleteItem = (db: Db, id: number) =>
  db.deleteFrom('standard_items').where('id', '=', id).execute();

/** The (area, 一级事项, 二级事项) already in an organisation's catalogue: an import refuses duplicates. */
export async function itemKeys(db: Db, orgId: number): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('standard_items')
    .select(['id', 'area', 'matter', 'sub_matter'])
    .where('org_id', '=', orgId)
    .execute();
  return new Map(rows.map((r) => [`${r.area}|${r.matter}|${r.sub_matter}`, r.id]));
}

export async function listNotices(
  db: Db,
  opts: { orgIds: readonly number[] | null; publishedOnly?: boolean; place?: string },
) {
  let q = db.selectFrom('targeted_notices').selectAll();
  if (opts.orgIds) q = q.where('org_id', 'in', inList(opts.orgIds));
  if (opts.publishedOnly) q = q.where('status', '=', 'published');
  if (opts.place) q = q.where('place', '=', opts.place);
  return q.orderBy('period_start', 'desc').orderBy('id', 'desc').execute();
}

export const findNotice = (db: Db, id: number) =>
  db.selectFrom('targeted_notices').selectAll().where('id', '=', id).executeTakeFirst();

export const lockNotice = (db: Db, id: number) =>
  db.selectFrom('targeted_notices').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const insertNotice = (db: Db, row: Insertable<TargetedNoticesTable>) =>
  db.insertInto('targeted_notices').values(row).returningAll().executeTakeFirstOrThrow();

export const updateNotice = (db: Db, id: number, patch: Updateable<TargetedNoticesTable>) =>
  db.updateTable('targeted_notices').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export const listPostings = (db: Db, noticeIds: readonly number[]) =>
  db
    .selectFrom('targeted_postings')
    .selectAll()
    .where('notice_id', 'in', inList(noticeIds))
    .orderBy('posted_on')
    .orderBy('id')
    .execute();

export const insertPosting = (db: Db, row: Insertable<TargetedPostingsTable>) =>
  db.insertInto('targeted_postings').values(row).returningAll().executeTakeFirstOrThrow();
