import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLES, type Role } from '../../../platform/roles.ts';
import { can, type EnterpriseAction, type Subject } from './policies.ts';

test('政策找人: who may act without a subject, by a table', () => {
  const table: Record<EnterpriseAction, readonly Role[]> = {
    'enterprise.write': ['admin', 'office'],
    'package.write': ['admin', 'office'],
    'funnel.view': ['admin', 'office', 'handler', 'reviewer', 'approver'],
    // These two need a subject (the enterprise's region, the policy's issuer) within the actor's scope.
    'enterprise.view': [],
    'policy.write': [],
  };
  for (const [action, allowed] of Object.entries(table) as [EnterpriseAction, readonly Role[]][]) {
    for (const role of ROLES)
      assert.equal(can({ role, orgId: 5 }, action), allowed.includes(role), `${role} ${action}`);
    assert.equal(can(null, action), false);
  }
});

test('a department sees the enterprises its policies match and writes its own policies only', () => {
  // The actor works for org 5 and sees orgs 5 and 9 (its subtree); 6 and 7 are outside.
  const cases: [Role, EnterpriseAction, Subject, boolean][] = [
    ['handler', 'enterprise.view', { regionId: 6, matchedOrgIds: [5, 7] }, true],
    ['handler', 'enterprise.view', { regionId: 6, matchedOrgIds: [7] }, false],
    ['handler', 'enterprise.view', { regionId: 5, matchedOrgIds: [] }, false],
    ['office', 'enterprise.view', { regionId: 9, matchedOrgIds: [] }, true],
    ['office', 'enterprise.view', { regionId: 6, matchedOrgIds: [] }, false],
    ['admin', 'enterprise.view', { regionId: 6, matchedOrgIds: [7] }, false],
    ['admin', 'enterprise.view', { regionId: 6, matchedOrgIds: [5] }, true],
    ['approver', 'policy.write', { orgId: 5 }, true],
    ['approver', 'policy.write', { orgId: 9 }, false],
    ['approver', 'policy.write', { orgId: 6 }, false],
    ['admin', 'policy.write', { orgId: 9 }, true],
    ['admin', 'policy.write', { orgId: 6 }, false],
    ['office', 'policy.write', { orgId: 6 }, false],
    ['office', 'policy.write', {}, false],
    ['handler', 'enterprise.write', { orgId: 5 }, false],
  ];
  for (const [role, action, subject, expected] of cases)
    assert.equal(
      can({ role, orgId: 5, visibleOrgIds: [5, 9] }, action, subject),
      expected,
      `${role} ${action} ${JSON.stringify(subject)}`,
    );
});
