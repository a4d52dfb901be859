/** The duty registers' authorization, as a table: role × relation to the record → allowed actions. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../../../platform/roles.ts';
import { can, DUTY_ACTIONS, type DutyAction, type DutyActor } from './policies.ts';

// Org 1: the government (its office, org 2, serves it); org 10: a department; org 20: another one.
const actor = (role: Role, orgId: number, agencyIds: number[], visible: number[]): DutyActor => ({
  role,
  orgId,
  agencyIds,
  visibleOrgIds: visible,
});
const office = actor('office', 2, [1], [1, 2, 10, 20]);
const handler10 = actor('handler', 10, [10], [10]);
const handler20 = actor('handler', 20, [20], [20]);
const admin = actor('admin', 1, [1], [1, 2, 10, 20]);
const reviewer10 = actor('reviewer', 10, [10], [10]);

test('who may view, edit and answer a record of the government assigned to org 10', () => {
  const subject = { orgId: 1, assigneeOrgId: 10 };
  const rows: [string, DutyActor, DutyAction[]][] = [
    ['the office acting for the government', office, ['view', 'edit', 'answer']],
    ['the assigned department’s handler', handler10, ['view', 'answer']],
    ['another department', handler20, []],
    ['the administrator sees only', admin, ['view']],
    ['the administrator of another department: nothing', actor('admin', 20, [20], [20]), []],
    ['a reviewer of the assigned department', reviewer10, []],
  ];
  for (const [name, a, allowed] of rows)
    for (const action of DUTY_ACTIONS)
      assert.equal(can(a, action, subject), allowed.includes(action), `${name} ${action}`);
});

test('a department edits its own records; the office those of every unit it sees', () => {
  const own = { orgId: 10 };
  const rows: [string, DutyActor, DutyAction[]][] = [
    ['the department’s handler', handler10, ['view', 'edit', 'answer']],
    ['another department', handler20, []],
    ['the office of the government above', office, ['view', 'edit', 'answer']],
    ['the administrator', admin, ['view']],
  ];
  for (const [name, a, allowed] of rows)
    for (const action of DUTY_ACTIONS)
      assert.equal(can(a, action, own), allowed.includes(action), `${name} ${action}`);
});
