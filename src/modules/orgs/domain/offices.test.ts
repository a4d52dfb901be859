import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../../../platform/roles.ts';
import {
  agenciesReceivedBy,
  agenciesServedBy,
  isOfficeOf,
  type Receipt,
  type ReceivingOrg,
  receivers,
  supervisedAgencies,
} from './offices.ts';

// Art. 3–4 (docs/law/ogi-regulation.md): the office acts for its organisation and the agency it serves.
test('agenciesServedBy: the organisation, and the agency it is the disclosure office of', () => {
  const rows: [string, { id: number; servesOrgId: number | null }, number[]][] = [
    ['a department is its own office', { id: 20, servesOrgId: null }, [20]],
    ['市政府办公室 serves 市人民政府', { id: 11, servesOrgId: 10 }, [11, 10]],
    ['serving itself adds nothing', { id: 10, servesOrgId: 10 }, [10]],
  ];
  for (const [name, org, expected] of rows) assert.deepEqual(agenciesServedBy(org), expected, name);
});

test('isOfficeOf: office staff of one of the agencies they act for, and nobody else', () => {
  const rows: [string, Role, number[], number, boolean][] = [
    ['office of the agency itself', 'office', [20], 20, true],
    ['office serving the agency', 'office', [11, 10], 10, true],
    ['office of another agency', 'office', [41, 40], 10, false],
    ['the office’s 负责人 is not office staff', 'approver', [11, 10], 10, false],
    ['a handler of the office', 'handler', [11, 10], 10, false],
    ['a reviewer of the office', 'reviewer', [11, 10], 10, false],
    ['an administrator', 'admin', [10], 10, false],
  ];
  for (const [name, role, agencyIds, orgId, expected] of rows) {
    assert.equal(isOfficeOf({ role, agencyIds }, orgId), expected, name);
  }
});

// A city with departments, a county with its own office, a district with nobody, a disabled department.
const org = (
  id: number,
  parentId: number | null,
  kind: string,
  o: Partial<Pick<ReceivingOrg, 'servesOrgId' | 'receivingOfficeId' | 'disabled'>> = {},
): ReceivingOrg => ({
  id,
  parentId,
  kind,
  servesOrgId: null,
  receivingOfficeId: null,
  disabled: false,
  ...o,
});
const TREE: ReceivingOrg[] = [
  org(10, null, 'government'), // 济宁市人民政府
  org(11, 10, 'department', { servesOrgId: 10 }), // 市政府办公室, staffed
  org(20, 10, 'department'), // 市教育局, staffed
  org(21, 10, 'department'), // 市民政局, nobody
  org(22, 10, 'department', { receivingOfficeId: 11 }), // 市司法局, designates 市政府办公室
  org(23, 10, 'department', { receivingOfficeId: 24 }), // 市财政局, designates an office without staff
  org(24, 10, 'department'),
  org(30, 10, 'county'), // 邹城市
  org(31, 30, 'department', { servesOrgId: 30 }), // 邹城市政府办公室, staffed
  org(32, 30, 'department'), // 邹城市教育局, nobody
  org(33, 30, 'town'), // 太平镇, nobody
  org(40, 10, 'county'), // 任城区, nobody
  org(41, 40, 'town'), // 济阳街道, nobody
  org(50, 10, 'department', { disabled: true }), // disabled, though staffed
  org(90, null, 'government'), // another tree with nobody at all
];
const STAFFED = new Set([11, 20, 31, 50]);

// Art. 4, 27, 29 (docs/law/ogi-regulation.md) and DERIVED: an application never dead-ends.
test('receivers: designated office, else the agency’s own office, else the nearest government’s office', () => {
  const rows: [string, number, Receipt | null][] = [
    ['the government, through the office serving it', 10, { via: 'own', officeId: 10 }],
    ['the office itself', 11, { via: 'own', officeId: 11 }],
    ['a department with its own office user', 20, { via: 'own', officeId: 20 }],
    ['a department with nobody falls to the city', 21, { via: 'fallback', officeId: 10 }],
    ['a department that designated the city office', 22, { via: 'designated', officeId: 11 }],
    ['a designated office without staff does not count', 23, { via: 'fallback', officeId: 10 }],
    ['a county with its own office', 30, { via: 'own', officeId: 30 }],
    ['a county department falls to the county, not the city', 32, { via: 'fallback', officeId: 30 }],
    ['a town falls to its county', 33, { via: 'fallback', officeId: 30 }],
    ['a county with nobody falls to the city', 40, { via: 'fallback', officeId: 10 }],
    ['a town under a county with nobody: the city', 41, { via: 'fallback', officeId: 10 }],
    ['a disabled organisation does not receive', 50, { via: 'fallback', officeId: 10 }],
    ['nobody anywhere above', 90, null],
  ];
  const got = receivers(TREE, STAFFED);
  for (const [name, id, expected] of rows) assert.deepEqual(got.get(id), expected, name);
});

test('agenciesReceivedBy: served agencies plus those received on their behalf', () => {
  const receipts = receivers(TREE, STAFFED);
  const rows: [string, number, number[]][] = [
    ['市政府办公室: itself, the city, fallbacks and designations', 11, [11, 10, 21, 22, 23, 24, 40, 41, 50]],
    ['a department with its own office: itself only', 20, [20]],
    ['the county office: its county and the county’s orphans', 31, [31, 30, 32, 33]],
  ];
  for (const [name, orgId, expected] of rows) {
    assert.deepEqual(agenciesReceivedBy(TREE, receipts, orgId).sort(), expected.sort(), name);
  }
});

// Art. 3–4: the government's office supervises the disclosure work of its area (督办), seeing only.
test('supervisedAgencies: a government’s office oversees the government’s subtree', () => {
  const rows: [string, Role, number, number[]][] = [
    ['the city office', 'office', 11, [10, 11, 20, 21, 22, 23, 24, 30, 31, 32, 33, 40, 41, 50]],
    ['the county office', 'office', 31, [30, 31, 32, 33]],
    ['a department’s office oversees nobody', 'office', 20, []],
    ['the city office’s 负责人 is not office staff', 'approver', 11, []],
    ['an administrator', 'admin', 11, []],
  ];
  for (const [name, role, orgId, expected] of rows) {
    assert.deepEqual(supervisedAgencies(TREE, { role, orgId }).sort(), expected.sort(), name);
  }
});
