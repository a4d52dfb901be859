import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createTestUser, orgIdByName, userIdByUsername } from '../../../test/helpers/factories.ts';
import { loadConfig } from '../../config.ts';
import { createScheduler, type JobLogger, type SchedulerClock } from '../../platform/jobs/scheduler.ts';
import { bundledCalendar } from '../calendar/index.ts';
import { requestsModule } from './manifest.ts';
import { milestoneFor, remindersJob, sweepReminders } from './reminders.ts';

// Monday 16 March 2026, no holiday within two weeks either side. Working days around it:
// Fri 6, Mon 9 … Fri 13, Mon 16, Tue 17 … Fri 20, Mon 23, Tue 24.
const TODAY = '2026-03-16';
const DAYS = [5, 1];

let t: TestApp;
let city: number;
let education: number;
let finance: number;

const noLog: JobLogger = { debug() {}, info() {}, warn() {}, error() {} };

before(async () => {
  t = await createTestApp();
  city = await orgIdByName(t.db, '济宁市人民政府');
  education = await orgIdByName(t.db, '市教育局');
  finance = await orgIdByName(t.db, '市财政局');
  // Besides the t_* users: a second handler in 市教育局, an office user inside 市财政局 itself (its own
  // disclosure office), and a disabled office user of the city.
  for (const [username, role, orgId] of [
    ['r_handler_b', 'handler', education],
    ['r_fin_office', 'office', finance],
    ['r_gone', 'office', await orgIdByName(t.db, '市政府办公室')],
  ] as const) {
    await createTestUser(t.db, { username, role, org: orgId });
  }
  // r_gone and the demo accounts of seedDemoOrgs (office, handler, …: the names without an underscore)
  // are disabled, so every recipient expected below is one made in this file or by createTestApp.
  await t.db
    .updateTable('users')
    .set({ disabled: true })
    .where((eb) => eb.or([eb('username', '=', 'r_gone'), eb.not(eb('username', 'like', '%\\_%'))]))
    .execute();
});
after(() => t.close());
beforeEach(async () => {
  await t.db.deleteFrom('notifications').execute();
  await t.db.deleteFrom('requests').execute();
});

