/**
 * 政策问答转办 end to end over HTTP: a refused question sent on from the portal form (CSRF, honeypot,
 * optional contact, errors keep what was typed), the suggested unit, assign → answer → review → sent and
 * published into 政策问答库, tracking by code (no contact shown, provisional due dates flagged), overdue.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TEST_TODAY } from '../../../test/helpers/clock.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';
import { routeQuestion } from './routing.service.ts';
import { ask, forgetIndex, refreshIndex } from './service.ts';

let t: TestApp;
let citizen: Client;
let docId: number;
let education: number;

before(async () => {
  t = await createTestApp();
  citizen = await t.anonymous();
  forgetIndex();
  education = await orgIdByName(t.db, '市教育局');
  const row = await t.db
    .insertInto('documents')
    .values({
      title: '济宁市学前教育普惠性幼儿园认定办法',
      index_number: 'QA-ROUTE-1',
      org_id: education,
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

async function refusedPage(q: string): Promise<{ res: LightMyRequestResponse; csrf: string }> {
  const res = await citizen.get(`/gk/qa?q=${encodeURIComponent(q)}`);
  const m = /<input type="hidden" name="_csrf" value="([^"]*)">/.exec(res.body);
  return { res, csrf: m?.[1] ?? '' };
}

function post(fields: Record<string, string>): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: '/gk/qa/route',
    cookies: { ...citizen.cookies },
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}

const codeOf = (body: string) => /<span id="tracking-code">(QA\w+)<\/span>/.exec(body)?.[1] ?? '';
const QUESTION = '普惠性幼儿园的收费标准是多少？';

test('a refused question offers the routing form; its errors keep what was typed; CSRF refused keeps it too', async () => {
  const { res, csrf } = await refusedPage(QUESTION);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /没有找到能回答这个问题的内容/);
  assert.match(res.body, /<h2 id="route-h">转交有关部门答复<\/h2>/);
  assert.match(res.body, /<label for="route-phone">联系电话（选填）<\/label>/);
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.ok(csrf);
  const bad = await post({ _csrf: csrf, question: `${QUESTION}`, phone: '12345', email: 'nope' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /共2处/);
  assert.match(bad.body, /请填写正确的手机号码/);
  assert.match(bad.body, /请填写正确的电子邮箱地址/);
  assert.match(bad.body, /value="12345"/);
  assert.match(bad.body, new RegExp(`>${QUESTION}</textarea>`));
  const empty = await post({ _csrf: csrf, question: '   ', phone: '', email: '' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /请填写您的问题/);
  const long = await post({ _csrf: csrf, question: '问'.repeat(501), phone: '', email: '' });
  assert.equal(long.statusCode, 400);
  assert.match(long.body, /问题太长了/);
  // Kept whole (not cut to the length allowed) for the asker to shorten.
  assert.match(long.body, new RegExp(`>${'问'.repeat(501)}</textarea>`));
  const noCsrf = await post({ question: QUESTION, phone: '13800138000', email: '' });
  assert.equal(noCsrf.statusCode, 403);
  assert.match(noCsrf.body, /您填写的内容已保留/);
  assert.match(noCsrf.body, /value="13800138000"/);
  const robot = await post({ _csrf: csrf, question: QUESTION, phone: '', email: '', website: 'http://spam' });
  assert.equal(robot.statusCode, 200);
  assert.match(robot.body, /查询码为/);
  const count = await t.db.selectFrom('qa_routed_questions').select('id').execute();
  assert.equal(count.length, 0);
});

test('sent on: suggested to the issuer, assigned, answered, reviewed, sent and published; tracked without the contact', async () => {
  const { csrf } = await refusedPage(QUESTION);
  const hostile = `${QUESTION}<script>alert(1)</script>`;
  const res = await post({
    _csrf: csrf,
    question: hostile,
    phone: '138 0013 8000',
    email: 'asker@example.cn',
  });
  assert.equal(res.statusCode, 200);
  const code = codeOf(res.body);
  assert.match(code, /^QA20260316[2-9A-Z]{6}$/);
  assert.match(res.body, /2026年3月23日前答复/); // five working days after Monday 16 March
  const row = await t.db.selectFrom('qa_routed_questions').selectAll().executeTakeFirstOrThrow();
  assert.equal(row.suggested_org_id, education);
  assert.equal(row.contact_phone, '13800138000');
  assert.equal(row.due_on, '2026-03-23');

  const track = await citizen.get(`/gk/qa/track?code=${code.toLowerCase()}`);
  assert.equal(track.statusCode, 200);
  assert.match(track.body, /待确认承办单位/);
  assert.doesNotMatch(track.body, /13800138000|asker@example/);
  assert.doesNotMatch(track.body, /<script>alert/);

  const office = await t.as('t_office');
  const handler = await t.as('t_handler'); // 市教育局
  const other = await t.as('t_handler2'); // 市财政局
  const list = await office.get('/api/qa/routed');
  assert.equal(list.statusCode, 200);
  const item = list.json().items[0];
  assert.equal(item.suggestedOrgName, '市教育局');
  assert.equal(item.contactPhone, '13800138000');
  assert.deepEqual(item.actions, ['assign']);
  assert.equal((await handler.get('/api/qa/routed')).json().items.length, 0);
  assert.equal(
    (await handler.send('POST', `/api/qa/routed/${row.id}/assign`, { orgId: education })).statusCode,
    403,
  );
  const assigned = await office.send('POST', `/api/qa/routed/${row.id}/assign`, { orgId: education });
  assert.equal(assigned.statusCode, 200);
  assert.equal(assigned.json().status, 'assigned');
  const mine = (await handler.get('/api/qa/routed')).json().items;
  assert.equal(mine.length, 1);
  assert.equal(mine[0].contactPhone, null);
  assert.deepEqual(mine[0].actions, ['answer']);
  const answer = {
    answer: '普惠性幼儿园收费按县级教育行政部门认定的标准执行。',
    documentIds: [docId],
    general: true,
  };
  // Another unit's question is not even seen there.
  assert.equal((await other.send('POST', `/api/qa/routed/${row.id}/answer`, answer)).statusCode, 404);
  const noDoc = await handler.send('POST', `/api/qa/routed/${row.id}/answer`, { ...answer, documentIds: [] });
  assert.equal(noDoc.statusCode, 400);
  assert.match(noDoc.body, /现行有效的文件/);
  assert.equal((await handler.send('POST', `/api/qa/routed/${row.id}/answer`, answer)).statusCode, 200);
  const back = await office.send('POST', `/api/qa/routed/${row.id}/review`, {
    step: 'return',
    note: '请补充收费依据',
  });
  assert.equal(back.statusCode, 200);
  assert.equal(back.json().status, 'assigned');
  assert.equal(back.json().reviewNote, '请补充收费依据');
  await handler.send('POST', `/api/qa/routed/${row.id}/answer`, answer);
  const twice = await handler.send('POST', `/api/qa/routed/${row.id}/answer`, answer);
  assert.equal(twice.statusCode, 409);
  assert.match(twice.json().error.message, /答复待审核/);
  const sent = await office.send('POST', `/api/qa/routed/${row.id}/review`, { step: 'approve' });
  assert.equal(sent.statusCode, 200);
  assert.equal(sent.json().status, 'sent');
  assert.ok(sent.json().pairId);

  const done = await citizen.get(`/gk/qa/track?code=${code}`);
  assert.match(done.body, /已答复/);
  assert.match(done.body, /普惠性幼儿园收费按县级教育行政部门认定的标准执行/);
  assert.match(done.body, new RegExp(`<a href="/gk/documents/${docId}">`));
  // Published into 政策问答库: the same question is now answered from the reviewed pair.
  const pair = await t.db
    .selectFrom('qa_pairs')
    .selectAll()
    .where('id', '=', sent.json().pairId)
    .executeTakeFirstOrThrow();
  assert.equal(pair.status, 'published');
  assert.equal(pair.document_id, docId);
  const again = await ask(t.db, QUESTION, { channel: 'cli', log: false });
  assert.equal(again.answers[0]?.curated, true);
  const actions = (
    await t.db.selectFrom('audit_log').select('action').where('action', 'like', 'qa.routed.%').execute()
  ).map((a) => a.action);
  assert.deepEqual(
    new Set(actions),
    new Set([
      'qa.routed.submit',
      'qa.routed.assign',
      'qa.routed.answer',
      'qa.routed.return',
      'qa.routed.approve',
    ]),
  );
});

test('tracking: bad and unknown codes answer plainly; a due date in a year without its notice is provisional', async () => {
  assert.equal((await citizen.get('/gk/qa/track')).statusCode, 200);
  const bad = await citizen.get(`/gk/qa/track?code=${encodeURIComponent('<b>x')}`);
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /查询码格式不正确/);
  assert.doesNotMatch(bad.body, /<b>x/);
  const unknown = await citizen.get('/gk/qa/track?code=QA20260316ABCDEF');
  assert.equal(unknown.statusCode, 404);
  assert.match(unknown.body, /没有找到这个查询码/);
  // The sixth post of this address within the hour: refused, what was typed kept.
  const { csrf } = await refusedPage('幼儿园午餐费怎么收');
  const limited = await post({ _csrf: csrf, question: '幼儿园午餐费怎么收', phone: '', email: '' });
  assert.equal(limited.statusCode, 429);
  assert.match(limited.body, />幼儿园午餐费怎么收<\/textarea>/);
  const code = (await routeQuestion(t.db, { question: '幼儿园午餐费怎么收', phone: '', email: '' }))
    .tracking_code;
  await t.db
    .updateTable('qa_routed_questions')
    .set({ due_on: '2027-01-08' })
    .where('tracking_code', '=', code)
    .execute();
  const track = await citizen.get(`/gk/qa/track?code=${code}`);
  assert.match(track.body, /2027年1月8日（暂定（2027年放假安排尚未录入））/);
});

test('overdue: flagged, filtered and counted; the stats count routed questions; the due days are a setting', async () => {
  const office = await t.as('t_office');
  const open = await t.db
    .selectFrom('qa_routed_questions')
    .select('id')
    .where('status', '!=', 'sent')
    .executeTakeFirstOrThrow();
  await t.db
    .updateTable('qa_routed_questions')
    .set({ due_on: '2026-03-13' })
    .where('id', '=', open.id)
    .execute();
  const all = (await office.get('/api/qa/routed')).json();
  assert.equal(all.overdue, 1);
  const overdue = (await office.get('/api/qa/routed?overdue=true')).json();
  assert.deepEqual(
    overdue.items.map((i: { id: number; overdue: boolean }) => [i.id, i.overdue]),
    [[open.id, true]],
  );
  const { qaModule } = await import('./index.ts');
  const tables = await qaModule.stats?.(t.db, {
    year: Number(TEST_TODAY.slice(0, 4)),
    tables: ['qa.routed'],
  });
  assert.deepEqual(
    tables?.map((x) => [x.key, x.rows.map((r) => [r.key, r.counts[0]])]),
    [
      [
        'qa.routed',
        [
          ['received', 2],
          ['sent', 1],
          ['open', 1],
          ['overdue', 1],
          ['published', 1],
        ],
      ],
    ],
  );
  assert.equal(
    (await (await t.as('t_handler')).send('PUT', '/api/qa/routed-settings', { dueDays: 3 })).statusCode,
    403,
  );
  assert.equal((await office.send('PUT', '/api/qa/routed-settings', { dueDays: 0 })).statusCode, 400);
  assert.deepEqual((await office.send('PUT', '/api/qa/routed-settings', { dueDays: 10 })).json(), {
    dueDays: 10,
  });
  assert.deepEqual((await office.get('/api/qa/routed-settings')).json(), { dueDays: 10 });
});

test('the unit is notified when assigned; the asker gets the answer by e-mail when an address was left', async () => {
  const { assignRouted, answerRouted, reviewRouted } = await import('./routing.service.ts');
  const { loadActor } = await import('../orgs/index.ts');
  const officeUser = await t.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 't_office')
    .executeTakeFirstOrThrow();
  const handlerUser = await t.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 't_handler')
    .executeTakeFirstOrThrow();
  const office = await loadActor(t.db, officeUser.id);
  const handler = await loadActor(t.db, handlerUser.id);
  assert.ok(office && handler);
  const row = await routeQuestion(t.db, {
    question: '幼儿园保育费怎么退',
    phone: '',
    email: 'parent@example.cn',
  });
  await assignRouted(t.db, office, row.id, education);
  const notes = await t.db
    .selectFrom('notifications')
    .select(['user_id', 'title'])
    .where('subject_type', '=', 'qa_routed_question')
    .where('subject_id', '=', String(row.id))
    .execute();
  assert.ok(notes.some((n) => n.user_id === handlerUser.id && /请答复群众提问/.test(n.title)));
  await answerRouted(t.db, handler, row.id, {
    answer: '按认定办法执行。',
    documentIds: [docId],
    general: false,
  });
  const sent: { to: string; subject: string; text: string }[] = [];
  const mailer = {
    enabled: true,
    send: async (m: { to: string; subject: string; text: string }) => {
      sent.push(m);
      return null;
    },
    close() {},
  };
  const done = await reviewRouted(t.db, office, row.id, 'approve', null, mailer);
  assert.equal(done.row.status, 'sent');
  assert.equal(done.row.pair_id, null); // not general: not published into 政策问答库
  assert.equal(sent.length, 1);
  assert.equal(sent[0]?.to, 'parent@example.cn');
  assert.match(sent[0]?.subject ?? '', new RegExp(row.tracking_code));
  assert.match(sent[0]?.text ?? '', /按认定办法执行。/);
});
