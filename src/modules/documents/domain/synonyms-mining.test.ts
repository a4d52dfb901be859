import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  definitionPairs,
  insertsWords,
  isSubsequence,
  longFormBefore,
  SynonymMiner,
  subsequencePairs,
} from './synonyms-mining.ts';

test('isSubsequence: characters in order, not necessarily together', { timeout: 5_000 }, () => {
  const cases: [string, string, boolean][] = [
    ['12345热线', '12345政务服务便民热线', true],
    ['发改委', '发展和改革委员会', true],
    ['人社局', '人力资源和社会保障局', true],
    ['热线12345', '12345政务服务便民热线', false],
    ['发改委', '改革发展委员会', false],
    ['', '任何', true],
  ];
  for (const [short, long, want] of cases)
    assert.equal(isSubsequence(short, long), want, `${short} / ${long}`);
});

test('definitions: the long form is the phrase before the bracket', { timeout: 5_000 }, () => {
  const cases: { text: string; want: [string, string][] }[] = [
    {
      text: '为规范全市12345政务服务便民热线（以下简称“12345热线”）运行管理，制定本办法。',
      want: [['12345热线', '12345政务服务便民热线']],
    },
    {
      text: '济宁市发展和改革委员会（以下简称"市发改委"）负责组织实施。',
      want: [['市发改委', '市发展和改革委员会']],
    },
    {
      text: '根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定',
      want: [], // 条例 is a plain part of the long form: nothing to expand
    },
    { text: '城乡居民基本医疗保险（简称城乡居民医保）', want: [['城乡居民医保', '城乡居民基本医疗保险']] },
    // From the last place the short form's characters start: the core name.
    { text: '市行政审批服务局(下称“审批局”)', want: [['审批局', '审批服务局']] },
    // Not abbreviations: the short form is a plain part of the phrase, or its characters are not in it.
    { text: '政务公开工作（以下简称“政务公开”）', want: [] },
    { text: '各县市区人民政府（以下简称“各地”）', want: [] },
    { text: '（以下简称“热线”）', want: [] },
    { text: '本办法所称热线，是指12345热线。', want: [] },
  ];
  for (const c of cases)
    assert.deepEqual(
      definitionPairs(c.text).map((o) => [o.short, o.long]),
      c.want,
      c.text,
    );
  assert.equal(longFormBefore('济宁市人民政府办公室', '市政府办'), '市人民政府办公室');
  assert.equal(longFormBefore('，', '热线'), null);
});

test('subsequence pairs: a title word spelt out within one phrase', { timeout: 5_000 }, () => {
  const cases: { shorts: string[]; text: string; want: [string, string][] }[] = [
    {
      shorts: ['12345热线'],
      text: '群众可拨打12345政务服务便民热线反映诉求。',
      want: [['12345热线', '12345政务服务便民热线']],
    },
    // The short form itself in the text is not a pairing; nor across punctuation.
    { shorts: ['12345热线'], text: '拨打12345热线。', want: [] },
    { shorts: ['12345热线'], text: '12345，政务服务便民热线', want: [] },
    // Too far apart (more than 4 × the short form) is a sentence, not a name.
    { shorts: ['双减'], text: '双方共同研究了校外培训机构规范管理和负担减轻', want: [] },
    {
      shorts: ['医保', '医保局'],
      text: '市医疗保障局负责医疗保障工作',
      want: [
        ['医保', '医疗保'],
        ['医保局', '医疗保障局'],
      ],
    },
    { shorts: ['x'], text: 'xyz', want: [] },
    // Words put between two whole words of the title word: wording, not an abbreviation.
    { shorts: ['管理工作'], text: '做好管理相关工作', want: [] },
    { shorts: ['交通管理'], text: '加强交通组织优化和占道施工管理', want: [] },
  ];
  for (const c of cases)
    assert.deepEqual(
      subsequencePairs(c.shorts, c.text).map((o) => [o.short, o.long]),
      c.want,
      c.text,
    );
});

test('insertsWords: whole words with words between them', { timeout: 5_000 }, () => {
  const cases: [string, string, boolean][] = [
    ['管理工作', '管理等工作', true],
    ['交通管理', '交通组织优化和占道施工管理', true],
    ['12345热线', '12345政务服务便民热线', false],
    ['发改委', '发展和改革委', false],
    ['城乡居民医保', '城乡居民基本医疗保险', false],
    ['人社局', '人力资源社会保障局', false],
  ];
  for (const [short, long, want] of cases)
    assert.equal(insertsWords(short, long), want, `${short} / ${long}`);
});

test('the miner proposes definitions at once and subsequences seen in several documents', {
  timeout: 5_000,
}, () => {
  const miner = new SynonymMiner();
  const hotline = '群众可拨打12345政务服务便民热线反映诉求。';
  for (const id of [1, 2, 3])
    miner.add(id, { shortForms: ['12345热线'], texts: [`关于做好12345热线工作的通知`, hotline] });
  miner.add(4, { shortForms: ['医保局'], texts: ['市医疗保障局负责。'] });
  miner.add(5, { shortForms: [], texts: ['市行政审批服务局（以下简称“审批局”）'] });
  miner.add(6, { shortForms: ['发改委'], texts: ['发展和改革委员会'] });
  miner.add(7, { shortForms: ['发改委'], texts: ['发展和改革委员会'] });
  miner.add(8, { shortForms: ['发改委'], texts: ['发展和改革委员会'] });
  const got = miner.candidates({ known: [['发改委', '发展和改革委员会']] });
  assert.deepEqual(
    got.map((c) => [c.short, c.long, c.source, c.documents, c.exampleDocumentId]),
    [
      ['审批局', '审批服务局', 'definition', 1, 5],
      ['12345热线', '12345政务服务便民热线', 'subsequence', 3, 1],
    ],
  );
  // Fewer documents than the minimum: not proposed; a lower minimum proposes it.
  assert.ok(!got.some((c) => c.short === '医保局'));
  assert.ok(
    miner.candidates({ minDocuments: 1 }).some((c) => c.short === '医保局' && c.long === '医疗保障局'),
  );
  // A definition seen later names the pair's source.
  miner.add(9, { shortForms: [], texts: ['全市12345政务服务便民热线（以下简称“12345热线”）'] });
  const hot = miner.candidates().find((c) => c.short === '12345热线');
  assert.equal(hot?.source, 'definition');
  assert.equal(hot?.documents, 4);
  assert.equal(hot?.exampleDocumentId, 9);
});