let seq = 0;
async function addCase(v: {
  due: string | null;
  stage?: string;
  org?: number;
  unit?: number | null;
  handler?: number | null;
  missingYear?: number | null;
}): Promise<{ id: number; caseNo: string }> {
  seq++;
  const caseNo = `2026-${String(seq).padStart(6, '0')}`;
  const row = await t.db
    .insertInto('requests')
    .values({
      case_no: caseNo,
      org_id: v.org ?? city,
      unit_id: v.unit === undefined ? education : v.unit,
      handler_id: v.handler ?? null,
      channel: 'in-person',
      submitted_on: '2026-02-10',
      received_on: '2026-02-10',
      stage: v.stage ?? 'processing',
      applicant_type: 'natural',
      applicant_name: '张三',
      applicant: JSON.stringify({}),
      subject: `城区学校建设项目批复${seq}`,
      description: '描述',
      reply_due: v.due,
      clock_missing_year: v.missingYear ?? null,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, caseNo };
}

function allNotifications() {
  return t.db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select(['u.username', 'n.kind', 'n.subject_type', 'n.subject_id', 'n.title', 'n.body', 'n.due_on'])
    .orderBy('n.subject_id')
    .orderBy('u.username')
    .execute();
}

async function recipientsOf(caseId: number) {
  return (await allNotifications()).filter((r) => r.subject_id === String(caseId)).map((r) => r.username);
}

const sweep = (today = TODAY) => sweepReminders(t.db, { today, days: DAYS });

test('milestones: 5 and 1 working days left, the due day, overdue on day 1 and then every 5 working days', () => {
  const days = new Set(DAYS);
  const m = (due: string, today = TODAY) => milestoneFor(bundledCalendar, due, today, days);
  assert.deepEqual(m('2026-03-23'), { type: 'due', daysLeft: 5 });
  assert.deepEqual(m('2026-03-17'), { type: 'due', daysLeft: 1 });
  assert.deepEqual(m('2026-03-16'), { type: 'due', daysLeft: 0 });
  for (const quiet of ['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-24', '2026-04-30'])
    assert.equal(m(quiet), null, quiet);
  assert.deepEqual(m('2026-03-13'), { type: 'overdue', daysOver: 1 });
  assert.deepEqual(m('2026-03-06'), { type: 'overdue', daysOver: 6 });
  for (const quiet of ['2026-03-12', '2026-03-11', '2026-03-09', '2026-03-05'])
    assert.equal(m(quiet), null, quiet);
  // Due on a Friday: the weekend is not yet a working day late; Monday is day 1.
  assert.equal(m('2026-03-13', '2026-03-14'), null);
  assert.equal(m('2026-03-13', '2026-03-15'), null);
  // Working days, not calendar days: 清明节 (4–6 April 2026) is not counted.
  assert.equal(m('2026-04-08', '2026-04-01'), null);
  assert.deepEqual(m('2026-04-09', '2026-04-01'), { type: 'due', daysLeft: 5 });
  // A year without its 节假日安排 is never guessed.
  assert.deepEqual(m('2026-12-31', '2027-01-04'), { type: 'calendar-missing', year: 2027 });
});

test('the sweep reminds handlers and office at 5, 1, 0 working days and when overdue — and only then', async () => {
  const five = await addCase({ due: '2026-03-23' });
  const one = await addCase({ due: '2026-03-17' });
  const zero = await addCase({ due: '2026-03-16' });
  const over1 = await addCase({ due: '2026-03-13' });
  const over6 = await addCase({ due: '2026-03-06' });
  for (const due of ['2026-03-18', '2026-03-19', '2026-03-24', '2026-03-12', '2026-03-09'])
    await addCase({ due });
  await addCase({ due: null, stage: 'awaiting-correction' });
  for (const stage of ['awaiting-confirmation', 'replied', 'closed', 'archived'])
    await addCase({ due: '2026-03-17', stage });

  const result = await sweep();
  // Handlers of 市教育局 (t_handler, r_handler_b) and the city's disclosure office (t_office; r_gone
  // is disabled): 3 people × 5 cases.
  assert.deepEqual(result, { cases: 5, created: 15, missingYears: [] });
  for (const c of [five, one, zero, over1, over6])
    assert.deepEqual(await recipientsOf(c.id), ['r_handler_b', 't_handler', 't_office'], c.caseNo);
  const rows = await allNotifications();
  assert.equal(rows.length, 15);
  const of = (c: { id: number }) =>
    rows.find((r) => r.subject_id === String(c.id) && r.username === 't_handler');
  assert.deepEqual(
    [five, one, zero, over1, over6].map((c) => of(c)?.kind),
    ['request.due.5', 'request.due.1', 'request.due.0', 'request.overdue.1', 'request.overdue.6'],
  );
  assert.equal(of(five)?.title, `申请${five.caseNo}答复期限还有5个工作日（2026年3月23日）`);
  assert.equal(of(five)?.due_on, '2026-03-23');
  assert.equal(of(five)?.subject_type, 'request');
  assert.match(of(five)?.body ?? '', /城区学校建设项目批复/);
  assert.equal(of(one)?.title, `申请${one.caseNo}答复期限还有1个工作日（2026年3月17日）`);
  assert.equal(of(zero)?.title, `申请${zero.caseNo}答复期限为今天（2026年3月16日）`);
  assert.equal(of(over1)?.title, `申请${over1.caseNo}已超过答复期限1个工作日（2026年3月13日）`);
  assert.equal(of(over6)?.title, `申请${over6.caseNo}已超过答复期限6个工作日（2026年3月6日）`);
});

test('running the sweep again (same day, or the next process) creates no duplicates', async () => {
  await addCase({ due: '2026-03-23' });
  await addCase({ due: '2026-03-13' });
  assert.equal((await sweep()).created, 6);
  assert.deepEqual(await sweep(), { cases: 2, created: 0, missingYears: [] });
  assert.equal((await allNotifications()).length, 6);
  // Over the following days: 4 and 3 days left are quiet, overdue days 2–5 too; then 1 day left and
  // the weekly overdue reminder (day 6) follow.
  for (const day of ['2026-03-17', '2026-03-18', '2026-03-19'])
    assert.equal((await sweep(day)).created, 0, day);
  const fri = await sweep('2026-03-20');
  assert.equal(fri.created, 3, 'one day left');
  const mon = await sweep('2026-03-23');
  assert.equal(mon.created, 6, 'due today, and the overdue case’s first weekly reminder');
  const kinds = (await allNotifications()).filter((r) => r.username === 't_office').map((r) => r.kind);
  assert.deepEqual(kinds.sort(), [
    'request.due.0',
    'request.due.1',
    'request.due.5',
    'request.overdue.1',
    'request.overdue.6',
  ]);
});

test('recipients: the case’s own handler when set; the office of the agency itself; no handler before assignment', async () => {
  const handler = await userIdByUsername(t.db, 't_handler');
  const own = await addCase({ due: '2026-03-17', handler });
  const unassigned = await addCase({ due: '2026-03-17', unit: null, stage: 'registered' });
  const finCase = await addCase({ due: '2026-03-17', org: finance, unit: finance });
  const goneHandler = await addCase({ due: '2026-03-17', handler: await userIdByUsername(t.db, 'r_gone') });
  await sweep();
  assert.deepEqual(await recipientsOf(own.id), ['t_handler', 't_office']);
  assert.deepEqual(await recipientsOf(unassigned.id), ['t_office']);
  assert.deepEqual(await recipientsOf(finCase.id), ['r_fin_office', 't_handler2']);
  assert.deepEqual(
    await recipientsOf(goneHandler.id),
    ['r_handler_b', 't_handler', 't_office'],
    'a disabled handler: the unit’s handlers instead',
  );
});

test('a missing calendar year: one notice per office user and year, listing the cases; nothing guessed', async () => {
  const a = await addCase({ due: null, missingYear: 2031 });
  const b = await addCase({ due: null, missingYear: 2031, unit: null, stage: 'registered' });
  // Stored as missing, but 2026 is loaded now: stale, not missing.
  await addCase({ due: null, missingYear: 2026 });
  const r = await sweep();
  assert.deepEqual(r, { cases: 3, created: 1, missingYears: [2031] });
  const rows = await allNotifications();
  assert.equal(rows.length, 1);
  const n = rows[0];
  assert.ok(n);
  assert.equal(n.username, 't_office');
  assert.equal(n.kind, 'request.calendar-missing');
  assert.equal(n.subject_type, 'calendar_year');
  assert.equal(n.subject_id, '2031');
  assert.equal(n.due_on, null);
  assert.equal(n.title, '2031年节假日安排尚未录入，2件申请的答复期限无法计算');
  assert.match(n.body, /2031年的节假日安排尚未录入工作日历，无法计算期限/);
  assert.match(n.body, new RegExp(`${a.caseNo}、${b.caseNo}`));
  assert.equal((await sweep()).created, 0, 'once');

  // Today in a year whose notice is not loaded (2027, filled provisionally): a final deadline of 2026
  // is still reminded of (1 working day over: 元旦 is off by law), and nothing is reported missing.
  await t.db.deleteFrom('notifications').execute();
  await t.db.deleteFrom('requests').execute();
  await addCase({ due: '2026-12-31' });
  const next = await sweep('2027-01-04');
  assert.deepEqual(next.missingYears, []);
  const kinds = new Set((await allNotifications()).map((n) => n.kind));
  assert.deepEqual([...kinds], ['request.overdue.1']);
});

test('a provisional deadline is reminded of as provisional (暂定), with the year whose notice is missing', async () => {
  // Due Tue 12 Jan 2027, counted provisionally; on Tue 5 Jan, 5 working days are left (6, 7, 8, 11, 12).
  const c = await addCase({ due: '2027-01-12', missingYear: 2027 });
  const r = await sweep('2027-01-05');
  assert.deepEqual(r.missingYears, []);
  const mine = (await allNotifications()).filter((n) => n.subject_id === String(c.id));
  assert.ok(mine.length > 0);
  for (const n of mine) {
    assert.equal(n.kind, 'request.due.5');
    assert.match(n.title, /2027年1月12日，暂定（2027年放假安排尚未录入）/);
  }
});

test('a person sees only their own reminders over the API', async () => {
  await addCase({ due: '2026-03-17' });
  await addCase({ due: '2026-03-17', org: finance, unit: finance });
  await sweep();
  const mine = (await (await t.as('t_handler')).get('/api/notifications')).json();
  const other = (await (await t.as('t_handler2')).get('/api/notifications')).json();
  assert.equal(mine.total, 1);
  assert.equal(other.total, 1);
  assert.notEqual(mine.items[0].id, other.items[0].id);
  assert.notEqual(mine.items[0].subjectId, other.items[0].subjectId);
});

test('registered as an hourly job; two schedulers at the same hour sweep once', async () => {
  assert.ok(requestsModule.jobs?.includes(remindersJob));
  assert.equal(remindersJob.everyMinutes, 60);
  await addCase({ due: '2026-03-17' });
  // 09:00 in China on 16 March = 01:00 UTC.
  const now = new Date('2026-03-16T01:00:30Z');
  const clock: SchedulerClock = { now: () => now, setTimeout: () => null, clearTimeout() {} };
  const config = loadConfig({});
  let sweeps = 0;
  const counted = {
    ...remindersJob,
    async run(...args: Parameters<typeof remindersJob.run>) {
      sweeps++;
      return remindersJob.run(...args);
    },
  };
  const a = createScheduler({ db: t.db, jobs: [counted], config, log: noLog, clock });
  const b = createScheduler({ db: t.db, jobs: [counted], config, log: noLog, clock });
  await Promise.all([a.tick(), b.tick()]);
  assert.equal(sweeps, 1);
  assert.equal((await allNotifications()).length, 3);
});
