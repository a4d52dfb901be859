import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keysClearedOnSuccess, overLimit, throttleKeys } from './throttle.ts';

describe('sign-in throttling', { timeout: 10_000 }, () => {
  const keys = throttleKeys(' Zhang ', '10.0.0.1');
  it('counts by name and address, by name, by address; names case-folded', () =>
    assert.deepEqual(
      keys.map((k) => k.key),
      ['pair:zhang|10.0.0.1', 'account:zhang', 'address:10.0.0.1'],
    ));
  const cases: [string, number[], boolean][] = [
    ['the fifth attempt from one place is allowed', [5, 5, 5], false],
    ['the sixth from one place is refused', [6, 6, 6], true],
    ['twenty from many places are allowed', [1, 20, 1], false],
    ['the twenty-first from anywhere is refused', [1, 21, 1], true],
    ['the fifty-first from one address is refused', [1, 1, 51], true],
  ];
  for (const [name, attempts, over] of cases) it(name, () => assert.equal(overLimit(keys, attempts), over));
  it('a success clears the name, not the address', () =>
    assert.deepEqual(keysClearedOnSuccess('zhang', '10.0.0.1'), ['pair:zhang|10.0.0.1', 'account:zhang']));
});
