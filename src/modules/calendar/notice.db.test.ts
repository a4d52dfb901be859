import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { applicationBody, orgIdByName } from '../../../test/helpers/factories.ts';
import { parseClockStart, setClock } from '../../platform/time.ts';

// A 2027 notice written for the tests in the State Council's wording (the real one is not out yet):
// 春节 5–12 February with Saturday 20 February worked, unlike the provisional calendar's 5–10 February.
const NOTICE_2027 = readFileSync(
  new URL('../../../test/fixtures/notice-2027-for-tests.txt', import.meta.url),
  'utf8',
);

const NOTICE_2026 = readFileSync(new URL('./domain/notices/2026.txt', import.meta.url), 'utf8');

let t: TestApp;
let city: number;
before(async () => {
  t = await createTestApp();
  city = await orgIdByName(t.db, '济宁市人民政府');
});
after(async () => {
  setClock(null);
  await t.close();
});

const application = (submittedOn: string) =>
  applicationBody(city, {
    submittedOn,
    subject: '2027年春节期间公交线路调整方案',
    docNumber: null,
    description: '请提供方案全文',
    applicant: { email: null, address: null },
  });

test('a deadline into a year without its notice is provisional until the notice is loaded, then final', async () => {
  // Wednesday 20 January 2027, the 2027 notice not loaded.
  setClock(parseClockStart('2027-01-20'));
  const office = await t.as('t_office');
  const res = await office.send('POST', '/api/requests', application('2027-01-20'));
  assert.equal(res.statusCode, 200, res.body);
  const id = res.json().case.id as number;
  const caseNo = res.json().case.caseNo as string;
  // Provisional: 春节 5–8 February by law, Sat 6 and Sun 7 made up on 9 and 10 February → 23 February.
  let detail = (await office.get(`/api/requests/${id}`)).json();
  assert.equal(detail.case.replyDue, '2027-02-23');
  assert.equal(detail.clockMissingYear, 2027);
  assert.deepEqual(detail.clock.provisionalYears, [2027]);
  const list = (await office.get('/api/requests')).json();
  const item = list.items.find((i: { id: number }) => i.id === id);
  assert.equal(item.replyDue, '2027-02-23');
  assert.equal(item.clockMissingYear, 2027);

  // The office reads the notice: compared with the provisional calendar, nothing saved yet.
  const preview = await office.send('POST', '/api/calendar/notice/preview', { text: NOTICE_2027 });
  assert.equal(preview.statusCode, 200, preview.body);
  const p = preview.json();
  assert.equal(p.year, 2027);
  assert.equal(p.comparedWith, 'provisional');
  assert.equal(p.notice.number, '国办发明电〔2026〕99号');
  assert.equal(p.notice.date, '2026-11-20');
  assert.ok(p.diff.addedWorkdays.includes('2027-02-20'), JSON.stringify(p.diff));
  assert.ok(p.diff.addedDaysOff.includes('2027-02-11'), JSON.stringify(p.diff));
  assert.equal(
    (await t.db.selectFrom('calendar_years').select('year').where('year', '=', 2027).executeTakeFirst()) ??
      null,
    null,
  );

  // Saved: the deadline is recomputed at once and final; the office is told old → new.
  const saved = await office.send('POST', '/api/calendar/notice', { text: NOTICE_2027 });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.deepEqual(saved.json().years, [2027]);
  detail = (await office.get(`/api/requests/${id}`)).json();
  assert.equal(detail.case.replyDue, '2027-02-24');
  assert.equal(detail.clockMissingYear, null);
  assert.deepEqual(detail.clock.provisionalYears, []);
  const notices = await t.db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .select(['n.title', 'n.body'])
    .where('u.username', '=', 't_office')
    .where('n.kind', '=', 'request.deadlines-recomputed')
    .execute();
  assert.equal(notices.length, 1);
  assert.match(notices[0]?.title ?? '', /2027年工作日历已更新，1件申请的答复期限已重新计算/);
  assert.ok(notices[0]?.body.includes(`${caseNo}：2027年2月23日 → 2027年2月24日`), notices[0]?.body);
  const audit = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject_type', '=', 'calendar_year')
    .where('subject_id', '=', '2027')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['calendar.year.create'],
  );

  // Loading the same year again needs confirmation; confirmed, it is replaced (nothing changes).
  const again = await office.send('POST', '/api/calendar/notice', { text: NOTICE_2027 });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'CALENDAR_YEAR_EXISTS');
  const replaced = await office.send('POST', '/api/calendar/notice', { text: NOTICE_2027, replace: true });
  assert.equal(replaced.statusCode, 200, replaced.body);
});

test('pasting the 2026 notice reproduces the bundled 2026 calendar exactly', async () => {
  const office = await t.as('t_office');
  const res = await office.send('POST', '/api/calendar/notice/preview', { text: NOTICE_2026 });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().comparedWith, 'loaded');
  assert.equal(res.json().diff.changed, false, JSON.stringify(res.json().diff));
});

test('a text that is not a holiday notice is refused in Chinese and nothing is saved', async () => {
  const office = await t.as('t_office');
  const before = await t.db.selectFrom('calendar_years').select(['year', 'updated_at']).execute();
  const text = '济宁市人民政府办公室关于印发2027年政务公开工作要点的通知\n一、总体要求：深入推进政务公开。';
  const res = await office.send('POST', '/api/calendar/notice', { text });
  assert.equal(res.statusCode, 422, res.body);
  assert.equal(res.json().error.code, 'CALENDAR_NOTICE_UNREADABLE');
  assert.ok(res.json().error.fields.length > 0);
  assert.match(res.json().error.message, /未保存/);
  const empty = await office.send('POST', '/api/calendar/notice/preview', { text: '  ' });
  assert.equal(empty.statusCode, 400);
  assert.deepEqual(await t.db.selectFrom('calendar_years').select(['year', 'updated_at']).execute(), before);
});

test('only the administrator and the office load a notice', async () => {
  const handler = await t.as('t_handler');
  const res = await handler.send('POST', '/api/calendar/notice/preview', { text: NOTICE_2026 });
  assert.equal(res.statusCode, 403);
});
