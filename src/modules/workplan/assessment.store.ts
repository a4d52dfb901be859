/**
 * SQL for the workplan module's 考核, 回头看, 分解到县, reminders and portal parts: the 考核 tables (declared
 * here), and the reads those parts need on the core work-plan tables (declared in store.ts).
 */
import type { ColumnType, Generated, Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database, Timestamp } from '../../platform/db/database.ts';
import type { AssessmentState, PeriodKind, ScoreRules } from './domain/scoring.ts';
import type { AssignmentRole, ReviewState, WorkStatus } from './store.ts';

type Json<T> = ColumnType<T, string, string>;
type Db = Kysely<Database>;

export interface WorkScoreRulesTable {
  org_id: number;
  base: number;
  on_time_points: number;
  evidence_points: number;
  overdue_penalty: number;
  returned_penalty: number;
  bonus_cap: number | null;
  penalty_cap: number | null;
  updated_by: number | null;
  updated_at: Timestamp;
}

export interface WorkAssessmentsTable {
  id: Generated<number>;
  plan_id: number;
  org_id: number;
  period_kind: PeriodKind;
  period_label: string;
  starts_on: string;
  ends_on: string;
  as_of: string;
  state: Generated<AssessmentState>;
  rules: Json<ScoreRules>;
  created_by: number | null;
  created_at: Timestamp;
  submitted_by: number | null;
  submitted_at: Timestamp | null;
  approved_by: number | null;
  approved_at: Timestamp | null;
  returned_comment: string | null;
  published_by: number | null;
  published_at: Timestamp | null;
}

export interface WorkAssessmentRowsTable {
  assessment_id: number;
  org_id: number;
  rank: number;
  score: number;
  on_time: number;
  evidence: number;
  overdue: number;
  returned: number;
  bonus: number;
  penalty: number;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    work_score_rules: WorkScoreRulesTable;
    work_assessments: WorkAssessmentsTable;
    work_assessment_rows: WorkAssessmentRowsTable;
  }
}

export type WorkAssessmentRow = Selectable<WorkAssessmentsTable>;
export type WorkAssessmentRankRow = Selectable<WorkAssessmentRowsTable> & { org_name: string };

// ---------------------------------------------------------------- plans, tasks, assignments

