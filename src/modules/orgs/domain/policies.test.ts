import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLES, type Role } from '../../../platform/roles.ts';
import { can, ORGS_ACTIONS, type OrgsAction, scopeMode, scopeRoot } from './policies.ts';

// Worked out from the rules in policies.ts' top comment, one row per action: the roles allowed it.
const ALLOWED: readonly [OrgsAction, readonly Role[], string][] = [
  ['orgs.manage', ['admin'], 'the organisation tree is system administration'],
  ['users.manage', ['admin'], 'accounts are system administration'],
  ['users.view', ['admin', 'office', 'approver'], 'the office (Art. 4) and approvers assign work to people'],
  ['aliases.manage', ['admin', 'office'], 'the office keeps the unit names of the tables it imports'],
  ['audit.view', ['admin'], 'the audit log covers every account'],
];

test('every action has a row', () => {
  assert.deepEqual(ALLOWED.map(([action]) => action).sort(), [...ORGS_ACTIONS].sort());
});

for (const [action, allowed, why] of ALLOWED) {
  test(`${action}: ${allowed.join(', ')} (${why})`, () => {
    for (const role of ROLES)
      assert.equal(can({ role }, action), allowed.includes(role), `${role} ${action}`);
  });
}

test('handlers and reviewers see only their own organisation; the others its subtree', () => {
  const rows: [Role, 'subtree' | 'self'][] = [
    ['admin', 'subtree'],
    ['office', 'subtree'],
    ['approver', 'subtree'],
    ['handler', 'self'],
    ['reviewer', 'self'],
  ];
  for (const [role, mode] of rows) assert.equal(scopeMode(role), mode, role);
});

test('a disclosure office (and its approver) sees the subtree of the agency it serves (Art. 4)', () => {
  // Org 11 is the disclosure office of agency 10; org 20 serves nobody.
  const rows: [Role, number, number | null, number][] = [
    ['office', 11, 10, 10],
    ['approver', 11, 10, 10],
    ['admin', 11, 10, 11],
    ['office', 20, null, 20],
    ['admin', 1, null, 1],
  ];
  for (const [role, orgId, serves, root] of rows)
    assert.equal(scopeRoot({ role, orgId }, serves), root, `${role} of ${orgId}`);
});
