/**
 * 分解到县（市、区）: a county derives its plan from the city's — the tasks addressed to the counties are
 * copied into a new plan of the county (parent_plan_id / parent_task_id), first assigned to the county
 * government itself, then mapped by the county to its own units. The city sees, per task, each
 * county's status on the derived task(s). Likewise the city derives its plan from the province's, imported
 * as an external plan (work_plans.external_issuer): every task, first assigned to the city government.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { findOrg, listOrgs, subtreeIds } from '../orgs/index.ts';
import { planForManager, requireManagerOf } from './assessment.service.ts';
import * as store from './assessment.store.ts';
import { ROLLUP_LABELS, type Rollup, rollup, selectDerivedTasks } from './domain/cascade.ts';
import type { AssignmentRole } from './store.ts';

type Db = Kysely<Database>;

/** Tasks of a city plan that would go to `countyOrgId` (preview, nothing saved). */
export async function previewCascade(db: Db, actor: Actor, cityPlanId: number, countyOrgId: number) {
  const { city, county } = await checkPair(db, actor, cityPlanId, countyOrgId);
  const tasks = await store.tasksOfPlan(db, city.id);
  const picked = selectDerivedTasks(
    tasks.map((t) => ({ ...t, assignmentOrgIds: t.assignments.map((a) => a.orgId) })),
    county.id,
    city.external_issuer !== null,
  );
  return {
    cityPlan: { id: city.id, title: city.title, year: city.year },
    county: { id: county.id, name: county.name },
    tasks: picked.map((t) => ({ id: t.id, seq: t.seq, task: t.task, groups: t.groups, due: t.due })),
  };
}

async function checkPair(db: Db, actor: Actor, cityPlanId: number, countyOrgId: number) {
  const city = await store.findPlan(db, cityPlanId);
  if (!city) throw new AppError('NOT_FOUND');
  const county = await findOrg(db, countyOrgId);
  if (!county) throw new AppError('NOT_FOUND');
  // The county's own office (or the city's, whose subtree holds the county) does this.
  await requireManagerOf(db, actor, county.id, 'plan.cascade');
  // The province's plan (imported by the city as an external plan) goes down to the city that imported it.
  if (city.external_issuer !== null) {
    if (county.id !== city.org_id) throw new AppError('WORKPLAN_CASCADE_NOT_CHILD');
    return { city, county };
  }
  if (county.kind !== 'county') throw new AppError('WORKPLAN_CASCADE_NOT_COUNTY');
  if (county.parent_id !== city.org_id) throw new AppError('WORKPLAN_CASCADE_NOT_CHILD');
  return { city, county };
}

export async function deriveCountyPlan(
  db: Db,
  actor: Actor,
  input: { cityPlanId: number; countyOrgId: number; title?: string },
) {
  return inTransaction(db, async (tx) => {
    const { city, county } = await checkPair(tx, actor, input.cityPlanId, input.countyOrgId);
    const exists = await tx
      .selectFrom('work_plans')
      .select('id')
      .where('org_id', '=', county.id)
      .where('parent_plan_id', '=', city.id)
      .executeTakeFirst();
    if (exists) throw new AppError('WORKPLAN_CASCADE_EXISTS', { planId: exists.id });
    const tasks = await store.tasksOfPlan(tx, city.id);
    const picked = selectDerivedTasks(
      tasks.map((t) => ({ ...t, assignmentOrgIds: t.assignments.map((a) => a.orgId) })),
      county.id,
      city.external_issuer !== null,
    );
    if (picked.length === 0) throw new AppError('WORKPLAN_CASCADE_NOTHING');
    const title = input.title?.trim() || `${city.title}（${county.name}任务分解）`;
    const dup = await tx
      .selectFrom('work_plans')
      .select('id')
      .where('org_id', '=', county.id)
      .where('year', '=', city.year)
      .where('title', '=', title)
      .executeTakeFirst();
    if (dup) throw new AppError('DUPLICATE', { what: `计划“${title}”` });
    const plan = await tx
      .insertInto('work_plans')
      .values({
        org_id: county.id,
        year: city.year,
        title,
        doc_number: city.doc_number,
        issuer: city.issuer,
        issued_date: city.issued_date,
        source_name: city.source_name,
        source_text: null,
        parent_plan_id: city.id,
        created_by: actor.id,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const created: { id: number; seq: number; parentTaskId: number }[] = [];
    let seq = 0;
    for (const t of picked) {
      const row = await store.insertTask(tx, {
        plan_id: plan.id,
        seq: ++seq,
        section: t.section,
        task: t.task,
        requirement: t.requirement,
        deadline_raw: t.deadline_raw,
        due: t.due,
        recurring: t.recurring,
        parent_task_id: t.id,
        carried_from_task_id: null,
      });
      await store.insertAssignments(tx, [{ task_id: row.id, org_id: county.id, role: 'lead' }]);
      created.push({ id: row.id, seq: row.seq, parentTaskId: t.id });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'workplan.cascade.derive',
      subjectType: 'work_plan',
      subjectId: plan.id,
      after: { plan, tasks: created },
    });
    return { planId: plan.id, tasks: created };
  });
}

/** The organisations in `rootId`'s subtree (itself included). */
async function subtree(db: Db, rootId: number): Promise<Set<number>> {
  const orgs = await listOrgs(db);
  return subtreeIds(
    orgs.map((o) => ({ id: o.id, parentId: o.parent_id })),
    rootId,
  );
}

/**
 * The county maps a derived task to its own units: the assignments become exactly `units`. A unit
 * that already reported progress cannot be dropped (WORKPLAN_ASSIGNMENT_HAS_PROGRESS).
 */
export async function mapDerivedTask(
  db: Db,
  actor: Actor,
  taskId: number,
  units: { orgId: number; role: AssignmentRole }[],
) {
  return inTransaction(db, async (tx) => {
    const task = await tx.selectFrom('work_tasks').selectAll().where('id', '=', taskId).executeTakeFirst();
    if (!task) throw new AppError('NOT_FOUND');
    const plan = await planForManager(tx, actor, task.plan_id, 'plan.cascade');
    if (task.parent_task_id === null || plan.parent_plan_id === null)
      throw new AppError('WORKPLAN_CASCADE_NOT_DERIVED');
    const allowed = await subtree(tx, plan.org_id);
    if (units.some((u) => !allowed.has(u.orgId))) throw new AppError('WORKPLAN_CASCADE_UNIT_OUTSIDE');
    const wanted = new Map(units.map((u) => [u.orgId, u.role]));
    const before = await store.assignmentsOfTask(tx, task.id);
    const drop = before.filter((a) => !wanted.has(a.org_id));
    const blocked = drop.find((a) => Number(a.reports) > 0);
    if (blocked) throw new AppError('WORKPLAN_ASSIGNMENT_HAS_PROGRESS', { orgName: blocked.org_name });
    await store.deleteAssignments(
      tx,
      drop.map((a) => a.id),
    );
    for (const a of before) {
      const role = wanted.get(a.org_id);
      if (role !== undefined && role !== a.role) await store.updateAssignmentRole(tx, a.id, role);
    }
    const have = new Set(before.map((a) => a.org_id));
    await store.insertAssignments(
      tx,
      units
        .filter((u) => !have.has(u.orgId))
        .map((u) => ({ task_id: task.id, org_id: u.orgId, role: u.role })),
    );
    const after = await store.assignmentsOfTask(tx, task.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'workplan.cascade.map',
      subjectType: 'work_task',
      subjectId: task.id,
      before: before.map((a) => ({ orgId: a.org_id, role: a.role })),
      after: after.map((a) => ({ orgId: a.org_id, role: a.role })),
    });
    return after.map((a) => ({ id: a.id, orgId: a.org_id, orgName: a.org_name, role: a.role }));
  });
}

