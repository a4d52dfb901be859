import type { Generated, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Database, Timestamp } from '../../platform/db/database.ts';
import type { Change, ItemSnapshot } from './domain/catalogue.ts';
import type { Channel, CommentStatus } from './domain/comment.ts';
import type { Feedback } from './domain/feedback.ts';
import type { ConsultationStatus } from './domain/period.ts';
import type { Step } from './domain/steps.ts';

export interface ConsultationsTable {
  id: Generated<number>;
  org_id: number;
  title: string;
  draft: Generated<string>;
  explanation: Generated<string>;
  channels: Generated<string>;
  opens_on: string;
  planned_last_day: string;
  closes_on: string;
  short_reason: string | null;
  status: Generated<ConsultationStatus>;
  published_at: Timestamp | null;
  closed_at: Timestamp | null;
  feedback_summary: Generated<string>;
  feedback_published_at: Timestamp | null;
  /** Published comments, copies of one text counted once: kept by a trigger (migration 0058). */
  published_units: Generated<number>;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ConsultationCommentsTable {
  id: Generated<number>;
  consultation_id: number;
  channel: Channel;
  name: string | null;
  contact: string | null;
  content: string;
  article: number | null;
  received_on: string;
  status: Generated<CommentStatus>;
  moderation_reason: string | null;
  group_id: number | null;
  group_manual: Generated<boolean>;
  feedback: Feedback | null;
  feedback_reason: string | null;
  entered_by: number | null;
  created_at: Generated<Date>;
}

export interface DecisionSettingsTable {
  id: Generated<number>;
  feedback_working_days: number;
  meeting_target: Generated<number>;
  evaluation_target_government: Generated<number>;
  evaluation_target_unit: Generated<number>;
  updated_at: Generated<Date>;
}

export interface DecisionItemsTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  subject: string;
  undertaker: Generated<string>;
  planned_time: Generated<string>;
  hearing_planned: Generated<boolean>;
  risk_planned: Generated<boolean>;
  expert_planned: Generated<boolean>;
  party_consent_on: string | null;
  party_consent_note: Generated<string>;
  consultation_id: number | null;
  status: Generated<'planned' | 'decided'>;
  decided_on: string | null;
  published: Generated<boolean>;
  first_published_at: Timestamp | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** One adjustment of a published catalogue item: the item's public values before and after, the reason. */
export interface DecisionItemVersionsTable {
  id: Generated<number>;
  item_id: number;
  org_id: number;
  year: number;
  version: number;
  change: Change;
  reason: string;
  before: ItemSnapshot | null;
  after: ItemSnapshot;
  changed_on: string;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface DecisionStepsTable {
  id: Generated<number>;
  item_id: number;
  step: Step;
  started_on: string;
  finished_on: string | null;
  unit: Generated<string>;
  materials: Generated<string>;
  created_at: Generated<Date>;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    decision_items: DecisionItemsTable;
    decision_steps: DecisionStepsTable;
    decision_item_versions: DecisionItemVersionsTable;
    consultations: ConsultationsTable;
    consultation_comments: ConsultationCommentsTable;
    decision_settings: DecisionSettingsTable;
  }
}

type Db = Kysely<Database>;
export type ConsultationRow = Selectable<ConsultationsTable>;
export type CommentRow = Selectable<ConsultationCommentsTable>;

export function findConsultation(db: Db, id: number) {
  return db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A consultation with the name of its organisation, in one query (the portal page). */
export function findConsultationWithOrg(db: Db, id: number) {
  return db
    .selectFrom('consultations')
    .innerJoin('orgs', 'orgs.id', 'consultations.org_id')
    .selectAll('consultations')
    .select('orgs.name as org_name')
    .where('consultations.id', '=', id)
    .executeTakeFirst();
}

export function lockConsultation(db: Db, id: number) {
  return db.selectFrom('consultations').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function listConsultations(db: Db, orgIds: readonly number[] | null) {
  let q = db.selectFrom('consultations').selectAll();
  if (orgIds !== null) q = q.where('org_id', 'in', orgIds.length ? [...orgIds] : [-1]);
  return q.orderBy('opens_on', 'desc').orderBy('id', 'desc').execute();
}

/** Published and closed consultations, newest first, for the portal. */
export function listPublic(db: Db) {
  return db
    .selectFrom('consultations')
    .selectAll()
    .where('status', '!=', 'draft')
    .orderBy('opens_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function insertConsultation(db: Db, v: Insertable<ConsultationsTable>) {
  return db.insertInto('consultations').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function updateConsultation(db: Db, id: number, v: Updateable<ConsultationsTable>) {
  return db
    .updateTable('consultations')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type NewComment = Insertable<ConsultationCommentsTable>;

export async function insertComments(db: Db, rows: readonly NewComment[]) {
  if (rows.length === 0) return [];
  const out: CommentRow[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    out.push(
      ...(await db
        .insertInto('consultation_comments')
        .values(rows.slice(i, i + 1000).map((r) => ({ ...r })))
        .returningAll()
        .execute()),
    );
  }
  return out;
}

export function listComments(db: Db, consultationId: number) {
  return db
    .selectFrom('consultation_comments')
    .selectAll()
    .where('consultation_id', '=', consultationId)
    .orderBy('id')
    .execute();
}

/** What the portal shows of comments: never who sent them. */
export const PUBLIC_COMMENT_COLUMNS = [
  'id',
  'content',
  'article',
  'status',
  'group_id',
  'feedback',
  'feedback_reason',
] as const;
export type PublicCommentRow = Pick<CommentRow, (typeof PUBLIC_COMMENT_COLUMNS)[number]>;

/**
 * A comment or a group of copies (集中意见) as the portal shows it: once, with its number of senders. The
 * unit's key is its group (or the comment when alone); `shown` is the first member staff did not keep off
 * the portal (null: all hidden); feedback and reason are the unit's (set per group, `setFeedbackOfGroup`).
 */
export type CommentUnit = {
  unit: number;
  size: number;
  shown: Pick<CommentRow, 'content' | 'article'> | null;
  feedback: Feedback | null;
  feedbackReason: string | null;
};

/**
 * One page of the published comments for the portal, copies of one text (a group) once with their number
 * of published senders: the first published member of each group in the order of the groups, read by the
 * index `consultation_comments_published_unit` (DISTINCT ON stops after the page); the sizes of the page's
 * groups in a second small query. The number of units is the consultation's `published_units`.
 */
export async function pagePublishedUnits(
  db: Db,
  consultationId: number,
  f: { limit: number; offset: number },
): Promise<CommentUnit[]> {
  const rows = await sql<{ id: number; content: string; article: number | null; group_id: number | null }>`
    select distinct on (coalesce(group_id, id)) id, content, article, group_id
    from consultation_comments
    where consultation_id = ${consultationId} and status = 'published'
    order by coalesce(group_id, id), id
    limit ${f.limit} offset ${f.offset}`.execute(db);
  const groups = [...new Set(rows.rows.flatMap((r) => (r.group_id === null ? [] : [r.group_id])))];
  const sizes = new Map<number, number>();
  if (groups.length)
    for (const g of await db
      .selectFrom('consultation_comments')
      .select((eb) => ['group_id', eb.fn.countAll<number>().as('n')])
      .where('consultation_id', '=', consultationId)
      .where('status', '=', 'published')
      // As the index reads it: a group's members (its head too) have it as their unit.
      .where(sql<number>`coalesce(group_id, id)`, 'in', groups)
      .groupBy('group_id')
      .execute())
      sizes.set(g.group_id as number, Number(g.n));
  return rows.rows.map((r) => ({
    unit: r.group_id ?? r.id,
    size: r.group_id === null ? 1 : (sizes.get(r.group_id) ?? 1),
    shown: { content: r.content, article: r.article },
    feedback: null,
    feedbackReason: null,
  }));
}

/**
 * One page of the feedback report's units (every comment with its feedback, copies of one text once), in
 * the order they came, and their number. Staff set the feedback after the close; the report's page counts
 * the units of the consultation once per visit.
 */
export async function pageCommentUnits(
  db: Db,
  consultationId: number,
  f: { limit: number; offset: number; having?: 'concentrated' },
): Promise<{ total: number; units: CommentUnit[] }> {
  const unit = sql<number>`coalesce(group_id, id)`;
  const q = db
    .selectFrom('consultation_comments')
    .select((eb) => [
      unit.as('unit'),
      eb.fn.countAll<number>().as('size'),
      eb.fn.min('id').as('first_id'),
      eb.fn.min('id').filterWhere('status', '!=', 'hidden').as('shown_id'),
      sql<number>`count(*) over ()`.as('total'),
    ])
    .where('consultation_id', '=', consultationId);
  let grouped = q.where('feedback', 'is not', null).groupBy(unit);
  // 集中意见 not adopted: groups of copies whose feedback is other than 采纳.
  if (f.having === 'concentrated')
    grouped = grouped.having((eb) =>
      eb.and([eb(eb.fn.countAll(), '>', 1), eb(eb.fn.min('feedback'), '!=', 'adopted')]),
    );
  const rows = await grouped.orderBy(unit).limit(f.limit).offset(f.offset).execute();
  if (rows.length === 0) {
    if (f.offset === 0) return { total: 0, units: [] };
    // Past the last page: the number still tells the reader how many there are.
    const all = await grouped.clearSelect().select(unit.as('unit')).clearOrderBy().execute();
    return { total: all.length, units: [] };
  }
  const ids = [
    ...new Set(
      rows.flatMap((r) => [Number(r.first_id), ...(r.shown_id === null ? [] : [Number(r.shown_id)])]),
    ),
  ];
  const members = new Map(
    (
      await db
        .selectFrom('consultation_comments')
        .select(['id', 'content', 'article', 'feedback', 'feedback_reason'])
        .where('id', 'in', ids)
        .execute()
    ).map((c) => [c.id, c]),
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    units: rows.map((r) => {
      const first = members.get(Number(r.first_id));
      const shown = r.shown_id === null ? undefined : members.get(Number(r.shown_id));
      return {
        unit: Number(r.unit),
        size: Number(r.size),
        shown: shown ? { content: shown.content, article: shown.article } : null,
        feedback: first?.feedback ?? null,
        feedbackReason: first?.feedback_reason ?? null,
      };
    }),
  };
}

/** The feedback report's figures: comments received, and how many were adopted, partly, not. */
export async function feedbackCounts(db: Db, consultationId: number) {
  const r = await db
    .selectFrom('consultation_comments')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.count<number>('id').filterWhere('feedback', '=', 'adopted').as('adopted'),
      eb.fn.count<number>('id').filterWhere('feedback', '=', 'partly').as('partly'),
      eb.fn.count<number>('id').filterWhere('feedback', '=', 'rejected').as('rejected'),
    ])
    .where('consultation_id', '=', consultationId)
    .executeTakeFirstOrThrow();
  return {
    total: Number(r.total),
    adopted: Number(r.adopted),
    partly: Number(r.partly),
    rejected: Number(r.rejected),
  };
}

export function findComment(db: Db, id: number) {
  return db.selectFrom('consultation_comments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateComment(db: Db, id: number, v: Updateable<ConsultationCommentsTable>) {
  return db
    .updateTable('consultation_comments')
    .set(v)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Sets the automatic groups of a consultation: `groupOf` comment id → group id (null: alone). */
export async function setAutomaticGroups(
  db: Db,
  consultationId: number,
  groupOf: ReadonlyMap<number, number | null>,
) {
  const ids = [...groupOf.keys()];
  if (ids.length === 0) return;
  await sql`
    update consultation_comments c set group_id = g.group_id
    from unnest(${ids}::integer[], ${ids.map((id) => groupOf.get(id) ?? null)}::integer[]) as g(id, group_id)
    where c.id = g.id and c.consultation_id = ${consultationId} and not c.group_manual`.execute(db);
}

export async function setGroupOfMembers(db: Db, consultationId: number, fromGroup: number, toGroup: number) {
  await db
    .updateTable('consultation_comments')
    .set({ group_id: toGroup, group_manual: true })
    .where('consultation_id', '=', consultationId)
    .where((eb) => eb.or([eb('group_id', '=', fromGroup), eb('id', '=', fromGroup)]))
    .execute();
}

export async function setFeedbackOfGroup(
  db: Db,
  consultationId: number,
  groupId: number,
  v: { feedback: Feedback; feedback_reason: string | null },
) {
  await db
    .updateTable('consultation_comments')
    .set(v)
    .where('consultation_id', '=', consultationId)
    .where((eb) => eb.or([eb('group_id', '=', groupId), eb('id', '=', groupId)]))
    .execute();
}

export async function feedbackWorkingDays(db: Db): Promise<number> {
  const row = await db.selectFrom('decision_settings').select('feedback_working_days').executeTakeFirst();
  return row?.feedback_working_days ?? 10;
}

export async function setFeedbackWorkingDays(db: Db, days: number) {
  await db
    .insertInto('decision_settings')
    .values({ id: 1, feedback_working_days: days })
    .onConflict((oc) => oc.column('id').doUpdateSet({ feedback_working_days: days, updated_at: new Date() }))
    .execute();
}

/** Published comments per consultation (the portal shows the count; never who sent them). */
export async function countComments(db: Db, consultationIds: readonly number[]) {
  if (consultationIds.length === 0) return new Map<number, { total: number; published: number }>();
  const rows = await db
    .selectFrom('consultation_comments')
    .select((eb) => [
      'consultation_id',
      eb.fn.countAll<number>().as('total'),
      eb.fn.count<number>('id').filterWhere('status', '=', 'published').as('published'),
    ])
    .where('consultation_id', 'in', [...consultationIds])
    .groupBy('consultation_id')
    .execute();
  return new Map(
    rows.map((r) => [r.consultation_id, { total: Number(r.total), published: Number(r.published) }]),
  );
}

export type ItemRow = Selectable<DecisionItemsTable>;
export type StepRow = Selectable<DecisionStepsTable>;

export function listItems(
  db: Db,
  f: { orgIds: readonly number[] | null; year?: number; publishedOnly?: boolean },
) {
  let q = db.selectFrom('decision_items').selectAll();
  if (f.orgIds !== null) q = q.where('org_id', 'in', f.orgIds.length ? [...f.orgIds] : [-1]);
  if (f.year !== undefined) q = q.where('year', '=', f.year);
  if (f.publishedOnly) q = q.where('published', '=', true);
  return q.orderBy('year', 'desc').orderBy('org_id').orderBy('id').execute();
}

export function findItem(db: Db, id: number) {
  return db.selectFrom('decision_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertItem(db: Db, v: Insertable<DecisionItemsTable>) {
  return db.insertInto('decision_items').values(v).returningAll().executeTakeFirstOrThrow();
}

export function updateItem(db: Db, id: number, v: Updateable<DecisionItemsTable>) {
  return db
    .updateTable('decision_items')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listSteps(db: Db, itemId: number) {
  return db
    .selectFrom('decision_steps')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('started_on')
    .orderBy('id')
    .execute();
}

/** One row per step of a decision: recorded again, it replaces the earlier record. */
export function upsertStep(db: Db, v: Insertable<DecisionStepsTable>) {
  return db
    .insertInto('decision_steps')
    .values(v)
    .onConflict((oc) =>
      oc.columns(['item_id', 'step']).doUpdateSet({
        started_on: v.started_on,
        finished_on: v.finished_on ?? null,
        unit: v.unit ?? '',
        materials: v.materials ?? '',
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type VersionRow = Selectable<DecisionItemVersionsTable>;

/** The day (China time) an item of this government's catalogue of the year was first published. */
export async function cataloguePublishedOn(db: Db, orgId: number, year: number, exceptItem?: number) {
  let q = db
    .selectFrom('decision_items')
    .select(
      sql<string | null>`to_char(min(first_published_at) at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`.as(
        'day',
      ),
    )
    .where('org_id', '=', orgId)
    .where('year', '=', year);
  if (exceptItem !== undefined) q = q.where('id', '!=', exceptItem);
  return (await q.executeTakeFirst())?.day ?? null;
}

export async function insertVersion(db: Db, v: Omit<Insertable<DecisionItemVersionsTable>, 'version'>) {
  const last = await db
    .selectFrom('decision_item_versions')
    .select((eb) => eb.fn.max('version').as('n'))
    .where('item_id', '=', v.item_id)
    .executeTakeFirst();
  return db
    .insertInto('decision_item_versions')
    .values({
      ...v,
      version: Number(last?.n ?? 0) + 1,
      before: v.before === null || v.before === undefined ? null : JSON.stringify(v.before),
      after: JSON.stringify(v.after),
    } as Insertable<DecisionItemVersionsTable>)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The adjustments of one item, or of the catalogues of some governments in a year; newest first. */
export function listVersions(
  db: Db,
  f: { itemId?: number; orgIds?: readonly number[] | null; year?: number },
) {
  let q = db.selectFrom('decision_item_versions').selectAll();
  if (f.itemId !== undefined) q = q.where('item_id', '=', f.itemId);
  if (f.orgIds) q = q.where('org_id', 'in', f.orgIds.length ? [...f.orgIds] : [-1]);
  if (f.year !== undefined) q = q.where('year', '=', f.year);
  return q.orderBy('id', 'desc').execute();
}

export function findVersion(db: Db, id: number) {
  return db.selectFrom('decision_item_versions').selectAll().where('id', '=', id).executeTakeFirst();
}
