/**
 * 上下级计划衔接: a plan imported by an organisation (the city's own table, a county's own table) is linked to
 * its parent plan (the province's, imported as an external plan; the city's), each of its tasks to the
 * parent's task it carries out. The links are suggested by text similarity (domain/links.ts) and saved as the
 * office confirms or changes them; the parent plan's roll-up (cascade.service.ts `cityRollup`) then shows each
 * parent task's children's progress.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { planForManager } from './assessment.service.ts';
import { linkAllowed, suggestParentTasks } from './domain/links.ts';
import { can } from './domain/policies.ts';
import { scopeOf } from './service.ts';

type Db = Kysely<Database>;

function tasksOf(db: Db, planId: number) {
  return db
    .selectFrom('work_tasks')
    .select(['id', 'seq', 'section', 'task', 'requirement', 'parent_task_id'])
    .where('plan_id', '=', planId)
    .orderBy('seq')
    .execute();
}

async function parentChain(db: Db) {
  const rows = await db.selectFrom('work_plans').select(['id', 'parent_plan_id']).execute();
  const parents = new Map(rows.map((r) => [r.id, r.parent_plan_id]));
  return (id: number) => parents.get(id) ?? null;
}

/**
 * The plan the child may link to: any plan its office may see as a manager (its own organisation's, e.g.
 * the province's plan the city imported) or the plan of the government above it (the city's for a county).
 */
async function parentFor(db: Db, actor: Actor, child: { id: number; org_id: number }, parentPlanId: number) {
  const parent = await db
    .selectFrom('work_plans')
    .selectAll()
    .where('id', '=', parentPlanId)
    .executeTakeFirst();
  if (!parent) throw new AppError('NOT_FOUND');
  const scope = await scopeOf(db, actor);
  const owner = await db
    .selectFrom('orgs')
    .select('parent_id')
    .where('id', '=', child.org_id)
    .executeTakeFirst();
  const above = parent.org_id === owner?.parent_id;
  if (!above && !can(scope, 'plan.view', { orgId: parent.org_id })) throw new AppError('NOT_FOUND');
  if (!linkAllowed(child.id, parent.id, await parentChain(db))) throw new AppError('WORKPLAN_LINK_CYCLE');
  return parent;
}

/** The child's tasks with their current link and the suggested parent task; the parent's tasks to choose from. */
export async function linkSuggestions(db: Db, actor: Actor, childPlanId: number, parentPlanId: number) {
  const child = await planForManager(db, actor, childPlanId, 'plan.cascade');
  const parent = await parentFor(db, actor, child, parentPlanId);
  const [tasks, parentTasks] = await Promise.all([tasksOf(db, child.id), tasksOf(db, parent.id)]);
  const suggestions = suggestParentTasks(tasks, parentTasks);
  const parentIds = new Set(parentTasks.map((t) => t.id));
  return {
    plan: { id: child.id, title: child.title, parentPlanId: child.parent_plan_id },
    parent: { id: parent.id, title: parent.title, externalIssuer: parent.external_issuer },
    parentTasks: parentTasks.map((t) => ({ id: t.id, seq: t.seq, section: t.section, task: t.task })),
    tasks: tasks.map((t, i) => ({
      id: t.id,
      seq: t.seq,
      task: t.task,
      requirement: t.requirement,
      // The link saved before (to this parent), else none.
      parentTaskId: t.parent_task_id !== null && parentIds.has(t.parent_task_id) ? t.parent_task_id : null,
      suggestedParentTaskId: suggestions[i]?.parentTaskId ?? null,
      similarity: suggestions[i]?.similarity ?? 0,
    })),
  };
}

/** Saves the links the office confirmed: the plan's parent, and each task's parent task (null: none). */
export async function saveLinks(
  db: Db,
  actor: Actor,
  childPlanId: number,
  input: { parentPlanId: number; links: { taskId: number; parentTaskId: number | null }[] },
) {
  return inTransaction(db, async (tx) => {
    const child = await planForManager(tx, actor, childPlanId, 'plan.cascade');
    const parent = await parentFor(tx, actor, child, input.parentPlanId);
    const [tasks, parentTasks] = await Promise.all([tasksOf(tx, child.id), tasksOf(tx, parent.id)]);
    const own = new Set(tasks.map((t) => t.id));
    const parentIds = new Set(parentTasks.map((t) => t.id));
    const fields = input.links.flatMap((l, i) => [
      ...(own.has(l.taskId) ? [] : [{ path: `links.${i}.taskId`, message: '该任务不属于本计划' }]),
      ...(l.parentTaskId === null || parentIds.has(l.parentTaskId)
        ? []
        : [{ path: `links.${i}.parentTaskId`, message: '所选上级任务不属于上级计划' }]),
    ]);
    if (fields.length) throw new AppError('VALIDATION_FAILED', {}, fields);
    const before = tasks.map((t) => ({ taskId: t.id, parentTaskId: t.parent_task_id }));
    await tx
      .updateTable('work_plans')
      .set({ parent_plan_id: parent.id })
      .where('id', '=', child.id)
      .execute();
    for (const l of input.links)
      await tx
        .updateTable('work_tasks')
        .set({ parent_task_id: l.parentTaskId })
        .where('id', '=', l.taskId)
        .execute();
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'workplan.link.save',
      subjectType: 'work_plan',
      subjectId: child.id,
      before: { parentPlanId: child.parent_plan_id, links: before },
      after: { parentPlanId: parent.id, links: input.links },
    });
    const linked = input.links.filter((l) => l.parentTaskId !== null).length;
    return { planId: child.id, parentPlanId: parent.id, linked };
  });
}
