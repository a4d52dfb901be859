import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ledgerTaskToReport } from './todos.ts';

const TODAY = '2026-03-16';

test('a ledger task is to report when returned, overdue or due within 7 days, unless done or in review', {
  timeout: 5_000,
}, () => {
  const cases: [string, string, string, boolean, string | null, boolean][] = [
    // name, status, reviewState, overdue, due, expected
    ['due in 7 days', 'in_progress', 'none', false, '2026-03-23', true],
    ['due in 8 days', 'in_progress', 'none', false, '2026-03-24', false],
    ['due today', 'not_started', 'none', false, '2026-03-16', true],
    ['overdue', 'not_started', 'none', true, '2026-03-01', true],
    ['returned, no due date', 'done', 'returned', false, null, true],
    ['no due date', 'in_progress', 'none', false, null, false],
    ['reported, awaiting review', 'done', 'submitted', true, '2026-03-01', false],
    ['accepted as done', 'done', 'accepted', false, '2026-03-20', false],
    ['accepted while still in progress', 'in_progress', 'accepted', false, '2026-03-20', true],
  ];
  for (const [name, status, reviewState, overdue, due, expected] of cases) {
    assert.equal(ledgerTaskToReport({ status, reviewState, overdue, task: { due } }, TODAY), expected, name);
  }
});
