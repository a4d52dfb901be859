/** 年度报告正文: a new draft's section 一 carries the facts other modules know; last year's texts for reference. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';

let t: TestApp;
let finance: number;

before(async () => {
  t = await createTestApp();
  finance = await orgIdByName(t.db, '市财政局');
  const doc = (n: number, published: string) => ({
    title: `正文测试文件${n}`,
    index_number: `NARR-${n}`,
    org_id: finance,
    genre: 'notice',
    written_date: published,
    published_date: published,
    status: 'published' as const,
    attribute: 'proactive' as const,
  });
  const docs = await t.db
    .insertInto('documents')
    .values([doc(1, '2025-04-01'), doc(2, '2025-05-01'), doc(3, '2024-12-31')])
    .returning('id')
    .execute();
  const [first] = docs;
  assert.ok(first);
  await t.db
    .insertInto('interpretations')
    .values({ document_id: first.id, kind: 'text', title: '解读', published_date: '2025-04-02' })
    .execute();
  await t.db
    .insertInto('consultations')
    .values({
      org_id: finance,
      title: '征求意见',
      opens_on: '2025-06-01',
      planned_last_day: '2025-06-30',
      closes_on: '2025-06-30',
      status: 'closed',
    })
    .execute();
  const plan = await t.db
    .insertInto('work_plans')
    .values({ org_id: finance, year: 2025, title: '2025年政务公开工作要点' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const tasks = await t.db
    .insertInto('work_tasks')
    .values([
      { plan_id: plan.id, seq: 1, task: '任务一' },
      { plan_id: plan.id, seq: 2, task: '任务二' },
    ])
    .returning('id')
    .execute();
  await t.db
    .insertInto('work_assignments')
    .values(
      tasks.map((task, i) => ({
        task_id: task.id,
        org_id: finance,
        role: 'lead' as const,
        status: 'done' as const,
        review_state: i === 0 ? ('accepted' as const) : ('submitted' as const),
      })),
    )
    .execute();
});
after(() => t.close());

const url = (year: number) => `/api/reports/${finance}/${year}`;

test('a new draft’s section 一 has the documents, interpretations, workplan tasks and consultations of the year', async () => {
  const approver = await t.as('t_approver2');
  const res = await approver.send('PUT', `${url(2025)}/figures`, { licensing: 0 });
  assert.equal(res.statusCode, 200, res.body);
  const draft = await t.db
    .selectFrom('reports')
    .select('overview')
    .where('org_id', '=', finance)
    .where('year', '=', 2025)
    .executeTakeFirstOrThrow();
  assert.match(draft.overview, /主动公开政府文件2件，发布政策解读1篇。/);
  assert.match(draft.overview, /年度政务公开工作要点确定任务2项，分解落实2项，已完成1项。/);
  assert.match(draft.overview, /重大行政决策公开征求意见1次，收到意见0条，采纳或部分采纳0条。/);
});

test('the detail carries the previous year’s texts, null when there is no report for that year', async () => {
  const approver = await t.as('t_approver2');
  const first = await approver.get(url(2024));
  assert.equal(first.statusCode, 200, first.body);
  assert.equal(first.json().previous, null);
  const saved = await approver.send('PUT', `${url(2024)}/narrative`, {
    overview: '上年总体情况',
    problems: '上年问题',
    other: '上年其他',
  });
  assert.equal(saved.statusCode, 200, saved.body);
  const res = await approver.get(url(2025));
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().previous, {
    overview: '上年总体情况',
    problems: '上年问题',
    other: '上年其他',
  });
});

test('the fees sentence follows the fees entered: with the entry that creates the draft, and later while section 一 is untouched', async () => {
  const approver = await t.as('t_approver2');
  const overview = () =>
    t.db
      .selectFrom('reports')
      .select('overview')
      .where('org_id', '=', finance)
      .where('year', '=', 2023)
      .executeTakeFirstOrThrow()
      .then((r) => r.overview);
  // The entry that creates the draft: its sentence is in the draft.
  const first = await approver.send('PUT', `${url(2023)}/figures`, { fees: 2.5 });
  assert.equal(first.statusCode, 200, first.body);
  assert.match(await overview(), /本年行政事业性收费2.5万元，收费项目和标准依法公开。/);
  // Changed later, the untouched text follows.
  await approver.send('PUT', `${url(2023)}/figures`, { fees: 4 });
  assert.match(await overview(), /本年行政事业性收费4万元/);
  assert.doesNotMatch(await overview(), /2.5万元/);
  // Once staff edited section 一, their text stays.
  const edited = await approver.send('PUT', `${url(2023)}/narrative`, {
    overview: '人工撰写的总体情况',
    problems: '',
    other: '',
  });
  assert.equal(edited.statusCode, 200, edited.body);
  await approver.send('PUT', `${url(2023)}/figures`, { fees: 6 });
  assert.equal(await overview(), '人工撰写的总体情况');
});
