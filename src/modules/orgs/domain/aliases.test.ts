import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isGroupName, matchUnitName, normaliseOrgName, placeNamesOf } from './aliases.ts';

const JINING = placeNamesOf('济宁市人民政府');

test('the three ways of writing the development and reform commission compare equal', () => {
  const keys = ['市发展改革委', '市发展和改革委员会', '市发改委', '济宁市发展和改革委员会', '发改委'].map(
    (n) => normaliseOrgName(n, JINING),
  );
  assert.deepEqual(new Set(keys), new Set(['发改委']));
});

test('place names of a government', () => {
  assert.deepEqual(placeNamesOf('济宁市人民政府'), ['济宁市', '济宁']);
  assert.deepEqual(placeNamesOf('莱芜区人民政府'), ['莱芜区', '莱芜']);
  assert.deepEqual(placeNamesOf('邹城市'), ['邹城市', '邹城']);
});

test('market regulation keeps its 市场 while the level prefix goes', () => {
  assert.equal(normaliseOrgName('市市场监管局'), normaliseOrgName('市场监督管理局'));
  assert.equal(normaliseOrgName('济宁市市场监督管理局', JINING), normaliseOrgName('市市场监管局'));
  assert.notEqual(normaliseOrgName('市场监管局'), '场监管局');
});

test('common departments: full names, short names, with and without 和', () => {
  const pairs: [string, string][] = [
    ['市人力资源社会保障局', '市人力资源和社会保障局'],
    ['市住房城乡建设局', '济宁市住房和城乡建设局'],
    ['市卫生健康委', '市卫生健康委员会'],
    ['市工业和信息化局', '市工业信息化局'],
    ['市政府办公室', '市政府办'],
    ['区财政局', '财政局'],
    ['县司法局', '司法局'],
    ['市文化和旅游局', '市文化旅游局'],
    ['市退役军人局', '市退役军人事务局'],
    ['市应急局', '市应急管理局'],
    ['市医保局', '市医疗保障局'],
    ['市国资委', '市国有资产监督管理委员会'],
    ['市地方金融监管局', '市地方金融监督管理局'],
    ['市行政审批服务局', '市审批局'],
    ['区委宣传部', '区委 宣传部'],
  ];
  for (const [a, b] of pairs) {
    assert.equal(normaliseOrgName(a, JINING), normaliseOrgName(b, JINING), `${a} = ${b}`);
  }
});

test('a government is named by its place', () => {
  for (const n of ['任城区人民政府', '任城区政府', '任城区', '济宁市任城区人民政府']) {
    assert.equal(normaliseOrgName(n, JINING), '任城区', n);
  }
  assert.equal(normaliseOrgName('市政府'), '政府');
  assert.notEqual(normaliseOrgName('市政府办公室'), normaliseOrgName('市政府'));
});

test('different departments stay different', () => {
  const names = [
    '市教育局',
    '市财政局',
    '市公安局',
    '市审计局',
    '市城市管理局',
    '市大数据中心',
    '市大数据局',
  ];
  const keys = names.map((n) => normaliseOrgName(n));
  assert.equal(new Set(keys).size, names.length);
});

test('full-width brackets and spaces are insignificant', () => {
  assert.equal(normaliseOrgName('市委宣传部（市政府新闻办）'), normaliseOrgName('市委宣传部(市政府新闻办)'));
  assert.equal(normaliseOrgName(' 市 教育局 '), normaliseOrgName('市教育局'));
});

test('group names are recognised, single units are not', () => {
  for (const g of [
    '各县（市、区）政府（管委会）',
    '市政府各部门、单位',
    '市政府有关部门、单位',
    '市、县级政府办公室',
    '各镇（街道）',
    '区政府有关部门',
    '市教育局等有关部门、单位',
    '市政务公开领导小组成员单位',
  ]) {
    assert.equal(isGroupName(g), true, g);
  }
  for (const u of ['市教育局', '市发展改革委', '区大数据局', '济宁高新区管委会', '市政府办公室']) {
    assert.equal(isGroupName(u), false, u);
  }
});

test('matching: exact, alias, fuzzy, ambiguity resolved by rank or refused', () => {
  const cand = (id: number, name: string, rank: number, places = JINING) => ({
    id,
    name,
    rank,
    key: normaliseOrgName(name, places),
  });
  const candidates = [
    cand(1, '市发展改革委', 0),
    cand(2, '市教育局', 0),
    cand(3, '邹城市教育局', 2, [...placeNamesOf('邹城市人民政府'), ...JINING]),
    cand(4, '市财政局', 1),
    cand(5, '区财政局', 1),
  ];
  const aliases = { exact: new Map([['发改委办公室', 1]]), byKey: new Map<string, number>() };
  assert.deepEqual(matchUnitName('市教育局', candidates, aliases, JINING), {
    orgId: 2,
    orgName: '市教育局',
    via: 'exact',
  });
  assert.equal(matchUnitName('发改委办公室', candidates, aliases, JINING)?.via, 'alias');
  assert.deepEqual(matchUnitName('济宁市发展和改革委员会', candidates, aliases, JINING), {
    orgId: 1,
    orgName: '市发展改革委',
    via: 'fuzzy',
  });
  // 教育局 is both 市教育局 (rank 0) and 邹城市教育局 (rank 2): the nearer one wins.
  assert.equal(matchUnitName('济宁市教育局', candidates, aliases, JINING)?.orgId, 2);
  // 财政局: two candidates of the same rank → no guess.
  assert.equal(matchUnitName('财政局', candidates, aliases, JINING), null);
  assert.equal(matchUnitName('市新成立局', candidates, aliases, JINING), null);
});
