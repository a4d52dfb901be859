import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { loadCalendar } from './service.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const y2027 = {
  noticeTitle: '国务院办公厅关于2027年部分节假日安排的通知',
  noticeNumber: null,
  noticeDate: '2026-11-10',
  noticeUrl: 'https://www.gov.cn/example-2027',
  daysOff: ['2027-01-01', '2027-01-02', '2027-01-03'],
  makeupWorkdays: [],
};

test('the bundled years 2021–2026 are in the database and drive the calendar', async () => {
  const c = await t.as('t_handler');
  const res = await c.get('/api/calendar/years');
  assert.deepEqual(
    res.json().items.map((i: { year: number }) => i.year),
    [2021, 2022, 2023, 2024, 2025, 2026],
  );
  const cal = await loadCalendar(t.db);
  assert.equal(cal.isWorkingDay('2024-02-18'), true, '2024-02-18 is a make-up Sunday');
  // The year after the last loaded one is there provisionally (statutory holidays), flagged as such.
  assert.equal(cal.isProvisional(2027), true);
  assert.equal(cal.isWorkingDay('2027-01-01'), false, '元旦 by law');
  const strict = await loadCalendar(t.db, { provisional: false });
  assert.throws(() => strict.isWorkingDay('2027-01-04'), { code: 'CALENDAR_YEAR_MISSING' });
});

test('only the administrator adds a year; it is audited and used at once', async () => {
  const handler = await t.as('t_handler');
  assert.equal((await handler.send('PUT', '/api/calendar/years/2027', y2027)).statusCode, 403);
  const admin = await t.as('t_admin');
  const res = await admin.send('PUT', '/api/calendar/years/2027', y2027);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().source, 'admin');
  const cal = await loadCalendar(t.db);
  assert.equal(cal.isWorkingDay('2027-01-01'), false);
  assert.equal(cal.isWorkingDay('2027-01-04'), true);
  const audit = await t.db
    .selectFrom('audit_log')
    .select(['action', 'subject_id'])
    .where('subject_type', '=', 'calendar_year')
    .execute();
  assert.deepEqual(audit, [{ action: 'calendar.year.create', subject_id: '2027' }]);
});

test('a wrong year entry is refused with Chinese messages and nothing saved', async () => {
  const admin = await t.as('t_admin');
  const res = await admin.send('PUT', '/api/calendar/years/2028', { ...y2027, daysOff: ['2027-05-01'] });
  assert.equal(res.statusCode, 400);
  assert.ok(
    res.json().error.fields.some((f: { message: string }) => f.message.includes('2027-05-01')),
    res.body,
  );
  const row = await t.db
    .selectFrom('calendar_years')
    .select('year')
    .where('year', '=', 2028)
    .executeTakeFirst();
  assert.equal(row, undefined);
});

test('an administrator’s correction survives the next start (bundled data does not overwrite it)', async () => {
  const admin = await t.as('t_admin');
  const corrected = {
    ...y2027,
    noticeTitle: '国务院办公厅关于2026年部分节假日安排的通知（更正）',
    daysOff: ['2026-01-01'],
  };
  assert.equal((await admin.send('PUT', '/api/calendar/years/2026', corrected)).statusCode, 200);
  const { loadBundledYears } = await import('./service.ts');
  await loadBundledYears(t.db);
  const row = await t.db
    .selectFrom('calendar_years')
    .selectAll()
    .where('year', '=', 2026)
    .executeTakeFirstOrThrow();
  assert.equal(row.source, 'admin');
  assert.deepEqual(row.days_off, ['2026-01-01']);
});
