/**
 * The plans chosen from document frequencies (estimated totals, walking the published documents by
 * date for a common title word) change the speed, never the results: on the fixture library, after
 * ANALYZE, every query gives the same documents in the same order with the plans on and off, and a
 * total is either the counted one or an estimate marked as such.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { createTestDb } from '../../../../test/helpers/db.ts';
import { backup, restore } from '../../../platform/db/backup.ts';
import type { DbHandle } from '../../../platform/db/client.ts';
import { writeBlob } from '../../../platform/files/storage.ts';
import { buildTsquery } from '../../../platform/search/fulltext.ts';
import { seedDemoOrgs } from '../../orgs/index.ts';
import { driverLexemes } from '../domain/search-estimate.ts';
import { documentsModule } from '../manifest.ts';
import { insertFixtureLibrary } from './fixtures.ts';
import { refreshDocumentSearch, type SearchDocumentsParams, searchDocuments } from './service.ts';
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

test('the title postings find the same newest titles as the title index, and follow every change', {
  timeout: 120_000,
}, async () => {
  const df = await store.termFrequencies(h.db);
  assert.ok(df.title.shares.size > 0 && df.title.documents > 0, 'ANALYZE keeps the title lexemes');
  const filters = store.filterConditions({ publishedOnly: true }, false);
  const queries = ['通知', '政务公开', '工作', '方案', '乡村振兴', '政务公开 工作要点', '量子计算机'];
  const same = async (label: string) => {
    let found = 0;
    for (const q of queries) {
      const tsq = buildTsquery(q).all as string;
      const drivers = driverLexemes(tsq, df.title);
      assert.ok(drivers && drivers.length > 0, q);
      for (const n of [1, 5, 50]) {
        const index = await store.titleMatches(h.db, filters, tsq, n, null);
        // Postings enough for every match, and a bound so short that the index answers.
        for (const bound of [100_000, 1]) {
          assert.deepEqual(
            await store.titleMatches(h.db, filters, tsq, n, { drivers, bound }),
            index,
            `${label}: ${q} ${n} ${bound}`,
          );
        }
        found += index.length;
      }
    }
    return found;
  };
  assert.ok((await same('as loaded')) > 20, 'the lists are not empty');
  // Every way a public title can change: edited, withdrawn to a draft, made 依申请公开, re-dated, deleted.
  const notices = await h.db
    .selectFrom('documents')
    .select(['id', 'title'])
    .where('status', '=', 'published')
    .where('attribute', '=', 'proactive')
    .where('title', 'like', '%通知%')
    .orderBy('id')
    .limit(5)
    .execute();
  assert.equal(notices.length, 5, 'five public notices in the fixture');
  const [edited, drafted, restricted, redated, deleted] = notices.map((d) => d.id) as [
    number,
    number,
    number,
    number,
    number,
  ];
  await h.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('documents')
      .set({ title: '关于量子计算机的工作方案' })
      .where('id', '=', edited)
      .execute();
    await refreshDocumentSearch(tx, edited);
    await tx.updateTable('documents').set({ status: 'draft' }).where('id', '=', drafted).execute();
    await tx.updateTable('documents').set({ attribute: 'on_request' }).where('id', '=', restricted).execute();
    await tx
      .updateTable('documents')
      .set({ published_date: '2030-01-01' })
      .where('id', '=', redated)
      .execute();
    await tx.deleteFrom('documents').where('id', '=', deleted).execute();
  });
  await same('after the changes');
  const newest = await store.titleMatches(h.db, filters, buildTsquery('通知').all as string, 1, {
    drivers: ['通知'],
    bound: 100_000,
  });
  assert.deepEqual(
    newest.map((r) => r.id),
    [redated],
    'the re-dated notice is the newest',
  );
  const quantum = await store.titleMatches(h.db, filters, buildTsquery('量子计算机').all as string, 5, {
    drivers: driverLexemes(buildTsquery('量子计算机').all as string, df.title) ?? [],
    bound: 100_000,
  });
  assert.ok(
    quantum.some((r) => r.id === edited),
    'the edited title is found by its new words',
  );
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
      const list = { n, cap: 10_000, except: [] };
      const index = await store.otherMatches(h.db, filters, m, list, null);
      // Walks long enough to find them all, and one too short (ended, then the index).
      for (const rows of [100_000, 1]) {
        assert.deepEqual(await store.otherMatches(h.db, filters, m, list, rows), index, `${q} ${n} ${rows}`);
      }
      // The newest one left out: the next ones, by either plan.
      const more = await store.otherMatches(h.db, filters, m, { ...list, n: n + 1 }, null);
      const rest = { ...list, except: more.slice(0, 1).map((r) => r.id) };
      for (const rows of [100_000, null]) {
        assert.deepEqual(
          await store.otherMatches(h.db, filters, m, rest, rows),
          more.slice(1),
          `${q} ${n} except`,
        );
      }
      if (index.length > 1) compared += 1;
    }
  }
  assert.ok(compared >= 3, `${compared} lists of several`);
});

test('a backup leaves the title postings out; a restore rebuilds them from the documents', {
  timeout: 120_000,
}, async () => {
  const postings = () =>
    h.db
      .selectFrom('document_title_postings')
      .select(['lexeme', 'published_date', 'document_id'])
      .orderBy('lexeme')
      .orderBy('document_id')
      .execute();
  const before = await postings();
  assert.ok(before.length > 100, `${before.length} postings`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gk-postings-'));
  try {
    // The fixture's attachment file, stored (its hash made the real one) so that the backup can copy it.
    const blob = await writeBlob(path.join(dir, 'data'), Readable.from([Buffer.alloc(0)]));
    await h.db
      .updateTable('files')
      .set({ sha256: blob.sha256 })
      .where('sha256', '=', '0'.repeat(64))
      .execute();
    const file = path.join(dir, 'gongkai.backup');
    await backup(h.db, path.join(dir, 'data'), file, documentsModule.derivedTables);
    const text = gunzipSync(await readFile(file)).toString('utf8');
    assert.ok(!text.includes('"table":"document_title_postings"'), 'no postings in the backup');
    await h.db.deleteFrom('document_title_postings').execute();
    await restore(h.db, path.join(dir, 'data'), file);
    assert.deepEqual(await postings(), before);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
