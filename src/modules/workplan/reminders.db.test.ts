import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';
import { loadConfig } from '../../config.ts';
import { sweepWorkplanReminders, workplanRemindersJob } from './reminders.ts';

// Monday 16 March 2026; Mon 16 … Fri 20, Mon 23 … are working days (no holiday near).
const TODAY = '2026-03-16';

let t: TestApp;
let city: number;
let edu: number;
let fin: number;
let plan: number;
const ids: Record<string, number> = {};

async function addAssignment(
  planId: number,
  seq: number,
  due: string,
  org: number,
  status = 'in_progress',
  review = 'none',
) {
  const task = await t.db
    .insertInto('work_tasks')
    .values({ plan_id: planId, seq, task: `任务${seq}：推进政务公开`, requirement: '', due })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (
    await t.db
      .insertInto('work_assignments')
      .values({
        task_id: task.id,
        org_id: org,
        role: 'lead',
        status: status as never,
        review_state: review as never,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

before(async () => {
  t = await createTestApp();
  city = await orgIdByName(t.db, '济宁市人民政府');
  edu = await orgIdByName(t.db, '市教育局');
  fin = await orgIdByName(t.db, '市财政局');
  // Only the t_* users of createTestApp receive anything: the demo accounts are disabled.
  await t.db.updateTable('users').set({ disabled: true }).where('username', 'not like', 't\\_%').execute();
  plan = (
    await t.db
      .insertInto('work_plans')
      .values({ org_id: city, year: 2026, title: '2026年政务公开工作要点' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  ids.soon = await addAssignment(plan, 1, '2026-03-19', edu); // 3 working days
  ids.over = await addAssignment(plan, 2, '2026-03-13', fin); // Friday: 1 working day overdue
  ids.accepted = await addAssignment(plan, 3, '2026-03-19', edu, 'done', 'accepted');
  ids.far = await addAssignment(plan, 4, '2026-04-30', edu);
  ids.ongoingAccepted = await addAssignment(plan, 5, '2026-03-10', fin, 'ongoing', 'accepted');
  ids.submitted = await addAssignment(plan, 6, '2026-03-23', fin, 'done', 'submitted'); // 5 working days
  // An old plan is left to 回头看: no reminders.
  const old = (
    await t.db
      .insertInto('work_plans')
      .values({ org_id: city, year: 2023, title: '2023年政务公开工作要点' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  ids.old = await addAssignment(old, 1, '2023-12-31', edu);
});
after(() => t.close());
beforeEach(async () => {
  await t.db.deleteFrom('notifications').execute();
});

async function notes() {
  return t.db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select(['u.username', 'n.kind', 'n.subject_type', 'n.subject_id', 'n.title', 'n.body', 'n.due_on'])
    .orderBy('n.id')
    .execute();
}

test('units hear of tasks due within 5 working days and of overdue ones; the office gets a digest', async () => {
  const r = await sweepWorkplanReminders(t.db, { today: TODAY });
  assert.deepEqual(r, { due: 2, overdue: 1, created: r.created, calendarFallback: false });
  const all = await notes();
  const about = (id: number) =>
    all
      .filter((n) => n.subject_type === 'work_assignment' && n.subject_id === String(id))
      .map((n) => [n.username, n.kind]);
  assert.deepEqual(about(ids.soon as number).sort(), [
    ['t_approver', 'workplan.due.3'],
    ['t_handler', 'workplan.due.3'],
    ['t_reviewer', 'workplan.due.3'],
  ]);
  assert.deepEqual(about(ids.over as number).sort(), [
    ['t_approver2', 'workplan.overdue.1'],
    ['t_handler2', 'workplan.overdue.1'],
  ]);
  assert.deepEqual(about(ids.submitted as number).sort(), [
    ['t_approver2', 'workplan.due.5'],
    ['t_handler2', 'workplan.due.5'],
  ]);
  for (const k of ['accepted', 'far', 'ongoingAccepted', 'old'])
    assert.deepEqual(about(ids[k] as number), [], k);
  const soon = all.find((n) => n.subject_id === String(ids.soon) && n.username === 't_handler');
  assert.equal(soon?.title, '工作任务还有3个工作日到期（2026年3月19日）');
  assert.match(soon?.body ?? '', /《2026年政务公开工作要点》第1项：任务1/);
  assert.equal(soon?.due_on, '2026-03-19');

  const digest = all.filter((n) => n.kind === 'workplan.overdue-digest');
  assert.deepEqual(
    digest.map((n) => [n.username, n.subject_id]),
    [['t_office', TODAY]],
  );
  assert.equal(digest[0]?.title, '工作台账逾期汇总：1项任务逾期（2026年3月16日）');
  assert.match(digest[0]?.body ?? '', /第2项 市财政局：完成时限2026年3月13日，已逾期1个工作日/);
});

test('idempotent: the same day again creates nothing; the next day brings the next reminders', async () => {
  const first = await sweepWorkplanReminders(t.db, { today: TODAY });
  assert.ok(first.created > 0);
  const again = await sweepWorkplanReminders(t.db, { today: TODAY });
  assert.equal(again.created, 0);
  const next = await sweepWorkplanReminders(t.db, { today: '2026-03-17' });
  assert.equal(next.created, first.created);
  const kinds = new Set((await notes()).map((n) => n.kind));
  for (const k of ['workplan.due.3', 'workplan.due.2', 'workplan.overdue.1', 'workplan.overdue.2'])
    assert.ok(kinds.has(k), k);
});

test('the job runs the sweep for China’s today', async () => {
  const log = { debug() {}, info() {}, warn() {}, error() {} };
  const result = (await workplanRemindersJob.run(t.db, new Date('2026-03-16T01:00:00Z'), {
    config: loadConfig({}),
    log,
  })) as { created: number };
  assert.ok(result.created > 0);
  const windowDays = (env: NodeJS.ProcessEnv) => loadConfig(env).workplanReminderDays;
  assert.equal(windowDays({ GONGKAI_WORKPLAN_REMINDER_DAYS: '3' }), 3);
  assert.equal(windowDays({}), 5);
  assert.equal(windowDays({ GONGKAI_WORKPLAN_REMINDER_DAYS: 'x' }), 5);
});

test('a year missing from the calendar: calendar days, and the message says so', async () => {
  const later = (
    await t.db
      .insertInto('work_plans')
      .values({ org_id: city, year: 2031, title: '2031年政务公开工作要点' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const id = await addAssignment(later, 1, '2031-03-20', edu);
  const r = await sweepWorkplanReminders(t.db, { today: '2031-03-16', windowDays: 5 });
  assert.equal(r.calendarFallback, true);
  const n = (await notes()).find((x) => x.subject_id === String(id) && x.username === 't_handler');
  assert.equal(n?.kind, 'workplan.due.4d');
  assert.equal(n?.title, '工作任务还有4个自然日到期（2031年3月20日）');
  assert.match(n?.body ?? '', /2031年节假日安排尚未录入工作日历，暂按自然日计算/);
});
