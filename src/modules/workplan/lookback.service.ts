/**
 * 回头看: the unfinished tasks of last year's plan, listed for rectification, and carrying selected ones
 * into this year's plan — new tasks linked to their original (carried_from_task_id), the same units
 * assigned afresh (status 未开始, nothing reviewed), in one transaction with its audit row.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { planForManager } from './assessment.service.ts';
import * as store from './assessment.store.ts';
import { planCarryOver, unfinishedTasks } from './domain/lookback.ts';
import { isOverdue } from './domain/reminders-due.ts';

type Db = Kysely<Database>;

export async function lookback(db: Db, actor: Actor, planId: number, today: string) {
  const plan = await planForManager(db, actor, planId, 'plan.lookback');
  const tasks = await store.tasksOfPlan(db, plan.id);
  const carried = await store.carriedFrom(db, plan.id);
  const carriedBy = new Map<
    number,
    { taskId: number; seq: number; planId: number; title: string; year: number }[]
  >();
  for (const c of carried) {
    const list = carriedBy.get(c.source_id) ?? [];
    list.push({ taskId: c.task_id, seq: c.seq, planId: c.plan_id, title: c.title, year: c.year });
    carriedBy.set(c.source_id, list);
  }
  const open = unfinishedTasks(tasks);
  // Plans of the next year of the same organisation: where the tasks may be carried to.
  const targets = await db
    .selectFrom('work_plans')
    .select(['id', 'title', 'year'])
    .where('org_id', '=', plan.org_id)
    .where('year', '=', plan.year + 1)
    .orderBy('id')
    .execute();
  return {
    plan: { id: plan.id, orgId: plan.org_id, year: plan.year, title: plan.title },
    totalTasks: tasks.length,
    targets,
    unfinished: open.map((t) => ({
      id: t.id,
      seq: t.seq,
      section: t.section,
      task: t.task,
      requirement: t.requirement,
      deadlineRaw: t.deadline_raw,
      due: t.due,
      recurring: t.recurring,
      assignments: t.assignments.map((a) => ({
        ...a,
        open: t.openAssignments.some((o) => o.orgId === a.orgId),
        overdue: isOverdue(a, t.due, today),
      })),
      carriedTo: carriedBy.get(t.id) ?? [],
    })),
  };
}

export async function carryOver(
  db: Db,
  actor: Actor,
  input: {
    fromPlanId: number;
    /** An existing plan of the next year, or `newPlanTitle` to create it (same organisation). */
    toPlanId?: number;
    newPlanTitle?: string;
    taskIds: number[];
    dues?: Record<string, string | null>;
  },
) {
  return inTransaction(db, async (tx) => {
    const from = await planForManager(tx, actor, input.fromPlanId, 'plan.lookback');
    let to: Awaited<ReturnType<typeof planForManager>>;
    if (input.toPlanId !== undefined) {
      to = await planForManager(tx, actor, input.toPlanId, 'plan.lookback');
    } else {
      const title = (input.newPlanTitle ?? '').trim();
      const dup = await tx
        .selectFrom('work_plans')
        .select('id')
        .where('org_id', '=', from.org_id)
        .where('year', '=', from.year + 1)
        .where('title', '=', title)
        .executeTakeFirst();
      if (dup) throw new AppError('DUPLICATE', { what: `计划“${title}”` });
      to = await tx
        .insertInto('work_plans')
        .values({ org_id: from.org_id, year: from.year + 1, title, created_by: actor.id })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'workplan.plan.create',
        subjectType: 'work_plan',
        subjectId: to.id,
        after: { ...to, source: 'lookback' },
      });
    }
    if (to.year !== from.year + 1 || to.org_id !== from.org_id)
      throw new AppError('WORKPLAN_CARRY_YEAR', { fromYear: from.year, toYear: from.year + 1 });
    const tasks = await store.tasksOfPlan(tx, from.id);
    const wanted = new Set(input.taskIds);
    const picked = tasks.filter((t) => wanted.has(t.id));
    if (picked.length !== wanted.size) throw new AppError('NOT_FOUND');
    const openIds = new Set(unfinishedTasks(picked).map((t) => t.id));
    const finished = picked.filter((t) => !openIds.has(t.id));
    if (finished.length > 0)
      throw new AppError('WORKPLAN_CARRY_NOT_UNFINISHED', { seqs: finished.map((t) => t.seq).join('、') });
    const already = await store.carriedInto(
      tx,
      to.id,
      picked.map((t) => t.id),
    );
    if (already.length > 0) {
      const seqOf = new Map(picked.map((t) => [t.id, t.seq]));
      throw new AppError('WORKPLAN_CARRY_DUPLICATE', {
        seqs: already.map((a) => seqOf.get(a.carried_from_task_id as number)).join('、'),
      });
    }
    const overrides = new Map<number, string | null>(
      Object.entries(input.dues ?? {}).map(([k, v]) => [Number(k), v]),
    );
    const plan = planCarryOver(picked, to.year, await store.lastSeq(tx, to.id), overrides);
    const byId = new Map(picked.map((t) => [t.id, t]));
    const created: { id: number; seq: number; carriedFromId: number }[] = [];
    for (const c of plan) {
      const row = await store.insertTask(tx, {
        plan_id: to.id,
        seq: c.seq,
        section: c.section,
        task: c.task,
        requirement: c.requirement,
        deadline_raw: c.deadline_raw,
        due: c.due,
        recurring: c.recurring,
        parent_task_id: null,
        carried_from_task_id: c.carriedFromId,
      });
      const original = byId.get(c.carriedFromId);
      await store.insertAssignments(
        tx,
        (original?.assignments ?? []).map((a) => ({ task_id: row.id, org_id: a.orgId, role: a.role })),
      );
      await store.insertGroups(
        tx,
        (original?.groups ?? []).map((name) => ({ task_id: row.id, name })),
      );
      created.push({ id: row.id, seq: row.seq, carriedFromId: c.carriedFromId });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'workplan.lookback.carry',
      subjectType: 'work_plan',
      subjectId: to.id,
      after: { fromPlanId: from.id, tasks: created },
    });
    return { planId: to.id, created };
  });
}

/** For tasks carried from last year: the original's plan, seq and text (the link the ledger shows). */
export async function originsFor(db: Db, actor: Actor, planId: number) {
  const plan = await planForManager(db, actor, planId, 'plan.lookback');
  const tasks = await db
    .selectFrom('work_tasks')
    .select(['id', 'carried_from_task_id'])
    .where('plan_id', '=', plan.id)
    .where('carried_from_task_id', 'is not', null)
    .execute();
  const origins = new Map(
    (
      await store.originsOf(
        db,
        tasks.map((t) => t.carried_from_task_id as number),
      )
    ).map((o) => [o.id, o]),
  );
  return tasks.map((t) => {
    const o = origins.get(t.carried_from_task_id as number);
    return {
      taskId: t.id,
      carriedFrom: o
        ? { taskId: o.id, seq: o.seq, task: o.task, planId: o.plan_id, planTitle: o.title, year: o.year }
        : null,
    };
  });
}
