/** 年度报告报送提醒 run at chosen dates: who is reminded of what, once. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { createTestUser, orgIdByName } from '../../../../test/helpers/factories.ts';
import { loadConfig } from '../../../config.ts';
import type { JobLogger } from '../../../platform/jobs/scheduler.ts';
import { reportRemindersJob } from './reminders.ts';

let t: TestApp;
let city: number;
let education: number;
let finance: number;
let zoucheng: number;

const noLog: JobLogger = { debug() {}, info() {}, warn() {}, error() {} };
/** The job as the scheduler runs it, at 08:00 China time of `date`. */
const runAt = async (date: string) =>
  (await reportRemindersJob.run(t.db, new Date(`${date}T08:00:00+08:00`), {
    config: loadConfig({}),
    log: noLog,
  })) as { created: number };

async function notices(): Promise<string[]> {
  const rows = await t.db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select(['u.username', 'n.kind', 'n.subject_id', 'n.title'])
    .where('n.subject_type', '=', 'annual_report')
    .execute();
  const names = new Map([
    [city, 'city'],
    [education, 'education'],
    [finance, 'finance'],
    [zoucheng, 'zoucheng'],
  ]);
  return rows
    .map((r) => {
      const [org, year] = r.subject_id.split('/');
      return `${r.username} ${r.kind} ${names.get(Number(org)) ?? org}/${year}`;
    })
    .sort();
}

before(async () => {
  t = await createTestApp();
  city = await orgIdByName(t.db, '济宁市人民政府');
  education = await orgIdByName(t.db, '市教育局');
  finance = await orgIdByName(t.db, '市财政局');
  zoucheng = await orgIdByName(t.db, '邹城市人民政府');
  // Only the t_* users receive anything (the demo accounts are disabled).
  await t.db
    .updateTable('users')
    .set({ disabled: true })
    .where((eb) => eb.not(eb('username', 'like', 't\\_%')))
    .execute();
  await createTestUser(t.db, { username: 't_edu_office', role: 'office', org: education });
  // 市教育局 has submitted its 2025 report; nobody else has one.
  await t.db
    .insertInto('reports')
    .values({
      org_id: education,
      year: 2025,
      state: 'submitted',
      figures: null,
      checks: null,
      submitted_at: new Date('2026-01-10T02:00:00Z'),
      submitted_by: null,
      accepted_at: null,
      accepted_by: null,
      published_at: null,
      published_by: null,
      updated_by: null,
    })
    .execute();
});
after(() => t.close());

test('January: departments that have not submitted, on the milestones only, each reminder once', async () => {
  assert.equal((await runAt('2026-01-03')).created, 0); // before the first working day of January (4th)
  assert.equal((await runAt('2026-01-04')).created, 1);
  assert.deepEqual(await notices(), ['t_approver2 report.submit.first finance/2025']);
  // Runs later the same day, or on days between milestones, create nothing.
  assert.equal((await runAt('2026-01-04')).created, 0);
  assert.equal((await runAt('2026-01-12')).created, 0);
  assert.equal((await runAt('2026-01-23')).created, 1); // 5 working days before 31 January
  assert.equal((await runAt('2026-01-30')).created, 1); // the last working day before Saturday 31 January
  const [last] = await t.db
    .selectFrom('notifications')
    .select(['title', 'body', 'due_on'])
    .where('kind', '=', 'report.submit.last')
    .execute();
  assert.equal(last?.title, '市财政局2025年度政府信息公开工作年度报告今天须完成报送');
  assert.match(last?.body ?? '', /报送期限为2026年1月31日/);
  assert.equal(String(last?.due_on).slice(0, 10), '2026-01-31');
});

test('after the due date: overdue once; an accepted department report is owed publication', async () => {
  await t.db.updateTable('reports').set({ state: 'accepted' }).where('org_id', '=', education).execute();
  assert.equal((await runAt('2026-02-02')).created, 2);
  assert.equal((await runAt('2026-02-03')).created, 0);
  const overdue = (await notices()).filter((n) => n.includes('overdue'));
  assert.deepEqual(overdue, [
    't_approver2 report.submit.overdue finance/2025',
    't_edu_office report.publish.overdue education/2025',
  ]);
});

test('March: the governments’ own reports (Art. 49(2)), to their offices', async () => {
  assert.equal((await runAt('2026-03-02')).created, 2);
  const march = (await notices()).filter((n) => n.includes('report.publish.first'));
  assert.deepEqual(march, [
    't_county report.publish.first zoucheng/2025',
    't_office report.publish.first city/2025',
  ]);
  // Published: no more reminders for it.
  await t.db
    .insertInto('reports')
    .values({
      org_id: city,
      year: 2025,
      state: 'published',
      figures: null,
      checks: null,
      submitted_at: null,
      submitted_by: null,
      accepted_at: null,
      accepted_by: null,
      published_at: null,
      published_by: null,
      updated_by: null,
    })
    .execute();
  assert.equal((await runAt('2026-03-24')).created, 1);
  assert.deepEqual(
    (await notices()).filter((n) => n.includes('.five') && n.includes('publish')),
    ['t_county report.publish.five zoucheng/2025'],
  );
});
