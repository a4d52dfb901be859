import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Fastify from 'fastify';
import { extractText, getDocumentProxy } from 'unpdf';
import { type Client, createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { gazettePages } from '../portal/gazette.page.ts';
import { insertDoc, insertInterpretation } from '../portal/test-fixtures.ts';
import { renderGazettePdf } from './pdf.ts';
import { seedGazetteAndCatalogues } from './seeds.ts';

let t: TestApp;
let office: Client;
let docA: number;
let docB: number;
let draft: number;
let onRequest: number;
let interpA: number;

before(async () => {
  t = await createTestApp();
  office = await t.as('t_office');
  docA = await insertDoc(t.db, {
    title: '济宁市城市绿化管理办法',
    genre: 'rule',
    docNumber: '济宁市人民政府令第12号',
    publishedDate: '2024-02-10',
    bodyHtml:
      '<p>第一条 为了促进城市绿化事业的发展，制定本办法。</p><p>第二条 本办法适用于本市城市规划区。</p>',
  });
  interpA = await insertInterpretation(t.db, docA, {
    title: '《济宁市城市绿化管理办法》政策解读',
    kind: 'qa',
    qa: [{ q: '本办法何时施行？', a: '自2024年3月1日起施行。' }],
  });
  docB = await insertDoc(t.db, {
    title: '关于做好春季农业生产工作的通知',
    genre: 'notice',
    org: '市农业农村局',
    publishedDate: '2024-03-01',
  });
  draft = await insertDoc(t.db, { title: '尚未发布的草稿文件', status: 'draft' });
  onRequest = await insertDoc(t.db, { title: '依申请公开的文件', attribute: 'on_request' });
});
after(() => t.close());

async function createIssue(body: Record<string, unknown>) {
  return office.send('POST', '/api/documents/gazette/issues', body);
}

test('only published proactive documents and their interpretations can be gazette items', async () => {
  for (const documentId of [draft, onRequest]) {
    const res = await createIssue({
      year: 2024,
      number: 9,
      issueDate: '2024-03-31',
      title: '2024年第9期',
      items: [{ documentId }],
    });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().error.code, 'GAZETTE_ITEM_NOT_PUBLISHED');
  }
  const both = await createIssue({
    year: 2024,
    number: 9,
    issueDate: '2024-03-31',
    title: 'x',
    items: [{ documentId: docA, interpretationId: interpA }],
  });
  assert.equal(both.statusCode, 400);
  const dup = await createIssue({
    year: 2024,
    number: 9,
    issueDate: '2024-03-31',
    title: 'x',
    items: [{ documentId: docA }, { documentId: docA }],
  });
  assert.equal(dup.statusCode, 400);
  const wrongYear = await createIssue({ year: 2024, number: 9, issueDate: '2023-12-31', title: 'x' });
  assert.equal(wrongYear.statusCode, 400);
});

test('handlers may not compose the gazette; anonymous users are asked to sign in', async () => {
  const handler = await t.as('t_handler');
  const res = await handler.send('POST', '/api/documents/gazette/issues', {
    year: 2024,
    number: 1,
    issueDate: '2024-03-31',
    title: '2024年第1期',
  });
  assert.equal(res.statusCode, 403);
  const anon = await t.anonymous();
  assert.equal((await anon.get('/api/documents/gazette/issues')).statusCode, 401);
});