type CountyCell = Rollup & { orgId: number; planId: number; taskIds: number[]; statusLabel: string };

/** The city's roll-up: per task, each county's status on the task(s) derived from it. */
export async function cityRollup(db: Db, actor: Actor, cityPlanId: number, today: string) {
  const city = await planForManager(db, actor, cityPlanId, 'plan.cascade');
  const [tasks, plans, derived] = await Promise.all([
    store.tasksOfPlan(db, city.id),
    store.childPlans(db, city.id),
    store.derivedAssignments(db, city.id),
  ]);
  // parent task → county plan → derived task → assignments
  const tree = new Map<
    number,
    Map<number, Map<number, { due: string | null; as: { status: string; reviewState: string }[] }>>
  >();
  for (const r of derived) {
    const byPlan = tree.get(r.parent_task_id) ?? new Map();
    tree.set(r.parent_task_id, byPlan);
    const byTask = byPlan.get(r.plan_id) ?? new Map();
    byPlan.set(r.plan_id, byTask);
    const entry = byTask.get(r.task_id) ?? { due: r.due, as: [] };
    byTask.set(r.task_id, entry);
    if (r.assignment_id !== null)
      entry.as.push({ status: r.status as string, reviewState: r.review_state as string });
  }
  const planOrg = new Map(plans.map((p) => [p.id, p.org_id]));
  const summary = new Map(plans.map((p) => [p.id, { tasks: 0, finished: 0, overdue: 0 }]));
  const rows = tasks.map((t) => {
    const counties: CountyCell[] = [];
    for (const [planId, byTask] of tree.get(t.id) ?? new Map()) {
      const all = [...byTask.values()];
      const r = rollup(
        all.flatMap((x) => x.as),
        all[0]?.due ?? t.due,
        today,
      );
      counties.push({
        ...r,
        orgId: planOrg.get(planId) as number,
        planId,
        taskIds: [...byTask.keys()],
        statusLabel: ROLLUP_LABELS[r.status],
      });
      const s = summary.get(planId);
      if (s) {
        s.tasks++;
        if (r.status === 'done' || r.status === 'ongoing') s.finished++;
        if (r.overdue > 0) s.overdue++;
      }
    }
    return { id: t.id, seq: t.seq, task: t.task, due: t.due, counties };
  });
  return {
    plan: { id: city.id, title: city.title, year: city.year },
    counties: plans.map((p) => ({
      orgId: p.org_id,
      orgName: p.org_name,
      planId: p.id,
      planTitle: p.title,
      ...(summary.get(p.id) ?? { tasks: 0, finished: 0, overdue: 0 }),
    })),
    tasks: rows,
  };
}
