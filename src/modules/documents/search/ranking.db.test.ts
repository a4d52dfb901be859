/**
 * Ranking over the best candidates, not the first matches in storage order: a library where the
 * documents inserted first mention every query word in their bodies only (off-topic titles), and the
 * documents about the query's topics come last. The ranked pool is kept smaller than the matches, as
 * it is at scale (100 of thousands).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDb } from '../../../../test/helpers/db.ts';
import type { DbHandle } from '../../../platform/db/client.ts';
import { seedDemoOrgs } from '../../orgs/index.ts';
import { type FixtureDoc, insertFixtureLibrary } from './fixtures.ts';
import { type DocumentSearchResult, searchDocuments } from './service.ts';

const NOISE_TITLES = [
  '市应急局关于做好2023年森林防火工作的通知',
  '市交通运输局关于开展道路运输安全检查的通知',
  '市文化和旅游局关于组织文旅消费季活动的通知',
  '市卫生健康委关于做好冬季传染病防控工作的通知',
  '市商务局关于促进餐饮消费的若干措施',
  '市城市管理局关于规范户外广告设置的通知',
];

/** Inserted first: every query word in the body, none in the title. */
const noise: FixtureDoc[] = NOISE_TITLES.map((title, i) => ({
  key: `noise-${i}`,
  title,
  org: '市政府办公室',
  genre: 'notice',
  written: `2024-0${1 + i}-10`,
  body: `各单位要结合乡村振兴和高标准农田建设，落实政务公开工作要点，做好${title.slice(3, 9)}相关工作。`,
}));

const topical: FixtureDoc[] = [
  {
    key: 'revival',
    title: '市农业农村局关于印发乡村振兴重点任务的通知',
    org: '市农业农村局',
    genre: 'notice',
    written: '2021-03-01',
    body: '全面推进乡村振兴，乡村振兴重点任务包括新建高标准农田，发展乡村特色产业，乡村振兴考核。',
  },
  {
    key: 'farmland',
    title: '高标准农田建设管理办法',
    org: '市农业农村局',
    genre: 'measures',
    written: '2020-06-01',
    body: '高标准农田建设应当服务乡村振兴，本办法规定高标准农田的规划、建设、验收和管护。',
  },
  // The same text twice, two years apart: recency breaks the tie.
  {
    key: 'points-old',
    title: '2021年政务公开重点任务',
    org: '市政府办公室',
    genre: 'other',
    written: '2021-02-01',
    body: '政务公开工作要点：加强政策解读，做好政务公开工作。',
  },
  {
    key: 'points-new',
    title: '2023年政务公开重点任务',
    org: '市政府办公室',
    genre: 'other',
    written: '2023-02-01',
    body: '政务公开工作要点：加强政策解读，做好政务公开工作。',
  },
];

let h: DbHandle;
let ids: Map<string, number>;
const keysOf = (r: DocumentSearchResult) => {
  const byId = new Map([...ids].map(([k, v]) => [v, k]));
  return r.results.map((x) => byId.get(x.id) ?? String(x.id));
};
/** Fewer ranked candidates than matches, as with a large library. */
const SMALL_POOL = { candidates: 4 };

before(async () => {
  h = await createTestDb();
  await seedDemoOrgs(h.db);
  ids = await insertFixtureLibrary(h.db, [...noise, ...topical]);
});
after(() => h.close());

test('no title holds every word: documents with a query topic in the title come first', {
  timeout: 120_000,
}, async () => {
  const r = await searchDocuments(h.db, { q: '乡村振兴 高标准农田' }, SMALL_POOL);
  assert.equal(r.relaxed, false);
  assert.equal(r.total, 8, 'the six noise documents and the two topical ones match');
  assert.deepEqual(keysOf(r).slice(0, 2).sort(), ['farmland', 'revival'], keysOf(r).join());
  assert.ok(
    keysOf(r)
      .slice(2)
      .every((k) => k.startsWith('noise-')),
  );
  // The order is the score's: the share of the words in the title, then ts_rank_cd.
  const scores = r.results.map((x) => x.score);
  assert.deepEqual(
    scores,
    [...scores].sort((a, b) => b - a),
  );
  assert.ok(scores[1] !== undefined && scores[1] >= 0.5 && (scores[2] ?? 0) < 0.5, scores.join());
});

test('equal title and body: the newer document first', { timeout: 120_000 }, async () => {
  const r = await searchDocuments(h.db, { q: '政务公开 工作要点' }, SMALL_POOL);
  assert.deepEqual(keysOf(r).slice(0, 2), ['points-new', 'points-old']);
  assert.ok(r.results[0] && r.results[0].score >= 0.5 && r.results[0].score < 1, `${r.results[0]?.score}`);
});

test('relaxed to any word: a title with one of the words still ranks first', {
  timeout: 120_000,
}, async () => {
  const r = await searchDocuments(h.db, { q: '高标准农田 量子计算机' }, SMALL_POOL);
  assert.equal(r.relaxed, true);
  assert.equal(keysOf(r)[0], 'farmland');
});

test('later pages continue the same order without repeats', { timeout: 120_000 }, async () => {
  const full = await searchDocuments(h.db, { q: '乡村振兴 高标准农田', limit: 10 }, SMALL_POOL);
  const paged: string[] = [];
  for (let offset = 0; offset < 8; offset += 3) {
    const page = await searchDocuments(h.db, { q: '乡村振兴 高标准农田', limit: 3, offset }, SMALL_POOL);
    paged.push(...keysOf(page));
  }
  assert.deepEqual(paged, keysOf(full));
  assert.equal(new Set(paged).size, 8);
});
