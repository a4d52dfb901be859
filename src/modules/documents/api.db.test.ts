import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TEST_TODAY } from '../../../test/helpers/clock.ts';
import { createTestUser, orgIdByName } from '../../../test/helpers/factories.ts';
import { formatChineseDate } from '../calendar/index.ts';

let t: TestApp;
let handler: Client;
let reviewer: Client;
let approver: Client;
let handler2: Client;
let admin: Client;
let education: number;
let finance: number;

before(async () => {
  t = await createTestApp();
  handler = await t.as('t_handler');
  reviewer = await t.as('t_reviewer');
  approver = await t.as('t_approver');
  handler2 = await t.as('t_handler2');
  admin = await t.as('t_admin');
  education = await orgIdByName(t.db, '市教育局');
  finance = await orgIdByName(t.db, '市财政局');
});
after(() => t.close());

const draft = (over: Record<string, unknown> = {}) => ({
  title: '关于做好2025年义务教育招生入学工作的通知',
  docNumber: '济教发[2025]3号',
  orgId: education,
  genre: 'notice',
  topic: 'scitech',
  keywords: ['义务教育', '招生'],
  bodyHtml:
    '<p>各县（市、区）教育局：</p><p onclick="x()">现将有关事项通知如下。<script>alert(1)</script></p>',
  writtenDate: '2025-03-03',
  ...over,
});

async function create(c: Client, over: Record<string, unknown> = {}) {
  const res = await c.send('POST', '/api/documents', draft(over));
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

test('a draft gets its index number by the pattern, serial per organisation and year; 文号 normalised; body sanitised', async () => {
  const a = await create(handler);
  const b = await create(handler, { docNumber: null, genre: 'normative' });
  const c = await create(handler, { writtenDate: '2024-12-30' });
  const code = `ORG${String(education).padStart(4, '0')}`;
  // 机构代码-主题分类-年份-流水号: 10 is 科技、教育 in the State Council's topic list.
  assert.equal(a.indexNumber, `${code}-10-2025-00001`);
  assert.equal(b.indexNumber, `${code}-10-2025-00002`);
  assert.equal(c.indexNumber, `${code}-10-2024-00001`);
  assert.equal(a.docNumber, '济教发〔2025〕3号');
  assert.equal(a.status, 'draft');
  assert.deepEqual(
    a.issuers.map((o: { id: number }) => o.id),
    [education],
  );
  assert.doesNotMatch(a.bodyHtml, /script|onclick/);
  assert.match(a.bodyHtml, /现将有关事项通知如下/);
  assert.deepEqual(a.allowedActions, ['edit']); // no submit before the attribute is set
});

test('the pattern is configurable by an administrator and checked', async () => {
  const bad = await admin.send('PATCH', '/api/documents/settings', { indexPattern: '{orgCode}-{year}' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'DOC_INDEX_PATTERN_INVALID');
  assert.match(bad.json().error.message, /流水号/);
  assert.equal(
    (await handler.send('PATCH', '/api/documents/settings', { reviewIntervalMonths: 6 })).statusCode,
    403,
  );
  const ok = await admin.send('PATCH', '/api/documents/settings', {
    indexPattern: 'JN/{year}/{category}/{serial:4}',
  });
  assert.equal(ok.statusCode, 200, ok.body);
  // Shown and kept with the Chinese placeholder names.
  assert.equal(ok.json().indexPattern, 'JN/{年份}/{体裁}/{流水号:4}');
  const d = await create(handler, { writtenDate: '2023-05-05' });
  assert.equal(d.indexNumber, 'JN/2023/TZ/0001');
  const zh = await admin.send('PATCH', '/api/documents/settings', {
    indexPattern: '{机构代码}-{主题分类}-{年份}-{流水号:5}',
  });
  assert.equal(zh.statusCode, 200, zh.body);
  assert.equal(
    (await admin.get('/api/documents/settings')).json().indexPattern,
    '{机构代码}-{主题分类}-{年份}-{流水号:5}',
  );
  // The settings are the whole platform's: a department's or a county's administrator may not change them.
  for (const org of ['市财政局', '邹城市人民政府']) {
    const username = `t_settings_${org === '市财政局' ? 'dept' : 'county'}`;
    await createTestUser(t.db, { username, role: 'admin', org });
    const outsider = await t.as(username);
    const refused = await outsider.send('PATCH', '/api/documents/settings', { reviewIntervalMonths: 6 });
    assert.equal(refused.statusCode, 403, `${org}: ${refused.body}`);
  }
  assert.equal((await admin.get('/api/documents/settings')).json().reviewIntervalMonths, 12, 'unchanged');
  // An empty change is no change (it answered 500).
  const none = await admin.send('PATCH', '/api/documents/settings', {});
  assert.equal(none.statusCode, 200, none.body);
  assert.equal(none.json().indexPattern, '{机构代码}-{主题分类}-{年份}-{流水号:5}');
});

test('index numbers stay unique and consecutive when drafts are created at the same time', async () => {
  const made = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      handler.send('POST', '/api/documents', draft({ writtenDate: `2022-07-0${i + 1}`, docNumber: null })),
    ),
  );
  const numbers = made.map((r) => r.json().indexNumber as string).sort();
  const code = `ORG${String(education).padStart(4, '0')}`;
  assert.deepEqual(
    numbers,
    [1, 2, 3, 4, 5, 6].map((n) => `${code}-10-2022-0000${n}`),
  );
});

