import assert from 'node:assert/strict';
import { test } from 'node:test';
import { governmentOf, type TransferOrg, transferRefusal } from './transfer.ts';

// A city government (1) with departments 2, 3 (3 disabled), 4 (accepts no applications) and its office 5;
// a county (10) with its department 11 and a town (20) below it.
const org = (id: number, parentId: number | null, kind: string, extra: Partial<TransferOrg> = {}) => ({
  id,
  parentId,
  kind,
  name: `机关${id}`,
  disabled: false,
  acceptsRequests: true,
  ...extra,
});
const orgs: TransferOrg[] = [
  org(1, null, 'government'),
  org(2, 1, 'department'),
  org(3, 1, 'department', { disabled: true }),
  org(4, 1, 'department', { acceptsRequests: false }),
  org(5, 1, 'department'),
  org(10, 1, 'county'),
  org(11, 10, 'department'),
  org(20, 10, 'town'),
];

test('the government an organisation belongs to: itself, or the nearest government above', () => {
  const rows: [number, number | null][] = [
    [1, 1],
    [2, 1],
    [5, 1],
    [10, 10],
    [11, 10],
    [20, 20],
    [99, null],
  ];
  for (const [id, expected] of rows) assert.equal(governmentOf(orgs, id), expected, String(id));
});

// [name, from, to, refusal or null]
const rows: [string, number, number, string | null][] = [
  ['government → its department', 1, 2, null],
  ['department → another department of the same government', 2, 5, null],
  ['department → its government', 2, 1, null],
  ['county → its own department', 10, 11, null],
  ['the same agency', 2, 2, 'TRANSFER_SAME_AGENCY'],
  ['an unknown organisation', 2, 99, 'TRANSFER_TARGET_UNKNOWN'],
  ['a disabled department', 2, 3, 'TRANSFER_TARGET_NOT_ACCEPTING'],
  ['a department that accepts no applications', 2, 4, 'TRANSFER_TARGET_NOT_ACCEPTING'],
  // Art. 36(5): an agency of another government is named in a reply, never transferred to.
  ['city department → a county government', 2, 10, 'TRANSFER_OTHER_GOVERNMENT'],
  ['city department → a county department', 2, 11, 'TRANSFER_OTHER_GOVERNMENT'],
  ['county department → the city government', 11, 1, 'TRANSFER_OTHER_GOVERNMENT'],
  ['county → a town below it', 10, 20, 'TRANSFER_OTHER_GOVERNMENT'],
];

test('转办 only within one government, to an agency that accepts applications', () => {
  for (const [name, from, to, expected] of rows)
    assert.equal(transferRefusal(orgs, from, to), expected, name);
});
