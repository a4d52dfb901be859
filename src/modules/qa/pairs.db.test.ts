import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';
import { ask, forgetIndex, refreshIndex } from './service.ts';

let t: TestApp;
let docId: number;

before(async () => {
  t = await createTestApp();
  forgetIndex();
  const row = await t.db
    .insertInto('documents')
    .values({
      title: '济宁市学前教育普惠性幼儿园认定办法',
      index_number: 'QA-PAIRS-1',
      org_id: await orgIdByName(t.db, '市教育局'),
      genre: 'normative',
      written_date: '2024-01-10',
      published_date: '2024-01-12',
      body_text: '第一条 为扩大普惠性学前教育资源，制定本办法。\n第二条 普惠性幼儿园由县级教育行政部门认定。',
      status: 'published',
      attribute: 'proactive',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  docId = row.id;
  await refreshIndex(t.db);
});
after(() => t.close());

test('政策问答库: a department writes, submits; a reviewer publishes; the answer ranks first; its document repealed → flagged and withdrawn', async () => {
  const handler = await t.as('t_handler'); // 市教育局
  const other = await t.as('t_handler2'); // 市财政局
  const reviewer = await t.as('t_reviewer');
  const body = {
    question: '孩子上普惠性幼儿园，幼儿园是谁认定的？',
    answer: '普惠性幼儿园由县级教育行政部门认定。',
    documentId: docId,
    clause: '第二条',
    topics: ['学前教育'],
  };
  const created = await handler.send('POST', '/api/qa/pairs', body);
  assert.equal(created.statusCode, 200);
  const id = created.json().id;
  assert.equal(created.json().status, 'draft');
  assert.equal((await other.send('POST', `/api/qa/pairs/${id}/submit`)).statusCode, 403);
  assert.equal((await handler.send('POST', `/api/qa/pairs/${id}/approve`)).statusCode, 403);
  const early = await reviewer.send('POST', `/api/qa/pairs/${id}/approve`);
  assert.equal(early.statusCode, 409);
  assert.match(early.json().error.message, /只有待审核的问答可以发布/);
  assert.equal((await handler.send('POST', `/api/qa/pairs/${id}/submit`)).json().status, 'submitted');
  const published = await reviewer.send('POST', `/api/qa/pairs/${id}/approve`);
  assert.equal(published.json().status, 'published');

  const r = await ask(t.db, '普惠性幼儿园谁认定', { channel: 'cli', log: false });
  assert.equal(r.refused, false);
  assert.equal(r.answers[0]?.curated, true);
  assert.equal(r.answers[0]?.text, body.answer);
  assert.equal(r.answers[0]?.clause, '第二条');

  const page = await (await t.anonymous()).get('/gk/qa');
  assert.match(page.body, /<h2 id="library-h">常见问题<\/h2>/);
  assert.match(page.body, /<h3>学前教育<\/h3>/);
  assert.match(page.body, /<summary>孩子上普惠性幼儿园，幼儿园是谁认定的？<\/summary>/);

  const badDoc = await handler.send('POST', '/api/qa/pairs', { ...body, documentId: 999999 });
  assert.equal(badDoc.statusCode, 400);

  await t.db
    .updateTable('documents')
    .set({
      validity: 'repealed',
      validity_changed_on: '2024-06-01',
      updated_at: new Date('2024-06-01T00:00:00Z'),
    })
    .where('id', '=', docId)
    .execute();
  await refreshIndex(t.db);
  const list = await reviewer.get('/api/qa/pairs?status=published');
  assert.equal(list.json().items[0].flagged, true);
  const after = await ask(t.db, '普惠性幼儿园谁认定', { channel: 'cli', log: false });
  assert.ok(!after.answers.some((a) => a.curated || a.document.id === docId));
  const gone = await (await t.anonymous()).get('/gk/qa');
  assert.doesNotMatch(gone.body, /普惠性幼儿园/);
  const audit = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', 'like', 'qa.pair%')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['qa.pair.created', 'qa.pair.submit', 'qa.pair.approve', 'qa.pairs.flagged'],
  );
});