test('an invalid 文号 is refused with a Chinese field message', async () => {
  const res = await handler.send('POST', '/api/documents', draft({ docNumber: '济教发2025年3号' }));
  assert.equal(res.statusCode, 400);
  const body = res.json();
  assert.equal(body.error.code, 'DOC_NUMBER_INVALID');
  assert.equal(body.error.fields[0].path, 'docNumber');
  assert.match(body.error.fields[0].message, /六角括号/);
});

test('someone outside the organisation cannot draft in its name or see its drafts', async () => {
  const res = await handler2.send('POST', '/api/documents', draft());
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().error.fields[0].path, 'orgId');
  const mine = await create(handler);
  assert.equal((await handler2.get(`/api/documents/${mine.id}`)).statusCode, 404);
  assert.equal((await (await t.anonymous()).get(`/api/documents/${mine.id}`)).statusCode, 401);
  assert.equal((await (await t.anonymous()).get(`/api/documents/public/${mine.id}`)).statusCode, 404);
  const list = (await handler2.get('/api/documents?pageSize=200')).json();
  assert.ok(list.items.every((i: { orgId: number }) => i.orgId === finance));
});

test('no submission without the attribute; withheld needs a legal ground and reason', async () => {
  const d = await create(handler);
  const none = await handler.send('POST', `/api/documents/${d.id}/submit`);
  assert.equal(none.statusCode, 400);
  assert.equal(none.json().error.code, 'DOC_ATTRIBUTE_REQUIRED');
  assert.match(none.json().error.message, /公开属性/);

  await handler.send('PATCH', `/api/documents/${d.id}`, { attribute: 'not_public' });
  const noGround = await handler.send('POST', `/api/documents/${d.id}/submit`);
  assert.equal(noGround.statusCode, 400);
  assert.equal(noGround.json().error.code, 'DOC_GROUND_REQUIRED');
  assert.deepEqual(
    noGround.json().error.fields.map((f: { path: string }) => f.path),
    ['attributeGround', 'attributeReason'],
  );

  // Art. 13 (not within proactive scope) justifies 依申请公开 only, not 不予公开.
  await handler.send('PATCH', `/api/documents/${d.id}`, {
    attributeGround: 'art13_scope',
    attributeReason: '仅涉及特定学校',
  });
  const wrong = await handler.send('POST', `/api/documents/${d.id}/submit`);
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.json().error.fields[0].message, /不能作为不予公开的依据/);

  await handler.send('PATCH', `/api/documents/${d.id}`, {
    attributeGround: 'art16_process',
    attributeReason: '属于过程稿',
  });
  const ok = await handler.send('POST', `/api/documents/${d.id}/submit`);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().status, 'in_review');
  assert.match(ok.json().attributeGroundLabel, /第十六条/);
  // In review the draft is frozen.
  const edit = await handler.send('PATCH', `/api/documents/${d.id}`, { title: '改' });
  assert.equal(edit.statusCode, 409);
  assert.equal(edit.json().error.code, 'DOC_STATUS_INVALID');
});

