import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chinaToday, formatDate } from './format.ts';

test('formats ISO dates the Chinese way', () => {
  assert.equal(formatDate('2024-03-05'), '2024年3月5日');
  assert.equal(formatDate(null), '—');
});

test('today in China turns over at 16:00 UTC', () => {
  assert.equal(chinaToday(Date.UTC(2026, 10, 22, 15, 59)), '2026-11-22');
  assert.equal(chinaToday(Date.UTC(2026, 10, 22, 16, 0)), '2026-11-23');
});
