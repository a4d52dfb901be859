import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { orgIdByName } from '../../../../test/helpers/factories.ts';
import { seedGazetteAndCatalogues } from '../gazette/seeds.ts';
import { insertDoc } from '../portal/test-fixtures.ts';

let t: TestApp;
let office: Client;
let anon: Client;
let city: number;
let edu: number;

before(async () => {
  t = await createTestApp();
  office = await t.as('t_office');
  anon = await t.anonymous();
  city = await orgIdByName(t.db, '济宁市人民政府');
  edu = await orgIdByName(t.db, '市教育局');
});
after(() => t.close());

type ColumnJson = {
  id: number;
  item: number;
  lastUpdated: string | null;
  stale: boolean;
  neverUpdated: boolean;
  dueOn: string | null;
  daysOverdue: number;
  documentCount: number;
};

test('Art. 20 columns: last update derived from documents and manual touches; staleness check', async () => {
  const rules = await office.send('POST', '/api/documents/catalogue/columns', {
    orgId: city,
    item: 1,
    updatePeriodDays: 30,
    genres: ['rule', 'normative'],
  });
  assert.equal(rules.statusCode, 200, rules.body);
  const rulesCol = rules.json() as ColumnJson & { name: string };
  assert.equal(rulesCol.name, '法规规章和规范性文件');
  assert.equal(rulesCol.lastUpdated, null);
  assert.equal(rulesCol.stale, true);
  assert.equal(rulesCol.neverUpdated, true);

  const budget = await office.send('POST', '/api/documents/catalogue/columns', {
    orgId: city,
    item: 7,
    name: '财政预决算',
    updatePeriodDays: 365,
  });
  assert.equal(budget.statusCode, 200, budget.body);
  const budgetId = (budget.json() as ColumnJson).id;

  const dup = await office.send('POST', '/api/documents/catalogue/columns', {
    orgId: city,
    item: 7,
    updatePeriodDays: 30,
  });
  assert.equal(dup.statusCode, 409);
  const badGenre = await office.send('POST', '/api/documents/catalogue/columns', {
    orgId: city,
    item: 3,
    updatePeriodDays: 30,
    genres: ['nope'],
  });
  assert.equal(badGenre.statusCode, 400);
  assert.equal(badGenre.json().error.code, 'DISCLOSURE_COLUMN_INVALID');

  // A normative document of the city counts for the rules column (by genre); drafts do not.
  await insertDoc(t.db, { title: '济宁市规范性文件甲', genre: 'normative', publishedDate: '2024-05-10' });
  await insertDoc(t.db, { title: '草稿规范性文件', genre: 'normative', status: 'draft' });
  await insertDoc(t.db, {
    title: '依申请规范性文件',
    genre: 'normative',
    attribute: 'on_request',
    publishedDate: '2024-07-01',
  });
  // A budget document linked by hand to the budget column.
  const budgetDoc = await insertDoc(t.db, {
    title: '2024年市级预算公开',
    genre: 'other',
    publishedDate: '2024-02-01',
  });
  const link = await office.send('POST', `/api/documents/catalogue/columns/${budgetId}/documents`, {
    add: [budgetDoc],
  });
  assert.equal(link.statusCode, 200, link.body);
  assert.equal((link.json() as ColumnJson).lastUpdated, '2024-02-01');
  assert.equal((link.json() as ColumnJson).documentCount, 1);
  const unknownDoc = await office.send('POST', `/api/documents/catalogue/columns/${budgetId}/documents`, {
    add: [999999],
  });
  assert.equal(unknownDoc.statusCode, 400);

  const stale = await office.get('/api/documents/catalogue/columns/stale?today=2024-06-15');
  assert.equal(stale.statusCode, 200);
  const list = stale.json().items as ColumnJson[];
  // rules: updated 2024-05-10 + 30 days = due 2024-06-09 → 6 days overdue; budget (365 days) is fine.
  assert.deepEqual(
    list.map((c) => [c.item, c.lastUpdated, c.dueOn, c.daysOverdue]),
    [[1, '2024-05-10', '2024-06-09', 6]],
  );
  const fresh = await office.get('/api/documents/catalogue/columns/stale?today=2024-06-09');
  assert.equal(fresh.json().total, 0);

  // A manual touch counts as an update.
  const touched = await office.send('POST', `/api/documents/catalogue/columns/${rulesCol.id}/touch`, {
    on: '2024-06-14',
  });
  assert.equal(touched.statusCode, 200, touched.body);
  assert.equal((touched.json() as ColumnJson).lastUpdated, '2024-06-14');
  const after = await office.get('/api/documents/catalogue/columns/stale?today=2024-06-15');
  assert.equal(after.json().total, 0);

  // Other roles: handlers cannot configure; a department approver sees no city columns.
  const handler = await t.as('t_handler');
  const forbidden = await handler.send('POST', '/api/documents/catalogue/columns', {
    orgId: edu,
    item: 1,
    updatePeriodDays: 30,
  });
  assert.equal(forbidden.statusCode, 403);
  const approver2 = await t.as('t_approver2');
  const theirs = await approver2.get('/api/documents/catalogue/columns');
  assert.equal(theirs.statusCode, 200);
  assert.equal(theirs.json().items.length, 0);

  // Portal: the statutory page lists the columns with their status, and a column page lists its documents.
  const page = await anon.get(`/gk/statutory?org=${city}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<caption>济宁市人民政府法定主动公开栏目<\/caption>/);
  assert.match(page.body, /财政预决算/);
  assert.match(page.body, /本机关尚未设置该栏目/);
  const colPage = await anon.get(`/gk/statutory/${budgetId}`);
  assert.equal(colPage.statusCode, 200);
  assert.match(colPage.body, /2024年市级预算公开/);
  assert.match(colPage.body, /财政预算、决算信息/);
  const rulesPage = await anon.get(`/gk/statutory/${rulesCol.id}`);
  assert.match(rulesPage.body, /济宁市规范性文件甲/);
  assert.doesNotMatch(rulesPage.body, /草稿规范性文件|依申请规范性文件/);
  assert.equal((await anon.get('/gk/statutory/999999')).statusCode, 404);

  const audit = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject_type', '=', 'disclosure_column')
    .where('subject_id', '=', String(rulesCol.id))
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['disclosure_column.create', 'disclosure_column.touch'],
  );
});

test('公开指南: default text from the organisation and the regulation; edited text replaces it', async () => {
  const dflt = await anon.get(`/gk/guide?org=${edu}`);
  assert.equal(dflt.statusCode, 200);
  assert.match(dflt.body, /<h1>市教育局政府信息公开指南<\/h1>/);
  assert.match(dflt.body, /第十二条/);
  assert.match(dflt.body, /二十个工作日|20个工作日/);
  const root = await anon.get('/gk/guide');
  assert.equal(root.statusCode, 200);
  // The city government's office is 市政府办公室.
  assert.match(root.body, /济宁市人民政府的政府信息公开工作机构为市政府办公室/);

  const saved = await office.send('PUT', `/api/documents/catalogue/guides/${edu}`, {
    body: '一、总则\n本指南由市教育局编制。<script>alert(1)</script>\n（一）办公地址\n济宁市某路1号',
  });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal(saved.json().custom, true);
  const edited = await anon.get(`/gk/guide?org=${edu}`);
  assert.match(edited.body, /<h2>一、总则<\/h2>/);
  assert.match(edited.body, /<h3>（一）办公地址<\/h3>/);
  assert.match(edited.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.doesNotMatch(edited.body, /<script>alert/);

  const reset = await office.send('PUT', `/api/documents/catalogue/guides/${edu}`, { body: '  ' });
  assert.equal(reset.json().custom, false);
  assert.match((await anon.get(`/gk/guide?org=${edu}`)).body, /第十二条/);
  assert.equal((await anon.get('/gk/guide?org=999999')).statusCode, 404);
});

test('公共企事业单位: CRUD by the office, listed per sector on the portal', async () => {
  const bad = await office.send('POST', '/api/documents/catalogue/enterprises', {
    sector: '供水',
    name: '某水务公司',
    url: 'javascript:alert(1)',
  });
  assert.equal(bad.statusCode, 400);
  const created = await office.send('POST', '/api/documents/catalogue/enterprises', {
    sector: '供水',
    name: '济宁市自来水公司',
    url: 'https://water.example.org/xxgk',
    orgId: city,
    description: '水质、水价公告',
  });
  assert.equal(created.statusCode, 200, created.body);
  const id = created.json().id as number;
  const dup = await office.send('POST', '/api/documents/catalogue/enterprises', {
    sector: '供水',
    name: '济宁市自来水公司',
    url: 'https://water.example.org/',
  });
  assert.equal(dup.statusCode, 409);
  const patched = await office.send('PATCH', `/api/documents/catalogue/enterprises/${id}`, {
    sector: '公共交通',
  });
  assert.equal(patched.statusCode, 200);
  const handler = await t.as('t_handler');
  assert.equal((await handler.send('DELETE', `/api/documents/catalogue/enterprises/${id}`)).statusCode, 403);

  const page = await anon.get('/gk/enterprises');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h2>公共交通<\/h2>/);
  assert.match(page.body, /href="https:\/\/water.example.org\/xxgk"/);
  assert.match(page.body, /<caption>公共交通领域公共企事业单位<\/caption>/);

  assert.equal((await office.send('DELETE', `/api/documents/catalogue/enterprises/${id}`)).statusCode, 200);
  assert.doesNotMatch((await anon.get('/gk/enterprises')).body, /济宁市自来水公司/);
});

test('demo seed: columns for several organisations with some overdue, and enterprises per sector', async () => {
  await t.db.deleteFrom('disclosure_columns').execute();
  await seedGazetteAndCatalogues(t.db, '2024-06-30');
  const cols = await t.db.selectFrom('disclosure_columns').select(['org_id', 'item']).execute();
  assert.equal(cols.length, 60);
  const stale = await office.get('/api/documents/catalogue/columns/stale?today=2024-06-30');
  assert.equal(stale.statusCode, 200);
  const items = stale.json().items as ColumnJson[];
  assert.ok(items.some((c) => c.item === 4));
  assert.ok(items.length < 20, `stale: ${items.length}`);
  const enterprises = await t.db.selectFrom('public_enterprises').select('sector').distinct().execute();
  assert.ok(enterprises.length >= 6);
});
