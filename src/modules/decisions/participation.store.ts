/**
 * Hearings, meetings with public representatives and open days (`decision_events`), their sign-ups and
 * surveys, and policy evaluations (migration 0038).
 */
import type { Generated, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, Timestamp } from '../../platform/db/database.ts';
import type { EvaluationResult, EventKind, Selection } from './domain/participation.ts';

export interface DecisionEventsTable {
  id: Generated<number>;
  kind: EventKind;
  org_id: number;
  item_id: number | null;
  title: string;
  description: Generated<string>;
  held_on: string;
  starts_at: Generated<string>;
  place: Generated<string>;
  signup_closes_on: string | null;
  places: number;
  selection: Generated<Selection>;
  selection_note: Generated<string>;
  draw_seed: string | null;
  draw_candidates: number[] | null;
  drawn_at: Timestamp | null;
  list_published: Generated<boolean>;
  materials_sent_on: string | null;
  record: Generated<string>;
  record_confirmed_on: string | null;
  stream_url: Generated<string>;
  recording_url: Generated<string>;
  summary: Generated<string>;
  status: Generated<'draft' | 'published'>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface DecisionEventSignupsTable {
  id: Generated<number>;
  event_id: number;
  name: string;
  contact: string;
  identity: Generated<string>;
  reason: Generated<string>;
  selected: Generated<boolean>;
  opinion: Generated<string>;
  answer: Generated<string>;
  created_at: Generated<Date>;
}

export interface DecisionEventSurveysTable {
  id: Generated<number>;
  event_id: number;
  rating: number;
  remark: Generated<string>;
  created_at: Generated<Date>;
}

export interface PolicyEvaluationsTable {
  id: Generated<number>;
  org_id: number;
  policy: string;
  evaluator: string;
  method: string;
  findings: string;
  result: EvaluationResult;
  evaluated_on: string;
  published: Generated<boolean>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    decision_events: DecisionEventsTable;
    decision_event_signups: DecisionEventSignupsTable;
    decision_event_surveys: DecisionEventSurveysTable;
    policy_evaluations: PolicyEvaluationsTable;
  }
}

type Db = Kysely<Database>;
export type EventRow = Selectable<DecisionEventsTable>;
export type SignupRow = Selectable<DecisionEventSignupsTable>;
export type EvaluationRow = Selectable<PolicyEvaluationsTable>;

export function listEvents(
  db: Db,
  f: { orgIds: readonly number[] | null; publishedOnly?: boolean; kind?: EventKind },
) {
  let q = db.selectFrom('decision_events').selectAll();
  if (f.orgIds !== null) q = q.where('org_id', 'in', f.orgIds.length ? [...f.orgIds] : [-1]);
  if (f.publishedOnly) q = q.where('status', '=', 'published');
  if (f.kind) q = q.where('kind', '=', f.kind);
  return q.orderBy('held_on', 'desc').orderBy('id', 'desc').execute();
}

export function findEvent(db: Db, id: number, lock = false) {
  const q = db.selectFrom('decision_events').selectAll().where('id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export function insertEvent(db: Db, v: Insertable<DecisionEventsTable>) {
  return db
    .insertInto('decision_events')
    .values({ ...v, draw_candidates: v.draw_candidates ? JSON.stringify(v.draw_candidates) : null } as never)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateEvent(db: Db, id: number, v: Updateable<DecisionEventsTable>) {
  const set = { ...v, updated_at: new Date() } as Record<string, unknown>;
  if (v.draw_candidates !== undefined)
    set.draw_candidates = v.draw_candidates === null ? null : JSON.stringify(v.draw_candidates);
  return db
    .updateTable('decision_events')
    .set(set as never)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listSignups(db: Db, eventId: number) {
  return db
    .selectFrom('decision_event_signups')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('id')
    .execute();
}

export async function countSignups(db: Db, eventIds: readonly number[]) {
  if (eventIds.length === 0) return new Map<number, { total: number; selected: number }>();
  const rows = await db
    .selectFrom('decision_event_signups')
    .select((eb) => [
      'event_id',
      eb.fn.countAll<number>().as('total'),
      eb.fn.count<number>('id').filterWhere('selected', '=', true).as('selected'),
    ])
    .where('event_id', 'in', [...eventIds])
    .groupBy('event_id')
    .execute();
  return new Map(rows.map((r) => [r.event_id, { total: Number(r.total), selected: Number(r.selected) }]));
}

export function insertSignup(db: Db, v: Insertable<DecisionEventSignupsTable>) {
  return db.insertInto('decision_event_signups').values(v).returningAll().executeTakeFirstOrThrow();
}

export function updateSignup(db: Db, id: number, v: Updateable<DecisionEventSignupsTable>) {
  return db
    .updateTable('decision_event_signups')
    .set(v)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findSignup(db: Db, id: number) {
  return db.selectFrom('decision_event_signups').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function setSelected(db: Db, eventId: number, ids: readonly number[]) {
  await db
    .updateTable('decision_event_signups')
    .set({ selected: false })
    .where('event_id', '=', eventId)
    .execute();
  if (ids.length)
    await db
      .updateTable('decision_event_signups')
      .set({ selected: true })
      .where('event_id', '=', eventId)
      .where('id', 'in', [...ids])
      .execute();
}

export function insertSurvey(db: Db, v: Insertable<DecisionEventSurveysTable>) {
  return db.insertInto('decision_event_surveys').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function surveyResults(db: Db, eventId: number) {
  const rows = await db
    .selectFrom('decision_event_surveys')
    .select((eb) => ['rating', eb.fn.countAll<number>().as('n')])
    .where('event_id', '=', eventId)
    .groupBy('rating')
    .execute();
  return new Map(rows.map((r) => [r.rating, Number(r.n)]));
}

export function listEvaluations(db: Db, f: { orgIds: readonly number[] | null; publishedOnly?: boolean }) {
  let q = db.selectFrom('policy_evaluations').selectAll();
  if (f.orgIds !== null) q = q.where('org_id', 'in', f.orgIds.length ? [...f.orgIds] : [-1]);
  if (f.publishedOnly) q = q.where('published', '=', true);
  return q.orderBy('evaluated_on', 'desc').orderBy('id', 'desc').execute();
}

export function findEvaluation(db: Db, id: number) {
  return db.selectFrom('policy_evaluations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function insertEvaluation(db: Db, v: Insertable<PolicyEvaluationsTable>) {
  return db.insertInto('policy_evaluations').values(v).returningAll().executeTakeFirstOrThrow();
}

export function updateEvaluation(db: Db, id: number, v: Updateable<PolicyEvaluationsTable>) {
  return db
    .updateTable('policy_evaluations')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type Targets = {
  meetingTarget: number;
  evaluationTargetGovernment: number;
  evaluationTargetUnit: number;
};

export async function targets(db: Db): Promise<Targets> {
  const r = await db
    .selectFrom('decision_settings')
    .select(['meeting_target', 'evaluation_target_government', 'evaluation_target_unit'])
    .executeTakeFirst();
  return {
    meetingTarget: r?.meeting_target ?? 10,
    evaluationTargetGovernment: r?.evaluation_target_government ?? 5,
    evaluationTargetUnit: r?.evaluation_target_unit ?? 2,
  };
}

export async function setTargets(db: Db, t: Targets) {
  const v = {
    meeting_target: t.meetingTarget,
    evaluation_target_government: t.evaluationTargetGovernment,
    evaluation_target_unit: t.evaluationTargetUnit,
  };
  await db
    .insertInto('decision_settings')
    .values({ id: 1, feedback_working_days: 10, ...v })
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...v, updated_at: new Date() }))
    .execute();
}
