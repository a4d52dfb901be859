/** SQL of the annual reports (年度报告): the report records, hand-entered figures, the review/litigation register. */
import { type ColumnType, type Generated, type Kysely, type Selectable, sql } from 'kysely';
import type { Database, Timestamp } from '../../platform/db/database.ts';
import type { Check } from './domain/checks.ts';
import { currentVersion, type ReportState } from './domain/states.ts';
import type { ReportFigures, ReviewKind, ReviewResult } from './domain/tables.ts';

type Json<T> = ColumnType<T, string, string>;
type Db = Kysely<Database>;

export interface ReportsTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  state: ColumnType<ReportState, ReportState | undefined, ReportState>;
  overview: Generated<string>;
  problems: Generated<string>;
  other: Generated<string>;
  figures: Json<ReportFigures | null> | null;
  checks: Json<Check[] | null> | null;
  submitted_at: Timestamp | null;
  submitted_by: number | null;
  accepted_at: Timestamp | null;
  accepted_by: number | null;
  published_at: Timestamp | null;
  published_by: number | null;
  updated_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  // 更正 (migration 0037): the version of the agency's year, the version it corrects and why, and when a
  // later published version superseded it.
  version: Generated<number>;
  corrects_id: ColumnType<number | null, number | null | undefined, number | null>;
  correction_reason: ColumnType<string | null, string | null | undefined, string | null>;
  superseded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface ReportFiguresTable {
  org_id: number;
  year: number;
  key: string;
  /** numeric: comes back as a string. */
  value: ColumnType<string, number, number>;
  entered_by: number | null;
  entered_at: Timestamp;
}

export interface ReportReviewsTable {
  id: Generated<number>;
  org_id: number;
  kind: ReviewKind;
  case_no: string | null;
  request_case_no: string | null;
  filed_on: string;
  organ: string;
  result: ReviewResult;
  decided_on: string | null;
  note: Generated<string>;
  created_by: number | null;
  created_at: Generated<Date>;
  // The register's own columns (registers/, migration 0029).
  request_id: ColumnType<number | null, number | null | undefined, number | null>;
  file_id: ColumnType<number | null, number | null | undefined, number | null>;
  orders_new_reply: Generated<boolean>;
  updated_by: ColumnType<number | null, number | null | undefined, number | null>;
  updated_at: Generated<Date>;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    reports: ReportsTable;
    report_figures: ReportFiguresTable;
    report_reviews: ReportReviewsTable;
  }
}

export type ReportRow = Selectable<ReportsTable>;
export type ReviewRow = Selectable<ReportReviewsTable>;

/** The version of an agency's year being worked on: the newest (an open correction, else the report). */
export function findReport(db: Db, orgId: number, year: number): Promise<ReportRow | undefined> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Every version of an agency's year, oldest first. */
export function versionsOf(db: Db, orgId: number, year: number): Promise<ReportRow[]> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .orderBy('version')
    .execute();
}

const facts = (r: ReportRow) => ({ ...r, superseded: r.superseded_at !== null });

/** The version shown for an agency's year (domain/states.ts `currentVersion`). */
export async function findCurrentReport(db: Db, orgId: number, year: number): Promise<ReportRow | undefined> {
  return currentVersion((await versionsOf(db, orgId, year)).map(facts));
}

