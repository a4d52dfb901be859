import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Role } from '../../../platform/roles.ts';
import { can, DOC_PERMISSIONS, type DocActor, type DocPermission } from './policies.ts';

const actor = (role: Role, id = 7): DocActor => ({ id, role });

// One row per permission: the roles granted it, worked out from the rule it cites (policies.ts).
const GRANTED: [DocPermission, string, Role[]][] = [
  ['view', 'platform rule: every staff role', ['admin', 'office', 'handler', 'reviewer', 'approver']],
  ['draft', 'platform rule: drafting units and the office', ['admin', 'office', 'handler', 'approver']],
  ['review', 'Art. 17 保密审查, not the publishing office', ['admin', 'reviewer', 'approver']],
  ['publish', 'Art. 4, Art. 26', ['admin', 'office', 'approver']],
  ['attribute_review', 'Art. 18 定期复审', ['admin', 'office', 'reviewer', 'approver']],
  ['import', 'Art. 12 historical documents', ['admin', 'office']],
  ['settings', 'platform rule', ['admin']],
  ['gazette', 'Art. 23 政府公报', ['admin', 'office']],
  ['catalogue', 'Art. 4, Art. 12, Art. 20', ['admin', 'office']],
  ['catalogue_all_orgs', 'platform rule: administrators anywhere', ['admin']],
  ['release_queue', 'Art. 44 转主动公开', ['admin', 'office']],
  ['search_synonyms', 'Art. 4 the office runs the search', ['admin', 'office']],
];

const ROLES: Role[] = ['admin', 'office', 'handler', 'reviewer', 'approver'];

test('every permission has its row', () => {
  assert.deepEqual(GRANTED.map(([p]) => p).sort(), [...DOC_PERMISSIONS].sort());
});

for (const [permission, rule, roles] of GRANTED) {
  test(`${permission} (${rule}): ${roles.join(', ')}`, () => {
    for (const role of ROLES) assert.equal(can(actor(role), permission), roles.includes(role), role);
  });
}

test('themes: settings and a scope over the whole tree (platform-wide reference data)', () => {
  const rows: [Role, boolean, boolean][] = [
    ['admin', true, true],
    ['admin', false, false],
    ['office', true, false],
    ['approver', true, false],
    ['handler', true, false],
    ['reviewer', false, false],
  ];
  for (const [role, seesWholeTree, expected] of rows)
    assert.equal(can(actor(role), 'themes', { seesWholeTree }), expected, `${role} ${seesWholeTree}`);
});

test('set_attribute: draft on an unpublished document, attribute_review on a published one (Art. 13, 18)', () => {
  const rows: [Role, 'draft' | 'returned' | 'in_review' | 'published', boolean][] = [
    ['handler', 'draft', true],
    ['handler', 'returned', true],
    ['handler', 'published', false],
    ['reviewer', 'draft', false],
    ['reviewer', 'in_review', false],
    ['reviewer', 'published', true],
    ['office', 'draft', true],
    ['office', 'published', true],
    ['approver', 'published', true],
    ['admin', 'published', true],
  ];
  for (const [role, status, expected] of rows)
    assert.equal(can(actor(role), 'set_attribute', { status }), expected, `${role} ${status}`);
});

test('attach_file: own uploads (or none recorded) for drafters; others’ uploads only for administrators', () => {
  const rows: [Role, number | null, boolean][] = [
    ['handler', 7, true],
    ['handler', null, true],
    ['handler', 8, false],
    ['office', 8, false],
    ['approver', 7, true],
    ['admin', 8, true],
    ['admin', null, true],
    ['reviewer', 7, false],
    ['reviewer', null, false],
  ];
  for (const [role, uploadedBy, expected] of rows)
    assert.equal(can(actor(role, 7), 'attach_file', { uploadedBy }), expected, `${role} ${uploadedBy}`);
});
