import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLES, type Role } from '../../../platform/roles.ts';
import { can, type EnterpriseAction } from './policies.ts';

test('政策找人: who may act without a subject, by a table', () => {
  const table: Record<EnterpriseAction, readonly Role[]> = {
    'enterprise.write': ['admin', 'office'],
    'package.write': ['admin', 'office'],
    'funnel.view': ['admin', 'office', 'handler', 'reviewer', 'approver'],
    'enterprise.view': ['admin', 'office'],
    'policy.write': ['admin', 'office'],
  };
  for (const [action, allowed] of Object.entries(table) as [EnterpriseAction, readonly Role[]][]) {
    for (const role of ROLES)
      assert.equal(can({ role, orgId: 5 }, action), allowed.includes(role), `${role} ${action}`);
    assert.equal(can(null, action), false);
  }
});

test('a department sees the enterprises its policies match and writes its own policies only', () => {
  const cases: [Role, EnterpriseAction, { orgId?: number; matchedOrgIds?: number[] }, boolean][] = [
    ['handler', 'enterprise.view', { matchedOrgIds: [5, 7] }, true],
    ['handler', 'enterprise.view', { matchedOrgIds: [7] }, false],
    ['handler', 'enterprise.view', { matchedOrgIds: [] }, false],
    ['office', 'enterprise.view', { matchedOrgIds: [] }, true],
    ['approver', 'policy.write', { orgId: 5 }, true],
    ['approver', 'policy.write', { orgId: 6 }, false],
    ['admin', 'policy.write', { orgId: 6 }, true],
    ['handler', 'enterprise.write', { orgId: 5 }, false],
  ];
  for (const [role, action, subject, expected] of cases)
    assert.equal(can({ role, orgId: 5 }, action, subject), expected, `${role} ${action}`);
});