export async function findPlan(db: Db, id: number) {
  return db.selectFrom('work_plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export type TaskWithAssignments = {
  id: number;
  seq: number;
  section: string | null;
  task: string;
  requirement: string;
  deadline_raw: string | null;
  due: string | null;
  recurring: boolean;
  parent_task_id: number | null;
  carried_from_task_id: number | null;
  groups: string[];
  assignments: {
    id: number;
    orgId: number;
    orgName: string;
    role: AssignmentRole;
    status: WorkStatus;
    reviewState: ReviewState;
  }[];
};

/** A plan's tasks in table order, each with its assignments (unit names) and group names. */
export async function tasksOfPlan(db: Db, planId: number): Promise<TaskWithAssignments[]> {
  const [tasks, assignments, groups] = await Promise.all([
    db
      .selectFrom('work_tasks')
      .select([
        'id',
        'seq',
        'section',
        'task',
        'requirement',
        'deadline_raw',
        'due',
        'recurring',
        'parent_task_id',
        'carried_from_task_id',
      ])
      .where('plan_id', '=', planId)
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('work_assignments as a')
      .innerJoin('work_tasks as t', 't.id', 'a.task_id')
      .innerJoin('orgs as o', 'o.id', 'a.org_id')
      .select(['a.id', 'a.task_id', 'a.org_id', 'o.name as org_name', 'a.role', 'a.status', 'a.review_state'])
      .where('t.plan_id', '=', planId)
      .orderBy('a.role')
      .orderBy('a.id')
      .execute(),
    db
      .selectFrom('work_task_groups as g')
      .innerJoin('work_tasks as t', 't.id', 'g.task_id')
      .select(['g.task_id', 'g.name'])
      .where('t.plan_id', '=', planId)
      .orderBy('g.id')
      .execute(),
  ]);
  const byTask = new Map<number, TaskWithAssignments>();
  const out = tasks.map((t) => {
    const row: TaskWithAssignments = { ...t, groups: [], assignments: [] };
    byTask.set(t.id, row);
    return row;
  });
  for (const a of assignments) {
    byTask.get(a.task_id)?.assignments.push({
      id: a.id,
      orgId: a.org_id,
      orgName: a.org_name,
      role: a.role,
      status: a.status,
      reviewState: a.review_state,
    });
  }
  for (const g of groups) byTask.get(g.task_id)?.groups.push(g.name);
  return out;
}

export async function lastSeq(db: Db, planId: number): Promise<number> {
  const row = await db
    .selectFrom('work_tasks')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return Number(row?.m ?? 0);
}

export async function insertTask(
  db: Db,
  v: {
    plan_id: number;
    seq: number;
    section: string | null;
    task: string;
    requirement: string;
    deadline_raw: string | null;
    due: string | null;
    recurring: boolean;
    parent_task_id: number | null;
    carried_from_task_id: number | null;
  },
) {
  return db.insertInto('work_tasks').values(v).returning(['id', 'seq']).executeTakeFirstOrThrow();
}

export async function insertAssignments(
  db: Db,
  rows: { task_id: number; org_id: number; role: AssignmentRole }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('work_assignments')
    .values(rows)
    .onConflict((oc) => oc.columns(['task_id', 'org_id']).doNothing())
    .execute();
}

export async function insertGroups(db: Db, rows: { task_id: number; name: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('work_task_groups')
    .values(rows)
    .onConflict((oc) => oc.columns(['task_id', 'name']).doNothing())
    .execute();
}

/** Tasks (of any plan) already carried over from one of `sourceIds` into `planId`. */
export async function carriedInto(db: Db, planId: number, sourceIds: number[]) {
  if (sourceIds.length === 0) return [];
  return db
    .selectFrom('work_tasks')
    .select(['id', 'carried_from_task_id'])
    .where('plan_id', '=', planId)
    .where('carried_from_task_id', 'in', sourceIds)
    .execute();
}

/** Where each task of a plan was carried to (回头看 link, seen from the old plan). */
export async function carriedFrom(db: Db, sourcePlanId: number) {
  return db
    .selectFrom('work_tasks as n')
    .innerJoin('work_tasks as o', 'o.id', 'n.carried_from_task_id')
    .innerJoin('work_plans as p', 'p.id', 'n.plan_id')
    .select(['o.id as source_id', 'n.id as task_id', 'n.seq', 'p.id as plan_id', 'p.title', 'p.year'])
    .where('o.plan_id', '=', sourcePlanId)
    .execute();
}

/** The original of carried tasks: id → its plan, seq and text. */
export async function originsOf(db: Db, taskIds: number[]) {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('work_tasks as t')
    .innerJoin('work_plans as p', 'p.id', 't.plan_id')
    .select(['t.id', 't.seq', 't.task', 'p.id as plan_id', 'p.title', 'p.year'])
    .where('t.id', 'in', taskIds)
    .execute();
}

// ---------------------------------------------------------------- cascade

export async function childPlans(db: Db, parentPlanId: number) {
  return db
    .selectFrom('work_plans as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.org_id', 'o.name as org_name', 'p.title', 'p.year'])
    .where('p.parent_plan_id', '=', parentPlanId)
    .orderBy('o.sort_order')
    .orderBy('o.id')
    .execute();
}

/** Derived tasks of the child plans of `parentPlanId`, with their assignments' states. */
export async function derivedAssignments(db: Db, parentPlanId: number) {
  const { rows } = await sql<{
    plan_id: number;
    org_id: number;
    task_id: number;
    parent_task_id: number;
    seq: number;
    due: string | null;
    assignment_id: number | null;
    status: string | null;
    review_state: string | null;
  }>`
    select p.id as plan_id, p.org_id, t.id as task_id, t.parent_task_id, t.seq, t.due::text as due,
      a.id as assignment_id, a.status, a.review_state
    from work_plans p
    join work_tasks t on t.plan_id = p.id and t.parent_task_id is not null
    left join work_assignments a on a.task_id = t.id
    where p.parent_plan_id = ${parentPlanId}
    order by p.id, t.seq, a.id`.execute(db);
  return rows;
}

export async function assignmentsOfTask(db: Db, taskId: number) {
  return db
    .selectFrom('work_assignments as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.org_id', 'o.name as org_name', 'a.role'])
    .select((eb) =>
      eb
        .selectFrom('work_progress as w')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('w.assignment_id', '=', 'a.id')
        .as('reports'),
    )
    .where('a.task_id', '=', taskId)
    .execute();
}

export async function deleteAssignments(db: Db, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom('work_assignments').where('id', 'in', ids).execute();
}

export async function updateAssignmentRole(db: Db, id: number, role: AssignmentRole): Promise<void> {
  await db.updateTable('work_assignments').set({ role }).where('id', '=', id).execute();
}

// ---------------------------------------------------------------- 考核

export async function findRules(db: Db, orgId: number) {
  return db.selectFrom('work_score_rules').selectAll().where('org_id', '=', orgId).executeTakeFirst();
}

