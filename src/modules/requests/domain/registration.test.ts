import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultReceivingOrgId, type RegistrationOrg } from './registration.ts';

test('a paper application is registered by default for the agency the office serves', {
  timeout: 5_000,
}, () => {
  const org = (
    id: number,
    servesOrgId: number | null,
    acceptsRequests = true,
    disabled = false,
  ): RegistrationOrg => ({
    id,
    servesOrgId,
    acceptsRequests,
    disabled,
  });
  const table: [string, RegistrationOrg[], number, number][] = [
    ['市政府办公室 → 济宁市人民政府', [org(1, null), org(2, 1)], 2, 1],
    ['a department’s own office desk: itself', [org(3, null)], 3, 3],
    ['the served government does not accept applications', [org(1, null, false), org(2, 1)], 2, 2],
    ['the served government is disabled', [org(1, null, true, true), org(2, 1)], 2, 2],
    ['unknown organisation: itself', [org(1, null)], 9, 9],
  ];
  for (const [name, orgs, userOrgId, expected] of table) {
    assert.equal(defaultReceivingOrgId(orgs, userOrgId), expected, name);
  }
});
