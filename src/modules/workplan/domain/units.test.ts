import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distinctUnitNames, planTaskUnits, type Resolution } from './units.ts';

const ORGS: Record<string, Resolution> = {
  市发展改革委: { orgId: 1, orgName: '市发展改革委' },
  市发改委: { orgId: 1, orgName: '市发展改革委' },
  市教育局: { orgId: 2, orgName: '市教育局' },
  '各县（市、区）政府（管委会）': { group: true },
};
const resolve = (n: string) => ORGS[n] ?? null;

test('distinct names in first-seen order with task counts', () => {
  assert.deepEqual(
    distinctUnitNames([
      { leadUnits: ['市发改委'], responsibleUnits: ['市教育局', ' 市教育局 ', ''] },
      { leadUnits: [], responsibleUnits: ['市教育局', '市新局'] },
    ]),
    [
      { name: '市发改委', tasks: 1 },
      { name: '市教育局', tasks: 2 },
      { name: '市新局', tasks: 1 },
    ],
  );
});

test('lead wins over responsible, one assignment per organisation, groups kept verbatim', () => {
  const r = planTaskUnits(
    {
      leadUnits: ['市发改委'],
      responsibleUnits: ['市发展改革委', '市教育局', '各县（市、区）政府（管委会）', '市新局', '市新局'],
    },
    resolve,
  );
  assert.deepEqual(r.assignments, [
    { orgId: 1, role: 'lead', unitText: '市发改委', sortOrder: 0 },
    { orgId: 2, role: 'responsible', unitText: null, sortOrder: 1 },
  ]);
  assert.deepEqual(r.groups, [{ name: '各县（市、区）政府（管委会）', role: 'responsible', sortOrder: 2 }]);
  assert.deepEqual(r.unresolved, ['市新局']);
});
