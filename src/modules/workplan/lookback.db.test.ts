import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';

let t: TestApp;
let office: Client;
let city: number;
let edu: number;
let fin: number;
let plan2025: number;
let plan2026: number;
let plan2027: number;
const task: Record<string, number> = {};

async function addPlan(year: number, title: string) {
  return (
    await t.db
      .insertInto('work_plans')
      .values({ org_id: city, year, title })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

async function addTask(
  planId: number,
  seq: number,
  due: string | null,
  units: [number, 'lead' | 'responsible', string, string][],
  groups: string[] = [],
) {
  const row = await t.db
    .insertInto('work_tasks')
    .values({
      plan_id: planId,
      seq,
      task: `任务${seq}`,
      requirement: `要求${seq}`,
      deadline_raw: due ? '年底前' : null,
      due,
      recurring: due === null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [org, role, status, review_state] of units) {
    await t.db
      .insertInto('work_assignments')
      .values({
        task_id: row.id,
        org_id: org,
        role,
        status: status as never,
        review_state: review_state as never,
      })
      .execute();
  }
  for (const name of groups)
    await t.db.insertInto('work_task_groups').values({ task_id: row.id, name }).execute();
  return row.id;
}

before(async () => {
  t = await createTestApp();
  office = await t.as('t_office');
  city = await orgIdByName(t.db, '济宁市人民政府');
  edu = await orgIdByName(t.db, '市教育局');
  fin = await orgIdByName(t.db, '市财政局');
  plan2025 = await addPlan(2025, '2025年政务公开工作要点');
  plan2026 = await addPlan(2026, '2026年政务公开工作要点');
  plan2027 = await addPlan(2027, '2027年政务公开工作要点');
  task.done = await addTask(plan2025, 1, '2025-06-30', [[edu, 'lead', 'done', 'accepted']]);
  task.ongoing = await addTask(plan2025, 2, null, [[edu, 'lead', 'ongoing', 'accepted']]);
  task.open = await addTask(
    plan2025,
    3,
    '2025-10-31',
    [
      [edu, 'lead', 'done', 'accepted'],
      [fin, 'responsible', 'in_progress', 'returned'],
    ],
    ['市政府各部门、单位'],
  );
  task.submitted = await addTask(plan2025, 4, '2024-02-29', [[fin, 'lead', 'done', 'submitted']]);
  await addTask(plan2026, 1, '2026-12-31', [[edu, 'lead', 'not_started', 'none']]);
});
after(() => t.close());

test('回头看 lists the unfinished tasks of last year with the units still open', async () => {
  const res = await office.get(`/api/workplan/plans/${plan2025}/lookback`);
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.totalTasks, 4);
  assert.deepEqual(
    body.unfinished.map((u: { seq: number }) => u.seq),
    [3, 4],
  );
  const t3 = body.unfinished[0];
  assert.deepEqual(
    t3.assignments.map((a: { orgId: number; open: boolean; overdue: boolean }) => [
      a.orgId,
      a.open,
      a.overdue,
    ]),
    [
      [edu, false, false],
      [fin, true, true],
    ],
  );
  assert.deepEqual(
    body.targets.map((p: { id: number }) => p.id),
    [plan2026],
  );
});

test('a unit handler may not run 回头看', async () => {
  const handler = await t.as('t_handler');
  assert.equal((await handler.get(`/api/workplan/plans/${plan2025}/lookback`)).statusCode, 403);
});

test('carrying selected tasks into next year: new linked tasks, units copied, status reset, audited', async () => {
  const res = await office.send('POST', `/api/workplan/plans/${plan2025}/carry-over`, {
    toPlanId: plan2026,
    taskIds: [task.submitted, task.open],
    dues: { [String(task.submitted)]: '2026-03-31' },
  });
  assert.equal(res.statusCode, 200, res.body);
  const { created } = res.json();
  assert.deepEqual(
    created.map((c: { seq: number; carriedFromId: number }) => [c.seq, c.carriedFromId]),
    [
      [2, task.open],
      [3, task.submitted],
    ],
  );
  const rows = await t.db
    .selectFrom('work_tasks')
    .select(['id', 'seq', 'task', 'due', 'carried_from_task_id'])
    .where('plan_id', '=', plan2026)
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    rows.map((r) => [r.seq, r.task, r.due, r.carried_from_task_id]),
    [
      [1, '任务1', '2026-12-31', null],
      [2, '任务3', '2026-10-31', task.open],
      [3, '任务4', '2026-03-31', task.submitted],
    ],
  );
  const copied = await t.db
    .selectFrom('work_assignments')
    .select(['org_id', 'role', 'status', 'review_state', 'accepted_at'])
    .where('task_id', '=', rows[1]?.id as number)
    .orderBy('org_id')
    .execute();
  assert.deepEqual(
    copied.map((a) => [a.org_id, a.role, a.status, a.review_state, a.accepted_at]),
    [
      [edu, 'lead', 'not_started', 'none', null],
      [fin, 'responsible', 'not_started', 'none', null],
    ].sort((a, b) => (a[0] as number) - (b[0] as number)),
  );
  const groups = await t.db
    .selectFrom('work_task_groups')
    .select('name')
    .where('task_id', '=', rows[1]?.id as number)
    .execute();
  assert.deepEqual(groups, [{ name: '市政府各部门、单位' }]);
  const audit = await t.db
    .selectFrom('audit_log')
    .select(['action', 'subject_id'])
    .where('action', '=', 'workplan.lookback.carry')
    .execute();
  assert.deepEqual(audit, [{ action: 'workplan.lookback.carry', subject_id: String(plan2026) }]);

  // The new task links to its original; the old plan shows where it went.
  const origins = (await office.get(`/api/workplan/plans/${plan2026}/carried-origins`)).json();
  const o = origins.find((x: { taskId: number }) => x.taskId === rows[1]?.id);
  assert.deepEqual(o.carriedFrom, {
    taskId: task.open,
    seq: 3,
    task: '任务3',
    planId: plan2025,
    planTitle: '2025年政务公开工作要点',
    year: 2025,
  });
  const again = (await office.get(`/api/workplan/plans/${plan2025}/lookback`)).json();
  assert.deepEqual(
    again.unfinished[0].carriedTo.map((c: { planId: number; seq: number }) => [c.planId, c.seq]),
    [[plan2026, 2]],
  );
});

test('carrying again, a finished task, or into the wrong year is refused in Chinese', async () => {
  const dup = await office.send('POST', `/api/workplan/plans/${plan2025}/carry-over`, {
    toPlanId: plan2026,
    taskIds: [task.open],
  });
  assert.equal(dup.statusCode, 409);
  assert.equal(dup.json().error.code, 'WORKPLAN_CARRY_DUPLICATE');
  assert.match(dup.json().error.message, /已结转到该计划/);

  const done = await office.send('POST', `/api/workplan/plans/${plan2025}/carry-over`, {
    toPlanId: plan2026,
    taskIds: [task.done, task.ongoing],
  });
  assert.equal(done.statusCode, 409);
  assert.match(done.json().error.message, /序号1、2/);

  const wrongYear = await office.send('POST', `/api/workplan/plans/${plan2025}/carry-over`, {
    toPlanId: plan2027,
    taskIds: [task.open],
  });
  assert.equal(wrongYear.statusCode, 400);
  assert.equal(wrongYear.json().error.code, 'WORKPLAN_CARRY_YEAR');

  const empty = await office.send('POST', `/api/workplan/plans/${plan2025}/carry-over`, {
    toPlanId: plan2026,
    taskIds: [],
  });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /请至少选择一项要结转的任务/);
  // Nothing half-done: still 3 tasks in 2026.
  const n = await t.db.selectFrom('work_tasks').select('id').where('plan_id', '=', plan2026).execute();
  assert.equal(n.length, 3);
});

