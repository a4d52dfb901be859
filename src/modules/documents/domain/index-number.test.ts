import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkIndexPattern, DEFAULT_INDEX_PATTERN, formatIndexNumber, orgCodeFor } from './index-number.ts';

test('the default pattern: org code, category, year, 5-digit serial', () => {
  assert.equal(
    formatIndexNumber(DEFAULT_INDEX_PATTERN, { orgCode: '3708', category: 'GF', year: 2021, serial: 18 }),
    '3708-GF-2021-00018',
  );
});

test('custom patterns: any order, separators and widths; unpadded serial', () => {
  const parts = { orgCode: '11370800004303041X', category: 'TZ', year: 2024, serial: 7 };
  assert.equal(formatIndexNumber('{orgCode}/{year}-{serial:4}', parts), '11370800004303041X/2024-0007');
  assert.equal(formatIndexNumber('{year}{category}{serial}', parts), '2024TZ7');
  assert.equal(formatIndexNumber('{year}-{serial:2}', { ...parts, serial: 123 }), '2024-123');
});

test('patterns are checked: serial and year required, unknown placeholders refused', () => {
  assert.deepEqual(checkIndexPattern(DEFAULT_INDEX_PATTERN), { ok: true });
  for (const [p, re] of [
    ['{orgCode}-{year}', /流水号/],
    ['{orgCode}-{serial}', /年份/],
    ['{org}-{year}-{serial}', /未知占位符“\{org\}”/],
    ['', /长度/],
  ] as const) {
    const r = checkIndexPattern(p);
    assert.equal(r.ok, false, p);
    if (!r.ok) assert.match(r.message, re);
  }
});

test('organisation code: its own, else a stable fallback', () => {
  assert.equal(orgCodeFor({ id: 5, code: '3708' }), '3708');
  assert.equal(orgCodeFor({ id: 5, code: null }), 'ORG0005');
  assert.equal(orgCodeFor({ id: 12, code: '  ' }), 'ORG0012');
});
