import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { topicCategoryCode } from './domain/index-number.ts';
import { isCreditCode } from './domain/uscc.ts';
import { seedDemoDocuments } from './seeds.ts';

let t: TestApp;
let admin: Client;
let report: string[];

before(async () => {
  t = await createTestApp();
  report = await seedDemoDocuments(t.db);
  admin = await t.as('t_admin');
});
after(() => t.close());

test('the demo library: sources with interpretations and ≥ 500 documents across genres, years, validity states', async () => {
  console.log(report.join('\n'));
  const count = async (withoutVector = false) => {
    let q = t.db.selectFrom('documents').select((eb) => eb.fn.countAll<number>().as('n'));
    if (withoutVector) q = q.where('search_vector', 'is', null);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  assert.ok((await count()) >= 500);
  const by = async (col: 'genre' | 'validity' | 'attribute' | 'status') =>
    new Set((await t.db.selectFrom('documents').select(col).distinct().execute()).map((r) => r[col]));
  assert.equal((await by('genre')).size, 12);
  assert.deepEqual([...(await by('validity'))].sort(), ['amended', 'expired', 'repealed', 'valid']);
  assert.ok((await by('attribute')).has(null));
  assert.ok((await by('attribute')).has('not_public'));
  assert.ok((await by('status')).has('in_review'));
  const years = await t.db
    .selectFrom('documents')
    .select((eb) => [eb.fn.min('written_date').as('a'), eb.fn.max('written_date').as('b')])
    .executeTakeFirstOrThrow();
  assert.equal(String(years.a).slice(0, 4), '2019');
  assert.equal(String(years.b).slice(0, 4), '2026');
  const src = await t.db
    .selectFrom('documents')
    .selectAll()
    .where('doc_number', '=', '济政办字〔2021〕18号')
    .executeTakeFirstOrThrow();
  assert.equal(src.status, 'published');
  const interp = await t.db
    .selectFrom('interpretations')
    .select('kind')
    .where('document_id', '=', src.id)
    .execute();
  assert.deepEqual(interp.map((i) => i.kind).sort(), ['qa', 'text', 'video']);
  // Every proactive policy document past drafting has its interpretation (三同步).
  const missing = await t.db
    .selectFrom('documents as d')
    .select('d.id')
    // 不解读不运转: past drafting, not only once published.
    .where('d.status', 'in', ['in_review', 'returned', 'approved', 'published'])
    .where('d.attribute', '=', 'proactive')
    .where('d.genre', 'in', ['rule', 'normative', 'opinion', 'measures', 'decision'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('interpretations as i').select('i.id').whereRef('i.document_id', '=', 'd.id'),
        ),
      ),
    )
    .execute();
  assert.deepEqual(missing, []);
  assert.ok(
    Number(
      (
        await t.db
          .selectFrom('document_relations')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ) > 5,
  );
  const dup = await t.db
    .selectFrom('documents')
    .select('doc_number_key')
    .where('doc_number_key', 'is not', null)
    .groupBy('doc_number_key')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  assert.deepEqual(dup, [], 'no 文号 twice');
  // Search vectors are filled for every document; index numbers unique by construction.
  assert.equal(await count(true), 0);
  // The API serves a seeded document and the search finds the source by its 文号.
  const detail = await admin.get(`/api/documents/${src.id}`);
  assert.equal(detail.statusCode, 200);
  const found = (
    await admin.get(`/api/documents/search?q=${encodeURIComponent('济政办字[2021]18号')}`)
  ).json();
  assert.equal(found.results[0].id, src.id);
  assert.deepEqual(await seedDemoDocuments(t.db), [], 'seeding twice does nothing');
});

test('the demo bodies vary like a real library: distinct texts, and a search for 政务公开 finds a minority', async () => {
  const rows = await t.db.selectFrom('documents').select(['body_text', 'genre']).execute();
  const distinct = new Set(rows.map((r) => r.body_text)).size;
  assert.ok(distinct / rows.length >= 0.95, `distinct bodies ${distinct} of ${rows.length}`);
  // The genres read differently: a 批复 answers a 请示, a 规范性文件 is written in articles.
  const bodyOf = (genre: string) => rows.find((r) => r.genre === genre)?.body_text ?? '';
  assert.match(bodyOf('reply'), /请示.*收悉/s);
  assert.match(bodyOf('normative'), /第一条/);
  assert.match(bodyOf('announcement'), /特此公告/);
  const search = async (q: string) =>
    (await admin.get(`/api/documents/search?q=${encodeURIComponent(q)}&pageSize=1`)).json() as {
      total: number;
    };
  const open = (await search('政务公开')).total;
  assert.ok(open > 0, 'the documents about 政务公开 are found');
  console.log(`distinct bodies ${distinct}/${rows.length}; 政务公开 finds ${open}`);
  assert.ok(open < rows.length * 0.2, `政务公开 finds ${open} of ${rows.length}`);
  // A subject's own term finds its documents, not the whole library.
  const pension = (await search('高龄津贴')).total;
  assert.ok(pension > 0 && pension < rows.length * 0.1, `高龄津贴 finds ${pension}`);
});

test('demo index numbers: the agency’s 统一社会信用代码, the 主题分类 code, the year, a 5-digit serial', async () => {
  const rows = await t.db
    .selectFrom('documents as d')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .select(['d.index_number', 'd.topic', 'd.written_date', 'o.credit_code'])
    .execute();
  for (const r of rows) {
    assert.ok(isCreditCode(r.credit_code ?? ''), `${r.credit_code}`);
    const [code, category, year, serial] = r.index_number.split('-');
    assert.equal(code, r.credit_code);
    assert.equal(category, topicCategoryCode(r.topic));
    assert.equal(year, String(r.written_date).slice(0, 4));
    assert.match(serial ?? '', /^\d{5}$/);
  }
  assert.equal(new Set(rows.map((r) => r.index_number)).size, rows.length, 'index numbers are unique');
});

test('the source documents’ task tables are tables on the document page (no JavaScript needed)', async () => {
  const src = await t.db
    .selectFrom('documents')
    .select(['id', 'body_html', 'body_text'])
    .where('doc_number', '=', '济政办字〔2021〕18号')
    .executeTakeFirstOrThrow();
  assert.match(
    src.body_html,
    /<table><thead><tr><th scope="col">工作任务<\/th><th scope="col">牵头部门<\/th>/,
  );
  assert.match(src.body_html, /<td colspan="4">一、深化重点领域政府信息公开<\/td>/);
  // The text keeps one cell per line (search, and the policy Q&A's task rows).
  assert.match(src.body_text, /工作任务\n牵头部门\n责任单位\n具体要求/);
  const page = await (await t.anonymous()).get(`/gk/documents/${src.id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<th scope="col">具体要求<\/th>/);
  assert.doesNotMatch(page.body, /<p>\s*工作任务\s*<\/p>/, 'no cell as a paragraph');
});
