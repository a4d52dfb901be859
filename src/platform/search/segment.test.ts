import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isTopicalWord, keywords, STOP_WORDS, segment, terms } from './segment.ts';

test('segment cuts Chinese text into words and drops punctuation', () => {
  const words = segment('请提供2020年以来市场监管领域全部行政处罚案卷的复印件。');
  assert.ok(words.includes('行政处罚'), words.join('/'));
  assert.ok(words.includes('案卷'), words.join('/'));
  assert.ok(words.includes('市场监管'), words.join('/'));
  assert.ok(!words.includes('。'));
  assert.ok(!words.includes('，'));
  assert.deepEqual(segment(''), []);
  assert.deepEqual(segment('，。！？  '), []);
});

test('terms keep the subject words and drop filler, numbers and single characters', () => {
  const t = terms('关于城区中小学新建项目的批复文件，请提供2023年度相关信息公开申请');
  for (const w of ['城区', '中小学', '批复']) assert.ok(t.includes(w), `${w} in ${t.join('/')}`);
  for (const w of ['关于', '文件', '提供', '相关', '信息', '公开', '申请', '2023', '年度', '的', '请']) {
    assert.ok(!t.includes(w), `${w} not in ${t.join('/')}`);
  }
  assert.equal(new Set(t).size, t.length, 'distinct');
  assert.deepEqual(terms('请提供有关政府信息'), []);
});

test('the stop-word list covers the filler of applications', () => {
  for (const w of ['申请', '提供', '公开', '信息', '政府', '相关', '请', '关于', '有关', '文件', '情况']) {
    assert.ok(STOP_WORDS.has(w), w);
    assert.equal(isTopicalWord(w), false, w);
  }
  assert.equal(isTopicalWord('2024年'), false);
  assert.equal(isTopicalWord('3月'), false);
  assert.equal(isTopicalWord('第3批'), false);
  assert.equal(isTopicalWord('供暖'), true);
  assert.equal(isTopicalWord('GDP'), true);
  assert.equal(isTopicalWord('X'), false);
});

test('keywords rank the topics of real application subjects by the number of applications', () => {
  const subjects = [
    '某小区供暖改造补贴发放名单',
    '请提供2025年度老旧小区供暖改造补贴的发放情况',
    '关于本市集中供暖价格调整的文件',
    '义务教育学区划分方案',
    '请提供本年度义务教育学区划分方案全文',
    '某企业用地审批材料',
    '2023年度城区中小学新建项目批复文件',
  ];
  const top = keywords(subjects, 5);
  assert.equal(top.length, 5);
  assert.deepEqual(top[0], { word: '供暖', count: 3 });
  const all = keywords(subjects, 100);
  for (const w of ['补贴', '小区', '改造', '发放']) assert.equal(all.find((k) => k.word === w)?.count, 2, w);
  assert.equal(all.find((k) => k.word === '学区')?.count, 2);
  assert.equal(all.find((k) => k.word === '义务教育')?.count, 2);
  for (const k of all) assert.ok(!STOP_WORDS.has(k.word), k.word);
  // Sorted by count, then by the word in pinyin order: a stable order.
  const zh = new Intl.Collator('zh-CN');
  for (let i = 1; i < all.length; i++) {
    const a = all[i - 1] as (typeof all)[number];
    const b = all[i] as (typeof all)[number];
    assert.ok(
      a.count > b.count || (a.count === b.count && zh.compare(a.word, b.word) < 0),
      `${a.word} ${b.word}`,
    );
  }
});

test('keywords count a word once per text and accept texts already cut', () => {
  assert.deepEqual(keywords(['供暖供暖供暖', '供暖'], 3), [{ word: '供暖', count: 2 }]);
  assert.deepEqual(
    keywords(
      [
        ['供暖', '补贴'],
        ['供暖', '供暖'],
      ],
      2,
    ),
    [
      { word: '供暖', count: 2 },
      { word: '补贴', count: 1 },
    ],
  );
  assert.deepEqual(keywords([], 10), []);
  assert.deepEqual(keywords(['供暖'], 0), []);
});
