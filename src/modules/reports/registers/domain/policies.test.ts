/** Who may keep the review/litigation and complaints registers (条例第四十九条、第五十一条), as a table. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  can,
  REGISTER_ACTIONS,
  type RegisterAction,
  type RegisterActor,
  type RegisterSubject,
} from './policies.ts';

// City government 1 (its disclosure office is org 2), department 10 (市教育局), another department 20.
const actor = (
  role: string,
  orgId: number,
  agencyIds: number[],
  visible: number[] = agencyIds,
): RegisterActor => ({
  role,
  orgId,
  agencyIds,
  visibleOrgIds: visible,
});
const cityOffice = actor('office', 2, [2, 1], [1, 2, 10, 20]);
const deptOffice = actor('office', 10, [10]);
const deptHead = actor('approver', 10, [10]);
const deptHandler = actor('handler', 10, [], [10]);
const otherHandler = actor('handler', 20, [], [20]);
const otherDept = actor('office', 20, [20]);
const admin = actor('admin', 1, [1], [1, 2, 10, 20]);
// The administrator of department 20: it administers its own subtree only.
const otherAdmin = actor('admin', 20, [20], [20]);

const allowed = (a: RegisterActor, subject: RegisterSubject) =>
  REGISTER_ACTIONS.filter((action: RegisterAction) => can(a, action, subject));

test('each person × an entry about department 10 (not assigned)', () => {
  const entry = { orgId: 10, authorityOrgId: 1, assigneeOrgId: null };
  const rows: [string, RegisterActor, RegisterAction[]][] = [
    // Art. 51: complaints reach the GIO authority; Art. 49: the department keeps its own table 四.
    [
      'the city’s GIO authority (市政府办公室)',
      cityOffice,
      ['review-view', 'complaint-view', 'complaint-edit', 'complaint-answer', 'complaint-personal'],
    ],
    [
      'the department’s office',
      deptOffice,
      [
        'review-view',
        'review-edit',
        'complaint-view',
        'complaint-edit',
        'complaint-answer',
        'complaint-personal',
      ],
    ],
    [
      'the department’s head (负责人)',
      deptHead,
      [
        'review-view',
        'review-edit',
        'complaint-view',
        'complaint-edit',
        'complaint-answer',
        'complaint-personal',
      ],
    ],
    ['a handler of the department: sees, no personal data', deptHandler, ['review-view', 'complaint-view']],
    ['another department', otherDept, []],
    ['a handler elsewhere', otherHandler, []],
    [
      'the administrator: sees, no personal data; the setting',
      admin,
      ['review-view', 'complaint-view', 'complaint-settings'],
    ],
    // Department 10's records are outside its subtree.
    ['the administrator of another department', otherAdmin, []],
  ];
  for (const [who, a, expected] of rows) assert.deepEqual(allowed(a, entry), expected, who);
});

test('the complaint settings belong to the government at the top (1): only its administrator changes them', () => {
  const settings = { orgId: 1, authorityOrgId: 1 };
  const rows: [string, RegisterActor, boolean][] = [
    ['the city’s administrator', admin, true],
    ['the administrator of a department', otherAdmin, false],
    ['the administrator of a county (its own subtree)', actor('admin', 30, [30], [30, 31]), false],
    ['the city’s GIO authority (an office, not 系统管理)', cityOffice, false],
    ['a department’s office', deptOffice, false],
  ];
  for (const [who, a, expected] of rows) assert.equal(can(a, 'complaint-settings', settings), expected, who);
});

test('a complaint assigned to department 20: its staff answer it and see the complainant', () => {
  const assigned = { orgId: 10, authorityOrgId: 1, assigneeOrgId: 20 };
  assert.deepEqual(allowed(otherHandler, assigned), [
    'complaint-view',
    'complaint-answer',
    'complaint-personal',
  ]);
  assert.deepEqual(allowed(otherDept, assigned), [
    'complaint-view',
    'complaint-answer',
    'complaint-personal',
  ]);
  // A reviewer of the assignee takes no part in answering complaints, and does not see department 10.
  assert.deepEqual(allowed(actor('reviewer', 20, [], [20]), assigned), []);
});
