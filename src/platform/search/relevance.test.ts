import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dcg, meanOf, ndcg } from './relevance.ts';

const close = (a: number | null, b: number | null, what: string) =>
  assert.ok(a === b || (a !== null && b !== null && Math.abs(a - b) < 1e-9), `${what}: ${a} ≠ ${b}`);

test('dcg: gain 2^g − 1 discounted by log2(rank + 1), cut at k', { timeout: 5_000 }, () => {
  const cases: [number[], number, number][] = [
    [[], 10, 0],
    [[3], 10, 7],
    [[0, 3], 10, 7 / Math.log2(3)],
    [[3, 2, 1], 10, 7 + 3 / Math.log2(3) + 1 / 2],
    [[3, 2, 1], 1, 7],
  ];
  for (const [grades, k, want] of cases) close(dcg(grades, k), want, grades.join());
});

test('ndcg: 1 for the ideal order, less for worse ones, null without relevant documents', {
  timeout: 5_000,
}, () => {
  const all = [3, 2, 0, 0, 1];
  const cases: [number[], number | null][] = [
    [[3, 2, 1], 1],
    [[3, 2, 1, 0, 0], 1],
    [[1, 2, 3], (1 + 3 / Math.log2(3) + 7 / 2) / (7 + 3 / Math.log2(3) + 1 / 2)],
    [[0, 0, 0], 0],
    [[], 0],
  ];
  for (const [result, want] of cases) close(ndcg(result, all, 10), want, result.join());
  assert.equal(ndcg([0, 0], [0, 0, 0], 10), null);
  // Only the first k count: a relevant document at rank 11 adds nothing.
  close(ndcg([...Array(10).fill(0), 3], [3], 10), 0, 'rank 11');
});

test('meanOf skips undefined values', { timeout: 5_000 }, () => {
  assert.equal(meanOf([1, null, 0.5]), 0.75);
  assert.ok(Number.isNaN(meanOf([null])));
});