test('review: returned with notes, resubmitted, approved — each recorded; 三同步 refuses submission until an interpretation exists', async () => {
  const d = await create(handler, {
    genre: 'normative',
    attribute: 'proactive',
    effectiveDate: '2025-04-01',
  });
  assert.equal(d.needsInterpretation, true);
  // 不解读不运转: no submission for signature without the interpretation.
  const refused = await handler.send('POST', `/api/documents/${d.id}/submit`);
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.json().error.code, 'DOC_INTERPRETATION_REQUIRED');
  assert.match(refused.json().error.message, /行政规范性文件.*解读.*三同步.*提交保密审查/);
  assert.deepEqual((await handler.get(`/api/documents/${d.id}`)).json().allowedActions, ['edit']);
  const interp = await handler.send('POST', `/api/documents/${d.id}/interpretations`, {
    kind: 'qa',
    title: '招生政策问答',
    qa: [{ q: '随迁子女如何入学？', a: '持居住证向居住地教育局申请。' }],
  });
  assert.equal(interp.statusCode, 200, interp.body);
  assert.equal(interp.json().reviewStatus, 'published', 'goes with the document, reviewed with it');
  assert.equal((await handler.send('POST', `/api/documents/${d.id}/submit`)).statusCode, 200);

  const byHandler = await handler.send('POST', `/api/documents/${d.id}/review`, { decision: 'approved' });
  assert.equal(byHandler.statusCode, 403);
  const noNotes = await reviewer.send('POST', `/api/documents/${d.id}/review`, { decision: 'returned' });
  assert.equal(noNotes.statusCode, 400);
  const returned = await reviewer.send('POST', `/api/documents/${d.id}/review`, {
    decision: 'returned',
    notes: '第三段含有学生个人信息，请删除',
  });
  assert.equal(returned.statusCode, 200, returned.body);
  assert.equal(returned.json().status, 'returned');

  assert.equal(
    (await handler.send('PATCH', `/api/documents/${d.id}`, { bodyHtml: '<p>已删除个人信息。</p>' }))
      .statusCode,
    200,
  );
  assert.equal((await handler.send('POST', `/api/documents/${d.id}/submit`)).statusCode, 200);
  const approved = await reviewer.send('POST', `/api/documents/${d.id}/review`, {
    decision: 'approved',
    notes: '同意',
  });
  assert.equal(approved.json().status, 'approved');
  assert.deepEqual(
    approved.json().reviews.map((r: { decision: string }) => r.decision),
    ['returned', 'approved'],
  );
  assert.equal(approved.json().reviews[0].notes, '第三段含有学生个人信息，请删除');

  assert.equal(
    (await handler.send('POST', `/api/documents/${d.id}/publish`, { confirmed: true })).statusCode,
    403,
  );
  const anon = await t.anonymous();
  // Publishing is signed: without the confirmation nothing happens.
  const unconfirmed = await approver.send('POST', `/api/documents/${d.id}/publish`, {
    publishedDate: '2025-03-10',
  });
  assert.equal(unconfirmed.statusCode, 400);
  assert.match(unconfirmed.body, /请确认签发/);
  assert.equal((await approver.get(`/api/documents/${d.id}`)).json().signedBy, null);
  const published = await approver.send('POST', `/api/documents/${d.id}/publish`, {
    publishedDate: '2025-03-10',
    confirmed: true,
  });
  assert.equal(published.statusCode, 200, published.body);
  const doc = published.json();
  assert.equal(doc.status, 'published');
  const signer = await t.db
    .selectFrom('users')
    .select('display_name')
    .where('username', '=', 't_approver')
    .executeTakeFirstOrThrow();
  assert.equal(doc.signedBy, signer.display_name, 'the signer is recorded and shown');
  assert.equal((await anon.get(`/api/documents/public/${d.id}`)).json().signedBy, null);
  assert.equal(doc.publishedDate, '2025-03-10');
  assert.equal(doc.attributeReviewDue, null);
  assert.equal(doc.publicationDeadline.due, '2025-03-31');
  assert.equal(doc.publicationDeadline.overdue, false);

  // Linked both ways; public now.
  const pub = await anon.get(`/api/documents/public/${d.id}`);
  assert.equal(pub.statusCode, 200);
  assert.equal(pub.json().interpretations[0].title, '招生政策问答');
  assert.equal(pub.json().interpretations[0].publishedDate, '2025-03-10');
  assert.deepEqual(pub.json().reviews, []);
  const i = await anon.get(`/api/documents/interpretations/${interp.json().id}`);
  assert.equal(i.statusCode, 200);
  assert.equal(i.json().document.id, d.id);
  const audit = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject_type', '=', 'document')
    .where('subject_id', '=', String(d.id))
    .execute();
  assert.ok(
    ['document.create', 'document.submit', 'document.return', 'document.approve', 'document.publish'].every(
      (a) => audit.some((r) => r.action === a),
    ),
  );

  // A follow-up interpretation after publication waits for review; approved, it is public with its date.
  const followup = await handler.send('POST', `/api/documents/${d.id}/interpretations`, {
    kind: 'followup',
    title: '执行一年来的情况说明',
    bodyHtml: '<p>政策执行以来共受理申请一千二百件。</p>',
    publishedDate: '2025-01-01',
  });
  assert.equal(followup.statusCode, 200, followup.body);
  assert.equal(followup.json().reviewStatus, 'pending');
  assert.equal(followup.json().reviewStatusLabel, '待审核');
  assert.equal(followup.json().publishedDate, null, 'its date is the day it is approved');
  const fid = followup.json().id;
  assert.equal((await anon.get(`/api/documents/interpretations/${fid}`)).statusCode, 404);
  assert.equal((await anon.get(`/api/documents/public/${d.id}`)).json().interpretations.length, 1);
  const portalPage = await anon.get(`/gk/documents/${d.id}`);
  assert.doesNotMatch(portalPage.body, /执行一年来的情况说明/);
  assert.equal((await anon.get(`/gk/documents/${d.id}/interpretations/${fid}`)).statusCode, 404);
  assert.equal(
    (await handler.send('POST', `/api/documents/${d.id}/interpretations/${fid}/approve`, {})).statusCode,
    403,
  );
  // The reviewer's queue lists it; a handler has no queue.
  const queue = (await reviewer.get('/api/documents/interpretations/pending')).json();
  assert.deepEqual(
    queue.items.map((x: { id: number; documentId: number }) => [x.id, x.documentId]),
    [[fid, d.id]],
  );
  assert.equal((await handler.get('/api/documents/interpretations/pending')).statusCode, 403);
  const future = await reviewer.send('POST', `/api/documents/${d.id}/interpretations/${fid}/approve`, {
    publishedDate: '2099-01-01',
  });
  assert.equal(future.statusCode, 400);
  const ok = await reviewer.send('POST', `/api/documents/${d.id}/interpretations/${fid}/approve`, {});
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().reviewStatus, 'published');
  assert.equal(ok.json().publishedDate, TEST_TODAY);
  assert.deepEqual((await reviewer.get('/api/documents/interpretations/pending')).json().items, []);
  const again = await reviewer.send('POST', `/api/documents/${d.id}/interpretations/${fid}/approve`, {});
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'DOC_INTERPRETATION_NOT_PENDING');
  assert.equal((await anon.get(`/api/documents/interpretations/${fid}`)).statusCode, 200);
  assert.equal((await anon.get(`/api/documents/public/${d.id}`)).json().interpretations.length, 2);
  const page = await anon.get(`/gk/documents/${d.id}/interpretations/${fid}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /执行一年来的情况说明/);
  assert.ok(page.body.includes(formatChineseDate(TEST_TODAY)), 'dated the day it was approved');
  const approvedAudit = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', '=', 'interpretation.approve')
    .where('subject_id', '=', String(d.id))
    .execute();
  assert.equal(approvedAudit.length, 1);
  // Changing it again after publication sends it back to review.
  const edited = await handler.send('PATCH', `/api/documents/${d.id}/interpretations/${fid}`, {
    kind: 'followup',
    title: '执行一年来的情况说明（更新）',
    bodyHtml: '<p>更新后的数字。</p>',
  });
  assert.equal(edited.json().reviewStatus, 'pending');
  assert.equal((await anon.get(`/api/documents/interpretations/${fid}`)).statusCode, 404);
});

test('the publication deadline is never guessed for a year without a calendar', async () => {
  const d = await create(handler, { writtenDate: '2031-06-01', attribute: 'proactive', docNumber: null });
  assert.equal(d.publicationDeadline.due, null);
  assert.equal(d.publicationDeadline.missingYear, 2031);
  const listed = (await handler.get('/api/documents?year=2031')).json();
  assert.equal(listed.items[0].publicationDeadline.missingYear, 2031);
  assert.match(d.publicationDeadline.message, /2031年的节假日安排尚未录入/);
});

test('a withheld document published gets its review date; the public never sees it', async () => {
  const d = await create(handler, {
    attribute: 'on_request',
    attributeGround: 'art15_third_party',
    attributeReason: '涉及学校商业秘密',
  });
  await handler.send('POST', `/api/documents/${d.id}/submit`);
  await reviewer.send('POST', `/api/documents/${d.id}/review`, { decision: 'approved', notes: '' });
  const p = await approver.send('POST', `/api/documents/${d.id}/publish`, {
    publishedDate: '2025-03-20',
    confirmed: true,
  });
  assert.equal(p.statusCode, 200, p.body);
  assert.equal(p.json().attributeReviewDue, '2026-03-20');
  assert.equal(p.json().publicationDeadline, null);
  assert.equal((await (await t.anonymous()).get(`/api/documents/public/${d.id}`)).statusCode, 404);
  // Its attribute changes only through the periodic review, not by a plain edit.
  const edit = await approver.send('PUT', `/api/documents/${d.id}/attribute`, { attribute: 'proactive' });
  assert.equal(edit.statusCode, 409);
  assert.equal(edit.json().error.code, 'DOC_ATTRIBUTE_REVIEW_INVALID');
});

test('staff searching unpublished documents see only their own organisation', async () => {
  await create(handler, { title: '关于校车安全管理的通知（内部草稿）' });
  const own = (
    await handler.get(`/api/documents/search?q=${encodeURIComponent('校车安全')}&drafts=true`)
  ).json();
  assert.ok(own.total >= 1);
  const other = (
    await handler2.get(`/api/documents/search?q=${encodeURIComponent('校车安全')}&drafts=true`)
  ).json();
  assert.equal(other.total, 0);
  assert.equal(
    (await handler2.get(`/api/documents/search?q=x&drafts=true&orgId=${education}`)).statusCode,
    403,
  );
  const anon = (
    await (await t.anonymous()).get(`/api/documents/search?q=${encodeURIComponent('校车安全')}`)
  ).json();
  assert.equal(anon.total, 0, 'drafts are never public');
});

test('themes are platform-wide: a department administrator may not change them, the root one may', async () => {
  await createTestUser(t.db, { username: 'doc_dept_admin', role: 'admin', org: '市教育局' });
  const deptAdmin = await t.as('doc_dept_admin');
  const refused = await deptAdmin.send('POST', '/api/documents/themes', { name: '部门主题' });
  assert.equal(refused.statusCode, 403, refused.body);
  const theme = await admin.send('POST', '/api/documents/themes', { name: '全市主题' });
  assert.equal(theme.statusCode, 200, theme.body);
  const id = theme.json().id;
  assert.equal(
    (await deptAdmin.send('PATCH', `/api/documents/themes/${id}`, { name: '改名' })).statusCode,
    403,
  );
  assert.equal((await deptAdmin.send('DELETE', `/api/documents/themes/${id}`)).statusCode, 403);
  const themes = (await admin.get('/api/documents/themes')).json().items;
  assert.equal(themes.find((x: { id: number }) => x.id === id)?.name, '全市主题', 'the theme is untouched');
  assert.equal((await admin.send('DELETE', `/api/documents/themes/${id}`)).statusCode, 200);
});

test('joint issuers and themes are kept; the meta lists the code tables', async () => {
  const theme = await admin.send('POST', '/api/documents/themes', { name: '就学', description: '入学招生' });
  assert.equal(theme.statusCode, 200, theme.body);
  const dup = await admin.send('POST', '/api/documents/themes', { name: '就学' });
  assert.equal(dup.statusCode, 409);
  const d = await create(handler, { issuerOrgIds: [finance], themeIds: [theme.json().id] });
  assert.deepEqual(d.issuers.map((o: { id: number }) => o.id).sort(), [education, finance].sort());
  assert.equal(d.themes[0].name, '就学');
  // The joint issuer sees it too.
  assert.equal((await handler2.get(`/api/documents/${d.id}`)).statusCode, 200);
  const meta = (await (await t.anonymous()).get('/api/documents/meta')).json();
  assert.equal(meta.genres.find((g: { code: string }) => g.code === 'rule').name, '规章');
  assert.ok(meta.legalGrounds.some((g: { code: string }) => g.code === 'art14_secret'));
  assert.equal(meta.topics.length, 21);
});
