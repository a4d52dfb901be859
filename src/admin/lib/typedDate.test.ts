import assert from 'node:assert/strict';
import { test } from 'node:test';
import { invalidDateMessage, parseTypedDate } from './typedDate.ts';

const T = { timeout: 5_000 };

test('typed dates in the accepted forms give the day; others are invalid, blank is no date', T, () => {
  const cases: [string, string | null][] = [
    ['2026-12-05', '2026-12-05'],
    ['2026-1-5', '2026-01-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026年12月5日', '2026-12-05'],
    ['2026年03月05日', '2026-03-05'],
    ['20261205', '2026-12-05'],
    [' ２０２６－１２－０５ ', '2026-12-05'],
    ['2028-02-29', '2028-02-29'],
    ['', null],
    ['   ', null],
    ['2026-02-30', 'invalid'],
    ['2026-13-01', 'invalid'],
    ['2027-02-29', 'invalid'],
    ['12/05/2026', 'invalid'],
    ['明天', 'invalid'],
    ['2026-12', 'invalid'],
  ];
  for (const [text, expected] of cases) {
    const day = parseTypedDate(text);
    const got = day === null || day === 'invalid' ? day : day.format('YYYY-MM-DD');
    assert.equal(got, expected, JSON.stringify(text));
  }
});

test('the message names what was typed and the accepted forms, in Chinese', T, () => {
  assert.equal(
    invalidDateMessage('2026-13-45'),
    '无法识别输入的日期“2026-13-45”，日期未修改；请按 2026-12-05 或 2026年12月5日 的格式输入',
  );
});
