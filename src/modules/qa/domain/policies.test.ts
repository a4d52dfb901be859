import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLES, type Role } from '../../../platform/roles.ts';
import { can, type QaAction } from './policies.ts';

test('who may ask in the console and rebuild the index, by a table', () => {
  const table: Record<QaAction, readonly Role[]> = {
    ask: ['admin', 'office', 'handler', 'reviewer', 'approver'],
    reindex: ['admin', 'office'],
    'pair.write': ['admin', 'office'],
    'pair.review': ['admin', 'office', 'reviewer', 'approver'],
    'routed.manage': ['admin', 'office'],
    'routed.answer': ['admin', 'office'],
    'consultation.write': ['admin', 'office'],
  };
  for (const [action, allowed] of Object.entries(table) as [QaAction, readonly Role[]][]) {
    for (const role of ROLES)
      assert.equal(can({ role }, action), allowed.includes(role), `${role} ${action}`);
    assert.equal(can(null, action), false);
  }
});

test('a department writes its own pairs and answers the questions routed to it only', () => {
  for (const role of ROLES) {
    assert.equal(can({ role, orgId: 5 }, 'routed.answer', { orgId: 5 }), true, role);
    assert.equal(
      can({ role, orgId: 5 }, 'routed.answer', { orgId: 6 }),
      role === 'admin' || role === 'office',
      role,
    );
    assert.equal(can({ role, orgId: 5 }, 'pair.write', { orgId: 5 }), true, role);
    assert.equal(
      can({ role, orgId: 5 }, 'pair.write', { orgId: 6 }),
      role === 'admin' || role === 'office',
      role,
    );
  }
});
