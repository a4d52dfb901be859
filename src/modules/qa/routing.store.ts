/** SQL of routed questions (政策问答转办), the module's settings and consultation records (咨询记录). */
import type { ColumnType, Generated, Insertable, Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { ConsultationChannel } from './domain/consultations.ts';
import type { RoutedStatus } from './domain/routing.ts';

export interface QaRoutedQuestionsTable {
  id: Generated<number>;
  tracking_code: string;
  question: string;
  contact_phone: string | null;
  contact_email: string | null;
  asked_on: ColumnType<string, string, string>;
  asked_at: ColumnType<Date, Date | string | undefined, Date | string>;
  suggested_org_id: number | null;
  suggestion_reason: string | null;
  org_id: number | null;
  status: ColumnType<RoutedStatus, RoutedStatus | undefined, RoutedStatus>;
  due_days: number;
  due_on: string;
  answer: string | null;
  cited_document_ids: ColumnType<number[], number[] | undefined, number[]>;
  general: ColumnType<boolean, boolean | undefined, boolean>;
  answered_on: string | null;
  answered_by: number | null;
  reviewed_by: number | null;
  review_note: string | null;
  sent_on: string | null;
  pair_id: number | null;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface QaSettingsTable {
  id: number;
  routed_due_days: number;
}

export interface QaConsultationsTable {
  id: Generated<number>;
  channel: ConsultationChannel;
  asked_on: string;
  question: string;
  answer: ColumnType<string, string | undefined, string>;
  org_id: number | null;
  topic: ColumnType<string, string | undefined, string>;
  question_terms: ColumnType<string[], string[] | undefined, string[]>;
  pair_id: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    qa_routed_questions: QaRoutedQuestionsTable;
    qa_settings: QaSettingsTable;
    qa_consultations: QaConsultationsTable;
  }
}

type Db = Kysely<Database>;
export type RoutedRow = Selectable<QaRoutedQuestionsTable>;
export type ConsultationRow = Selectable<QaConsultationsTable>;

// ── routed questions ──

export function insertRouted(db: Db, row: Insertable<QaRoutedQuestionsTable>): Promise<RoutedRow> {
  return db.insertInto('qa_routed_questions').values(row).returningAll().executeTakeFirstOrThrow();
}

export function findRouted(db: Db, id: number, forUpdate = false): Promise<RoutedRow | undefined> {
  const q = db.selectFrom('qa_routed_questions').selectAll().where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
}

export function findRoutedByCode(db: Db, code: string): Promise<RoutedRow | undefined> {
  return db
    .selectFrom('qa_routed_questions')
    .selectAll()
    .where('tracking_code', '=', code)
    .executeTakeFirst();
}

export function updateRouted(
  db: Db,
  id: number,
  changes: Partial<Insertable<QaRoutedQuestionsTable>>,
): Promise<RoutedRow> {
  return db
    .updateTable('qa_routed_questions')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The queue: all, or those assigned to these organisations; newest first. */
export function listRouted(
  db: Db,
  f: { orgIds?: readonly number[]; status?: RoutedStatus; overdueOn?: string },
): Promise<RoutedRow[]> {
  let q = db.selectFrom('qa_routed_questions').selectAll();
  if (f.orgIds) q = q.where('org_id', 'in', f.orgIds.length > 0 ? [...f.orgIds] : [-1]);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.overdueOn) q = q.where('status', '!=', 'sent').where('due_on', '<', f.overdueOn);
  return q.orderBy('asked_at', 'desc').orderBy('id', 'desc').execute();
}

/** Questions still waiting for the asker's answer (their due dates follow the calendar). */
export function openRouted(db: Db): Promise<RoutedRow[]> {
  return db.selectFrom('qa_routed_questions').selectAll().where('status', '!=', 'sent').execute();
}

/** A year's routed questions: received, answered (sent), still open, overdue as of `today`. */
export async function routedCounts(
  db: Db,
  year: number,
  today: string,
  orgIds?: readonly number[],
): Promise<{ received: number; sent: number; open: number; overdue: number; published: number }> {
  let q = db
    .selectFrom('qa_routed_questions')
    .select([
      sql<number>`count(*)::int`.as('received'),
      sql<number>`(count(*) filter (where status = 'sent'))::int`.as('sent'),
      sql<number>`(count(*) filter (where status != 'sent'))::int`.as('open'),
      sql<number>`(count(*) filter (where status != 'sent' and due_on < ${today}::date))::int`.as('overdue'),
      sql<number>`(count(*) filter (where pair_id is not null))::int`.as('published'),
    ])
    .where(sql<boolean>`extract(year from asked_on) = ${year}`);
  if (orgIds) q = q.where('org_id', 'in', orgIds.length > 0 ? [...orgIds] : [-1]);
  const row = await q.executeTakeFirst();
  return {
    received: row?.received ?? 0,
    sent: row?.sent ?? 0,
    open: row?.open ?? 0,
    overdue: row?.overdue ?? 0,
    published: row?.published ?? 0,
  };
}

export async function routedDueDays(db: Db): Promise<number> {
  const row = await db
    .selectFrom('qa_settings')
    .select('routed_due_days')
    .where('id', '=', 1)
    .executeTakeFirst();
  return row?.routed_due_days ?? 5;
}

export async function saveRoutedDueDays(db: Db, days: number): Promise<void> {
  await db.updateTable('qa_settings').set({ routed_due_days: days }).where('id', '=', 1).execute();
}

// ── consultation records ──

export async function insertConsultations(
  db: Db,
  rows: readonly Insertable<QaConsultationsTable>[],
): Promise<ConsultationRow[]> {
  const out: ConsultationRow[] = [];
  for (let i = 0; i < rows.length; i += 500)
    out.push(
      ...(await db
        .insertInto('qa_consultations')
        .values(rows.slice(i, i + 500) as Insertable<QaConsultationsTable>[])
        .returningAll()
        .execute()),
    );
  return out;
}

export function listConsultations(
  db: Db,
  f: { from?: string; to?: string; channel?: ConsultationChannel; topic?: string; ids?: readonly number[] },
): Promise<ConsultationRow[]> {
  let q = db.selectFrom('qa_consultations').selectAll();
  if (f.from) q = q.where('asked_on', '>=', f.from);
  if (f.to) q = q.where('asked_on', '<=', f.to);
  if (f.channel) q = q.where('channel', '=', f.channel);
  if (f.topic !== undefined) q = q.where('topic', '=', f.topic);
  if (f.ids) q = q.where('id', 'in', f.ids.length > 0 ? [...f.ids] : [-1]);
  return q.orderBy('asked_on', 'desc').orderBy('id', 'desc').execute();
}

export async function linkConsultationsToPair(db: Db, ids: readonly number[], pairId: number): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('qa_consultations')
    .set({ pair_id: pairId })
    .where('id', 'in', [...ids])
    .execute();
}

/** A year's records per channel. */
export async function consultationCounts(
  db: Db,
  year: number,
  orgIds?: readonly number[],
): Promise<Record<ConsultationChannel, number>> {
  let q = db
    .selectFrom('qa_consultations')
    .select(['channel', sql<number>`count(*)::int`.as('n')])
    .where(sql<boolean>`extract(year from asked_on) = ${year}`);
  if (orgIds) q = q.where('org_id', 'in', orgIds.length > 0 ? [...orgIds] : [-1]);
  const rows = await q.groupBy('channel').execute();
  const out: Record<ConsultationChannel, number> = { hotline: 0, hall: 0, yihaoda: 0 };
  for (const r of rows) out[r.channel] = r.n;
  return out;
}
