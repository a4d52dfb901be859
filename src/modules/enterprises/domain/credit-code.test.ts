import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkCreditCode, creditCodeCheckChar } from './credit-code.ts';

test('统一社会信用代码: real-format codes pass the GB 32100-2015 check, altered ones are refused', () => {
  const table: [string, boolean, string?][] = [
    // Published codes of real registrants (enterprises, a public institution, a social organisation).
    ['91350100M000100Y43', true],
    ['91110108551385082Q', true],
    ['91440300708461136T', true],
    ['  91350100m000100y43 ', true],
    // Codes of the right shape with a check character that does not fit.
    ['91330000MA27U8K56E', false, '校验位'],
    ['913700007058832818', false, '校验位'],
    // One character changed: the check digit no longer fits.
    ['91350100M000100Y44', false, '校验位'],
    ['91110108551385083Q', false, '校验位'],
    // Transposed neighbours.
    ['91110108553185082Q', false, '校验位'],
    ['9135010OM000100Y43', false, '不能出现字符“O”'],
    ['91350100M000100Y4', false, '18位'],
    ['', false, '请填写'],
    ['91AB0100M000100Y43', false, '行政区划代码'],
  ];
  for (const [code, ok, reason] of table) {
    const r = checkCreditCode(code);
    assert.equal(r.ok, ok, code);
    if (!r.ok && reason) assert.match(r.reason, new RegExp(reason), code);
  }
});

test('the check character of every prefix is from the set, and the code built with it passes', () => {
  const prefixes = ['91370800MA3C4X5Y1', '12370800004920000', '51370800MJD123456', '92370811MA7DPLRP8'];
  for (const p of prefixes) {
    const c = creditCodeCheckChar(p);
    assert.ok(c, p);
    assert.equal(checkCreditCode(p + c).ok, true, p);
  }
  assert.equal(creditCodeCheckChar('91370800MA3C4X5YI'), null);
});
