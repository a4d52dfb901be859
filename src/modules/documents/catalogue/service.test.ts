import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ARTICLE_20_ITEMS, addDays, daysBetween, staleness } from './service.ts';

test('the Art. 20 list has the fifteen items of the regulation, in order', () => {
  assert.deepEqual(
    ARTICLE_20_ITEMS.map((i) => i.item),
    Array.from({ length: 15 }, (_, i) => i + 1),
  );
  assert.equal(ARTICLE_20_ITEMS[6]?.text, '财政预算、决算信息');
});

test('date arithmetic crosses months, years and leap days', () => {
  assert.equal(addDays('2024-02-28', 1), '2024-02-29');
  assert.equal(addDays('2024-12-31', 1), '2025-01-01');
  assert.equal(addDays('2024-03-01', -1), '2024-02-29');
  assert.equal(daysBetween('2024-01-01', '2025-01-01'), 366);
  assert.equal(daysBetween('2024-03-10', '2024-03-01'), -9);
});

test('a column is due period days after its last update and stale from the day after', () => {
  assert.deepEqual(staleness('2024-01-01', 30, '2024-01-31'), {
    dueOn: '2024-01-31',
    stale: false,
    daysOverdue: 0,
    neverUpdated: false,
  });
  assert.deepEqual(staleness('2024-01-01', 30, '2024-02-01'), {
    dueOn: '2024-01-31',
    stale: true,
    daysOverdue: 1,
    neverUpdated: false,
  });
  assert.equal(staleness('2024-01-01', 365, '2024-12-31').stale, false);
  assert.equal(staleness('2024-01-01', 365, '2025-01-01').stale, true);
});

test('a column never updated is stale', () => {
  assert.deepEqual(staleness(null, 30, '2024-01-01'), {
    dueOn: null,
    stale: true,
    daysOverdue: 0,
    neverUpdated: true,
  });
});

test('an update dated after today (a future publication date) is not stale', () => {
  assert.equal(staleness('2024-06-01', 30, '2024-05-01').stale, false);
});
