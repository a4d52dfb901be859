import assert from 'node:assert/strict';
import { test } from 'node:test';
import holidays from '../../calendar/data/holidays.json' with { type: 'json' };
import { type CalendarYear, createCalendar } from '../../calendar/domain/calendar.ts';
import { isFinished, isOverdue, reminderFor, reminderKind } from './reminders-due.ts';

// The bundled years, read the way pure code may: calendar's data and domain, not its index.ts.
const bundledCalendarYears = holidays as unknown as CalendarYear[];
const calendar = createCalendar(bundledCalendarYears);
// Monday 16 March 2026: Mon 16 … Fri 20, Mon 23 … Fri 27 are working days.
const TODAY = '2026-03-16';

test('finished means accepted as 已完成 or 长期坚持', () => {
  const table: [string, string, boolean][] = [
    ['done', 'accepted', true],
    ['ongoing', 'accepted', true],
    ['done', 'submitted', false],
    ['done', 'returned', false],
    ['in_progress', 'accepted', false],
    ['not_started', 'none', false],
  ];
  for (const [status, reviewState, want] of table)
    assert.equal(isFinished({ status, reviewState }), want, `${status}/${reviewState}`);
});

test('overdue: open, due before today; no date never overdue', () => {
  const open = { status: 'in_progress', reviewState: 'none' };
  assert.equal(isOverdue(open, '2026-03-15', TODAY), true);
  assert.equal(isOverdue(open, TODAY, TODAY), false);
  assert.equal(isOverdue(open, null, TODAY), false);
  assert.equal(isOverdue({ status: 'done', reviewState: 'accepted' }, '2026-01-01', TODAY), false);
});

test('deadline windows in working days (default 5)', () => {
  const table: [string | null, ReturnType<typeof reminderFor>][] = [
    [null, null],
    [TODAY, { type: 'due', days: 0, calendarDays: false, missingYear: null }],
    ['2026-03-17', { type: 'due', days: 1, calendarDays: false, missingYear: null }],
    ['2026-03-20', { type: 'due', days: 4, calendarDays: false, missingYear: null }],
    // Saturday 21 and Sunday 22 do not count: Monday 23 is 5 working days away.
    ['2026-03-23', { type: 'due', days: 5, calendarDays: false, missingYear: null }],
    ['2026-03-24', null],
    ['2026-12-31', null],
    ['2026-03-13', { type: 'overdue', days: 1, calendarDays: false, missingYear: null }],
    ['2026-03-09', { type: 'overdue', days: 5, calendarDays: false, missingYear: null }],
  ];
  for (const [due, want] of table) assert.deepEqual(reminderFor(calendar, due, TODAY, 5), want, String(due));
});

test('a window over a holiday counts working days only (国庆 2025)', () => {
  // 30 Sep 2025 (Tue) to 9 Oct 2025 (Thu): 1–8 October are days off, so only 9 October counts.
  assert.deepEqual(reminderFor(calendar, '2025-10-09', '2025-09-30', 5), {
    type: 'due',
    days: 1,
    calendarDays: false,
    missingYear: null,
  });
});

test('a missing calendar year falls back to calendar days and says which year', () => {
  const only2026 = createCalendar(bundledCalendarYears.filter((y) => y.year === 2026));
  const r = reminderFor(only2026, '2027-01-03', '2026-12-30', 5);
  assert.deepEqual(r, { type: 'due', days: 4, calendarDays: true, missingYear: 2027 });
  assert.ok(r);
  assert.equal(reminderKind(r), 'workplan.due.4d');
  assert.deepEqual(reminderFor(null, '2026-03-19', TODAY, 5), {
    type: 'due',
    days: 3,
    calendarDays: true,
    missingYear: null,
  });
});

test('the kind carries the day count, so one reminder per assignment, kind and day', () => {
  assert.equal(
    reminderKind({ type: 'due', days: 3, calendarDays: false, missingYear: null }),
    'workplan.due.3',
  );
  assert.equal(
    reminderKind({ type: 'overdue', days: 2, calendarDays: false, missingYear: null }),
    'workplan.overdue.2',
  );
});
