import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decide, isShown, needsFlag, type PairAction, type PairStatus } from './pairs.ts';

test('the life of a pair, by a table', () => {
  const cases: [PairAction, PairStatus, boolean, PairStatus | null][] = [
    ['edit', 'draft', true, 'draft'],
    ['edit', 'published', true, 'draft'],
    ['submit', 'draft', true, 'submitted'],
    ['submit', 'draft', false, null],
    ['submit', 'submitted', true, null],
    ['approve', 'submitted', true, 'published'],
    ['approve', 'submitted', false, null],
    ['approve', 'draft', true, null],
    ['return', 'submitted', true, 'draft'],
    ['return', 'published', true, null],
  ];
  for (const [action, status, inForce, want] of cases) {
    const d = decide(action, status, inForce);
    assert.equal(d.ok ? d.status : null, want, `${action} ${status} ${inForce}`);
    if (!d.ok) assert.match(d.reason, /[\u4e00-\u9fff]/u);
  }
});

test('validity: a published pair of a document out of force is flagged and not shown', () => {
  assert.equal(isShown({ status: 'published', flagged: false }, true), true);
  assert.equal(isShown({ status: 'published', flagged: false }, false), false);
  assert.equal(isShown({ status: 'published', flagged: true }, true), false);
  assert.equal(isShown({ status: 'submitted', flagged: false }, true), false);
  assert.equal(needsFlag({ status: 'published', flagged: false }, false), true);
  assert.equal(needsFlag({ status: 'published', flagged: true }, false), false);
  assert.equal(needsFlag({ status: 'draft', flagged: false }, false), false);
});
