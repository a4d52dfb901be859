import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createTestUser, orgIdByName } from '../../../test/helpers/factories.ts';

let t: TestApp;
let office: Client;
let countyOffice: Client;
let city: number;
let edu: number;
let zoucheng: number;
let rencheng: number;
let zcEdu: number;
let zcJustice: number;
let cityPlan: number;
const tasks: number[] = [];

before(async () => {
  t = await createTestApp();
  city = await orgIdByName(t.db, '济宁市人民政府');
  edu = await orgIdByName(t.db, '市教育局');
  zoucheng = await orgIdByName(t.db, '邹城市人民政府');
  rencheng = await orgIdByName(t.db, '任城区人民政府');
  zcEdu = await orgIdByName(t.db, '邹城市教育局');
  zcJustice = await orgIdByName(t.db, '邹城市司法局');
  // 邹城市政府办公室 is the disclosure office of 邹城市人民政府: it acts for the county.
  await createTestUser(t.db, { username: 'c_office', role: 'office', org: '邹城市政府办公室' });
  office = await t.as('t_office');
  countyOffice = await t.as('c_office');
  cityPlan = (
    await t.db
      .insertInto('work_plans')
      .values({
        org_id: city,
        year: 2026,
        title: '2026年政务公开工作要点',
        doc_number: '济政办字〔2026〕1号',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const spec: [string, string | null, string[], number[]][] = [
    ['推进决策公开', '2026-06-30', ['各县（市、区）政府（管委会）'], [edu]],
    ['教育领域信息公开', '2026-12-31', [], [edu]],
    ['基层政务公开标准化', null, ['各县市区'], []],
    ['邹城市专项', '2026-09-30', [], [zoucheng]],
  ];
  let seq = 0;
  for (const [task, due, groups, units] of spec) {
    const row = await t.db
      .insertInto('work_tasks')
      .values({
        plan_id: cityPlan,
        seq: ++seq,
        section: '一、',
        task,
        requirement: `${task}的要求`,
        due,
        recurring: due === null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    tasks.push(row.id);
    for (const name of groups)
      await t.db.insertInto('work_task_groups').values({ task_id: row.id, name }).execute();
    for (const org of units)
      await t.db
        .insertInto('work_assignments')
        .values({ task_id: row.id, org_id: org, role: 'lead' })
        .execute();
  }
});
after(() => t.close());

let countyPlan: number;
let derived: { id: number; seq: number; parentTaskId: number }[];

test('preview: the tasks addressed to the counties, and the county itself', async () => {
  const res = await countyOffice.get(
    `/api/workplan/plans/${cityPlan}/cascade/preview?countyOrgId=${zoucheng}`,
  );
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(
    res.json().tasks.map((x: { seq: number }) => x.seq),
    [1, 3, 4],
  );
});

test('the county office derives its plan: linked tasks, first assigned to the county itself', async () => {
  const res = await countyOffice.send('POST', `/api/workplan/plans/${cityPlan}/cascade`, {
    countyOrgId: zoucheng,
  });
  assert.equal(res.statusCode, 200, res.body);
  ({ planId: countyPlan, tasks: derived } = res.json());
  assert.deepEqual(
    derived.map((d) => [d.seq, d.parentTaskId]),
    [
      [1, tasks[0]],
      [2, tasks[2]],
      [3, tasks[3]],
    ],
  );
  const plan = await t.db
    .selectFrom('work_plans')
    .selectAll()
    .where('id', '=', countyPlan)
    .executeTakeFirstOrThrow();
  assert.equal(plan.org_id, zoucheng);
  assert.equal(plan.parent_plan_id, cityPlan);
  assert.equal(plan.year, 2026);
  assert.equal(plan.title, '2026年政务公开工作要点（邹城市人民政府任务分解）');
  const copied = await t.db
    .selectFrom('work_tasks')
    .select(['task', 'due', 'parent_task_id'])
    .where('plan_id', '=', countyPlan)
    .orderBy('seq')
    .execute();
  assert.deepEqual(copied[0], { task: '推进决策公开', due: '2026-06-30', parent_task_id: tasks[0] });
  const as = await t.db
    .selectFrom('work_assignments')
    .select(['org_id', 'role'])
    .where(
      'task_id',
      'in',
      derived.map((d) => d.id),
    )
    .execute();
  assert.equal(as.length, 3);
  assert.ok(as.every((a) => a.org_id === zoucheng && a.role === 'lead'));
  assert.equal(
    (
      await t.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'workplan.cascade.derive')
        .execute()
    ).length,
    1,
  );
});

test('deriving twice, to a department, or by someone outside is refused', async () => {
  const twice = await countyOffice.send('POST', `/api/workplan/plans/${cityPlan}/cascade`, {
    countyOrgId: zoucheng,
  });
  assert.equal(twice.statusCode, 409);
  assert.equal(twice.json().error.code, 'WORKPLAN_CASCADE_EXISTS');
  const dept = await office.send('POST', `/api/workplan/plans/${cityPlan}/cascade`, { countyOrgId: edu });
  assert.equal(dept.statusCode, 400);
  assert.match(dept.json().error.message, /只能分解到县（市、区）/);
  // 邹城's office cannot act for 任城区.
  const other = await countyOffice.send('POST', `/api/workplan/plans/${cityPlan}/cascade`, {
    countyOrgId: rencheng,
  });
  assert.equal(other.statusCode, 404);
});

test('the county maps a derived task to its own units only', async () => {
  const first = derived[0] as { id: number };
  const outside = await countyOffice.send('PUT', `/api/workplan/tasks/${first.id}/units`, {
    units: [{ orgId: edu, role: 'lead' }],
  });
  assert.equal(outside.statusCode, 400);
  assert.equal(outside.json().error.code, 'WORKPLAN_CASCADE_UNIT_OUTSIDE');
  const notDerived = await office.send('PUT', `/api/workplan/tasks/${tasks[1]}/units`, {
    units: [{ orgId: edu, role: 'lead' }],
  });
  assert.equal(notDerived.statusCode, 400);
  assert.equal(notDerived.json().error.code, 'WORKPLAN_CASCADE_NOT_DERIVED');

  const res = await countyOffice.send('PUT', `/api/workplan/tasks/${first.id}/units`, {
    units: [
      { orgId: zcEdu, role: 'lead' },
      { orgId: zcJustice, role: 'responsible' },
    ],
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(
    res
      .json()
      .assignments.map((a: { orgName: string; role: string }) => [a.orgName, a.role])
      .sort(),
    [
      ['邹城市司法局', 'responsible'],
      ['邹城市教育局', 'lead'],
    ],
  );
});

test('a unit that reported progress cannot be dropped', async () => {
  const first = derived[0] as { id: number };
  const a = await t.db
    .selectFrom('work_assignments')
    .select('id')
    .where('task_id', '=', first.id)
    .where('org_id', '=', zcJustice)
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('work_progress')
    .values({ assignment_id: a.id, text: '已部署', links: '[]', status: 'in_progress' })
    .execute();
  const res = await countyOffice.send('PUT', `/api/workplan/tasks/${first.id}/units`, {
    units: [{ orgId: zcEdu, role: 'lead' }],
  });
  assert.equal(res.statusCode, 409);
  assert.match(res.json().error.message, /邹城市司法局已报送过进展/);
});

test('the city sees each county’s status per task', async () => {
  // 任城区 derives too (by the city office), and finishes its first task.
  const rc = await office.send('POST', `/api/workplan/plans/${cityPlan}/cascade`, { countyOrgId: rencheng });
  assert.equal(rc.statusCode, 200, rc.body);
  const rcFirst = rc.json().tasks[0].id as number;
  await t.db
    .updateTable('work_assignments')
    .set({ status: 'done', review_state: 'accepted', accepted_at: new Date() })
    .where('task_id', '=', rcFirst)
    .execute();
  // 邹城: the first task is in progress (one unit accepted, one not).
  const first = derived[0] as { id: number };
  await t.db
    .updateTable('work_assignments')
    .set({ status: 'done', review_state: 'accepted' })
    .where('task_id', '=', first.id)
    .where('org_id', '=', zcEdu)
    .execute();
  await t.db
    .updateTable('work_assignments')
    .set({ status: 'in_progress', review_state: 'submitted' })
    .where('task_id', '=', first.id)
    .where('org_id', '=', zcJustice)
    .execute();

  const res = await office.get(`/api/workplan/plans/${cityPlan}/rollup`);
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.deepEqual(
    body.counties.map((c: { orgName: string; tasks: number; finished: number }) => [
      c.orgName,
      c.tasks,
      c.finished,
    ]),
    [
      ['任城区人民政府', 2, 1],
      ['邹城市人民政府', 3, 0],
    ],
  );
  const cell = (taskIdx: number, org: number) =>
    body.tasks[taskIdx].counties.find((c: { orgId: number }) => c.orgId === org);
  assert.equal(cell(0, zoucheng).status, 'in_progress');
  assert.equal(cell(0, zoucheng).statusLabel, '进行中');
  assert.deepEqual([cell(0, zoucheng).total, cell(0, zoucheng).finished], [2, 1]);
  assert.equal(cell(0, rencheng).status, 'done');
  assert.equal(cell(2, zoucheng).status, 'not_started');
  assert.deepEqual(body.tasks[1].counties, [], 'a task not addressed to counties has no roll-up');
  assert.equal(cell(3, zoucheng).status, 'not_started');
  assert.equal(cell(3, rencheng), undefined, '邹城市专项 went only to 邹城');

  // The county office cannot see the city's roll-up.
  assert.equal((await countyOffice.get(`/api/workplan/plans/${cityPlan}/rollup`)).statusCode, 404);
});
