import assert from 'node:assert/strict';
import { test } from 'node:test';
import { questionGroups } from './question.ts';

test('question words: asking words and places left out, synonyms added, duplicates once', () => {
  const cases: [string[], string[], string[][]][] = [
    [['谁', '负责', '预决算', '公开'], [], [['预决算'], ['公开']]],
    [['曲阜', '养老', '补贴', '养老'], ['曲阜'], [['养老'], ['补贴']]],
    [['发改委', '什么', '时候', '完成'], [], [['发改委', '发展和改革委员会', '发展改革委', '发改局']]],
    [['吗', '呢', '的'], [], []],
  ];
  for (const [tokens, places, want] of cases)
    assert.deepEqual(questionGroups(tokens, places), want, tokens.join(''));
});
