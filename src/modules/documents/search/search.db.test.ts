import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestDb } from '../../../../test/helpers/db.ts';
import { orgIdByName } from '../../../../test/helpers/factories.ts';
import type { DbHandle } from '../../../platform/db/client.ts';
import { seedDemoOrgs } from '../../orgs/index.ts';
import { insertFixtureLibrary, themeId } from './fixtures.ts';
import { type DocumentSearchResult, refreshDocumentSearch, searchDocuments } from './service.ts';

let h: DbHandle;
let ids: Map<string, number>;
const id = (key: string) => ids.get(key) as number;
const keysOf = (r: DocumentSearchResult) => {
  const byId = new Map([...ids].map(([k, v]) => [v, k]));
  return r.results.map((x) => byId.get(x.id) ?? String(x.id));
};

before(async () => {
  h = await createTestDb();
  await seedDemoOrgs(h.db);
  ids = await insertFixtureLibrary(h.db);
});
after(() => h.close());

test('refreshDocumentSearch writes both vectors, weighting the title above the body', async () => {
  const row = await sql<{ v: string; t: string }>`select search_vector::text as v, search_title::text as t
    from documents where id = ${id('heating')}`.execute(h.db);
  const { v, t } = row.rows[0] as { v: string; t: string };
  assert.match(v, /'集中供热':\d+A/, 'title word weighted A');
  assert.match(v, /'采暖期':\d+C/, 'body word weighted C');
  assert.match(v, /'政策解读':\d+(,|\s|$)/, 'interpretation title indexed with weight D');
  assert.match(t, /'集中供热'/);
  assert.doesNotMatch(t, /'采暖期'/, 'the title vector holds the title, 文号 and issuers only');
  assert.match(t, /'城市管理局'/, 'issuer');
});

test('an exact 文号 comes first however its brackets are typed', async () => {
  for (const q of [
    '济政办字〔2021〕18号',
    '济政办字[2021]18号',
    '济政办字(2021)18号',
    '济政办字［2021］18号',
    '济政办字（2021）18号',
    ' 济政办字 [2021] 18 号 ',
    '济政办字〔2021〕018号',
  ]) {
    const r = await searchDocuments(h.db, { q });
    assert.equal(r.results[0]?.id, id('jining2021'), q);
    assert.ok((r.results[0]?.score ?? 0) >= 10, q);
    // The document citing that 文号 in its body is found too, after it.
    assert.ok(keysOf(r).includes('citing'), `${q}: ${keysOf(r)}`);
  }
  const other = await searchDocuments(h.db, { q: '济政办字〔2020〕40号' });
  assert.equal(other.results[0]?.id, id('food-safety-emergency'));
});

test('documents with every query word in the title rank above body matches', async () => {
  const r = await searchDocuments(h.db, { q: '政务公开' });
  const titled = ['jining2021', 'jining2022', 'laiwu2021', 'county-plan', 'citing'];
  assert.deepEqual(keysOf(r).slice(0, 5).sort(), titled.sort());
  for (const x of r.results.slice(0, 5)) assert.ok(x.score >= 1, `${x.title} ${x.score}`);
  assert.equal(r.total, r.results.length);
  assert.equal(r.totalCapped, false);
});

test('abbreviations find the full names and back', async () => {
  for (const q of ['发改委', '发展和改革委员会', '市发展改革委']) {
    const r = await searchDocuments(h.db, { q });
    assert.equal(keysOf(r)[0], 'heating-price', q);
  }
  assert.equal(keysOf(await searchDocuments(h.db, { q: '人社局 就业' }))[0], 'employment');
  assert.equal(keysOf(await searchDocuments(h.db, { q: '住建局' }))[0], 'housing-renovation');
  assert.equal(keysOf(await searchDocuments(h.db, { q: '市场监督管理局 食品' }))[0], 'market-food');
});

