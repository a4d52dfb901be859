import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ExistingOrg, kindFromLabel, ORG_TEMPLATE_HEADERS, planOrgImport } from './org-import.ts';
import type { Sheet } from './sheet.ts';

const H = ORG_TEMPLATE_HEADERS; // 名称 简称 上级机构 类型 统一社会信用代码 机构代码 是否受理依申请公开

function sheet(rows: string[][], headers: readonly string[] = H): Sheet {
  return { headerRow: 1, headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) };
}

const org = (id: number, parentId: number | null, name: string, kind: ExistingOrg['kind']): ExistingOrg => ({
  id,
  parentId,
  name,
  kind,
  shortName: null,
  creditCode: null,
  code: null,
  acceptsRequests: true,
});

const EXISTING: ExistingOrg[] = [
  org(1, null, '济宁市人民政府', 'government'),
  org(2, 1, '市教育局', 'department'),
  { ...org(3, 1, '邹城市人民政府', 'county'), creditCode: '11370800MB0285591B' },
  org(4, 3, '钢山街道', 'town'),
  org(5, 3, '邹城市教育局', 'department'),
];

test('人民政府 is a county below a government, a government at the top or below a county', () => {
  assert.equal(kindFromLabel('人民政府', 'government'), 'county');
  assert.equal(kindFromLabel('人民政府', null), 'government');
  assert.equal(kindFromLabel('人民政府', 'county'), 'government');
  assert.equal(kindFromLabel('事业单位', 'department'), 'institution');
  assert.equal(kindFromLabel('公共企事业单位', 'government'), 'enterprise');
  assert.equal(kindFromLabel('机关', 'government'), null);
});

test('a good file: creates below the file and the system, updates by name under the same parent', () => {
  const plan = planOrgImport(
    sheet([
      ['金乡县人民政府', '金乡县政府', '济宁市人民政府', '人民政府', '', '', '是'],
      ['金乡县教育局', '', '金乡县人民政府', '政府部门', '91350100M000100Y43', 'JX-01', '否'],
      ['金乡县实验中学', '', '金乡县教育局', '事业单位', '', '', ''],
      ['市教育局', '教育局', '济宁市人民政府', '政府部门', '', '', '是'],
      ['邹城市教育局', '', '邹城市人民政府', '政府部门', '', '', ''],
    ]),
    EXISTING,
  );
  assert.deepEqual(plan.errors, []);
  assert.deepEqual(
    plan.results.map((r) => [r.row, r.action]),
    [
      [2, 'create'],
      [3, 'create'],
      [4, 'create'],
      [5, 'update'],
      [6, 'unchanged'],
    ],
  );
  const county = plan.items.find((i) => i.row === 2);
  assert.equal(county?.kind, 'county', '人民政府 under the city government is a county');
  assert.deepEqual(county?.parent, { existing: 1 });
  const school = plan.items.find((i) => i.row === 4);
  assert.equal(school?.kind, 'institution');
  assert.deepEqual(school?.parent, { row: 3 });
  assert.equal(plan.items.find((i) => i.row === 3)?.acceptsRequests, false);
  assert.deepEqual(plan.items.find((i) => i.row === 5)?.changes, ['简称']);
  // Parents first.
  const order = plan.items.map((i) => i.row);
  assert.ok(order.indexOf(2) < order.indexOf(3) && order.indexOf(3) < order.indexOf(4));
});

test('a row with the credit code of an organisation updates it (a rename and a move)', () => {
  const withCode = EXISTING.map((o) => (o.id === 5 ? { ...o, creditCode: '91110000802100433B' } : o));
  const plan = planOrgImport(
    sheet([['邹城市教育和体育局', '', '济宁市人民政府', '政府部门', '91110000802100433b', '', '']]),
    withCode,
  );
  assert.deepEqual(plan.errors, []);
  assert.equal(plan.items[0]?.id, 5);
  assert.deepEqual(plan.items[0]?.changes, ['名称', '上级机构']);
});

