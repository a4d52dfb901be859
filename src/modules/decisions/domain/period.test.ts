/** The comment period — 713 Art. 15 (not less than 30 days, a shorter one with its reason), 民法典 Art. 201, 203. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import holidays from '../../calendar/data/holidays.json' with { type: 'json' };
import type { CalendarYear } from '../../calendar/domain/calendar.ts';
import { createCalendar } from '../../calendar/domain/calendar.ts';
import { checkPeriod, phaseOf } from './period.ts';

const cal = createCalendar(holidays as unknown as CalendarYear[]);

test('Art. 15 and 民法典 Art. 201/203: period length and the last day rolled over to a working day', () => {
  const rows: [string, string, string, string | null, string | null][] = [
    // [why, opensOn, plannedLastDay, shortReason, closesOn or null when refused]
    ['30 days, opening day not counted, last day a Tuesday', '2026-03-02', '2026-04-01', null, '2026-04-01'],
    ['29 days without a reason is refused', '2026-03-02', '2026-03-31', null, null],
    ['29 days with a reason is accepted', '2026-03-02', '2026-03-31', '防汛工作紧急', '2026-03-31'],
    ['last day a Saturday moves to Monday', '2026-02-05', '2026-03-07', null, '2026-03-09'],
    [
      'last day on 劳动节 moves to the first working day after it',
      '2026-04-01',
      '2026-05-02',
      null,
      '2026-05-06',
    ],
    ['last day on a 调休 make-up Saturday stays', '2026-01-04', '2026-02-14', null, '2026-02-14'],
    ['last day before the opening day is refused', '2026-03-02', '2026-03-01', '紧急', null],
  ];
  for (const [why, opensOn, plannedLastDay, shortReason, expected] of rows) {
    const r = checkPeriod({ opensOn, plannedLastDay, shortReason }, cal);
    if (expected === null) assert.equal(r.ok, false, why);
    else {
      assert.ok(r.ok, why);
      assert.equal(r.period.closesOn, expected, why);
    }
  }
});

test('a shorter period names Art. 15 and keeps its reason; a full one drops a stray reason', () => {
  const short = checkPeriod({ opensOn: '2026-03-02', plannedLastDay: '2026-03-20', shortReason: null }, cal);
  assert.ok(!short.ok);
  assert.match(short.errors[0]?.message ?? '', /第十五条/);
  const full = checkPeriod({ opensOn: '2026-03-02', plannedLastDay: '2026-04-10', shortReason: '无' }, cal);
  assert.ok(full.ok);
  assert.equal(full.period.shortReason, null);
});

test('phase: comments are accepted from the opening day to the last day, inclusive', () => {
  const c = { status: 'published' as const, opensOn: '2026-03-02', closesOn: '2026-04-01' };
  const rows: [string, string][] = [
    ['2026-03-01', 'upcoming'],
    ['2026-03-02', 'open'],
    ['2026-04-01', 'open'],
    ['2026-04-02', 'closed'],
  ];
  for (const [today, phase] of rows) assert.equal(phaseOf(c, today), phase, today);
  assert.equal(phaseOf({ ...c, status: 'draft' }, '2026-03-10'), 'draft');
  assert.equal(phaseOf({ ...c, status: 'closed' }, '2026-03-10'), 'closed');
});