test('filters: organisation (joint issuers too), year, genre, topic, theme, validity, status', async () => {
  const pension = await searchDocuments(h.db, { q: '养老', orgId: await orgIdByName(h.db, '市财政局') });
  assert.deepEqual(keysOf(pension), ['pension'], 'joint issuer');
  const byYear = await searchDocuments(h.db, { q: '政务公开', year: 2021 });
  assert.deepEqual(keysOf(byYear).sort(), ['citing', 'jining2021', 'laiwu2021'].sort());
  const genre = await searchDocuments(h.db, { q: '食品安全', genre: 'notice' });
  assert.equal(keysOf(genre)[0], 'market-food');
  assert.ok(!keysOf(genre).includes('food-safety-emergency'), 'another genre');
  for (const x of genre.results) assert.equal(x.genre, 'notice');
  const topic = await searchDocuments(h.db, { q: '管理办法', topic: 'urban' });
  assert.ok(keysOf(topic).length > 0);
  for (const k of keysOf(topic)) assert.ok(['heating', 'public-rental', 'air-pollution'].includes(k), k);
  const theme = await searchDocuments(h.db, { q: '', themeId: await themeId(h.db, '就学') });
  assert.deepEqual(keysOf(theme).sort(), ['double-reduction', 'school-zoning', 'zoucheng-school'].sort());
  const repealed = await searchDocuments(h.db, { q: '食品安全', validity: 'repealed' });
  assert.deepEqual(keysOf(repealed), ['food-safety-emergency']);
  const published = await searchDocuments(h.db, { q: '基础设施配套费' });
  assert.ok(!keysOf(published).includes('draft'), 'drafts are not found by default');
  const all = await searchDocuments(h.db, { q: '基础设施配套费', publishedOnly: false });
  assert.deepEqual(keysOf(all), ['draft']);
  assert.equal(all.relaxed, false);
  const none = await searchDocuments(h.db, { q: '政务公开', year: 1900 });
  assert.equal(none.total, 0);
});

test('published documents that are not 主动公开 are found by staff only', async () => {
  await sql`update documents set attribute = 'on_request', attribute_ground = 'art16_process',
    attribute_reason = '过程性信息' where id = ${id('market-food')}`.execute(h.db);
  try {
    const pub = await searchDocuments(h.db, { q: '市场监督管理局 食品' });
    assert.ok(!keysOf(pub).includes('market-food'), keysOf(pub).join());
    const staff = await searchDocuments(h.db, { q: '市场监督管理局 食品', publishedOnly: false });
    assert.equal(keysOf(staff)[0], 'market-food');
  } finally {
    await sql`update documents set attribute = 'proactive', attribute_ground = null, attribute_reason = null
      where id = ${id('market-food')}`.execute(h.db);
  }
});

test('an empty query lists the filtered documents newest first', async () => {
  const r = await searchDocuments(h.db, { q: '   ', limit: 5 });
  assert.equal(r.results.length, 5);
  assert.equal(r.total, ids.size - 1, 'every published document');
  const dates = r.results.map((x) => x.publishedDate ?? '');
  assert.deepEqual(dates, [...dates].sort().reverse());
});

test('snippets are escaped HTML with the words marked, taken where the hit is', async () => {
  const r = await searchDocuments(h.db, { q: '采暖期 室内温度' });
  assert.equal(keysOf(r)[0], 'heating');
  const s = r.results[0]?.snippet ?? '';
  assert.ok(s.includes('<mark>采暖期</mark>'), s);
  assert.ok(!/<(?!\/?mark>)/.test(s), `only <mark> tags: ${s}`);
  // The hit is in an attachment: the snippet comes from it.
  const att = await searchDocuments(h.db, { q: '红星小区' });
  assert.equal(keysOf(att)[0], 'housing-renovation');
  assert.ok(att.results[0]?.snippet.includes('<mark>红星小区</mark>'), att.results[0]?.snippet);
  // A synonym is marked as found.
  const syn = await searchDocuments(h.db, { q: '供暖' });
  assert.ok(syn.results[0]?.snippet.includes('<mark>供热</mark>'), syn.results[0]?.snippet);
});

test('when no document has every word the search relaxes to any word', async () => {
  const r = await searchDocuments(h.db, { q: '河长制 量子计算机' });
  assert.equal(r.relaxed, true);
  assert.equal(keysOf(r)[0], 'river-chief');
  const strict = await searchDocuments(h.db, { q: '河长制 水污染防治' });
  assert.equal(strict.relaxed, false);
  assert.equal(keysOf(strict)[0], 'river-chief');
});

