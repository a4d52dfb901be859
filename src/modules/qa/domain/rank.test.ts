import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  answers,
  buildIndex,
  cite,
  type IndexedPassage,
  intentOf,
  placeCore,
  placesIn,
  rank,
} from './rank.ts';

function p(
  id: number,
  documentId: number,
  body: string[],
  extra: Partial<IndexedPassage> = {},
): IndexedPassage {
  return {
    id,
    documentId,
    government: '济宁市人民政府',
    inForce: true,
    replacedBy: null,
    kind: 'paragraph',
    hasUnits: false,
    hasDate: false,
    title: [],
    heading: [],
    units: [],
    body,
    ...extra,
  };
}

test('intent of a question, by a table', () => {
  const cases: [string, ReturnType<typeof intentOf>][] = [
    ['谁负责预决算公开', 'who'],
    ['这项工作由哪个部门牵头', 'who'],
    ['流调信息什么时候完成', 'when'],
    ['完成时限是多久', 'when'],
    ['政府开放日怎么开展', null],
  ];
  for (const [q, want] of cases) assert.equal(intentOf(q), want, q);
});

test('places: the core of a government name found in the question', () => {
  assert.equal(placeCore('曲阜市人民政府'), '曲阜');
  assert.equal(placeCore('任城区人民政府'), '任城');
  assert.deepEqual(placesIn('曲阜的养老补贴', ['济宁市人民政府', '曲阜市人民政府']), ['曲阜市人民政府']);
  assert.deepEqual(placesIn('养老补贴', ['济宁市人民政府']), []);
});

test('BM25: rarer words weigh more; the heading outweighs the body', () => {
  const index = buildIndex([
    p(1, 1, ['政务', '公开', '培训']),
    p(2, 1, ['政务', '公开', '经费']),
    p(3, 2, ['政务', '公开'], { heading: ['培训'] }),
  ]);
  const r = rank(index, { groups: [['培训'], ['政务']], intent: null, places: [] });
  assert.deepEqual(
    r.map((x) => index.passages[x.position]?.id),
    [3, 1, 2],
  );
  assert.equal(r[2]?.coverage !== undefined && r[2].coverage < 0.5, true);
});

test('intent and place preferences', () => {
  const index = buildIndex([
    p(1, 1, ['养老', '补贴', '政策']),
    p(2, 2, ['养老', '补贴', '政策'], { hasUnits: true, kind: 'task_row' }),
    p(3, 3, ['养老', '补贴', '政策'], { government: '曲阜市人民政府' }),
  ]);
  const who = rank(index, { groups: [['养老'], ['补贴']], intent: 'who', places: [] });
  assert.equal(index.passages[who[0]?.position as number]?.id, 2);
  const there = rank(index, { groups: [['养老'], ['补贴']], intent: null, places: ['曲阜市人民政府'] });
  assert.equal(index.passages[there[0]?.position as number]?.id, 3);
});

test('synonyms: a group matches by any of its words', () => {
  const index = buildIndex([p(1, 1, ['发展改革委', '规划']), p(2, 1, ['规划'])]);
  const r = rank(index, { groups: [['发改委', '发展改革委']], intent: null, places: [] });
  assert.deepEqual(
    r.map((x) => index.passages[x.position]?.id),
    [1],
  );
});

test('citations: a repealed document gives way to the one in force that replaced it; an expired one is dropped', () => {
  const index = buildIndex([
    p(1, 10, ['收费', '目录', '清单'], { inForce: false, replacedBy: 20 }),
    p(2, 20, ['其他', '内容']),
    p(3, 20, ['收费', '清单']),
    p(4, 30, ['收费', '目录', '清单', '清单'], { inForce: false, replacedBy: null }),
    p(5, 40, ['收费']),
  ]);
  const ranked = rank(index, { groups: [['收费'], ['目录'], ['清单']], intent: null, places: [] });
  const cited = cite(index, ranked, 3);
  const ids = cited.map((c) => index.passages[c.position]?.id);
  assert.ok(!ids.includes(1) && !ids.includes(4));
  assert.equal(ids[0], 3);
  assert.equal(cited[0]?.replaces, 10);
  assert.equal(new Set(ids).size, ids.length);
});

test('refusal: nothing, too little of the question covered, or too low a score', () => {
  assert.equal(answers(undefined), false);
  assert.equal(answers({ position: 0, score: 10, coverage: 0.3, replaces: null }), false);
  assert.equal(answers({ position: 0, score: 0.5, coverage: 1, replaces: null }), false);
  assert.equal(answers({ position: 0, score: 10, coverage: 0.8, replaces: null }), true);
  const empty = buildIndex([]);
  assert.deepEqual(rank(empty, { groups: [['任何']], intent: null, places: [] }), []);
});
