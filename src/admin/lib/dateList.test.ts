import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDateList } from './dateList.ts';

test('parses ISO dates, one per line, sorted and de-duplicated', () => {
  const r = parseDateList('2026-01-02\n2026-01-01\n\n2026-01-01', 2026);
  assert.deepEqual(r, { dates: ['2026-01-01', '2026-01-02'], errors: [] });
});

test('accepts Chinese and slash forms, weekday notes and the form year', () => {
  const r = parseDateList('2026年2月15日（周日）、2026/2/16\n2月17日', 2026);
  assert.deepEqual(r.dates, ['2026-02-15', '2026-02-16', '2026-02-17']);
  assert.deepEqual(r.errors, []);
});

test('expands ranges, including a bare end day and a year boundary', () => {
  assert.deepEqual(parseDateList('10月1日至3日', 2026).dates, ['2026-10-01', '2026-10-02', '2026-10-03']);
  assert.deepEqual(parseDateList('2017-12-30 ~ 2018-01-01', 2018).dates, [
    '2017-12-30',
    '2017-12-31',
    '2018-01-01',
  ]);
});

test('reports invalid dates, reversed or huge ranges and junk with the line number', () => {
  const r = parseDateList('2026-02-30\n2026-03-05至2026-03-01\n2026-01-01至2026-03-01\n放假', 2026);
  assert.equal(r.dates.length, 0);
  assert.equal(r.errors.length, 4);
  assert.match(r.errors[0] ?? '', /^第1行/);
  assert.match(r.errors[3] ?? '', /^第4行有无法识别的内容/);
});

test('needs a year for month-day entries', () => {
  assert.match(parseDateList('1月1日', undefined).errors[0] ?? '', /没有年份/);
});