test('any query answers safely', async () => {
  const hostile = [
    '',
    ' ',
    "'",
    "''",
    '\\',
    "'; drop table documents; --",
    '!&|:*()<->',
    "政务' & !公开 | (a:*",
    '😀🎉👍',
    '，。、；：？！…',
    '\u0000\u0001\u200b\ufeff',
    '政务公开'.repeat(2_600),
    'x'.repeat(10_240),
    '<script>alert(1)</script>',
    '%_%',
    '济政办字〔〕号',
    '〔2021〕',
  ];
  for (const q of hostile) {
    const r = await searchDocuments(h.db, { q, limit: 5 });
    assert.ok(Array.isArray(r.results), q.slice(0, 20));
    assert.ok(r.total >= r.results.length);
    for (const x of r.results) assert.ok(!x.snippet.includes('<script>'));
  }
  assert.equal((await searchDocuments(h.db, { q: '😀🎉' })).total, 0);
  assert.ok((await h.db.selectFrom('documents').select('id').execute()).length > 40, 'table intact');
  // Odd paging values are clamped.
  const paged = await searchDocuments(h.db, { q: '通知', limit: 10_000, offset: -5 });
  assert.ok(paged.results.length <= 100);
  const nan = await searchDocuments(h.db, { q: '通知', limit: Number.NaN, offset: Number.NaN });
  assert.ok(nan.results.length > 0);
});

test('paging past the ranked candidates continues without gaps or repeats; totals are capped', async () => {
  const tuning = { candidates: 4, totalCap: 10 };
  const full = await searchDocuments(h.db, { q: '通知', limit: 100 });
  assert.ok(full.total > 12, `${full.total}`);
  const seen: number[] = [];
  for (let offset = 0; offset < 12; offset += 3) {
    const page = await searchDocuments(h.db, { q: '通知', limit: 3, offset }, tuning);
    assert.equal(page.results.length, 3);
    seen.push(...page.results.map((x) => x.id));
    assert.equal(page.total, 10);
    assert.equal(page.totalCapped, true);
  }
  assert.equal(new Set(seen).size, 12, 'no repeats');
  // Relaxed to any word with more matches than candidates: counted too.
  const relaxed = await searchDocuments(
    h.db,
    { q: '通知 量子计算机', limit: 2 },
    { candidates: 2, totalCap: 5 },
  );
  assert.equal(relaxed.relaxed, true);
  assert.equal(relaxed.total, 5);
  assert.equal(relaxed.totalCapped, true);
  // Inside a caller's transaction.
  const inTx = await h.db.transaction().execute((tx) => searchDocuments(tx, { q: '通知', limit: 3 }, tuning));
  assert.equal(inTx.total, 10);
  // Every title match (通知 in the title) comes before documents that only mention it.
  const titled = full.results.filter((x) => x.title.includes('通知')).length;
  assert.ok(full.results.slice(0, titled).every((x) => x.title.includes('通知')));
});

test('a changed document is re-indexed by refreshDocumentSearch', async () => {
  const doc = id('traffic');
  await h.db
    .updateTable('documents')
    .set({ title: "市交通运输局关于开通'定制公交'的通知" })
    .where('id', '=', doc)
    .execute();
  await refreshDocumentSearch(h.db, doc);
  assert.deepEqual(keysOf(await searchDocuments(h.db, { q: '定制公交' })), ['traffic']);
  assert.deepEqual(
    keysOf(await searchDocuments(h.db, { q: '线网 优化 城市公交' })).includes('traffic'),
    true,
  );
  await refreshDocumentSearch(h.db, 999_999); // a missing document is ignored
});

test('the database keeps facet lexemes (issuers, year, genre) in both vectors on every write', async () => {
  const doc = id('pension');
  const read = async () =>
    (
      await sql<{ v: string; t: string }>`select search_vector::text as v, search_title::text as t
        from documents where id = ${doc}`.execute(h.db)
    ).rows[0] as { v: string; t: string };
  let { v, t } = await read();
  for (const org of ['济宁市人民政府', '市人力资源社会保障局', '市财政局'])
    assert.ok(
      v.includes(`'org:${await orgIdByName(h.db, org)}'`) &&
        t.includes(`'org:${await orgIdByName(h.db, org)}'`),
      org,
    );
  assert.ok(v.includes("'year:2020'") && v.includes("'genre:normative'"));
  // A genre change alone (no re-index) moves the facet: the filter keeps working.
  await h.db.updateTable('documents').set({ genre: 'measures' }).where('id', '=', doc).execute();
  ({ v, t } = await read());
  assert.ok(v.includes("'genre:measures'") && !v.includes("'genre:normative'"), v.slice(-200));
  assert.ok(t.includes("'genre:measures'") && !t.includes("'genre:normative'"));
  assert.deepEqual(keysOf(await searchDocuments(h.db, { q: '养老保险', genre: 'measures' })), ['pension']);
  assert.deepEqual(keysOf(await searchDocuments(h.db, { q: '养老保险', genre: 'normative' })), []);
  await h.db.updateTable('documents').set({ genre: 'normative' }).where('id', '=', doc).execute();
});
