import assert from 'node:assert/strict';
import { describe, it, test } from 'node:test';
import { canRestructure, rootOf, subtreeIds, wouldCycle } from './tree.ts';

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

describe('who may move, detach or re-kind an organisation', { timeout: 10_000 }, () => {
  // city 1 → departments 2, 3; county 4 → department 5.
  const city = new Set([1, 2, 3, 4, 5]);
  const department = new Set([2]);
  const county = new Set([4, 5]);
  const cases: [string, ReadonlySet<number>, { parentId: number | null }, number | null, boolean][] = [
    ['the city moves a department under a county', city, { parentId: 1 }, 4, true],
    ['the city re-kinds a department in place', city, { parentId: 1 }, 1, true],
    ['nobody detaches an organisation from the tree', city, { parentId: 1 }, null, false],
    ['a department cannot detach itself', department, { parentId: 1 }, null, false],
    ['a department cannot move itself elsewhere', department, { parentId: 1 }, 2, false],
    ['a county moves its own department', county, { parentId: 4 }, 4, true],
    ['a county cannot move its department out of its subtree', county, { parentId: 4 }, 1, false],
    ['the root stays the root', city, { parentId: null }, null, false],
  ];
  for (const [name, managed, org, to, ok] of cases)
    it(name, () => assert.equal(canRestructure(managed, org, to), ok));
});

describe('the root above an organisation', { timeout: 10_000 }, () => {
  const nodes = [
    { id: 1, parentId: null },
    { id: 2, parentId: 1 },
    { id: 3, parentId: 2 },
    { id: 9, parentId: null },
  ];
  it('walks up to the root', () => assert.equal(rootOf(nodes, 3), 1));
  it('a root is its own', () => assert.equal(rootOf(nodes, 9), 9));
  it('unknown ids have none', () => assert.equal(rootOf(nodes, 7), null));
});
