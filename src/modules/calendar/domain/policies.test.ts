import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLES, type Role } from '../../../platform/roles.ts';
import { CALENDAR_ACTIONS, type CalendarAction, can } from './policies.ts';

// Worked out from the rule in policies.ts' top comment: the roles allowed each action.
const ALLOWED: readonly [CalendarAction, readonly Role[]][] = [['calendar.manage', ['admin', 'office']]];

test('every action has a row', () => {
  assert.deepEqual(
    ALLOWED.map(([action]) => action),
    [...CALENDAR_ACTIONS],
  );
});

for (const [action, allowed] of ALLOWED) {
  test(`${action}: the administrator and the disclosure office, nobody else`, () => {
    for (const role of ROLES)
      assert.equal(can({ role }, action), allowed.includes(role), `${role} ${action}`);
  });
}
