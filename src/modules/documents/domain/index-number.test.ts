import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkIndexPattern,
  chinesePattern,
  DEFAULT_INDEX_PATTERN,
  formatIndexNumber,
  orgCodeFor,
  topicCategoryCode,
} from './index-number.ts';

const parts = { orgCode: '11370800004234015Q', category: 'GF', topic: 'civil', year: 2021, serial: 18 };

test('the default pattern: 机构代码-主题分类-年份-流水号 (national convention)', { timeout: 5000 }, () => {
  assert.equal(DEFAULT_INDEX_PATTERN, '{机构代码}-{主题分类}-{年份}-{流水号:5}');
  assert.equal(formatIndexNumber(DEFAULT_INDEX_PATTERN, parts), '11370800004234015Q-16-2021-00018');
});

test('custom patterns: any order, separators and widths; unpadded serial; Chinese and earlier English names', {
  timeout: 5000,
}, () => {
  for (const [pattern, p, out] of [
    ['{机构代码}/{年份}-{流水号:4}', parts, '11370800004234015Q/2021-0018'],
    ['{年份}{体裁}{流水号}', { ...parts, serial: 7 }, '2021GF7'],
    ['{年份}-{流水号:2}', { ...parts, serial: 123 }, '2021-123'],
    ['{orgCode}-{category}-{year}-{serial:5}', parts, '11370800004234015Q-GF-2021-00018'],
    ['{主题分类}-{年份}-{流水号:3}', { ...parts, topic: 'general' }, '01-2021-018'],
    ['{主题分类}-{年份}-{流水号:3}', { ...parts, topic: null }, '21-2021-018'],
  ] as const) {
    assert.equal(formatIndexNumber(pattern, p), out, pattern);
  }
});

test('patterns are shown with the Chinese placeholder names', { timeout: 5000 }, () => {
  assert.equal(
    chinesePattern('{orgCode}-{category}-{year}-{serial:5}'),
    '{机构代码}-{体裁}-{年份}-{流水号:5}',
  );
  assert.equal(chinesePattern('JN/{year}/{主题分类}'), 'JN/{年份}/{主题分类}');
});

test('patterns are checked: serial and year required, unknown placeholders refused', {
  timeout: 5000,
}, () => {
  assert.deepEqual(checkIndexPattern(DEFAULT_INDEX_PATTERN), { ok: true });
  assert.deepEqual(checkIndexPattern('{orgCode}-{year}-{serial}'), { ok: true });
  for (const [p, re] of [
    ['{机构代码}-{年份}', /流水号/],
    ['{orgCode}-{year}', /流水号/],
    ['{机构代码}-{流水号}', /年份/],
    ['{org}-{年份}-{流水号}', /未知占位符“\{org\}”/],
    ['', /长度/],
  ] as const) {
    const r = checkIndexPattern(p);
    assert.equal(r.ok, false, p);
    if (!r.ok) assert.match(r.message, re);
  }
});

test('主题分类 codes follow the State Council list; unclassified is 其他', { timeout: 5000 }, () => {
  for (const [topic, code] of [
    ['general', '01'],
    ['scitech', '10'],
    ['other', '21'],
    [null, '21'],
    ['unknown', '21'],
  ] as const) {
    assert.equal(topicCategoryCode(topic), code, String(topic));
  }
});

test('organisation code: its 统一社会信用代码, else its own code, else a stable fallback', {
  timeout: 5000,
}, () => {
  assert.equal(orgCodeFor({ id: 5, code: '3708', credit_code: '11370800004234015Q' }), '11370800004234015Q');
  assert.equal(orgCodeFor({ id: 5, code: null, credit_code: '11370800004234015Q' }), '11370800004234015Q');
  assert.equal(orgCodeFor({ id: 5, code: '3708' }), '3708');
  assert.equal(orgCodeFor({ id: 5, code: null }), 'ORG0005');
  assert.equal(orgCodeFor({ id: 12, code: '  ' }), 'ORG0012');
});
