import assert from 'node:assert/strict';
import { test } from 'node:test';
import { can, scopeMode } from './roles.ts';
import { subtreeIds, wouldCycle } from './tree.ts';

test('only the administrator manages organisations, users and audit; the office also the calendar', () => {
  for (const p of ['orgs.manage', 'users.manage', 'audit.view'] as const) {
    assert.equal(can('admin', p), true, p);
    for (const r of ['office', 'handler', 'reviewer', 'approver'])
      assert.equal(can(r, p), false, `${r} ${p}`);
  }
  assert.equal(can('admin', 'calendar.manage'), true);
  assert.equal(can('office', 'calendar.manage'), true);
  for (const r of ['handler', 'reviewer', 'approver']) assert.equal(can(r, 'calendar.manage'), false, r);
  assert.equal(can('approver', 'users.view'), true);
  assert.equal(can('handler', 'users.view'), false);
  assert.equal(can('nobody', 'users.view'), false);
});

test('handlers and reviewers see only their own organisation', () => {
  assert.equal(scopeMode('handler'), 'self');
  assert.equal(scopeMode('reviewer'), 'self');
  assert.equal(scopeMode('approver'), 'subtree');
  assert.equal(scopeMode('admin'), 'subtree');
});

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
