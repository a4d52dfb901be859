import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../../../platform/roles.ts';
import { can, type SiteAction } from './policies.ts';

const GOV = 1;
const DEPT = 2;

test('site identity: everyone reads it; only the government’s administrator edits it', () => {
  const rows: [string, { role: Role; orgId: number } | null, SiteAction, boolean][] = [
    ['anonymous visitor reads', null, 'view', true],
    ['handler reads', { role: 'handler', orgId: DEPT }, 'view', true],
    ['anonymous visitor may not edit', null, 'edit', false],
    ['admin of the government edits', { role: 'admin', orgId: GOV }, 'edit', true],
    [
      'admin of a department may not edit the government’s site',
      { role: 'admin', orgId: DEPT },
      'edit',
      false,
    ],
    ['office may not edit', { role: 'office', orgId: GOV }, 'edit', false],
    ['approver may not edit', { role: 'approver', orgId: GOV }, 'edit', false],
    ['handler may not edit', { role: 'handler', orgId: GOV }, 'edit', false],
    ['reviewer may not edit', { role: 'reviewer', orgId: GOV }, 'edit', false],
  ];
  for (const [name, actor, action, expected] of rows) {
    assert.equal(can(actor, action, { orgId: GOV }), expected, name);
  }
});
