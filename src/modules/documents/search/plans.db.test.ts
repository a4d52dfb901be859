/**
 * The plans chosen from document frequencies (estimated totals, walking the published documents by
 * date for a common title word) change the speed, never the results: on the fixture library, after
 * ANALYZE, every query gives the same documents in the same order with the plans on and off, and a
 * total is either the counted one or an estimate marked as such.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDb } from '../../../../test/helpers/db.ts';
import type { DbHandle } from '../../../platform/db/client.ts';
import { buildTsquery } from '../../../platform/search/fulltext.ts';
import { seedDemoOrgs } from '../../orgs/index.ts';
import { walkByDate } from '../domain/search-estimate.ts';
import { insertFixtureLibrary } from './fixtures.ts';
import { type SearchDocumentsParams, searchDocuments } from './service.ts';
import * as store from './store.ts';

let h: DbHandle;
let city: number;

before(async () => {
  h = await createTestDb();
  await seedDemoOrgs(h.db);
  await insertFixtureLibrary(h.db);
  await sql`analyze documents`.execute(h.db);
  const org = await h.db
    .selectFrom('orgs')
    .select('id')
    .where('name', '=', '济宁市人民政府')
    .executeTakeFirst();
  city = org?.id ?? 0;
});
after(() => h.close());

const QUERIES = (): SearchDocumentsParams[] =>
  (
    [
      { q: '政务公开' },
      { q: '通知' },
      { q: '工作' },
      { q: '政务公开 工作要点' },
      { q: '乡村振兴 高标准农田' },
      { q: '发改委' },
      { q: '12345热线' },
      { q: '济政办字〔2021〕18号' },
      { q: '量子计算机' },
      { q: '高标准农田 量子计算机' },
      { q: '政务公开', year: 2021 },
      { q: '通知', genre: 'notice' },
      { q: '工作', orgId: city },
      { q: '工作', publishedOnly: false },
      { q: '通知', validity: 'valid' },
      { q: '政务公开', limit: 3, offset: 3 },
    ] satisfies SearchDocumentsParams[]
  ).map((p) => ({ limit: 2, ...p }));

/**
 * Short lists and totals estimated above 3 matches, as at scale (100 ranked of tens of thousands,
 * estimated above 2,000); the cap above every count, so both plans see every match.
 */
const SMALL = { candidates: 2, totalCap: 10_000, estimateAbove: 3 };

test('the same results with the plans from document frequencies on and off', {
  timeout: 120_000,
}, async () => {
  let estimated = 0;
  for (const params of QUERIES()) {
    const label = JSON.stringify(params);
    const off = await searchDocuments(h.db, params, { ...SMALL, plans: false });
    const on = await searchDocuments(h.db, params, SMALL);
    assert.deepEqual(
      on.results.map((r) => [r.id, r.score]),
      off.results.map((r) => [r.id, r.score]),
      label,
    );
    assert.equal(on.relaxed, off.relaxed, label);
    if (on.totalEstimated) {
      estimated += 1;
      // An estimate, not the count: above the threshold, and the count is above the lists' length.
      assert.ok(on.total > SMALL.estimateAbove && off.total > on.results.length, `${label}: ${on.total}`);
      assert.equal(on.totalCapped, false, label);
    } else {
      assert.deepEqual([on.total, on.totalCapped], [off.total, off.totalCapped], label);
    }
  }
  // Not vacuous: the statistics estimate the common words of the library.
  assert.ok(estimated >= 2, `${estimated} estimated totals`);
});

test('a total is exact when every match fits in the lists, whatever the estimate', {
  timeout: 120_000,
}, async () => {
  const exact = await searchDocuments(h.db, { q: '工作' }, { plans: false });
  const on = await searchDocuments(h.db, { q: '工作' }, { estimateAbove: 3 });
  const short = await searchDocuments(h.db, { q: '工作', limit: 2 }, { candidates: 2, estimateAbove: 3 });
  assert.equal(short.totalEstimated, true, 'the same query with short lists is estimated');
  assert.ok(exact.total > 3 && exact.total < 100, `${exact.total}`);
  assert.deepEqual([on.total, on.totalEstimated ?? false], [exact.total, false]);
});

test('walking the published documents by date finds the same newest titles as the title index', {
  timeout: 120_000,
}, async () => {
  const df = await store.termFrequencies(h.db);
  assert.ok(df.title.shares.size > 0 && df.title.documents > 0, 'ANALYZE keeps the title lexemes');
  const filters = store.filterConditions({ publishedOnly: true }, false);
  let walked = 0;
  for (const q of ['通知', '政务公开', '工作', '方案', '乡村振兴', '量子计算机']) {
    const tsq = buildTsquery(q).all as string;
    if (walkByDate(tsq, df.title, 5, 3_000)) walked += 1;
    for (const n of [1, 5, 50]) {
      const walk = await store.titleMatches(h.db, filters, tsq, n, true);
      const index = await store.titleMatches(h.db, filters, tsq, n, false);
      assert.deepEqual(walk, index, `${q} ${n}`);
    }
  }
  assert.ok(walked >= 1, 'a common title word walks');
});

test('walking the published documents by date finds the same newest other matches as the index', {
  timeout: 120_000,
}, async () => {
  const filters = store.filterConditions({ publishedOnly: true }, false);
  let compared = 0;
  for (const q of ['政务公开', '通知', '工作', '政务公开 工作要点', '乡村振兴 高标准农田', '量子计算机']) {
    const all = buildTsquery(q).all as string;
    const m = { tsq: all, all, key: null };
    for (const n of [1, 5, 50]) {
      const index = await store.otherMatches(h.db, filters, m, n, 10_000, null);
      // Walks long enough to find them all, and one too short (ended, then the index).
      for (const rows of [100_000, 1]) {
        assert.deepEqual(
          await store.otherMatches(h.db, filters, m, n, 10_000, rows),
          index,
          `${q} ${n} ${rows}`,
        );
      }
      if (index.length > 1) compared += 1;
    }
  }
  assert.ok(compared >= 3, `${compared} lists of several`);
});
