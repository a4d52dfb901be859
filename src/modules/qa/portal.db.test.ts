import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TEST_TODAY } from '../../../test/helpers/clock.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';
import { forgetIndex, refreshIndex } from './service.ts';

let t: TestApp;
let anon: Client;
let inForce: number;
let repealed: number;

const PLAN = [
  '济宁市人民政府办公室关于印发2022年政务公开工作任务分解表的通知',
  '一、强化组织保障。各级各部门要及时调整政务公开领导小组组成单位和人员。',
  '附件：2022年政务公开工作任务分解表',
  '工作任务',
  '责任单位',
  '具体要求',
  '完成时限',
  '一、深化重点领域信息公开',
  '（一）抓好减税降费信息公开',
  '各县（市、区）政府（管委会），市财政局、市税务局',
  '系统集成、智能推送已出台各项减税降费政策特别是增值税留抵退税政策。',
  '2022年10月底前完成，长期坚持',
].join('\n');

async function insertDocument(title: string, body: string, validity: 'valid' | 'repealed'): Promise<number> {
  const orgId = await orgIdByName(t.db, '市政府办公室');
  const row = await t.db
    .insertInto('documents')
    .values({
      title,
      index_number: `QA-TEST-${title.length}-${validity}`,
      org_id: orgId,
      genre: 'notice',
      written_date: '2022-05-10',
      published_date: '2022-05-12',
      body_html: '',
      body_text: body,
      validity,
      status: 'published',
      attribute: 'proactive',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

before(async () => {
  t = await createTestApp();
  anon = await t.anonymous();
  forgetIndex();
  inForce = await insertDocument(
    '济宁市人民政府办公室关于印发2022年政务公开工作任务分解表的通知',
    PLAN,
    'valid',
  );
  repealed = await insertDocument(
    '济宁市城市养犬管理暂行办法',
    '第一条 城市养犬应当办理养犬登记，携犬出户应当束犬链。',
    'repealed',
  );
  await refreshIndex(t.db);
});
after(() => t.close());

test('the 政策问答 column: the form, linked from the top navigation', async () => {
  const res = await anon.get('/gk/qa');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1>政策问答<\/h1>/);
  assert.match(res.body, /<a href="\/gk\/qa" aria-current="page">政策问答<\/a>/);
  assert.match(res.body, /<form class="form" method="get" action="\/gk\/qa"/);
  assert.match(res.body, /<label for="q">您的问题<\/label>/);
  assert.doesNotMatch(res.body, /答复<\/h2>/);
});

test('a who/when question: the task row with its units and deadline, citing the document page', async () => {
  const res = await anon.get(`/gk/qa?q=${encodeURIComponent('减税降费信息公开谁负责，什么时候完成？')}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h2 id="answers-h">答复<\/h2>/);
  assert.match(res.body, /责任单位：各县（市、区）政府（管委会），市财政局、市税务局/);
  assert.match(res.body, /完成时限：2022年10月底前完成，长期坚持/);
  assert.match(res.body, new RegExp(`<a href="/gk/documents/${inForce}">`));
  assert.match(res.body, /value="减税降费信息公开谁负责，什么时候完成？"/);
});

test('never from a repealed document: refused, with the way to the office', async () => {
  const res = await anon.get(`/gk/qa?q=${encodeURIComponent('养犬登记怎么办理')}`);
  assert.equal(res.statusCode, 200);
  assert.doesNotMatch(res.body, new RegExp(`/gk/documents/${repealed}"`));
  assert.match(res.body, /没有找到能回答这个问题的内容/);
  assert.match(res.body, /href="\/gk\/guide"/);
});

test('empty, too long and hostile input: the form again, escaped, never an error page', async () => {
  const empty = await anon.get('/gk/qa?q=%20%20');
  assert.equal(empty.statusCode, 200);
  assert.doesNotMatch(empty.body, /答复<\/h2>|没有找到/);
  const long = await anon.get(`/gk/qa?q=${encodeURIComponent('政务公开'.repeat(80))}`);
  assert.equal(long.statusCode, 400);
  assert.match(long.body, /问题太长了，请精简到200字以内。/);
  assert.match(long.body, /aria-invalid="true"/);
  const hostile = await anon.get(
    `/gk/qa?q=${encodeURIComponent("<script>alert(1)</script>' OR 1=1; -- 减税降费")}`,
  );
  assert.equal(hostile.statusCode, 200);
  assert.doesNotMatch(hostile.body, /<script>alert/);
  assert.match(hostile.body, /&lt;script&gt;/);
  const twice = await anon.get('/gk/qa?q=a&q=b');
  assert.equal(twice.statusCode, 200);
});

test('questions are counted in the module stats', async () => {
  const { qaModule } = await import('./index.ts');
  const tables = await qaModule.stats?.(t.db, { year: Number(TEST_TODAY.slice(0, 4)) });
  const rows = tables?.[0]?.rows ?? [];
  const [asked, answered, refused] = rows.map((r) => r.counts[0] ?? 0);
  // 减税降费…, 养犬…, the hostile one and "a" (the empty and the too long ones are not asked).
  assert.equal(asked, 4);
  assert.equal((answered ?? 0) + (refused ?? 0), 4);
  assert.ok((answered ?? 0) >= 1 && (refused ?? 0) >= 1);
  assert.deepEqual(
    rows.map((r) => r.key),
    ['asked', 'answered', 'refused'],
  );
});

test('the console: staff try a question; only administrators and the office rebuild the index', async () => {
  const handler = await t.as('t_handler');
  const r = await handler.send('POST', '/api/qa/ask', { question: '减税降费信息公开谁负责' });
  assert.equal(r.statusCode, 200);
  const body = r.json();
  assert.equal(body.refused, false);
  assert.equal(body.answers[0].document.id, inForce);
  assert.match(body.answers[0].responsibleUnits, /市税务局/);
  const empty = await handler.send('POST', '/api/qa/ask', { question: '  ' });
  assert.equal(empty.statusCode, 400);
  assert.equal((await handler.send('POST', '/api/qa/reindex')).statusCode, 403);
  const admin = await t.as('t_admin');
  const re = await admin.send('POST', '/api/qa/reindex');
  assert.equal(re.statusCode, 200);
  assert.equal(re.json().documents, 2);
  const audit = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', '=', 'qa.index.refreshed')
    .execute();
  assert.ok(audit.length >= 1);
  assert.equal((await anon.send('POST', '/api/qa/ask', { question: '减税降费' })).statusCode, 401);
});
