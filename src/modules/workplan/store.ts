import type { ColumnType, Generated, Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database, Timestamp } from '../../platform/db/database.ts';
import type { ProgressSnapshot, ProgressTotals, PublishedTask } from './domain/publication.ts';
import type { AssignmentRole, ReviewDecision, ReviewState, WorkStatus } from './domain/status.ts';

type Json<T> = ColumnType<T, string, string>;

export type { AssignmentRole, ReviewState, WorkStatus };
export type EvidenceLink = { title: string; url: string };

export interface WorkPlansTable {
  id: Generated<number>;
  org_id: number;
  year: number;
  title: string;
  doc_number: string | null;
  issuer: string | null;
  /** ISO date (`date` column). */
  issued_date: string | null;
  source_name: string | null;
  source_text: string | null;
  parent_plan_id: number | null;
  published: Generated<boolean>;
  /** The issuer of an imported plan from outside the platform's tree (migration 0041), else null. */
  external_issuer: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: number | null;
  created_at: Generated<Date>;
}

export interface WorkTasksTable {
  id: Generated<number>;
  plan_id: number;
  seq: number;
  section: string | null;
  task: string;
  requirement: Generated<string>;
  deadline_raw: string | null;
  due: string | null;
  recurring: Generated<boolean>;
  due_suggested: string | null;
  parent_task_id: number | null;
  carried_from_task_id: number | null;
  created_at: Generated<Date>;
}

export interface WorkAssignmentsTable {
  id: Generated<number>;
  task_id: number;
  org_id: number;
  role: AssignmentRole;
  status: Generated<WorkStatus>;
  review_state: Generated<ReviewState>;
  last_submitted_at: Timestamp | null;
  accepted_at: Timestamp | null;
  /** The unit's name as written in the source table; null when it is the organisation's own name. */
  unit_text: Generated<string | null>;
  sort_order: Generated<number>;
}

export interface WorkTaskGroupsTable {
  id: Generated<number>;
  task_id: number;
  name: string;
  /** The source column the group was named in. */
  role: Generated<AssignmentRole>;
  sort_order: Generated<number>;
}

export interface WorkProgressTable {
  id: Generated<number>;
  assignment_id: number;
  text: string;
  links: Json<EvidenceLink[]>;
  file_ids: ColumnType<number[], number[] | undefined, number[]>;
  status: WorkStatus;
  submitted_by: number | null;
  submitted_at: Generated<Date>;
  decision: ReviewDecision | null;
  review_comment: string | null;
  reviewed_by: number | null;
  reviewed_at: Timestamp | null;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    work_plans: WorkPlansTable;
    work_tasks: WorkTasksTable;
    work_assignments: WorkAssignmentsTable;
    work_task_groups: WorkTaskGroupsTable;
    work_progress: WorkProgressTable;
    work_plan_progress: WorkPlanProgressTable;
    work_unit_mappings: WorkUnitMappingsTable;
  }
}

/** A unit mapping an importing organisation chose (migration 0040); org_id null = a group name. */
export interface WorkUnitMappingsTable {
  id: Generated<number>;
  owner_org_id: number;
  name: string;
  org_id: number | null;
  created_by: number | null;
  created_at: Generated<Date>;
}

/** The unit mappings `ownerOrgId` chose on earlier imports, by name (null: kept as a group name). */
export async function unitMappingsOf(db: Db, ownerOrgId: number): Promise<Map<string, number | null>> {
  const rows = await db
    .selectFrom('work_unit_mappings')
    .select(['name', 'org_id'])
    .where('owner_org_id', '=', ownerOrgId)
    .execute();
  return new Map(rows.map((r) => [r.name, r.org_id]));
}

/** Remembers (or re-points) the mappings chosen in one import. */
export async function rememberUnitMappings(
  tx: Db,
  ownerOrgId: number,
  entries: readonly { name: string; orgId: number | null }[],
  by: number | null,
): Promise<void> {
  for (const e of entries)
    await tx
      .insertInto('work_unit_mappings')
      .values({ owner_org_id: ownerOrgId, name: e.name, org_id: e.orgId, created_by: by })
      .onConflict((oc) =>
        oc.columns(['owner_org_id', 'name']).doUpdateSet({ org_id: e.orgId, created_by: by }),
      )
      .execute();
}