test('carrying into a new plan of the next year created on the way', async () => {
  const both = await office.send('POST', `/api/workplan/plans/${plan2025}/carry-over`, {
    toPlanId: plan2026,
    newPlanTitle: '另一个计划',
    taskIds: [task.open],
  });
  assert.equal(both.statusCode, 400);
  assert.match(both.body, /二选一/);
  // A 2024 plan's unfinished task goes into a new 2025 plan.
  const plan2024 = await addPlan(2024, '2024年政务公开工作要点');
  const old = await addTask(plan2024, 1, '2024-12-31', [[edu, 'lead', 'in_progress', 'none']]);
  const res = await office.send('POST', `/api/workplan/plans/${plan2024}/carry-over`, {
    newPlanTitle: '2025年回头看整改任务',
    taskIds: [old],
  });
  assert.equal(res.statusCode, 200, res.body);
  const created = await t.db
    .selectFrom('work_plans')
    .selectAll()
    .where('id', '=', res.json().planId)
    .executeTakeFirstOrThrow();
  assert.deepEqual([created.org_id, created.year, created.title], [city, 2025, '2025年回头看整改任务']);
  const moved = await t.db
    .selectFrom('work_tasks')
    .select(['seq', 'due', 'carried_from_task_id'])
    .where('plan_id', '=', created.id)
    .execute();
  assert.deepEqual(moved, [{ seq: 1, due: '2025-12-31', carried_from_task_id: old }]);
});
