import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDates, normaliseDeadline, parseNumber, suggestDue } from './deadlines.ts';

test('the deadline forms of the source documents', () => {
  const cases: Array<[string, string | null, boolean]> = [
    ['全年', '2022-12-31', true],
    ['2022年底', '2022-12-31', false],
    ['12月底前', '2022-12-31', false],
    ['2022年10月底前完成，长期坚持', '2022-10-31', true],
    ['2022年7月底前完成，并长期坚持', '2022-07-31', true],
    ['2023年1月底', '2023-01-31', false],
    ['2022年6月底', '2022-06-30', false],
    ['定期更新', null, true],
    ['长期坚持', null, true],
    ['2021年年底前', '2021-12-31', false],
    ['2022年2月底', '2022-02-28', false],
    ['2024年2月底', '2024-02-29', false],
    ['2022年5月20日前', '2022-05-20', false],
    ['6月中旬', '2022-06-20', false],
    ['上半年', '2022-06-30', false],
    ['2022年第三季度', '2022-09-30', false],
    ['年内', '2022-12-31', false],
    ['十二月底前', '2022-12-31', false],
    ['6月底前启动，12月底前完成', '2022-12-31', false],
    ['2022 年 10 月 底', '2022-10-31', false],
  ];
  for (const [raw, due, recurring] of cases) {
    assert.deepEqual(normaliseDeadline(raw, 2022), { due, recurring }, raw);
  }
});

test('without a document year a month alone gives no date, a dated one still does', () => {
  assert.deepEqual(normaliseDeadline('12月底前', null), { due: null, recurring: false });
  assert.deepEqual(normaliseDeadline('全年', null), { due: null, recurring: true });
  assert.deepEqual(normaliseDeadline('2023年1月底', null), { due: '2023-01-31', recurring: false });
});

test('text that is not a date gives no due date', () => {
  assert.deepEqual(normaliseDeadline('按上级要求', 2022), { due: null, recurring: false });
  assert.deepEqual(normaliseDeadline('2022年13月底', 2022).due, null);
});

test('a suggested due date only from deadline-like expressions in a requirement', () => {
  assert.equal(suggestDue('2021年年底前，确保全市所有县级以上政府门户网站全部支持IPv6', 2021), '2021-12-31');
  assert.equal(suggestDue('纵向强化2020年标准化成果落实', 2021), null);
  assert.equal(suggestDue('6月底前完成专栏建设', 2021), '2021-06-30');
  assert.equal(suggestDue('依托12345政务服务便民热线', 2021), null);
  assert.equal(suggestDue('在4月份集中开展', 2021), '2021-04-30');
});

test('Chinese numerals', () => {
  assert.equal(parseNumber('十二'), 12);
  assert.equal(parseNumber('二十八'), 28);
  assert.equal(parseNumber('十'), 10);
  assert.equal(parseNumber('二〇二一'), 2021);
  assert.ok(Number.isNaN(parseNumber('abc')));
  assert.deepEqual(
    findDates('二〇二一年四月二十八日', null).map((f) => f.date),
    ['2021-04-28'],
  );
});
