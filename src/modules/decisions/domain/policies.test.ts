/** Who may publish a draft for comment and handle the comments — 713 Art. 15, 18 (policies.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CONSULTATION_ACTIONS, can, canEditSettings, type DecisionsActor } from './policies.ts';

const actor = (role: string, agencyIds: number[], visible: number[] = agencyIds): DecisionsActor => ({
  role,
  agencyIds,
  visibleOrgIds: visible,
});
const city = { orgId: 1 };

test('Art. 15/18: the agency’s office and its head run the consultation; handlers enter comments', () => {
  const rows: [string, DecisionsActor | null, string[]][] = [
    [
      'the city’s office (市政府办公室 acts for the city)',
      actor('office', [2, 1], [1, 2, 10]),
      [...CONSULTATION_ACTIONS],
    ],
    ['the city’s approver', actor('approver', [1], [1, 10]), [...CONSULTATION_ACTIONS]],
    ['a handler who sees the city', actor('handler', [1], [1]), ['view', 'enter']],
    ['a reviewer who sees the city', actor('reviewer', [1], [1]), ['view']],
    ['a department’s office', actor('office', [10], [10]), []],
    ['the administrator of the city’s tree: view only', actor('admin', [1], [1, 10]), ['view']],
    ['the administrator of a department beside the city’s agency', actor('admin', [10], [10]), []],
    ['the administrator of a county', actor('admin', [20], [20, 21]), []],
    ['nobody signed in', null, []],
  ];
  for (const [who, a, expected] of rows)
    assert.deepEqual(
      CONSULTATION_ACTIONS.filter((x) => can(a, x, city)),
      expected,
      who,
    );
});

test('settings: one row for the whole platform — the administrator or an office over the whole tree', () => {
  const rows: [string | null, boolean, boolean][] = [
    ['admin', true, true],
    ['office', true, true],
    ['admin', false, false],
    ['office', false, false],
    ['approver', true, false],
    ['handler', true, false],
    [null, true, false],
  ];
  for (const [role, seesWholeTree, expected] of rows)
    assert.equal(
      canEditSettings(role ? { role } : null, { seesWholeTree }),
      expected,
      `${role} ${seesWholeTree}`,
    );
});