export async function upsertRules(db: Db, orgId: number, r: ScoreRules, actorId: number, at: Date) {
  const values = {
    base: r.base,
    on_time_points: r.onTimePoints,
    evidence_points: r.evidencePoints,
    overdue_penalty: r.overduePenalty,
    returned_penalty: r.returnedPenalty,
    bonus_cap: r.bonusCap,
    penalty_cap: r.penaltyCap,
    updated_by: actorId,
    updated_at: at,
  };
  return db
    .insertInto('work_score_rules')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Per unit of a plan: its assignments (due, state, accepted date) and its reviewed reports. */
export async function unitRecords(db: Db, planId: number) {
  const [assignments, reports] = await Promise.all([
    sql<{
      org_id: number;
      org_name: string;
      due: string | null;
      status: string;
      review_state: string;
      accepted_on: string | null;
    }>`
      select a.org_id, o.name as org_name, t.due::text as due, a.status, a.review_state,
        (a.accepted_at at time zone 'Asia/Shanghai')::date::text as accepted_on
      from work_assignments a
      join work_tasks t on t.id = a.task_id
      join orgs o on o.id = a.org_id
      where t.plan_id = ${planId}
      order by a.org_id, t.seq`.execute(db),
    sql<{
      org_id: number;
      decision: 'accepted' | 'returned' | null;
      reviewed_on: string | null;
      evidence: boolean;
    }>`
      select a.org_id, w.decision, (w.reviewed_at at time zone 'Asia/Shanghai')::date::text as reviewed_on,
        (jsonb_array_length(w.links) > 0 or cardinality(w.file_ids) > 0) as evidence
      from work_progress w
      join work_assignments a on a.id = w.assignment_id
      join work_tasks t on t.id = a.task_id
      where t.plan_id = ${planId} and w.decision is not null
      order by w.id`.execute(db),
  ]);
  return { assignments: assignments.rows, reports: reports.rows };
}

export async function findAssessment(db: Db, id: number) {
  return db
    .selectFrom('work_assessments as s')
    .innerJoin('work_plans as p', 'p.id', 's.plan_id')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .selectAll('s')
    .select(['p.title as plan_title', 'p.year as plan_year', 'o.name as org_name'])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export async function listAssessments(
  db: Db,
  f: { planId?: number; orgIds?: number[]; publishedOnly?: boolean },
) {
  let q = db
    .selectFrom('work_assessments as s')
    .innerJoin('work_plans as p', 'p.id', 's.plan_id')
    .innerJoin('orgs as o', 'o.id', 's.org_id')
    .selectAll('s')
    .select(['p.title as plan_title', 'p.year as plan_year', 'o.name as org_name']);
  if (f.planId !== undefined) q = q.where('s.plan_id', '=', f.planId);
  if (f.orgIds !== undefined) q = q.where('s.org_id', 'in', f.orgIds.length ? f.orgIds : [-1]);
  if (f.publishedOnly) q = q.where('s.state', '=', 'published');
  return q.orderBy('s.starts_on', 'desc').orderBy('s.id', 'desc').execute();
}

export async function rankingRows(db: Db, assessmentId: number): Promise<WorkAssessmentRankRow[]> {
  return db
    .selectFrom('work_assessment_rows as r')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .selectAll('r')
    .select('o.name as org_name')
    .where('r.assessment_id', '=', assessmentId)
    .orderBy('r.rank')
    .orderBy('o.name')
    .execute();
}

export async function replaceRanking(
  db: Db,
  assessmentId: number,
  rows: Omit<Selectable<WorkAssessmentRowsTable>, 'assessment_id'>[],
): Promise<void> {
  await db.deleteFrom('work_assessment_rows').where('assessment_id', '=', assessmentId).execute();
  if (rows.length === 0) return;
  await db
    .insertInto('work_assessment_rows')
    .values(rows.map((r) => ({ ...r, assessment_id: assessmentId })))
    .execute();
}

// ---------------------------------------------------------------- reminders

export type OpenAssignment = {
  id: number;
  org_id: number;
  org_name: string;
  task_id: number;
  seq: number;
  task: string;
  due: string;
  plan_id: number;
  plan_title: string;
  plan_org_id: number;
};

/**
 * Open assignments (not accepted as 已完成/长期坚持) of the plans of `minYear` and later whose task is
 * due on or before `until`: the candidates for a due-soon or overdue reminder.
 */
export async function openAssignmentsDueBy(
  db: Db,
  until: string,
  minYear: number,
): Promise<OpenAssignment[]> {
  const { rows } = await sql<OpenAssignment>`
    select a.id, a.org_id, o.name as org_name, a.task_id, t.seq, t.task, t.due::text as due, p.id as plan_id,
      p.title as plan_title, p.org_id as plan_org_id
    from work_assignments a
    join work_tasks t on t.id = a.task_id
    join work_plans p on p.id = t.plan_id
    join orgs o on o.id = a.org_id
    where t.due is not null and t.due <= ${until}::date and p.year >= ${minYear}
      and not (a.review_state = 'accepted' and a.status in ('done', 'ongoing'))
    order by p.id, t.seq, a.id`.execute(db);
  return rows;
}

// ---------------------------------------------------------------- portal

export async function publishedPlans(db: Db) {
  return db
    .selectFrom('work_plans as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.org_id', 'o.name as org_name', 'p.year', 'p.title', 'p.doc_number', 'p.issued_date'])
    .select((eb) =>
      eb
        .selectFrom('work_tasks as t')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('t.plan_id', '=', 'p.id')
        .as('tasks'),
    )
    .where('p.published', '=', true)
    .orderBy('p.year', 'desc')
    .orderBy('o.sort_order')
    .orderBy('o.id')
    .orderBy('p.id')
    .execute();
}