export function findReportById(db: Db, id: number): Promise<ReportRow | undefined> {
  return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The year's reports, one per agency: the version shown (an open correction does not replace it). */
export async function reportsOfYear(db: Db, year: number): Promise<ReportRow[]> {
  const rows = await db.selectFrom('reports').selectAll().where('year', '=', year).execute();
  const byOrg = new Map<number, ReportRow[]>();
  for (const r of rows) byOrg.set(r.org_id, [...(byOrg.get(r.org_id) ?? []), r]);
  return [...byOrg.values()].flatMap((versions) => currentVersion(versions.map(facts)) ?? []);
}

/** The report record of an agency and year, created as a draft when there is none (locked for update). */
export async function ensureReport(
  tx: Db,
  orgId: number,
  year: number,
  by: number | null,
): Promise<ReportRow> {
  await tx
    .insertInto('reports')
    .values({
      org_id: orgId,
      year,
      figures: null,
      checks: null,
      submitted_at: null,
      submitted_by: null,
      accepted_at: null,
      accepted_by: null,
      published_at: null,
      published_by: null,
      updated_by: by,
    })
    .onConflict((oc) => oc.columns(['org_id', 'year', 'version']).doNothing())
    .execute();
  return tx
    .selectFrom('reports')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .orderBy('version', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export function updateReport(
  tx: Db,
  id: number,
  patch: Partial<{
    state: ReportState;
    overview: string;
    problems: string;
    other: string;
    figures: string | null;
    checks: string | null;
    submitted_at: Date | null;
    submitted_by: number | null;
    accepted_at: Date | null;
    accepted_by: number | null;
    published_at: Date | null;
    published_by: number | null;
    updated_by: number | null;
    superseded_at: Date | null;
  }>,
): Promise<ReportRow> {
  return tx
    .updateTable('reports')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type FigureRow = { key: string; value: number; entered_by: number | null; entered_at: Date };

export async function manualFigures(db: Db, orgId: number, year: number): Promise<FigureRow[]> {
  const rows = await db
    .selectFrom('report_figures')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .execute();
  return rows.map((r) => ({
    key: r.key,
    value: Number(r.value),
    entered_by: r.entered_by,
    entered_at: new Date(r.entered_at),
  }));
}

export async function saveFigure(
  tx: Db,
  orgId: number,
  year: number,
  key: string,
  value: number,
  by: number,
) {
  await tx
    .insertInto('report_figures')
    .values({ org_id: orgId, year, key, value, entered_by: by, entered_at: new Date() })
    .onConflict((oc) =>
      oc.columns(['org_id', 'year', 'key']).doUpdateSet({ value, entered_by: by, entered_at: new Date() }),
    )
    .execute();
}

/** Review and litigation cases of the agencies filed in the year (表四 counts those). */
export function reviewsOf(db: Db, orgIds: readonly number[], year?: number): Promise<ReviewRow[]> {
  let q = db
    .selectFrom('report_reviews')
    .selectAll()
    .where('org_id', 'in', orgIds.length ? [...orgIds] : [-1]);
  if (year !== undefined)
    q = q.where('filed_on', '>=', `${year}-01-01`).where('filed_on', '<=', `${year}-12-31`);
  return q.orderBy('filed_on').orderBy('id').execute();
}

/** A register entry as table 四 counts it: its kind and its result at the end of the report's year. */
export type Table4Case = {
  id: number;
  org_id: number;
  kind: ReviewKind;
  case_no: string | null;
  request_case_no: string | null;
  organ: string;
  filed_on: string;
  counted: ReviewResult;
};

/**
 * The one definition of table 四's cells, for its figures and their drill-down alike: the agencies' cases
 * filed in the year, each with the result it is counted under (decided by the end of the year: its result,
 * else 尚未审结); `cell` keeps the cases of one kind, and of one result unless null (the group's 总计).
 */
export function table4Cases(
  db: Db,
  orgIds: readonly number[],
  year: number,
  cell?: { kind: ReviewKind; result: ReviewResult | null },
): Promise<Table4Case[]> {
  const end = `${year}-12-31`;
  const counted = sql<ReviewResult>`case when decided_on is not null and decided_on <= ${end}::date then result else 'pending' end`;
  let q = db
    .selectFrom('report_reviews')
    .select(['id', 'org_id', 'kind', 'case_no', 'request_case_no', 'organ', 'filed_on'])
    .select(counted.as('counted'))
    .where('org_id', 'in', orgIds.length ? [...orgIds] : [-1])
    .where('filed_on', '>=', `${year}-01-01`)
    .where('filed_on', '<=', end);
  if (cell) q = q.where('kind', '=', cell.kind);
  if (cell?.result) q = q.where(counted, '=', cell.result);
  return q.orderBy('filed_on').orderBy('id').execute();
}

export function insertReview(
  tx: Db,
  v: Omit<
    ReviewRow,
    'id' | 'created_at' | 'note' | 'request_id' | 'file_id' | 'orders_new_reply' | 'updated_by' | 'updated_at'
  > & { note: string } & Partial<Pick<ReviewRow, 'request_id' | 'file_id' | 'orders_new_reply'>>,
): Promise<ReviewRow> {
  return tx.insertInto('report_reviews').values(v).returningAll().executeTakeFirstOrThrow();
}

/** A correction of a published report: the next version, a draft with the texts of the one it corrects. */
export function insertCorrection(
  tx: Db,
  of: ReportRow,
  version: number,
  reason: string,
  by: number,
): Promise<ReportRow> {
  return tx
    .insertInto('reports')
    .values({
      org_id: of.org_id,
      year: of.year,
      version,
      corrects_id: of.id,
      correction_reason: reason,
      overview: of.overview,
      problems: of.problems,
      other: of.other,
      figures: null,
      checks: null,
      submitted_at: null,
      submitted_by: null,
      accepted_at: null,
      accepted_by: null,
      published_at: null,
      published_by: null,
      updated_by: by,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Marks the earlier published versions of an agency's year as corrected (已更正) by `current`. */
export async function supersedeBefore(tx: Db, current: ReportRow, at: Date): Promise<void> {
  await tx
    .updateTable('reports')
    .set({ superseded_at: at, updated_at: new Date() })
    .where('org_id', '=', current.org_id)
    .where('year', '=', current.year)
    .where('id', '!=', current.id)
    .where('state', '=', 'published')
    .where('superseded_at', 'is', null)
    .execute();
}

/** Published reports (the version shown; corrected ones stay reachable by their own URL), newest year first. */
export function publishedReports(db: Db) {
  return db
    .selectFrom('reports')
    .innerJoin('orgs', 'orgs.id', 'reports.org_id')
    .select([
      'reports.id',
      'reports.org_id',
      'reports.year',
      'reports.published_at',
      'reports.version',
      'orgs.name as org_name',
    ])
    .where('reports.state', '=', 'published')
    .where('reports.superseded_at', 'is', null)
    .orderBy('reports.year', 'desc')
    .orderBy('orgs.sort_order')
    .orderBy('orgs.id')
    .execute();
}
