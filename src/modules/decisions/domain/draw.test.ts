/** The reproducible draw: the same seed and candidates give the same names, in any input order. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSeed, drawParticipants, ticketOf } from './draw.ts';

test('a recorded seed and candidate list re-draw identically', () => {
  const rows: [string, string, number[], number, number[]][] = [
    // [why, seed, candidates, places, selected in draw order]
    ['three of ten', '20261207', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3, [2, 10, 8]],
    ['same list in another order', '20261207', [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 3, [2, 10, 8]],
    ['a lottery number as seed', '双色球2026140期', [11, 12, 13, 14, 15], 2, [13, 15]],
    ['fewer candidates than places: all, in ticket order', 'a', [7, 3], 5, [7, 3]],
    ['a duplicate candidate counts once', 'a', [7, 3, 7], 5, [7, 3]],
    ['no places', '20261207', [1, 2, 3], 0, []],
    ['no candidates', '20261207', [], 4, []],
  ];
  for (const [why, seed, candidates, places, expected] of rows)
    assert.deepEqual(drawParticipants(seed, candidates, places), expected, why);
});

test('another seed gives another draw; the ticket is the SHA-256 of seed:id', () => {
  const ids = Array.from({ length: 50 }, (_, i) => i + 1);
  assert.notDeepEqual(drawParticipants('seed-a', ids, 5), drawParticipants('seed-b', ids, 5));
  // Anyone can check a ticket with any SHA-256 tool: echo -n 'a:1' | sha256sum
  assert.equal(ticketOf('a', 1), '2b2c40a6706d9e5f320d553628313833e3668d8b0c8f5b0a25a2ca7d926df6d4');
  assert.throws(() => drawParticipants('a', ids, -1), RangeError);
});

test('seed check', () => {
  const rows: [string, string, string | null][] = [
    ['a lottery number', '2026140', null],
    ['empty', '  ', '请填写抽签种子，或留空由系统生成'],
    ['spaces at the ends', ' 12 ', '抽签种子首尾不能有空格'],
    ['too long', 'x'.repeat(65), '抽签种子不能超过64个字符'],
  ];
  for (const [why, seed, message] of rows) assert.equal(checkSeed(seed), message, why);
});
