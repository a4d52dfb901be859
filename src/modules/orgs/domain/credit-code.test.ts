import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditCodeCheckChar, creditCodeProblem } from './credit-code.ts';

// Rows worked out by hand from GB 32100-2015 (weights 3^(i-1) mod 31, check = 31 - sum mod 31).
const CASES: [code: string, problem: ReturnType<typeof creditCodeProblem>, note: string][] = [
  [
    '91350100M000100Y43',
    null,
    'the example code commonly cited for GB 32100-2015; sum 1640, 1640 mod 31 = 28, 31 - 28 = 3',
  ],
  ['91110000802100433B', null, 'a company registered in Beijing; sum 485, 485 mod 31 = 20, 31 - 20 = 11 = B'],
  ['91350100M000100Y44', 'check', 'one off in the check character'],
  ['91350100M000100Y4', 'length', '17 characters'],
  ['91350100M000100Y433', 'length', '19 characters'],
  ['91350100M000100I43', 'charset', 'I is not in the character set (like O, Z, S, V)'],
  ['91350100m000100Y43', 'charset', 'lower case is not in the set (the import upper-cases first)'],
];

for (const [code, problem, note] of CASES) {
  test(`credit code ${code}: ${problem ?? 'valid'} (${note})`, () => {
    assert.equal(creditCodeProblem(code), problem);
  });
}

test('a check value of 31 is written 0, and 0..30 map onto the 31-character set', () => {
  // 17 zeros: sum 0 → 31 - 0 = 31 → 0.
  assert.equal(creditCodeCheckChar('00000000000000000'), '0');
  // '1' at position 17 (weight 28): 31 - 28 = 3.
  assert.equal(creditCodeCheckChar('00000000000000001'), '3');
  // '1' at position 1 (weight 1): 31 - 1 = 30 → Y, the last character.
  assert.equal(creditCodeCheckChar('10000000000000000'), 'Y');
  assert.equal(creditCodeCheckChar('1000000000000000'), null);
});
