import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  governmentOf,
  governmentsAbove,
  lowerGovernments,
  normaliseHost,
  ownScope,
  parseHosts,
  type SiteOrg,
  wholeScope,
} from './sites.ts';

const org = (id: number, parentId: number | null, kind: string, name: string): SiteOrg => ({
  id,
  parentId,
  kind,
  name,
  regionCode: null,
});

// 市 (1) → 市教育局 (2), 梁山县 (3) → 县教育局 (4), 拳铺镇 (5) → 镇卫生院 (6); 邹城市 (7) → 市教育局 (8)
const TREE = [
  org(1, null, 'government', '市人民政府'),
  org(2, 1, 'department', '市教育局'),
  org(3, 1, 'county', '梁山县人民政府'),
  org(4, 3, 'department', '梁山县教育局'),
  org(5, 3, 'town', '拳铺镇人民政府'),
  org(6, 5, 'institution', '拳铺镇卫生院'),
  org(7, 1, 'county', '邹城市人民政府'),
  org(8, 7, 'department', '邹城市教育局'),
];

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);

test('a site’s own organisations stop at the governments below it; its whole scope does not', () => {
  assert.deepEqual(sorted(ownScope(TREE, 1)), [1, 2]);
  assert.deepEqual(sorted(ownScope(TREE, 3)), [3, 4, 5, 6]);
  assert.deepEqual(sorted(ownScope(TREE, 7)), [7, 8]);
  assert.deepEqual(sorted(wholeScope(TREE, 1)), [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.deepEqual(sorted(wholeScope(TREE, 3)), [3, 4, 5, 6]);
  assert.deepEqual(
    lowerGovernments(TREE, 1).map((g) => [g.name, sorted(g.orgIds)]),
    [
      ['梁山县人民政府', [3, 4, 5, 6]],
      ['邹城市人民政府', [7, 8]],
    ],
  );
  assert.deepEqual(lowerGovernments(TREE, 3), []);
});

test('the government an organisation belongs to, and the governments above it', () => {
  const rows: [number, number | null, number[]][] = [
    [1, 1, []],
    [2, 1, [1]],
    [3, 3, [1]],
    [4, 3, [3, 1]],
    [6, 3, [3, 1]],
    [8, 7, [7, 1]],
    [99, null, []],
  ];
  for (const [id, gov, above] of rows) {
    assert.equal(governmentOf(TREE, id), gov, `government of ${id}`);
    assert.deepEqual(governmentsAbove(TREE, id), above, `above ${id}`);
  }
});

test('host names: lower case without port; malformed ones refused with a Chinese message', () => {
  assert.equal(normaliseHost('WWW.Liangshan.gov.cn:8080'), 'www.liangshan.gov.cn');
  assert.equal(normaliseHost('localhost'), 'localhost');
  assert.equal(normaliseHost('http://x.cn'), null);
  assert.equal(normaliseHost('x.cn/path'), null);
  assert.equal(normaliseHost('-x.cn'), null);
  assert.deepEqual(parseHosts('a.gov.cn, B.gov.cn\na.gov.cn'), { hosts: ['a.gov.cn', 'b.gov.cn'] });
  assert.deepEqual(parseHosts(''), { hosts: [] });
  const bad = parseHosts('a.gov.cn https://b.gov.cn');
  assert.ok('problem' in bad && /https:\/\/b\.gov\.cn/.test(bad.problem));
});