/** A published snapshot of a plan's progress (落实情况, `domain/publication.ts`). */
export interface WorkPlanProgressTable {
  id: Generated<number>;
  plan_id: number;
  as_of: string;
  tasks: ColumnType<PublishedTask[], string, string>;
  totals: ColumnType<ProgressTotals, string, string>;
  published_at: Generated<Date>;
  published_by: number | null;
}

export type WorkPlanRow = Selectable<WorkPlansTable>;
export type WorkTaskRow = Selectable<WorkTasksTable>;
export type WorkAssignmentRow = Selectable<WorkAssignmentsTable>;
export type WorkTaskGroupRow = Selectable<WorkTaskGroupsTable>;
export type WorkProgressRow = Selectable<WorkProgressTable>;

type Db = Kysely<Database>;

const CHUNK = 1000;

function chunks<T>(rows: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export type NewPlan = {
  orgId: number;
  year: number;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  issuedDate: string | null;
  sourceName: string | null;
  sourceText: string | null;
  parentPlanId: number | null;
  createdBy: number | null;
  externalIssuer?: string | null;
};

export function insertPlan(db: Db, v: NewPlan): Promise<WorkPlanRow> {
  return db
    .insertInto('work_plans')
    .values({
      org_id: v.orgId,
      year: v.year,
      title: v.title,
      doc_number: v.docNumber,
      issuer: v.issuer,
      issued_date: v.issuedDate,
      source_name: v.sourceName,
      source_text: v.sourceText,
      parent_plan_id: v.parentPlanId,
      created_by: v.createdBy,
      external_issuer: v.externalIssuer ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export type NewTask = {
  seq: number;
  section: string | null;
  task: string;
  requirement: string;
  deadlineRaw: string | null;
  due: string | null;
  recurring: boolean;
  dueSuggested: string | null;
  parentTaskId?: number | null;
  carriedFromTaskId?: number | null;
};

/** Insert a plan's tasks in batches; returns their ids by seq. */
export async function insertTasks(
  db: Db,
  planId: number,
  tasks: readonly NewTask[],
): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  for (const part of chunks(tasks)) {
    const rows = await db
      .insertInto('work_tasks')
      .values(
        part.map((t) => ({
          plan_id: planId,
          seq: t.seq,
          section: t.section,
          task: t.task,
          requirement: t.requirement,
          deadline_raw: t.deadlineRaw,
          due: t.due,
          recurring: t.recurring,
          due_suggested: t.dueSuggested,
          parent_task_id: t.parentTaskId ?? null,
          carried_from_task_id: t.carriedFromTaskId ?? null,
        })),
      )
      .returning(['id', 'seq'])
      .execute();
    for (const r of rows) ids.set(r.seq, r.id);
  }
  return ids;
}

export type NewAssignment = {
  taskId: number;
  orgId: number;
  role: AssignmentRole;
  unitText: string | null;
  sortOrder: number;
};

export async function insertAssignments(db: Db, rows: readonly NewAssignment[]): Promise<void> {
  for (const part of chunks(rows)) {
    await db
      .insertInto('work_assignments')
      .values(
        part.map((a) => ({
          task_id: a.taskId,
          org_id: a.orgId,
          role: a.role,
          unit_text: a.unitText,
          sort_order: a.sortOrder,
        })),
      )
      .execute();
  }
}

export async function insertGroups(
  db: Db,
  rows: readonly { taskId: number; name: string; role: AssignmentRole; sortOrder: number }[],
): Promise<void> {
  for (const part of chunks(rows)) {
    await db
      .insertInto('work_task_groups')
      .values(part.map((g) => ({ task_id: g.taskId, name: g.name, role: g.role, sort_order: g.sortOrder })))
      .execute();
  }
}

export function findPlan(db: Db, id: number): Promise<WorkPlanRow | undefined> {
  return db.selectFrom('work_plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPlanByTitle(db: Db, orgId: number, year: number, title: string) {
  return db
    .selectFrom('work_plans')
    .select('id')
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .where('title', '=', title)
    .executeTakeFirst();
}

export function updatePlanRow(db: Db, id: number, v: Partial<{ published: boolean; title: string }>) {
  // A change of nothing (a PATCH of unknown fields only) reads the plan: `update … set` needs a column.
  if (Object.values(v).every((x) => x === undefined))
    return db.selectFrom('work_plans').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return db.updateTable('work_plans').set(v).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

const COMPLETED = sql<boolean>`(a.review_state = 'accepted' and a.status in ('done', 'ongoing'))`;

export type PlanSummaryRow = {
  id: number;
  org_id: number;
  org_name: string;
  year: number;
  title: string;
  doc_number: string | null;
  parent_plan_id: number | null;
  published: boolean;
  created_at: Date;
  tasks: number;
  assignments: number;
  done: number;
  overdue: number;
};

/**
 * Plans with their figures. `ownerOrgIds`: plans owned by these organisations (all assignments
 * counted); `assigneeOrgIds`: plans in which these organisations have assignments (only theirs
 * counted). Exactly one of the two is given.
 */
export async function planSummaries(
  db: Db,
  f: {
    ownerOrgIds?: number[];
    assigneeOrgIds?: number[];
    orgId?: number;
    year?: number;
    planId?: number;
    /** Plans left out (already summarised otherwise). */
    exceptPlanIds?: number[];
  },
  today: string,
): Promise<PlanSummaryRow[]> {
  const owners = f.ownerOrgIds;
  const assignees = f.assigneeOrgIds;
  if ((owners && owners.length === 0) || (assignees && assignees.length === 0)) return [];
  const assigneeFilter = assignees ? sql`and a.org_id in (${sql.join(assignees)})` : sql``;
  const conditions = [sql`true`];
  if (owners) conditions.push(sql`p.org_id in (${sql.join(owners)})`);
  if (assignees) {
    conditions.push(
      sql`exists (select 1 from work_tasks t2 join work_assignments a2 on a2.task_id = t2.id
        where t2.plan_id = p.id and a2.org_id in (${sql.join(assignees)}))`,
    );
  }
  if (f.orgId !== undefined) conditions.push(sql`p.org_id = ${f.orgId}`);
  if (f.year !== undefined) conditions.push(sql`p.year = ${f.year}`);
  if (f.planId !== undefined) conditions.push(sql`p.id = ${f.planId}`);
  if (f.exceptPlanIds && f.exceptPlanIds.length > 0)
    conditions.push(sql`p.id not in (${sql.join(f.exceptPlanIds)})`);
  const result = await sql<PlanSummaryRow>`
    select p.id, p.org_id, o.name as org_name, p.year, p.title, p.doc_number, p.parent_plan_id,
      p.published, p.created_at,
      (select count(*) from work_tasks t where t.plan_id = p.id)::int as tasks,
      coalesce(s.assignments, 0)::int as assignments,
      coalesce(s.done, 0)::int as done,
      coalesce(s.overdue, 0)::int as overdue,
      (select to_char(pp.as_of, 'YYYY-MM-DD') from work_plan_progress pp where pp.plan_id = p.id
        order by pp.id desc limit 1) as progress_as_of
    from work_plans p
    join orgs o on o.id = p.org_id
    left join lateral (
      select count(*) as assignments,
        count(*) filter (where ${COMPLETED}) as done,
        -- 逾期 counts tasks (one definition with the dashboard and the portal): a unit's part overdue.
        count(distinct t.id) filter (where t.due is not null and t.due < ${today} and not ${COMPLETED})
          as overdue
      from work_tasks t join work_assignments a on a.task_id = t.id
      where t.plan_id = p.id ${assigneeFilter}
    ) s on true
    where ${sql.join(conditions, sql` and `)}
    order by p.year desc, p.org_id, p.id desc`.execute(db);
  return result.rows;
}

export function planTasks(db: Db, planId: number): Promise<WorkTaskRow[]> {
  return db.selectFrom('work_tasks').selectAll().where('plan_id', '=', planId).orderBy('seq').execute();
}

/** Whether any of `orgIds` has a part in the plan (who may see a plan they do not manage). */
export async function hasPartOf(db: Db, planId: number, orgIds: number[]): Promise<boolean> {
  if (orgIds.length === 0) return false;
  const row = await db
    .selectFrom('work_assignments as a')
    .innerJoin('work_tasks as t', 't.id', 'a.task_id')
    .select('a.id')
    .where('t.plan_id', '=', planId)
    .where('a.org_id', 'in', orgIds)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The task list's filters (the console's 筛选任务). "Completed" is `isCompleted` of domain/status.ts. */
export type TaskFilter = 'all' | 'overdue' | 'submitted' | 'returned' | 'open';

/**
 * One page of a plan's tasks, in table order, with the number matching: only tasks with a part of a
 * unit in `orgIds` when given (and only those parts count for the filters and the keyword), filtered
 * and searched in the database so that a plan of 2,000 tasks × 50 units is never sent whole.
 */
export async function planTaskPage(
  db: Db,
  planId: number,
  o: {
    orgIds?: number[];
    filter: TaskFilter;
    keyword: string;
    today: string;
    offset: number;
    limit: number;
  },
): Promise<{ total: number; rows: WorkTaskRow[] }> {
  const visible = o.orgIds === undefined ? null : o.orgIds.length > 0 ? o.orgIds : [-1];
  const parts = (condition: ReturnType<typeof sql>) =>
    sql<boolean>`exists (select 1 from work_assignments a join orgs o on o.id = a.org_id
      where a.task_id = t.id ${visible ? sql`and a.org_id in (${sql.join(visible)})` : sql``} and ${condition})`;
  const conditions = [sql`t.plan_id = ${planId}`];
  if (visible) conditions.push(parts(sql`true`));
  if (o.filter === 'overdue') conditions.push(sql`t.due < ${o.today}`, parts(sql`not ${COMPLETED}`));
  if (o.filter === 'submitted') conditions.push(parts(sql`a.review_state = 'submitted'`));
  if (o.filter === 'returned') conditions.push(parts(sql`a.review_state = 'returned'`));
  if (o.filter === 'open') conditions.push(parts(sql`not ${COMPLETED}`));
  const keyword = o.keyword.trim().toLowerCase();
  if (keyword) {
    const has = (text: ReturnType<typeof sql>) => sql`strpos(lower(${text}), ${keyword}) > 0`;
    conditions.push(sql`(${has(sql`t.task`)} or ${has(sql`t.requirement`)} or ${has(sql`coalesce(t.section, '')`)}
      or ${parts(has(sql`o.name`))}
      ${visible ? sql`` : sql`or exists (select 1 from work_task_groups g where g.task_id = t.id and ${has(sql`g.name`)})`})`);
  }
  const where = sql.join(conditions, sql` and `);
  const [count, rows] = await Promise.all([
    sql<{ n: number }>`select count(*)::int as n from work_tasks t where ${where}`.execute(db),
    sql<WorkTaskRow>`select t.* from work_tasks t where ${where}
      order by t.seq, t.id offset ${o.offset} limit ${o.limit}`.execute(db),
  ]);
  return { total: count.rows[0]?.n ?? 0, rows: rows.rows };
}

export function planAssignments(db: Db, planId: number, orgIds?: number[], taskIds?: number[]) {
  let q = db
    .selectFrom('work_assignments as a')
    .innerJoin('work_tasks as t', 't.id', 'a.task_id')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .selectAll('a')
    .select(['o.name as org_name', 't.due'])
    .where('t.plan_id', '=', planId);
  if (orgIds) q = q.where('a.org_id', 'in', orgIds.length > 0 ? orgIds : [-1]);
  if (taskIds) q = q.where('a.task_id', 'in', taskIds.length > 0 ? taskIds : [-1]);
  return q
    .orderBy('a.task_id')
    .orderBy(sql`case a.role when 'lead' then 0 else 1 end`)
    .orderBy('a.sort_order')
    .execute();
}

export function planGroups(db: Db, planId: number, taskIds?: number[]): Promise<WorkTaskGroupRow[]> {
  let q = db
    .selectFrom('work_task_groups as g')
    .innerJoin('work_tasks as t', 't.id', 'g.task_id')
    .selectAll('g')
    .where('t.plan_id', '=', planId);
  if (taskIds) q = q.where('g.task_id', 'in', taskIds.length > 0 ? taskIds : [-1]);
  return q.orderBy('g.task_id').orderBy('g.sort_order').execute();
}

export type StatusCountRow = {
  org_id: number;
  status: string;
  review_state: string;
  /** The task's due date is before today. */
  past: boolean;
  n: number;
};

/** A plan's assignments counted by unit, status, review state and "past due" (one cheap aggregate). */
export async function dashboardCounts(db: Db, planId: number, today: string): Promise<StatusCountRow[]> {
  const r = await sql<StatusCountRow>`
    select a.org_id, a.status, a.review_state, coalesce(t.due < ${today}, false) as past, count(*)::int as n
    from work_tasks t
    join work_assignments a on a.task_id = t.id
    where t.plan_id = ${planId}
    group by 1, 2, 3, 4`.execute(db);
  return r.rows;
}

/**
 * The plan's tasks with a unit's part overdue: past the task's due date and not accepted as 已完成 or
 * 长期坚持 (`domain/status.ts` isOverdue).
 */
export async function countOverdueTasks(db: Db, planId: number, today: string): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(distinct t.id)::int as n
    from work_tasks t
    join work_assignments a on a.task_id = t.id
    where t.plan_id = ${planId} and t.due < ${today} and not ${COMPLETED}`.execute(db);
  return r.rows[0]?.n ?? 0;
}

export type OverdueRow = {
  assignment_id: number;
  task_id: number;
  seq: number;
  task: string;
  org_id: number;
  org_name: string;
  due: string;
  status: WorkStatus;
  review_state: ReviewState;
};

/** Overdue assignments of a plan, oldest due date first, at most `limit`. */
export async function overdueAssignments(
  db: Db,
  planId: number,
  today: string,
  limit: number,
): Promise<OverdueRow[]> {
  const r = await sql<OverdueRow>`
    select a.id as assignment_id, t.id as task_id, t.seq, t.task, a.org_id, o.name as org_name,
      to_char(t.due, 'YYYY-MM-DD') as due, a.status, a.review_state
    from (
      select a.id, a.task_id, a.org_id, a.status, a.review_state
      from work_tasks t
      join work_assignments a on a.task_id = t.id
      where t.plan_id = ${planId} and t.due < ${today} and not ${COMPLETED}
      order by t.due, t.seq, a.org_id
      limit ${limit}
    ) a
    join work_tasks t on t.id = a.task_id
    join orgs o on o.id = a.org_id
    order by t.due, t.seq, a.org_id`.execute(db);
  return r.rows;
}

export async function countTasks(db: Db, planId: number): Promise<number> {
  const r = await db
    .selectFrom('work_tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const assignmentView = (db: Db) =>
  db
    .selectFrom('work_assignments as a')
    .innerJoin('work_tasks as t', 't.id', 'a.task_id')
    .innerJoin('work_plans as p', 'p.id', 't.plan_id')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .innerJoin('orgs as po', 'po.id', 'p.org_id')
    .selectAll('a')
    .select([
      'o.name as org_name',
      't.plan_id',
      't.seq',
      't.section',
      't.task',
      't.requirement',
      't.deadline_raw',
      't.due',
      't.recurring',
      'p.title as plan_title',
      'p.year as plan_year',
      'p.org_id as plan_org_id',
      'po.name as plan_org_name',
    ]);

export type AssignmentViewRow = Awaited<
  ReturnType<ReturnType<typeof assignmentView>['executeTakeFirstOrThrow']>
>;

export function findAssignmentView(db: Db, id: number): Promise<AssignmentViewRow | undefined> {
  return assignmentView(db).where('a.id', '=', id).executeTakeFirst();
}

export function listAssignmentViews(
  db: Db,
  f: { orgIds: number[]; year?: number; status?: WorkStatus },
): Promise<AssignmentViewRow[]> {
  if (f.orgIds.length === 0) return Promise.resolve([]);
  let q = assignmentView(db).where('a.org_id', 'in', f.orgIds);
  if (f.year !== undefined) q = q.where('p.year', '=', f.year);
  if (f.status !== undefined) q = q.where('a.status', '=', f.status);
  return q.orderBy(sql`t.due asc nulls last`).orderBy('p.id').orderBy('t.seq').orderBy('a.id').execute();
}

/** Reports awaiting review in plans owned by `planOrgIds`, oldest submission first. */
export async function reviewQueue(
  db: Db,
  f: { planOrgIds: number[]; planId?: number },
): Promise<(AssignmentViewRow & { progress_id: number | null })[]> {
  if (f.planOrgIds.length === 0) return [];
  let q = assignmentView(db)
    .select((eb) =>
      eb
        .selectFrom('work_progress as w')
        .select('w.id')
        .whereRef('w.assignment_id', '=', 'a.id')
        .orderBy('w.id', 'desc')
        .limit(1)
        .as('progress_id'),
    )
    .where('a.review_state', '=', 'submitted')
    .where('p.org_id', 'in', f.planOrgIds);
  if (f.planId !== undefined) q = q.where('p.id', '=', f.planId);
  return q.orderBy('a.last_submitted_at').orderBy('a.id').limit(1000).execute();
}

export function lockAssignment(db: Db, id: number) {
  return db.selectFrom('work_assignments').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function taskUnits(db: Db, taskId: number) {
  return db
    .selectFrom('work_assignments as a')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .select(['a.id', 'a.org_id', 'o.name as org_name', 'a.role'])
    .where('a.task_id', '=', taskId)
    .orderBy(sql`case a.role when 'lead' then 0 else 1 end`)
    .orderBy('a.sort_order')
    .execute();
}

export function listProgress(db: Db, assignmentIds: number[]): Promise<WorkProgressRow[]> {
  if (assignmentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('work_progress')
    .selectAll()
    .where('assignment_id', 'in', assignmentIds)
    .orderBy('id', 'desc')
    .execute();
}

export function findProgress(db: Db, id: number): Promise<WorkProgressRow | undefined> {
  return db.selectFrom('work_progress').selectAll().where('id', '=', id).executeTakeFirst();
}

export function latestProgressId(db: Db, assignmentId: number) {
  return db
    .selectFrom('work_progress')
    .select('id')
    .where('assignment_id', '=', assignmentId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function insertProgress(
  db: Db,
  v: {
    assignmentId: number;
    text: string;
    links: EvidenceLink[];
    fileIds: number[];
    status: WorkStatus;
    submittedBy: number | null;
    submittedAt?: Date;
  },
): Promise<WorkProgressRow> {
  return db
    .insertInto('work_progress')
    .values({
      assignment_id: v.assignmentId,
      text: v.text,
      links: JSON.stringify(v.links),
      file_ids: v.fileIds,
      status: v.status,
      submitted_by: v.submittedBy,
      ...(v.submittedAt ? { submitted_at: v.submittedAt } : {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function reviewProgressRow(
  db: Db,
  id: number,
  v: { decision: 'accepted' | 'returned'; comment: string | null; reviewedBy: number | null; at: Date },
) {
  return db
    .updateTable('work_progress')
    .set({ decision: v.decision, review_comment: v.comment, reviewed_by: v.reviewedBy, reviewed_at: v.at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateAssignmentRow(
  db: Db,
  id: number,
  v: Partial<{
    status: WorkStatus;
    review_state: ReviewState;
    last_submitted_at: Date | null;
    accepted_at: Date | null;
  }>,
) {
  return db
    .updateTable('work_assignments')
    .set(v)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function filesByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('files')
    .select(['id', 'name', 'size', 'mime', 'sha256', 'created_by'])
    .where('id', 'in', ids)
    .execute();
}

/** Records a published snapshot of a plan's progress. */
export async function insertProgressSnapshot(
  db: Db,
  planId: number,
  snapshot: ProgressSnapshot,
  published: { by: number | null; at: Date },
) {
  return db
    .insertInto('work_plan_progress')
    .values({
      plan_id: planId,
      as_of: snapshot.asOf,
      tasks: JSON.stringify(snapshot.tasks),
      totals: JSON.stringify(snapshot.totals),
      published_by: published.by,
      published_at: published.at,
    })
    .returning(['id', 'as_of', 'published_at'])
    .executeTakeFirstOrThrow();
}

/** The latest published snapshot of a plan's progress, if any. */
export function latestProgressSnapshot(db: Db, planId: number) {
  return db
    .selectFrom('work_plan_progress')
    .select(['id', 'as_of', 'tasks', 'totals', 'published_at'])
    .where('plan_id', '=', planId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Per plan-owning organisation, its plans of a year: tasks, units' parts (assignments) and parts completed
 * (COMPLETED), for the `workplan.completion` stats table; only organisations in `orgIds` when given.
 */
export async function completionByOrg(
  db: Kysely<Database>,
  year: number,
  orgIds: readonly number[] | undefined,
): Promise<{ org_id: number; org_name: string; tasks: number; parts: number; completed: number }[]> {
  const scope = orgIds ? sql`and p.org_id in (${sql.join(orgIds.length ? [...orgIds] : [-1])})` : sql``;
  const result = await sql<{
    org_id: number;
    org_name: string;
    tasks: number;
    parts: number;
    completed: number;
  }>`
    select p.org_id, o.name as org_name,
      count(distinct t.id)::int as tasks,
      count(a.id)::int as parts,
      (count(a.id) filter (where ${COMPLETED}))::int as completed
    from work_plans p
    join orgs o on o.id = p.org_id
    left join work_tasks t on t.plan_id = p.id
    left join work_assignments a on a.task_id = t.id
    where p.year = ${year} ${scope}
    group by p.org_id, o.name
    order by p.org_id`.execute(db);
  return result.rows;
}
