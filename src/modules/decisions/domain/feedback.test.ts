import assert from 'node:assert/strict';
import { test } from 'node:test';
import holidays from '../../calendar/data/holidays.json' with { type: 'json' };
import type { CalendarYear } from '../../calendar/domain/calendar.ts';
import { createCalendar } from '../../calendar/domain/calendar.ts';
import { checkFeedback, feedbackDue, feedbackOverdue } from './feedback.ts';

const cal = createCalendar(holidays as unknown as CalendarYear[]);

test('a partial or refused adoption states its reason (D3: why concentrated opinions were not adopted)', () => {
  assert.deepEqual(checkFeedback('adopted', ''), { ok: true, reason: null });
  assert.equal(checkFeedback('rejected', ' ').ok, false);
  assert.equal(checkFeedback('partly', null).ok, false);
  assert.deepEqual(checkFeedback('rejected', '与上位法不一致'), { ok: true, reason: '与上位法不一致' });
});

test('due N working days after the period closed (local setting), holidays skipped', () => {
  const rows: [string, number, string][] = [
    ['2026-03-16', 10, '2026-03-30'],
    // 劳动节 2026-05-01…05 off, 05-09 a make-up Saturday
    ['2026-04-30', 4, '2026-05-09'],
  ];
  for (const [closesOn, n, due] of rows) assert.equal(feedbackDue(closesOn, n, cal), due, closesOn);
  assert.equal(feedbackOverdue({ due: '2026-03-30', published: false, today: '2026-03-31' }), true);
  assert.equal(feedbackOverdue({ due: '2026-03-30', published: false, today: '2026-03-30' }), false);
  assert.equal(feedbackOverdue({ due: '2026-03-30', published: true, today: '2026-04-30' }), false);
});
