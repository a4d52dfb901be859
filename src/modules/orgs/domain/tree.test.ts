import assert from 'node:assert/strict';
import { test } from 'node:test';
import { subtreeIds, wouldCycle } from './tree.ts';

const tree = [
  { id: 1, parentId: null },
  { id: 2, parentId: 1 },
  { id: 3, parentId: 1 },
  { id: 4, parentId: 3 },
  { id: 5, parentId: 4 },
];

test('subtree collects every descendant and nothing else', () => {
  assert.deepEqual([...subtreeIds(tree, 3)].sort(), [3, 4, 5]);
  assert.deepEqual([...subtreeIds(tree, 2)], [2]);
  assert.equal(subtreeIds(tree, 1).size, 5);
});

test('moving an organisation below its own descendant is a cycle', () => {
  assert.equal(wouldCycle(tree, 3, 5), true);
  assert.equal(wouldCycle(tree, 3, 3), true);
  assert.equal(wouldCycle(tree, 4, 2), false);
  assert.equal(wouldCycle(tree, 4, null), false);
});
