import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { orgIdByName } from '../../../../test/helpers/factories.ts';
import { refreshDocumentSearch } from '../search/service.ts';
import { insertAttachment, insertDoc, insertInterpretation } from './test-fixtures.ts';

let t: TestApp;
let anon: Client;
let rule: number;
let oldRule: number;
let draft: number;
let onRequest: number;
let converted: number;
let interp: number;
let attachment: number;
let draftAttachment: number;

before(async () => {
  t = await createTestApp();
  anon = await t.anonymous();
  oldRule = await insertDoc(t.db, {
    title: '济宁市养犬管理办法',
    genre: 'rule',
    docNumber: '济宁市人民政府令第3号',
    writtenDate: '2015-06-01',
    publishedDate: '2015-06-10',
    effectiveDate: '2015-07-01',
    validity: 'repealed',
    validityChangedOn: '2024-04-01',
  });
  rule = await insertDoc(t.db, {
    title: '济宁市文明养犬管理规定',
    genre: 'rule',
    topic: 'urban',
    docNumber: '济宁市人民政府令第30号',
    writtenDate: '2024-02-20',
    publishedDate: '2024-03-01',
    effectiveDate: '2024-04-01',
    keywords: ['养犬', '文明'],
    summary: '规范养犬行为，维护市容环境和社会秩序。',
    bodyHtml: '<p>第一条 为了规范养犬行为，保障公民健康和人身安全，制定本规定。</p>',
  });
  await t.db
    .insertInto('document_relations')
    .values({
      document_id: rule,
      target_id: oldRule,
      kind: 'repeals',
      effective_date: '2024-04-01',
      applied: true,
    })
    .execute();
  await t.db
    .insertInto('document_versions')
    .values([
      {
        document_id: rule,
        version_no: 1,
        title: '济宁市文明养犬管理规定（2024年原文）',
        body_html: '<p>原文第一条 旧的条文。</p>',
        valid_from: '2024-04-01',
        valid_to: '2025-01-01',
      },
    ])
    .execute();
  const theme = await t.db
    .insertInto('document_themes')
    .values({ name: '城市管理' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db.insertInto('document_theme_links').values({ document_id: rule, theme_id: theme.id }).execute();
  interp = await insertInterpretation(t.db, rule, {
    title: '《济宁市文明养犬管理规定》解读',
    kind: 'qa',
    qa: [{ q: '什么时候施行？', a: '2024年4月1日起施行。' }],
  });
  attachment = await insertAttachment(t.db, t.dataDir, rule, '养犬登记表.txt', '养犬登记表内容');
  draft = await insertDoc(t.db, { title: '内部草稿：养犬收费', status: 'draft' });
  draftAttachment = await insertAttachment(t.db, t.dataDir, draft, '草稿附件.txt', '草稿内容');
  onRequest = await insertDoc(t.db, { title: '依申请公开：养犬执法案卷', attribute: 'on_request' });
  converted = await insertDoc(t.db, {
    title: '关于公布犬只收容场所的通知',
    genre: 'notice',
    convertedOn: '2024-05-20',
  });
  for (const id of [oldRule, rule, draft, onRequest, converted]) await refreshDocumentSearch(t.db, id);
});
after(() => t.close());

test('document page: all metadata, validity, body, attachments, interpretations, relations, versions', async () => {
  const res = await anon.get(`/gk/documents/${rule}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['cache-control'] as string, /public, max-age=\d+/);
  const b = res.body;
  assert.match(b, /<html lang="zh-CN">/);
  assert.match(b, /<h1>济宁市文明养犬管理规定<\/h1>/);
  assert.match(b, /<caption>文件信息<\/caption>/);
  for (const label of [
    '标题',
    '索引号',
    '发文机关',
    '文号',
    '成文日期',
    '发布日期',
    '生效日期',
    '有效性',
    '体裁',
    '主题分类',
    '特色主题',
    '关键词',
  ]) {
    assert.match(b, new RegExp(`<th scope="row">${label}</th>`), label);
  }
  assert.match(b, /济宁市人民政府令第30号/);
  assert.match(b, /2024年2月20日/);
  assert.match(b, /2024年4月1日/);
  assert.match(b, /<strong>有效<\/strong>/);
  assert.match(b, /城乡建设、环境保护/);
  assert.match(b, /城市管理/);
  assert.match(b, /养犬，文明/);
  assert.match(b, /第一条 为了规范养犬行为/);
  assert.match(b, new RegExp(`href="/gk/documents/${rule}/attachments/${attachment}"`));
  assert.match(b, new RegExp(`href="/gk/documents/${rule}/interpretations/${interp}"`));
  assert.match(b, new RegExp(`本文件废止<a href="/gk/documents/${oldRule}">《济宁市养犬管理办法》`));
  assert.match(b, /历史文本/);
  assert.match(b, new RegExp(`action="/gk/documents/${rule}/version"`));

  // The old document shows it was repealed, with a link to the new one.
  const old = await anon.get(`/gk/documents/${oldRule}`);
  assert.equal(old.statusCode, 200);
  assert.match(old.body, /<strong>已废止<\/strong>（自2024年4月1日起）/);
  assert.match(old.body, new RegExp(`本文件已被<a href="/gk/documents/${rule}">《济宁市文明养犬管理规定》`));
});

test('unpublished or not proactive documents are not shown, nor their attachments', async () => {
  for (const id of [draft, onRequest, 999999]) {
    const res = await anon.get(`/gk/documents/${id}`);
    assert.equal(res.statusCode, 404, `document ${id}`);
    assert.match(res.body, /不存在或尚未公开/);
  }
  assert.equal((await anon.get('/gk/documents/abc')).statusCode, 404);
  assert.equal((await anon.get(`/gk/documents/${draft}/attachments/${draftAttachment}`)).statusCode, 404);
  // An attachment id paired with another (public) document is refused too.
  assert.equal((await anon.get(`/gk/documents/${rule}/attachments/${draftAttachment}`)).statusCode, 404);
  const ok = await anon.get(`/gk/documents/${rule}/attachments/${attachment}`);
  assert.equal(ok.statusCode, 200);
  assert.equal(ok.body, '养犬登记表内容');
  assert.match(ok.headers['content-disposition'] as string, /^attachment; .*filename\*=UTF-8''%E5%85%BB/);
});

test('interpretation page links back to its document', async () => {
  const res = await anon.get(`/gk/documents/${rule}/interpretations/${interp}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1>《济宁市文明养犬管理规定》解读<\/h1>/);
  assert.match(res.body, new RegExp(`解读文件：<a href="/gk/documents/${rule}">`));
  assert.match(res.body, /<dt>问：什么时候施行？<\/dt><dd>答：2024年4月1日起施行。<\/dd>/);
  assert.equal((await anon.get(`/gk/documents/${oldRule}/interpretations/${interp}`)).statusCode, 404);
});

test('version in force on a date', async () => {
  const v1 = await anon.get(`/gk/documents/${rule}/version?on=2024-06-01`);
  assert.equal(v1.statusCode, 200);
  assert.match(v1.body, /原文第一条 旧的条文/);
  const now = await anon.get(`/gk/documents/${rule}/version?on=2025-03-01`);
  assert.match(now.body, /现行文本/);
  assert.match(now.body, /第一条 为了规范养犬行为/);
  const before = await anon.get(`/gk/documents/${rule}/version?on=2020-01-01`);
  assert.match(before.body, /尚未生效/);
  const repealed = await anon.get(`/gk/documents/${oldRule}/version?on=2024-05-01`);
  assert.match(repealed.body, /已废止/);
  const bad = await anon.get(`/gk/documents/${rule}/version?on=yesterday`);
  assert.equal(bad.statusCode, 200);
  assert.match(bad.body, /请输入正确的日期/);
});

test('search page: results with highlights and count; filters; odd queries answer safely', async () => {
  const res = await anon.get(`/gk/documents/search?q=${encodeURIComponent('养犬')}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /共找到<strong>\d+<\/strong>件政府文件/);
  assert.match(res.body, /<mark>/);
  assert.match(res.body, new RegExp(`href="/gk/documents/${rule}"`));
  assert.doesNotMatch(res.body, /内部草稿|依申请公开：养犬执法案卷/);
  assert.match(res.body, /<label for="q">/);

  const filtered = await anon.get(`/gk/documents/search?q=${encodeURIComponent('养犬')}&validity=repealed`);
  assert.match(filtered.body, new RegExp(`href="/gk/documents/${oldRule}"`));
  assert.doesNotMatch(filtered.body, new RegExp(`href="/gk/documents/${rule}"`));

  const none = await anon.get(`/gk/documents/search?q=${encodeURIComponent('完全不存在的词语组合')}`);
  assert.equal(none.statusCode, 200);
  assert.match(none.body, /没有找到符合条件的政府文件/);

  const odd = [
    '',
    'a'.repeat(5000),
    '"济宁市"',
    "'; drop table documents; --",
    '<script>alert(1)</script>',
    '济政办字[2021]18号',
    '%%%',
    '🙂🙂',
    '\\',
  ];
  for (const q of odd) {
    const r = await anon.get(
      `/gk/documents/search?q=${encodeURIComponent(q)}&year=abc&org=-1&genre=<x>&page=99999`,
    );
    assert.equal(r.statusCode, 200, `query ${JSON.stringify(q.slice(0, 20))}`);
    assert.doesNotMatch(r.body, /<script>alert/);
  }
  const xss = await anon.get(`/gk/documents/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
  assert.match(xss.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test('column page and browse lists', async () => {
  const col = await anon.get('/gk/documents');
  assert.equal(col.statusCode, 200);
  assert.match(col.body, /<h1>政府文件<\/h1>/);
  assert.match(col.body, /href="\/gk\/documents\/genre\/rule"/);
  assert.match(col.body, /href="\/gk\/documents\/year\/2024"/);
  assert.match(col.body, /href="\/gk\/gazette"/);
  for (const path of ['/gk/documents/genre/rule', '/gk/documents/topic/urban', '/gk/documents/year/2024']) {
    const r = await anon.get(path);
    assert.equal(r.statusCode, 200, path);
    assert.match(r.body, new RegExp(`href="/gk/documents/${rule}"`), path);
    assert.doesNotMatch(r.body, /内部草稿/);
  }
  const theme = await t.db.selectFrom('document_themes').select('id').executeTakeFirstOrThrow();
  assert.match((await anon.get(`/gk/documents/theme/${theme.id}`)).body, /济宁市文明养犬管理规定/);
  const org = await orgIdByName(t.db, '济宁市人民政府');
  assert.match((await anon.get(`/gk/documents/org/${org}`)).body, /济宁市文明养犬管理规定/);
  for (const path of [
    '/gk/documents/genre/nope',
    '/gk/documents/topic/x',
    '/gk/documents/theme/99999',
    '/gk/documents/org/99999',
    '/gk/documents/year/0',
  ]) {
    assert.equal((await anon.get(path)).statusCode, 404, path);
  }
});

test('converted documents and the proactive-disclosure catalogue', async () => {
  const conv = await anon.get('/gk/documents/converted');
  assert.equal(conv.statusCode, 200);
  assert.match(conv.body, /关于公布犬只收容场所的通知/);
  assert.match(conv.body, /2024年5月20日/);
  assert.doesNotMatch(conv.body, /济宁市文明养犬管理规定/);

  const cat = await anon.get('/gk/catalogue?year=2024');
  assert.equal(cat.statusCode, 200);
  assert.match(
    cat.body,
    /<th scope="col">索引号<\/th><th scope="col">名称<\/th><th scope="col">内容概述<\/th><th scope="col">生成日期<\/th>/,
  );
  assert.match(cat.body, /规范养犬行为，维护市容环境和社会秩序。/);
  assert.doesNotMatch(cat.body, /济宁市养犬管理办法/); // written in 2015
  assert.doesNotMatch(cat.body, /内部草稿|养犬执法案卷/);
  const all = await anon.get('/gk/catalogue');
  assert.match(all.body, /济宁市养犬管理办法/);
});

test('elderly mode is respected on the documents pages', async () => {
  const res = await t.app.inject({
    method: 'GET',
    url: `/gk/documents/${rule}`,
    cookies: { gk_elderly: '1' },
  });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<body class="elderly">/);
  assert.match(res.headers.vary as string, /Cookie/);
});

test('a first visit that issues the CSRF cookie is never marked cacheable by shared caches', async () => {
  const first = await t.app.inject({ method: 'GET', url: `/gk/documents/${rule}` });
  assert.equal(first.statusCode, 200);
  assert.ok(first.cookies.some((c) => c.name === 'gk_csrf'));
  assert.match(first.headers['cache-control'] as string, /^private, max-age=\d+$/);
  const again = await anon.get(`/gk/documents/${rule}`);
  assert.match(again.headers['cache-control'] as string, /^public, max-age=\d+$/);
  assert.equal(again.headers['set-cookie'], undefined);
});
