/**
 * 上下级计划衔接 (province → city → county): the province's plan imported as an external plan, the city's own
 * table linked to it and a county's own table to the city's, by suggestions the office confirms; each
 * parent task rolls up its children's progress.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';

let t: TestApp;
let office: Client;
let city: number;
let zoucheng: number;
let province: number;
let cityPlan: number;
let countyPlan: number;

const task = (seq: number, text: string, requirement: string, units: string[]) => ({
  seq,
  section: null,
  task: text,
  leadUnits: units,
  responsibleUnits: [],
  requirement,
  deadlineRaw: '2025年12月底前',
  due: '2025-12-31',
  recurring: false,
});

async function save(body: object): Promise<number> {
  const res = await office.send('POST', '/api/workplan/plans', { year: 2025, ...body });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().id;
}

before(async () => {
  t = await createTestApp();
  office = await t.as('t_office');
  city = await orgIdByName(t.db, '济宁市人民政府');
  zoucheng = await orgIdByName(t.db, '邹城市人民政府');
  // The province's plan, imported by the city as a plan of an external issuer: its units are kept verbatim.
  province = await save({
    orgId: city,
    title: '山东省2025年政务公开工作要点',
    externalIssuer: '山东省人民政府办公厅',
    tasks: [
      task(1, '推进财政预决算公开', '全面公开部门预算、决算和“三公”经费', ['省财政厅']),
      task(2, '加强政策解读', '重要政策文件与解读材料同步起草、同步审签、同步发布', ['省政府办公厅']),
    ],
  });
  cityPlan = await save({
    orgId: city,
    title: '济宁市2025年政务公开工作要点',
    tasks: [
      task(1, '推进市级财政预决算公开', '全面公开市直部门预算、决算和“三公”经费', ['市财政局']),
      task(2, '加强重要政策解读', '政策文件与解读材料同步起草、同步审签、同步发布', ['市教育局']),
      task(3, '开展政务开放日活动', '邀请市民走进机关', ['市教育局']),
    ],
  });
  countyPlan = await save({
    orgId: zoucheng,
    title: '邹城市2025年政务公开工作要点',
    tasks: [task(1, '推进邹城市财政预决算公开', '全面公开部门预算、决算和“三公”经费', [])].map((x) => ({
      ...x,
      leadUnits: [],
    })),
  });
});
after(() => t.close());

test('the external plan keeps its units verbatim and assigns nobody', async () => {
  const plan = await t.db
    .selectFrom('work_plans')
    .selectAll()
    .where('id', '=', province)
    .executeTakeFirstOrThrow();
  assert.equal(plan.external_issuer, '山东省人民政府办公厅');
  const detail = (await office.get(`/api/workplan/plans/${province}`)).json();
  assert.equal(detail.plan.externalIssuer, '山东省人民政府办公厅');
  assert.deepEqual(
    detail.tasks.map((x: { groups: string[]; assignments: unknown[] }) => [x.groups, x.assignments.length]),
    [
      [['省财政厅'], 0],
      [['省政府办公厅'], 0],
    ],
  );
});

test('city → province: suggested by similarity, confirmed or changed by the office, rolled up', async () => {
  const res = await office.get(`/api/workplan/plans/${cityPlan}/links?parentPlanId=${province}`);
  assert.equal(res.statusCode, 200, res.body);
  const s = res.json();
  const [p1, p2] = s.parentTasks.map((x: { id: number }) => x.id);
  assert.deepEqual(
    s.tasks.map((x: { suggestedParentTaskId: number | null; parentTaskId: number | null }) => [
      x.suggestedParentTaskId,
      x.parentTaskId,
    ]),
    [
      [p1, null],
      [p2, null],
      [null, null],
    ],
  );
  // The office confirms the first, changes the third (links it to 政策解读 after all) and leaves the second.
  const links = [
    { taskId: s.tasks[0].id, parentTaskId: p1 },
    { taskId: s.tasks[1].id, parentTaskId: null },
    { taskId: s.tasks[2].id, parentTaskId: p2 },
  ];
  const saved = await office.send('PUT', `/api/workplan/plans/${cityPlan}/links`, {
    parentPlanId: province,
    links,
  });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.deepEqual(saved.json(), { planId: cityPlan, parentPlanId: province, linked: 2 });
  const again = (await office.get(`/api/workplan/plans/${cityPlan}/links?parentPlanId=${province}`)).json();
  assert.deepEqual(
    again.tasks.map((x: { parentTaskId: number | null }) => x.parentTaskId),
    [p1, null, p2],
  );
  // Progress: 市财政局 finished its part of task 1.
  await t.db
    .updateTable('work_assignments')
    .set({ status: 'done', review_state: 'accepted' })
    .where('task_id', '=', s.tasks[0].id)
    .execute();
  const roll = (await office.get(`/api/workplan/plans/${province}/rollup`)).json();
  assert.deepEqual(
    roll.tasks.map(
      (x: { counties: { planId: number; statusLabel: string; finished: number; total: number }[] }) =>
        x.counties.map((c) => [c.planId, c.statusLabel, c.finished, c.total]),
    ),
    [[[cityPlan, '已完成', 1, 1]], [[cityPlan, '未开始', 0, 1]]],
  );
  // Links never point down the chain, nor to another plan's tasks.
  const cycle = await office.send('PUT', `/api/workplan/plans/${province}/links`, {
    parentPlanId: cityPlan,
    links: [],
  });
  assert.equal(cycle.statusCode, 400);
  assert.equal(cycle.json().error.code, 'WORKPLAN_LINK_CYCLE');
  const foreign = await office.send('PUT', `/api/workplan/plans/${cityPlan}/links`, {
    parentPlanId: province,
    links: [{ taskId: s.tasks[0].id, parentTaskId: s.tasks[1].id }],
  });
  assert.equal(foreign.statusCode, 400);
  assert.match(foreign.body, /所选上级任务不属于上级计划/);
});

test('county → city: the county’s own imported table linked to the city’s tasks', async () => {
  const s = (await office.get(`/api/workplan/plans/${countyPlan}/links?parentPlanId=${cityPlan}`)).json();
  const cityFinance = s.parentTasks[0].id;
  assert.equal(s.tasks[0].suggestedParentTaskId, cityFinance);
  const saved = await office.send('PUT', `/api/workplan/plans/${countyPlan}/links`, {
    parentPlanId: cityPlan,
    links: [{ taskId: s.tasks[0].id, parentTaskId: cityFinance }],
  });
  assert.equal(saved.statusCode, 200, saved.body);
  const roll = (await office.get(`/api/workplan/plans/${cityPlan}/rollup`)).json();
  assert.deepEqual(
    roll.counties.map((c: { orgId: number; planId: number; tasks: number }) => [c.orgId, c.planId, c.tasks]),
    [[zoucheng, countyPlan, 1]],
  );
  assert.equal(roll.tasks[0].counties[0].statusLabel, '未分解到单位');
});

test('province → city by derivation: the city’s plan copied from the province’s, rolled up on it', async () => {
  const province = await save({
    orgId: city,
    title: '山东省2025年政务公开重点任务',
    externalIssuer: '山东省人民政府办公厅',
    tasks: [
      task(1, '推进财政预决算公开', '全面公开部门预算、决算', ['省财政厅']),
      task(2, '加强政策解读', '同步起草、同步审签、同步发布', ['省政府办公厅']),
    ],
  });
  const derived = await office.send('POST', `/api/workplan/plans/${province}/cascade`, {
    countyOrgId: city,
    title: '山东省2025年政务公开重点任务（济宁市任务分解）',
  });
  assert.equal(derived.statusCode, 200, derived.body);
  const { planId, tasks } = derived.json();
  assert.equal(tasks.length, 2, 'every task of the province’s plan');
  const detail = (await office.get(`/api/workplan/plans/${planId}`)).json();
  assert.deepEqual(
    detail.tasks.map((x: { assignments: { orgName: string; role: string }[] }) =>
      x.assignments.map((a) => [a.orgName, a.role]),
    ),
    [[['济宁市人民政府', 'lead']], [['济宁市人民政府', 'lead']]],
  );
  const roll = (await office.get(`/api/workplan/plans/${province}/rollup`)).json();
  assert.ok(roll.counties.some((c: { planId: number }) => c.planId === planId));
  // Another county's office cannot derive from the city's external plan.
  const other = await office.send('POST', `/api/workplan/plans/${province}/cascade`, {
    countyOrgId: zoucheng,
  });
  assert.equal(other.statusCode, 400);
  assert.equal(other.json().error.code, 'WORKPLAN_CASCADE_NOT_CHILD');
});
