import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { orgIdByName } from '../../../../test/helpers/factories.ts';

let t: TestApp;
let citizen: Client;
let published: number;
let hidden: number;
let noLead: number;
let office: Client;
let t2Id: number;

before(async () => {
  t = await createTestApp();
  citizen = await t.anonymous();
  office = await t.as('t_office');
  const city = await orgIdByName(t.db, '济宁市人民政府');
  const edu = await orgIdByName(t.db, '市教育局');
  const zc = await orgIdByName(t.db, '邹城市人民政府');
  published = (
    await t.db
      .insertInto('work_plans')
      .values({
        org_id: city,
        year: 2026,
        title: '济宁市2026年政务公开工作要点',
        doc_number: '济政办字〔2026〕3号',
        issuer: '济宁市人民政府办公室',
        issued_date: '2026-03-01',
        published: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  noLead = (
    await t.db
      .insertInto('work_plans')
      .values({ org_id: zc, year: 2025, title: '邹城市2025年政务公开工作要点', published: true })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const zcTask = await t.db
    .insertInto('work_tasks')
    .values({ plan_id: noLead, seq: 1, task: '公开财政预决算', requirement: '', due: '2025-06-30' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('work_assignments')
    .values({ task_id: zcTask.id, org_id: zc, role: 'responsible' })
    .execute();
  hidden = (
    await t.db
      .insertInto('work_plans')
      .values({ org_id: city, year: 2025, title: '未公开的计划<script>' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const t1 = await t.db
    .insertInto('work_tasks')
    .values({
      plan_id: published,
      seq: 1,
      task: '推进<决策>公开',
      requirement: '重大决策预公开',
      deadline_raw: '2026年6月底前',
      due: '2026-06-30',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('work_assignments')
    .values({ task_id: t1.id, org_id: edu, role: 'lead', status: 'done', review_state: 'accepted' })
    .execute();
  await t.db
    .insertInto('work_task_groups')
    .values({ task_id: t1.id, name: '各县（市、区）政府（管委会）' })
    .execute();
  const t2 = await t.db
    .insertInto('work_tasks')
    .values({ plan_id: published, seq: 2, task: '优化政务公开平台', requirement: '', due: '2020-01-31' })
    .returning('id')
    .executeTakeFirstOrThrow();
  t2Id = t2.id;
  await t.db
    .insertInto('work_assignments')
    .values({ task_id: t2.id, org_id: edu, role: 'responsible' })
    .execute();
});
after(() => t.close());

test('the list shows published plans by organisation and year, works without JavaScript', async () => {
  const res = await citizen.get('/gk/workplans');
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /text\/html/);
  assert.match(res.body, /<html lang="zh-CN">/);
  assert.match(res.body, /<h1>年度工作计划<\/h1>/);
  assert.match(res.body, /<h2 id="org-\d+">济宁市人民政府<\/h2>\s*<h3>2026年<\/h3>/);
  // A county's plans are on the county's site (/s/{行政区划代码}/), not the city's.
  assert.doesNotMatch(res.body, /邹城市人民政府/);
  const county = await citizen.get('/s/370883/gk/workplans');
  assert.match(county.body, /<h2 id="org-\d+">邹城市人民政府<\/h2>\s*<h3>2025年<\/h3>/);
  assert.doesNotMatch(county.body, /济宁市2026年政务公开工作要点/);
  assert.match(res.body, new RegExp(`<a href="/gk/workplans/${published}">济宁市2026年政务公开工作要点</a>`));
  assert.doesNotMatch(res.body, /未公开的计划/);
  assert.doesNotMatch(res.body, /<script/);
});

test('a plan page: facts, task table with caption, units and the published 落实情况', async () => {
  // Before the office publishes it, the public sees the tasks but no progress.
  const before = await citizen.get(`/gk/workplans/${published}`);
  assert.equal(before.statusCode, 200);
  assert.match(before.body, /共2项任务，落实情况尚未发布/);
  assert.doesNotMatch(before.body, /已逾期|<td>已完成<\/td>|落实情况（截至/);
  const pub = await office.send('POST', `/api/workplan/plans/${published}/progress`);
  assert.equal(pub.statusCode, 200, pub.body);
  assert.deepEqual(pub.json().totals, { tasks: 2, done: 1, overdueTasks: 1, overdueParts: 1 });
  // The console's count of overdue tasks is the portal's.
  const dash = (await office.get(`/api/workplan/plans/${published}/dashboard`)).json();
  assert.equal(dash.totals.overdueTasks, 1);
  const res = await citizen.get(`/gk/workplans/${published}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1>济宁市2026年政务公开工作要点<\/h1>/);
  assert.match(res.body, /<dt>文号<\/dt><dd>济政办字〔2026〕3号<\/dd>/);
  assert.match(res.body, /<dt>成文日期<\/dt><dd>2026年3月1日<\/dd>/);
  assert.match(res.body, /<caption>济宁市2026年政务公开工作要点任务分解及落实情况（共2项）<\/caption>/);
  assert.match(res.body, /<th scope="row">1\. 推进&lt;决策&gt;公开<\/th>/);
  assert.match(
    res.body,
    /<td>市教育局<\/td>\s*<td>各县（市、区）政府（管委会）<\/td>\s*<td>2026年6月底前<\/td>\s*<td>已完成<\/td>/,
  );
  assert.match(res.body, /<td>未开始<strong>（已逾期）<\/strong><\/td>/);
  assert.match(res.body, /共2项任务，已完成1项，逾期未完成1项（截至2026年3月16日，2026年3月16日发布）/);
  assert.match(res.body, /<th scope="col">落实情况（截至2026年3月16日）<\/th>/);
  // A change inside the office is not public until the next publication.
  await t.db
    .updateTable('work_assignments')
    .set({ status: 'done', review_state: 'accepted' })
    .where('task_id', '=', t2Id)
    .execute();
  assert.match((await citizen.get(`/gk/workplans/${published}`)).body, /逾期未完成1项/);
  await office.send('POST', `/api/workplan/plans/${published}/progress`);
  const after = (await citizen.get(`/gk/workplans/${published}`)).body;
  assert.match(after, /共2项任务，已完成2项（截至/);
  assert.doesNotMatch(after, /已逾期/);
});

test('publishing 落实情况 is for the plan’s managers; the 牵头单位 column shows only where a task has one', async () => {
  assert.equal((await citizen.send('POST', `/api/workplan/plans/${published}/progress`)).statusCode, 401);
  const handler = await t.as('t_handler');
  assert.ok(
    [403, 404].includes((await handler.send('POST', `/api/workplan/plans/${published}/progress`)).statusCode),
  );
  // 邹城市's plan is on 邹城市's own site.
  const page = (await citizen.get(`/s/370883/gk/workplans/${noLead}`)).body;
  assert.match(page, /公开财政预决算/);
  assert.doesNotMatch(page, /牵头单位/);
  assert.match((await citizen.get(`/gk/workplans/${published}`)).body, /<th scope="col">牵头单位<\/th>/);
});

test('unpublished, unknown or malformed plans are 404 pages', async () => {
  for (const path of [
    `/gk/workplans/${hidden}`,
    '/gk/workplans/999999',
    '/gk/workplans/abc',
    '/gk/workplans/assessments/1',
  ]) {
    const res = await citizen.get(path);
    assert.equal(res.statusCode, 404, path);
    assert.match(res.body, /<html lang="zh-CN">/);
  }
});
