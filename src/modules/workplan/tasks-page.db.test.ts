import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';

/**
 * The console's task list a page at a time: `GET /api/workplan/plans/:id/tasks` filters and searches in
 * the database what the console used to filter itself, after loading the whole plan (18.5 MB for a plan
 * of 2,000 tasks × 50 units). Its answers must be exactly what the whole plan, filtered, holds.
 */

let t: TestApp;
let office: Client;
let handler: Client;
let city: number;
let education: number;
let planId: number;

type Part = {
  id: number;
  orgId: number;
  orgName: string;
  status: string;
  reviewState: string;
  overdue: boolean;
};
type Task = { id: number; seq: number; task: string; requirement: string; assignments: Part[] };

const UNITS = [
  { lead: ['市教育局'], resp: ['市财政局'] },
  { lead: [], resp: ['市教育局'] },
  { lead: [], resp: ['市财政局'] },
  { lead: ['市财政局'], resp: ['市教育局', '市财政局'] },
  { lead: [], resp: ['市财政局'] },
  { lead: [], resp: ['市教育局'] },
  { lead: [], resp: ['市财政局'] },
];

before(async () => {
  t = await createTestApp();
  [office, handler] = await Promise.all([t.as('t_office'), t.as('t_handler')]);
  city = await orgIdByName(t.db, '济宁市人民政府');
  education = await orgIdByName(t.db, '市教育局');
  const saved = await office.send('POST', '/api/workplan/plans', {
    orgId: city,
    year: 2024,
    title: '分页任务清单测试',
    tasks: UNITS.map((u, i) => ({
      seq: i + 1,
      section: i < 4 ? '一、重点工作' : '二、保障措施',
      task: i === 4 ? '完善政府信息公开指南' : `任务${i + 1}`,
      leadUnits: u.lead,
      responsibleUnits: u.resp,
      requirement: `具体要求${i + 1}`,
      // Past, far future, none: only the past ones can be overdue.
      due: i % 3 === 0 ? '2024-06-30' : i % 3 === 1 ? '2999-12-31' : null,
      recurring: false,
    })),
  });
  assert.equal(saved.statusCode, 200, saved.body);
  planId = saved.json().id;
  // The education bureau reports on task 2 (waiting for review) and task 6 (returned by the office).
  const whole = (await handler.get(`/api/workplan/plans/${planId}`)).json() as { tasks: Task[] };
  const part = (seq: number) => whole.tasks.find((x) => x.seq === seq)?.assignments[0];
  for (const seq of [2, 6]) {
    const r = await handler.send('POST', `/api/workplan/assignments/${part(seq)?.id}/progress`, {
      text: '已按要求落实',
      status: 'done',
    });
    assert.equal(r.statusCode, 200, r.body);
  }
  const returned = (await handler.get(`/api/workplan/assignments/${part(6)?.id}`)).json();
  const reviewed = await office.send('POST', `/api/workplan/progress/${returned.progress[0].id}/review`, {
    decision: 'returned',
    comment: '请补充佐证材料',
  });
  assert.equal(reviewed.statusCode, 200, reviewed.body);
});
after(() => t.close());

async function page(c: Client, query: string) {
  const r = await c.get(`/api/workplan/plans/${planId}/tasks?${query}`);
  assert.equal(r.statusCode, 200, r.body);
  return r.json() as { total: number; page: number; pageSize: number; tasks: Task[] };
}

const completed = (a: Part) =>
  a.reviewState === 'accepted' && (a.status === 'done' || a.status === 'ongoing');

/** The filters as the console applied them to the whole plan. */
const FILTERS: [string, (x: Task) => boolean][] = [
  ['all', () => true],
  ['overdue', (x) => x.assignments.some((a) => a.overdue)],
  ['submitted', (x) => x.assignments.some((a) => a.reviewState === 'submitted')],
  ['returned', (x) => x.assignments.some((a) => a.reviewState === 'returned')],
  ['open', (x) => x.assignments.some((a) => !completed(a))],
];

test('each filter, for the office and for a unit, lists what the whole plan filtered holds', {
  timeout: 120_000,
}, async () => {
  for (const [who, c] of [
    ['office', office],
    ['unit', handler],
  ] as const) {
    const whole = (await c.get(`/api/workplan/plans/${planId}`)).json() as { tasks: Task[] };
    for (const [filter, keep] of FILTERS) {
      const expected = whole.tasks.filter(keep);
      const got = await page(c, `filter=${filter}&pageSize=100`);
      assert.equal(got.total, expected.length, `${who} ${filter}`);
      assert.deepEqual(got.tasks, expected, `${who} ${filter}`);
    }
  }
  // The figures behind the comparison: not everything matches every filter.
  assert.deepEqual(
    (await page(office, 'filter=submitted')).tasks.map((x) => x.seq),
    [2],
  );
  assert.deepEqual(
    (await page(office, 'filter=returned')).tasks.map((x) => x.seq),
    [6],
  );
  assert.deepEqual(
    (await page(office, 'filter=overdue')).tasks.map((x) => x.seq),
    [1, 4, 7],
  );
});

test('pages in table order; the total is of all pages', { timeout: 60_000 }, async () => {
  const seen: number[] = [];
  for (const n of [1, 2, 3]) {
    const p = await page(office, `pageSize=3&page=${n}`);
    assert.equal(p.total, 7);
    assert.equal(p.page, n);
    seen.push(...p.tasks.map((x) => x.seq));
  }
  assert.deepEqual(seen, [1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual((await page(office, 'pageSize=3&page=4')).tasks, []);
});

test('a unit sees only the tasks and parts of its own units', { timeout: 60_000 }, async () => {
  const p = await page(handler, 'pageSize=100');
  assert.deepEqual(
    p.tasks.map((x) => x.seq),
    [1, 2, 4, 6],
  );
  assert.ok(p.tasks.every((x) => x.assignments.every((a) => a.orgId === education)));
  // Searching another unit's name finds nothing of its parts.
  assert.equal((await page(handler, `q=${encodeURIComponent('市财政局')}`)).total, 0);
});

test('the keyword is searched in the task, its requirement and its units', { timeout: 60_000 }, async () => {
  const seqs = async (q: string) =>
    (await page(office, `q=${encodeURIComponent(q)}`)).tasks.map((x) => x.seq);
  assert.deepEqual(await seqs('信息公开指南'), [5]);
  assert.deepEqual(await seqs('具体要求3'), [3]);
  assert.deepEqual(await seqs('市教育局'), [1, 2, 4, 6]);
  assert.deepEqual(await seqs('保障措施'), [5, 6, 7]);
  assert.deepEqual(await seqs('没有这样的任务'), []);
});

test('the head without tasks; bad paging and filters get Chinese messages', { timeout: 60_000 }, async () => {
  const head = (await office.get(`/api/workplan/plans/${planId}?tasks=none`)).json();
  assert.equal(head.plan.title, '分页任务清单测试');
  assert.deepEqual(head.tasks, []);
  for (const q of ['pageSize=1000', 'page=0', 'filter=unknown', 'page=abc']) {
    const r = await office.get(`/api/workplan/plans/${planId}/tasks?${q}`);
    assert.equal(r.statusCode, 400, q);
    assert.match(r.body, /[\u4e00-\u9fa5]/, q);
  }
  assert.equal((await office.get('/api/workplan/plans/999999/tasks')).statusCode, 404);
});
