import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLES, type Role } from '../../../platform/roles.ts';
import { can, type QaAction } from './policies.ts';

test('who may ask in the console and rebuild the index, by a table', () => {
  const table: Record<QaAction, readonly Role[]> = {
    ask: ['admin', 'office', 'handler', 'reviewer', 'approver'],
    reindex: ['admin', 'office'],
  };
  for (const [action, allowed] of Object.entries(table) as [QaAction, readonly Role[]][]) {
    for (const role of ROLES)
      assert.equal(can({ role }, action), allowed.includes(role), `${role} ${action}`);
    assert.equal(can(null, action), false);
  }
});
