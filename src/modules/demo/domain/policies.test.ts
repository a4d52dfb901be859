import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../../../platform/roles.ts';
import { can, type DemoAction } from './policies.ts';

test('demo data: who may view and remove it', () => {
  const rows: [Role, DemoAction, boolean | undefined, boolean][] = [
    ['admin', 'view', undefined, true],
    ['admin', 'view', true, true],
    ['admin', 'remove', false, true],
    // the account would be deleted with the demo: use an account of the organisation's own
    ['admin', 'remove', true, false],
    ['admin', 'remove', undefined, false],
    ['office', 'view', undefined, false],
    ['office', 'remove', false, false],
    ['approver', 'remove', false, false],
    ['reviewer', 'view', undefined, false],
    ['handler', 'remove', false, false],
  ];
  for (const [role, action, actorIsDemo, expected] of rows) {
    const subject = actorIsDemo === undefined ? undefined : { actorIsDemo };
    assert.equal(can({ role }, action, subject), expected, `${role} ${action} ${actorIsDemo}`);
  }
});