test('compose, publish and read an issue: table of contents, portal pages, PDF', async () => {
  const cand = await office.get('/api/documents/gazette/candidates?from=2024-01-01&to=2024-03-31');
  assert.equal(cand.statusCode, 200);
  const items = cand.json().items as { documentId: number; interpretationId: number | null }[];
  // docA, then its interpretation, then docB (publication order); drafts and on-request documents excluded.
  assert.deepEqual(
    items.map((i) => [i.documentId, i.interpretationId]),
    [
      [docA, null],
      [docA, interpA],
      [docB, null],
    ],
  );

  const created = await createIssue({
    year: 2024,
    number: 1,
    totalNumber: 101,
    issueDate: '2024-03-31',
    title: '2024年第1期',
    items: [],
  });
  assert.equal(created.statusCode, 200, created.body);
  const id = created.json().issue.id as number;
  assert.equal(created.json().issue.status, 'draft');

  const empty = await office.send('POST', `/api/documents/gazette/issues/${id}/publish`);
  assert.equal(empty.statusCode, 409);
  assert.equal(empty.json().error.code, 'GAZETTE_ISSUE_EMPTY');

  const again = await createIssue({ year: 2024, number: 1, issueDate: '2024-03-31', title: '重复' });
  assert.equal(again.statusCode, 409);

  const patched = await office.send('PATCH', `/api/documents/gazette/issues/${id}`, {
    items: [
      { documentId: docA, section: '市政府文件' },
      { interpretationId: interpA, section: '市政府文件' },
      { documentId: docB, section: '部门文件' },
    ],
  });
  assert.equal(patched.statusCode, 200, patched.body);
  assert.deepEqual(
    patched.json().items.map((e: { kind: string; title: string }) => e.kind),
    ['document', 'interpretation', 'document'],
  );

  // A draft issue is not on the portal.
  const anon = await t.anonymous();
  assert.equal((await anon.get('/gk/gazette/2024/1')).statusCode, 404);
  assert.equal((await anon.get('/gk/gazette/2024/1/pdf')).statusCode, 404);

  const published = await office.send('POST', `/api/documents/gazette/issues/${id}/publish`);
  assert.equal(published.statusCode, 200, published.body);
  assert.equal(published.json().issue.status, 'published');

  // Published issues cannot be edited without withdrawing them first.
  const edit = await office.send('PATCH', `/api/documents/gazette/issues/${id}`, { title: '改' });
  assert.equal(edit.statusCode, 409);
  assert.equal(edit.json().error.code, 'GAZETTE_ISSUE_PUBLISHED');

  const home = await anon.get('/gk/gazette');
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /href="\/gk\/gazette\/2024"/);
  const year = await anon.get('/gk/gazette/2024');
  assert.equal(year.statusCode, 200);
  assert.match(year.body, /<caption>2024年各期政府公报<\/caption>/);
  assert.match(year.body, /总第101期/);
  const toc = await anon.get('/gk/gazette/2024/1');
  assert.equal(toc.statusCode, 200);
  assert.match(toc.body, /<h1>2024年第1期政府公报<\/h1>/);
  assert.ok(toc.body.indexOf('济宁市城市绿化管理办法') < toc.body.indexOf('关于做好春季农业生产工作的通知'));
  assert.match(toc.body, new RegExp(`href="/gk/documents/${docA}/interpretations/${interpA}"`));
  assert.match(toc.body, /<h3>部门文件<\/h3>/);
  assert.match(toc.headers['cache-control'] as string, /public/);

  const pdf = await anon.get('/gk/gazette/2024/1/pdf');
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
  const doc = await getDocumentProxy(new Uint8Array(pdf.rawPayload));
  const { totalPages, text } = await extractText(doc, { mergePages: false });
  // cover + contents + one page per item at least
  assert.ok(totalPages >= 5, `pages: ${totalPages}`);
  const pages = (text as string[]).map((p) => p.normalize('NFKC').replace(/\s+/g, ''));
  assert.match(pages[0] ?? '', /2024年第1期/);
  assert.match(pages[1] ?? '', /目录/);
  assert.match(pages[1] ?? '', /济宁市城市绿化管理办法/);
  assert.ok(pages.some((p) => p.includes('第一条为了促进城市绿化事业的发展')));
  assert.ok(pages.some((p) => p.includes('问:本办法何时施行?')));

  // The document page links to the issue that carries it.
  const docPage = await anon.get(`/gk/documents/${docA}`);
  assert.equal(docPage.statusCode, 200);
  assert.match(docPage.body, /href="\/gk\/gazette\/2024\/1"/);

  const withdrawn = await office.send('POST', `/api/documents/gazette/issues/${id}/unpublish`);
  assert.equal(withdrawn.statusCode, 200);
  assert.equal((await anon.get('/gk/gazette/2024/1')).statusCode, 404);
  const audit = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject_type', '=', 'gazette_issue')
    .where('subject_id', '=', String(id))
    .orderBy('id')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['gazette.create', 'gazette.update', 'gazette.publish', 'gazette.unpublish'],
  );
});

test('a missing CJK font gives a Chinese error, never a crash', async () => {
  await assert.rejects(
    renderGazettePdf(
      {
        siteName: '济宁市人民政府',
        year: 2024,
        number: 1,
        totalNumber: null,
        issueDate: '2024-01-01',
        title: 't',
      },
      [],
      '/nonexistent/font.ttc',
    ),
    (e: { code?: string }) => e.code === 'GAZETTE_FONT_MISSING',
  );
  const res = await createIssue({
    year: 2023,
    number: 4,
    issueDate: '2023-12-31',
    title: '2023年第4期',
    items: [{ documentId: docB }],
  });
  assert.equal(res.statusCode, 200, res.body);
  const id = res.json().issue.id as number;
  assert.equal((await office.send('POST', `/api/documents/gazette/issues/${id}/publish`)).statusCode, 200);
  const app = Fastify({ logger: false });
  await gazettePages(app, { db: t.db, siteName: '济宁市人民政府', fontPath: '/nonexistent/font.ttc' });
  const page = await app.inject({ method: 'GET', url: '/gk/gazette/2023/4/pdf' });
  await app.close();
  assert.equal(page.statusCode, 503);
  assert.match(page.headers['content-type'] as string, /text\/html/);
  assert.match(page.body, /中文字体/);
  assert.match(page.body, /lang="zh-CN"/);
});

test('seeding composes published issues from the published documents', async () => {
  await t.db.deleteFrom('gazette_issues').execute();
  const report = await seedGazetteAndCatalogues(t.db, '2024-06-30');
  assert.match(report[0] ?? '', /政府公报：\d+期/);
  const issues = await t.db
    .selectFrom('gazette_issues')
    .selectAll()
    .orderBy('year')
    .orderBy('number')
    .execute();
  assert.ok(issues.length >= 1);
  assert.ok(issues.every((i) => i.status === 'published' && i.issue_date.startsWith(String(i.year))));
  const items = await t.db.selectFrom('gazette_items').select(['document_id', 'interpretation_id']).execute();
  const ids = items.map((i) => i.document_id).filter((x) => x !== null);
  assert.ok(ids.includes(docA));
  assert.ok(!ids.includes(draft) && !ids.includes(onRequest));
  assert.ok(items.some((i) => i.interpretation_id === interpA));
  // Idempotent.
  await seedGazetteAndCatalogues(t.db, '2024-06-30');
  assert.equal((await t.db.selectFrom('gazette_issues').select('id').execute()).length, issues.length);
});
