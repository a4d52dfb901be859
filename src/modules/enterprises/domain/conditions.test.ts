import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CASE_CONDITIONS, CASE_PROFILES } from './conditions.cases.ts';
import { conditionProblems, isEmpty, matchPolicy } from './conditions.ts';

const regionName = (id: number) => (id === 1 ? '任城区人民政府' : '曲阜市人民政府');

test('the matcher answers the table of cases', () => {
  for (const c of CASE_CONDITIONS) {
    const got = Object.entries(CASE_PROFILES)
      .filter(([, p]) => matchPolicy(p, c.conditions, regionName).matched)
      .map(([k]) => k);
    assert.deepEqual(got, c.matches, c.name);
  }
});

test('each condition is explained in Chinese, the failing one marked', () => {
  const m = matchPolicy(
    CASE_PROFILES.software as never,
    {
      industries: ['C', 'I'],
      sizes: ['small'],
      regionIds: [1],
      foundedBefore: '2024-01-01',
      capitalMin: 500,
      qualifications: ['high_tech'],
    },
    regionName,
  );
  assert.equal(m.matched, false);
  const by = Object.fromEntries(m.results.map((r) => [r.key, r]));
  assert.equal(by.industries?.passed, true);
  assert.equal(
    by.industries?.text,
    '要求属于制造业（C）、信息传输、软件和信息技术服务业（I）；本企业属于信息传输、软件和信息技术服务业（I）',
  );
  assert.equal(by.sizes?.passed, false);
  assert.equal(by.sizes?.text, '要求为小型企业；本企业为微型企业');
  assert.equal(by.regionIds?.text, '要求位于任城区人民政府；本企业位于曲阜市人民政府');
  assert.equal(by.foundedBefore?.text, '要求在2024年1月1日以前成立；本企业成立于2023年3月2日');
  assert.equal(by.foundedBefore?.passed, true);
  assert.equal(by.capitalMin?.text, '要求注册资本不低于500万元；本企业注册资本100万元');
  assert.equal(by.qualifications?.text, '要求具有高新技术企业之一；本企业的资质为科技型中小企业');
  assert.deepEqual(
    m.results.map((r) => r.label),
    ['所属行业', '企业规模', '所在地区', '成立时间', '注册资本', '企业资质'],
  );
});

test('unknown capital fails a capital condition and says so', () => {
  const m = matchPolicy(CASE_PROFILES.unknownCapital as never, { capitalMax: 100 }, regionName);
  assert.equal(m.matched, false);
  assert.match(m.results[0]?.text ?? '', /本企业未登记注册资本/);
});

test('problems of a condition set, by a table', () => {
  const cases: [Parameters<typeof conditionProblems>[0], string[]][] = [
    [{}, ['请至少设置一项申报条件']],
    [{ industries: [] }, ['请至少设置一项申报条件']],
    [{ foundedFrom: '2024-01-01', foundedBefore: '2023-01-01' }, ['成立时间的起始日期应早于截止日期']],
    [{ capitalMin: 10, capitalMax: 5 }, ['注册资本的下限不能高于上限']],
    [{ capitalMin: 5, capitalMax: 5 }, []],
  ];
  for (const [c, expected] of cases) assert.deepEqual(conditionProblems(c), expected, JSON.stringify(c));
  assert.equal(isEmpty({ tags: [] }), true);
  assert.equal(isEmpty({ capitalMin: 0 }), false);
});
