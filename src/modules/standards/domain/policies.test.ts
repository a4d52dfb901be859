import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { can, type StandardsAction, type StandardsActor } from './policies.ts';

const actor = (role: string, agencyIds: number[], visibleOrgIds: number[]): StandardsActor => ({
  role,
  agencyIds,
  visibleOrgIds,
});

describe('standards policies', { timeout: 10_000 }, () => {
  const cases: [string, StandardsActor | null, StandardsAction, number, boolean][] = [
    ['anonymous sees nothing', null, 'view', 1, false],
    ['admin views its subtree (the top administrator: everything)', actor('admin', [], [7]), 'view', 7, true],
    ['admin of another unit does not view', actor('admin', [], [8]), 'view', 7, false],
    ['admin does not manage (takes no action)', actor('admin', [], []), 'manage', 7, false],
    ['office manages its agency', actor('office', [3], [3, 4]), 'manage', 3, true],
    ['office does not manage another agency it sees', actor('office', [3], [3, 4]), 'manage', 4, false],
    ['approver manages its agency', actor('approver', [3], [3]), 'manage', 3, true],
    ['handler views its scope', actor('handler', [], [5]), 'view', 5, true],
    ['handler cannot manage', actor('handler', [5], [5]), 'manage', 5, false],
    ['handler records a posting in its scope', actor('handler', [], [5]), 'post', 5, true],
    ['handler not outside its scope', actor('handler', [], [5]), 'post', 6, false],
    ['reviewer cannot post', actor('reviewer', [], [5]), 'post', 5, false],
  ];
  for (const [name, a, action, orgId, expected] of cases)
    it(name, () => assert.equal(can(a, action, { orgId }), expected));
});
