import assert from 'node:assert/strict';
import { test } from 'node:test';
import holidays from '../../calendar/data/holidays.json' with { type: 'json' };
import { type CalendarYear, createCalendar } from '../../calendar/domain/calendar.ts';

import {
  type BoardState,
  boardCounts,
  boardStateOf,
  dueDateOf,
  overdueOf,
  owedOf,
  publisherOf,
  reminderDates,
  reminderDue,
} from './board.ts';

const bundledCalendar = createCalendar(holidays as unknown as CalendarYear[]);

test('Art. 49: departments by 31 January, county-level-and-above governments by 31 March of the next year', () => {
  const cases: [kind: string, due: string][] = [
    ['department', '2025-01-31'],
    ['town', '2025-01-31'], // collected by the county (DERIVED)
    ['institution', '2025-01-31'],
    ['government', '2025-03-31'],
    ['county', '2025-03-31'],
  ];
  for (const [kind, due] of cases) assert.equal(dueDateOf(2024, publisherOf(kind)), due, kind);
});

test('board state: no record, a draft sent back, the record states', () => {
  assert.equal(boardStateOf(null, null), 'none');
  assert.equal(boardStateOf('draft', null), 'draft');
  assert.equal(boardStateOf('draft', 'submit'), 'draft');
  assert.equal(boardStateOf('draft', 'return'), 'returned');
  assert.equal(boardStateOf('submitted', 'submit'), 'submitted');
  assert.equal(boardStateOf('published', 'publish'), 'published');
});

test('overdue: after the fixed date (no roll-over), per what Art. 49 requires of each', () => {
  const rows: [
    publisher: 'department' | 'government',
    state: BoardState,
    today: string,
    expected: string | null,
  ][] = [
    // Art. 49(1): a department submits and publishes “每年1月31日前”.
    ['department', 'none', '2025-01-31', null],
    ['department', 'none', '2025-02-01', 'not-submitted'],
    ['department', 'draft', '2025-02-01', 'not-submitted'],
    ['department', 'returned', '2025-03-01', 'not-submitted'],
    ['department', 'submitted', '2025-02-01', 'not-published'],
    ['department', 'accepted', '2025-02-01', 'not-published'],
    ['department', 'published', '2025-02-01', null],
    ['department', 'draft', '2025-01-15', null],
    // Art. 49(2): the government's report is published “每年3月31日前”.
    ['government', 'none', '2025-02-01', null],
    ['government', 'accepted', '2025-03-31', null],
    ['government', 'none', '2025-04-01', 'not-published'],
    ['government', 'submitted', '2025-04-01', 'not-published'],
    ['government', 'published', '2025-04-01', null],
  ];
  for (const [publisher, state, today, expected] of rows)
    assert.equal(overdueOf(publisher, 2024, state, today), expected, `${publisher} ${state} ${today}`);
});

test('owed: a department submits, then publishes once accepted; a government publishes', () => {
  const rows: [publisher: 'department' | 'government', state: BoardState, expected: string | null][] = [
    ['department', 'none', 'submit'],
    ['department', 'returned', 'submit'],
    ['department', 'submitted', 'publish'],
    ['department', 'accepted', 'publish'],
    ['department', 'published', null],
    ['government', 'none', 'publish'],
    ['government', 'accepted', 'publish'],
    ['government', 'published', null],
  ];
  for (const [publisher, state, expected] of rows) assert.equal(owedOf(publisher, state), expected);
});

test('reminder dates fall on working days of the stored calendar', () => {
  // 2025: 31 January is within the Spring Festival (28 Jan – 4 Feb off; Sunday 26 Jan a make-up day).
  assert.deepEqual(reminderDates(bundledCalendar, '2025-01-31'), {
    first: '2025-01-02', // 1 January is 元旦
    five: '2025-01-21', // 22, 23, 24, 26, 27 January: five working days up to the due date
    last: '2025-01-27',
    overdue: '2025-02-05',
  });
  // 2026: 31 January a Saturday; 4 January (Sunday) a make-up working day after 元旦.
  assert.deepEqual(reminderDates(bundledCalendar, '2026-01-31'), {
    first: '2026-01-04',
    five: '2026-01-23',
    last: '2026-01-30',
    overdue: '2026-02-02',
  });
  // Governments: March 2026, 31 March a Tuesday.
  assert.deepEqual(reminderDates(bundledCalendar, '2026-03-31'), {
    first: '2026-03-02',
    five: '2026-03-24',
    last: '2026-03-31',
    overdue: '2026-04-01',
  });
});

test('the reminder due today is the latest milestone reached (a missed day is caught up)', () => {
  const rows: [today: string, expected: string | null][] = [
    ['2025-12-31', null],
    ['2026-01-03', null],
    ['2026-01-04', 'first'],
    ['2026-01-22', 'first'],
    ['2026-01-23', 'five'],
    ['2026-01-29', 'five'],
    ['2026-01-30', 'last'],
    ['2026-01-31', 'last'],
    ['2026-02-02', 'overdue'],
    ['2026-02-16', 'overdue'],
    ['2026-02-17', null], // two weeks after the overdue reminder's date: not caught up any more
    ['2026-06-30', null],
  ];
  for (const [today, expected] of rows)
    assert.equal(reminderDue(bundledCalendar, '2026-01-31', today), expected, today);
});

test('counts on top of the board', () => {
  const c = boardCounts([
    { state: 'none', overdue: 'not-submitted' },
    { state: 'draft', overdue: null },
    { state: 'published', overdue: null },
    { state: 'none', overdue: null },
  ]);
  assert.equal(c.total, 4);
  assert.equal(c.byState.none, 2);
  assert.equal(c.byState.published, 1);
  assert.equal(c.byState.returned, 0);
  assert.equal(c.overdue, 1);
});