// Each bad input of issue 12 point 2, with every error listed by row.
const BAD: [string, string[][], readonly string[] | undefined, [number, RegExp][]][] = [
  [
    'missing columns are named',
    [['某局', '济宁市人民政府']],
    ['名称', '上级机构'],
    [[1, /缺少必填列：“类型”/]],
  ],
  [
    'an unknown parent',
    [['某局', '', '不存在的政府', '政府部门', '', '', '']],
    undefined,
    [[2, /上级机构“不存在的政府”不存在/]],
  ],
  [
    'duplicate names under one parent',
    [
      ['新局', '', '济宁市人民政府', '政府部门', '', '', ''],
      ['新局', '', '济宁市人民政府', '政府部门', '', '', ''],
    ],
    undefined,
    [[3, /与第2行重复/]],
  ],
  [
    'a cycle in the file',
    [
      ['甲局', '', '乙局', '政府部门', '', '', ''],
      ['乙局', '', '甲局', '政府部门', '', '', ''],
    ],
    undefined,
    [
      [2, /形成循环：甲局 → 乙局 → 甲局/],
      [3, /形成循环：乙局 → 甲局 → 乙局/],
    ],
  ],
  [
    'moving an organisation below its own descendant',
    [['邹城市人民政府', '', '钢山街道', '人民政府', '11370800MB0285591B', '', '']],
    undefined,
    [
      [2, /不能把“邹城市人民政府”移到它自己的下级机构之下/],
      [2, /不能设在“钢山街道”（乡镇街道）之下/],
    ],
  ],
  [
    'a wrong credit code',
    [['某局', '', '济宁市人民政府', '政府部门', '91350100M000100Y44', '', '']],
    undefined,
    [[2, /校验位不正确/]],
  ],
  [
    'a credit code of the wrong length',
    [['某局', '', '济宁市人民政府', '政府部门', '1234', '', '']],
    undefined,
    [[2, /应为18位/]],
  ],
  [
    'a bad 是否 value',
    [['某局', '', '济宁市人民政府', '政府部门', '', '', '可能']],
    undefined,
    [[2, /应填写“是”或“否”/]],
  ],
  [
    'an unknown kind',
    [['某局', '', '济宁市人民政府', '机关', '', '', '']],
    undefined,
    [[2, /类型“机关”无效/]],
  ],
  [
    'a kind that may not sit below its parent',
    [['某镇', '', '市教育局', '乡镇街道', '', '', '']],
    undefined,
    [[2, /不能设在“市教育局”（政府部门）之下/]],
  ],
  [
    'no parent for a new organisation',
    [['某市人民政府', '', '', '人民政府', '', '', '']],
    undefined,
    [[2, /请填写上级机构/]],
  ],
];

for (const [name, rows, headers, expected] of BAD) {
  test(`refused: ${name}`, () => {
    const plan = planOrgImport(sheet(rows, headers), EXISTING);
    assert.deepEqual(plan.items, [], 'nothing to save');
    for (const [row, pattern] of expected) {
      assert.ok(
        plan.errors.some((e) => e.row === row && pattern.test(e.message)),
        `row ${row} ${pattern}: ${JSON.stringify(plan.errors)}`,
      );
    }
    assert.equal(plan.errors.length, expected.length, JSON.stringify(plan.errors));
  });
}

test('every error of every row is listed, and good rows are still shown', () => {
  const plan = planOrgImport(
    sheet([
      ['', '', '济宁市人民政府', '', 'X', '', '也许'],
      ['好局', '', '济宁市人民政府', '政府部门', '', '', ''],
    ]),
    EXISTING,
  );
  assert.deepEqual(
    plan.errors.filter((e) => e.row === 2).map((e) => e.message.slice(0, 6)),
    ['名称不能为空', '类型不能为空', '统一社会信用', '是否受理依申'],
  );
  assert.equal(plan.results.find((r) => r.row === 3)?.action, 'create');
  assert.deepEqual(plan.items, []);
});

test('organisations outside the importer’s scope are neither parents nor updated', () => {
  const plan = planOrgImport(sheet([['新局', '', '济宁市人民政府', '政府部门', '', '', '']]), EXISTING, {
    visibleIds: new Set([3, 4, 5]),
  });
  assert.match(plan.errors[0]?.message ?? '', /不在您的管理范围内/);
});
