/** SQL of the two registers: review/litigation entries (report_reviews, declared in ../store.ts) and complaints. */
import type { ColumnType, Generated, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import type { ReviewResult } from '../domain/tables.ts';
import type { ReviewRow } from '../store.ts';
import type { ComplaintChannel, ComplaintKind, ComplaintState } from './domain/complaints.ts';

type Db = Kysely<Database>;

export interface ComplaintsTable {
  id: Generated<number>;
  org_id: number;
  kind: ComplaintKind;
  channel: ComplaintChannel;
  received_on: string;
  complainant_name: string;
  complainant_phone: string;
  complainant_address: string;
  content: string;
  request_id: number | null;
  state: ColumnType<ComplaintState, ComplaintState | undefined, ComplaintState>;
  assignee_org_id: number | null;
  assignee_id: number | null;
  due_days: number;
  due_on: string;
  answer: Generated<string>;
  answered_on: string | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_by: number | null;
  updated_at: Generated<Date>;
}

export interface ComplaintSettingsTable {
  id: Generated<number>;
  answer_working_days: number;
}

declare module '../../../platform/db/database.ts' {
  interface Database {
    complaints: ComplaintsTable;
    complaint_settings: ComplaintSettingsTable;
  }
}

export type ComplaintRow = Selectable<ComplaintsTable>;

// ── reviews ──

export type ReviewFilter = { orgIds: readonly number[]; year?: number; result?: ReviewResult };

export function listReviews(db: Db, f: ReviewFilter): Promise<ReviewRow[]> {
  let q = db
    .selectFrom('report_reviews')
    .selectAll()
    .where('org_id', 'in', f.orgIds.length ? [...f.orgIds] : [-1]);
  if (f.year !== undefined)
    q = q.where('filed_on', '>=', `${f.year}-01-01`).where('filed_on', '<=', `${f.year}-12-31`);
  if (f.result !== undefined) q = q.where('result', '=', f.result);
  return q.orderBy('filed_on', 'desc').orderBy('id', 'desc').execute();
}

export function findReview(db: Db, id: number, lock = false): Promise<ReviewRow | undefined> {
  const q = db.selectFrom('report_reviews').selectAll().where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export function updateReview(
  tx: Db,
  id: number,
  patch: Updateable<Database['report_reviews']>,
): Promise<ReviewRow> {
  return tx
    .updateTable('report_reviews')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function insertReview(tx: Db, v: Insertable<Database['report_reviews']>): Promise<ReviewRow> {
  return tx.insertInto('report_reviews').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function deleteReview(tx: Db, id: number): Promise<void> {
  await tx.deleteFrom('report_reviews').where('id', '=', id).execute();
}

export function reportState(db: Db, orgId: number, year: number) {
  return db
    .selectFrom('reports')
    .select('state')
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
    .then((r) => r?.state ?? null);
}

export function findFile(db: Db, id: number) {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}

// ── complaints ──

export type ComplaintFilter = {
  orgIds: readonly number[] | null;
  year?: number;
  orgId?: number;
  state?: ComplaintState;
  /** Also the complaints assigned to these organisations (whoever answers them sees them). */
  assigneeOrgIds?: readonly number[];
};

export function listComplaints(db: Db, f: ComplaintFilter): Promise<ComplaintRow[]> {
  let q = db.selectFrom('complaints').selectAll();
  if (f.orgIds !== null) {
    const orgIds = f.orgIds.length ? [...f.orgIds] : [-1];
    const assignees = f.assigneeOrgIds?.length ? [...f.assigneeOrgIds] : [-1];
    q = q.where((eb) => eb.or([eb('org_id', 'in', orgIds), eb('assignee_org_id', 'in', assignees)]));
  }
  if (f.orgId !== undefined) q = q.where('org_id', '=', f.orgId);
  if (f.state !== undefined) q = q.where('state', '=', f.state);
  if (f.year !== undefined)
    q = q.where('received_on', '>=', `${f.year}-01-01`).where('received_on', '<=', `${f.year}-12-31`);
  return q.orderBy('received_on', 'desc').orderBy('id', 'desc').execute();
}

export function findComplaint(db: Db, id: number, lock = false): Promise<ComplaintRow | undefined> {
  const q = db.selectFrom('complaints').selectAll().where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export function insertComplaint(
  tx: Db,
  v: Omit<ComplaintRow, 'id' | 'created_at' | 'updated_at' | 'answer' | 'state'> & { state?: ComplaintState },
): Promise<ComplaintRow> {
  return tx.insertInto('complaints').values(v).returningAll().executeTakeFirstOrThrow();
}

export function updateComplaint(
  tx: Db,
  id: number,
  patch: Updateable<ComplaintsTable>,
): Promise<ComplaintRow> {
  return tx
    .updateTable('complaints')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteComplaint(tx: Db, id: number): Promise<void> {
  await tx.deleteFrom('complaints').where('id', '=', id).execute();
}

/** Complaints still waiting for their answer (their due dates follow the calendar). */
export function openComplaints(db: Db): Promise<ComplaintRow[]> {
  return db.selectFrom('complaints').selectAll().where('state', 'in', ['received', 'assigned']).execute();
}

/** Complaints about the agencies received in the year (the report's counts). */
export function complaintsOfYear(db: Db, orgIds: readonly number[], year: number) {
  return db
    .selectFrom('complaints')
    .select(['kind', 'state'])
    .where('org_id', 'in', orgIds.length ? [...orgIds] : [-1])
    .where('received_on', '>=', `${year}-01-01`)
    .where('received_on', '<=', `${year}-12-31`)
    .execute();
}

export async function answerWorkingDays(db: Db): Promise<number> {
  const row = await db.selectFrom('complaint_settings').select('answer_working_days').executeTakeFirst();
  return row?.answer_working_days ?? 15;
}

export async function saveAnswerWorkingDays(tx: Db, days: number): Promise<void> {
  await tx.updateTable('complaint_settings').set({ answer_working_days: days }).where('id', '=', 1).execute();
}
