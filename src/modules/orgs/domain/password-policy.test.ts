import assert from 'node:assert/strict';
import { test } from 'node:test';
import { passwordProblem } from './password-policy.ts';

const CASES: [string, string | undefined, RegExp | null][] = [
  ['short1', undefined, /至少10位/],
  ['abcdefghijkl', undefined, /两种/],
  ['1234567890', undefined, /两种/],
  ['abcdef12345', undefined, null],
  ['长城长城长城长城2024', undefined, null],
  ['zhangsan2024', 'zhangsan', /不能包含账号/],
  ['a1'.repeat(101), undefined, /不能超过200位/],
];

for (const [pw, user, expected] of CASES) {
  test(`password ${pw.slice(0, 20)}: ${expected ?? 'accepted'}`, () => {
    const p = passwordProblem(pw, user);
    if (expected === null) assert.equal(p, null);
    else assert.match(p ?? '', expected);
  });
}
