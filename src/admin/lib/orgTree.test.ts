import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Org } from '../api/orgs.ts';
import { buildOrgTree, type OrgTreeOption, toTreeOptions } from './orgTree.ts';

const org = (id: number, parentId: number | null, name: string, disabled = false): Org => ({
  id,
  parentId,
  name,
  kind: parentId === null ? 'government' : 'department',
  code: null,
  sortOrder: id,
  servesOrgId: null,
  shortName: null,
  creditCode: null,
  acceptsRequests: true,
  disabled,
  receivingOfficeId: null,
});

/** value → [title, selectable, shown] of every option. */
function flat(options: readonly OrgTreeOption[]): Record<number, [string, boolean, boolean]> {
  const out: Record<number, [string, boolean, boolean]> = {};
  const walk = (list: readonly OrgTreeOption[]) => {
    for (const o of list) {
      out[o.value] = [o.title, !o.disabled, o.style === undefined];
      walk(o.children ?? []);
    }
  };
  walk(options);
  return out;
}

test('pickers offer only enabled organisations; a disabled one keeps its name for saved values', () => {
  const orgs = [
    org(1, null, '济宁市人民政府'),
    org(2, 1, '市教育局'),
    org(3, 1, '市财政局', true),
    org(4, 1, '原市城管局', true),
    org(5, 4, '原城管执法支队'),
  ];
  assert.deepEqual(flat(toTreeOptions(buildOrgTree(orgs))), {
    1: ['济宁市人民政府', true, true],
    2: ['市教育局', true, true],
    // hidden and not selectable, but a saved value still shows the name
    3: ['市财政局（已停用）', false, false],
    // the branch above an enabled organisation stays visible, not selectable
    4: ['原市城管局（已停用）', false, true],
    5: ['原城管执法支队', true, true],
  });
  assert.deepEqual(flat(toTreeOptions(buildOrgTree(orgs), new Set([2])))[2], ['市教育局', false, true]);
});
