/** Who may prepare, submit, accept and publish an annual report — 条例第四十九条 (docs/law/ogi-regulation.md). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { authorityOf, can, REPORT_ACTIONS, type ReportAction, type ReportActor } from './policies.ts';

// City government 1 (its disclosure office is org 2), department 10 (市教育局), another department 20.
const department = { orgId: 10, authorityOrgId: 1 };
const city = { orgId: 1, authorityOrgId: 1 };
const actor = (role: string, agencyIds: number[], visible: number[] = agencyIds): ReportActor => ({
  role,
  agencyIds,
  visibleOrgIds: visible,
});
const cityOffice = actor('office', [2, 1], [1, 2, 10, 20]);
const deptOffice = actor('office', [10]);
const deptHead = actor('approver', [10]);
const deptHandler = actor('handler', [10]);
const otherDept = actor('office', [20]);
const admin = actor('admin', [1], [1, 2, 10, 20]);
// The administrator of department 20 administers its own subtree only.
const otherAdmin = actor('admin', [20], [20]);

const allowed = (a: ReportActor, subject: typeof department) =>
  REPORT_ACTIONS.filter((action: ReportAction) => can(a, action, subject));

test('Art. 49(1): a department prepares and submits its report, publishes it; the authority accepts it', () => {
  const rows: [string, ReportActor, ReportAction[]][] = [
    ['the department’s office', deptOffice, ['view', 'edit', 'submit', 'publish', 'correct']],
    ['the department’s head (负责人)', deptHead, ['view', 'edit', 'submit']],
    ['a handler of the department', deptHandler, ['view']],
    ['the city’s GIO authority (市政府办公室)', cityOffice, ['view', 'accept', 'return', 'publish']],
    ['another department', otherDept, []],
    ['the administrator: view only', admin, ['view']],
    ['the administrator of another department: nothing', otherAdmin, []],
  ];
  for (const [who, a, expected] of rows) assert.deepEqual(allowed(a, department), expected, who);
});

test('Art. 49(2): the government’s own report is prepared, accepted and published by its GIO authority', () => {
  assert.deepEqual(allowed(cityOffice, city), [
    'view',
    'edit',
    'submit',
    'accept',
    'return',
    'publish',
    'correct',
  ]);
  assert.deepEqual(allowed(deptOffice, city), []);
});

test('the authority of a report: a department’s parent government, a town’s county, a government itself', () => {
  assert.equal(authorityOf({ id: 10, kind: 'department', parentId: 1 }), 1);
  assert.equal(authorityOf({ id: 50, kind: 'town', parentId: 40 }), 40);
  assert.equal(authorityOf({ id: 40, kind: 'county', parentId: 1 }), 40);
  assert.equal(authorityOf({ id: 1, kind: 'government', parentId: null }), 1);
});
