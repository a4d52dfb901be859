import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../../../platform/roles.ts';
import { agenciesServedBy, isOfficeOf } from './offices.ts';

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
