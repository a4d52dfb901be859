/** The complaints register's states, due dates and counts (条例第五十一条), as tables. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  COMPLAINT_STATES,
  COMPLAINT_STEPS,
  type ComplaintState,
  type ComplaintStep,
  complaintsSentence,
  countComplaints,
  isComplaintOverdue,
  nextComplaintState,
} from './complaints.ts';

test('every state × step: received → assigned → answered → closed (reassigning until answered)', () => {
  const expected: Record<ComplaintState, Partial<Record<ComplaintStep, ComplaintState>>> = {
    received: { assign: 'assigned', answer: 'answered' },
    assigned: { assign: 'assigned', answer: 'answered' },
    answered: { close: 'closed' },
    closed: {},
  };
  for (const state of COMPLAINT_STATES)
    for (const step of COMPLAINT_STEPS)
      assert.equal(nextComplaintState(state, step), expected[state][step] ?? null, `${state} × ${step}`);
});

test('overdue the day after the due date while not answered', () => {
  const rows: [ComplaintState, string, boolean][] = [
    ['received', '2026-06-14', false],
    ['received', '2026-06-15', false],
    ['received', '2026-06-16', true],
    ['assigned', '2026-06-16', true],
    ['answered', '2026-06-16', false],
    ['closed', '2026-07-01', false],
  ];
  for (const [state, today, overdue] of rows)
    assert.equal(isComplaintOverdue(state, '2026-06-15', today), overdue, `${state} ${today}`);
});

test('the counts and the sentence of the report’s section 六', () => {
  const c = countComplaints([
    { kind: 'complaint', state: 'closed' },
    { kind: 'complaint', state: 'received' },
    { kind: 'report', state: 'answered' },
  ]);
  assert.deepEqual(c, { complaints: 2, reports: 1, answered: 2 });
  assert.equal(
    complaintsSentence(2026, c),
    '2026年，共收到涉及政府信息公开工作的投诉2件、举报1件，已答复2件。',
  );
  assert.equal(
    complaintsSentence(2026, { complaints: 0, reports: 0, answered: 0 }),
    '2026年，未收到涉及政府信息公开工作的投诉、举报。',
  );
});
