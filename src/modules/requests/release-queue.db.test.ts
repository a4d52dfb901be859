import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import {
  applicationBody,
  orgIdByName,
  registerCase,
  setSignoffChain,
} from '../../../test/helpers/factories.ts';
import { seedDemoRequests } from './seeds.ts';

let t: TestApp;
let office: Client;
let admin: Client;
let handler: Client;
let handler2: Client;
let reviewer: Client;
let city: number;
let education: number;
/** X: assigned to 市教育局 and disclosed; Y: assigned and disclosed; Z: registered, not replied. */
const ids = { x: 0, y: 0, z: 0 };

const register = (subject: string, on: string): Promise<number> =>
  registerCase(office, applicationBody(city, { subject, submittedOn: on, applicant: { name: '李四' } }));

async function act(c: Client, id: number, body: Record<string, unknown>) {
  const res = await c.send('POST', `/api/requests/${id}/actions`, body);
  assert.equal(res.statusCode, 200, res.body);
}

async function disclosed(subject: string): Promise<number> {
  const id = await register(subject, '2025-03-03');
  await act(office, id, { action: 'assign', on: '2025-03-04', unitId: education });
  await act(handler, id, { action: 'reply', on: '2025-03-14', outcome: 'DISCLOSE', text: '予以公开' });
  return id;
}

before(async () => {
  t = await createTestApp();
  // Replies here go out directly: this file is not about 审核签发 (signoff.db.test.ts is).
  await setSignoffChain(t.db, '济宁市人民政府', 'none');
  await seedDemoRequests(t.db);
  office = await t.as('t_office');
  admin = await t.as('t_admin');
  handler = await t.as('t_handler');
  handler2 = await t.as('t_handler2');
  reviewer = await t.as('t_reviewer');
  city = await orgIdByName(t.db, '济宁市人民政府');
  education = await orgIdByName(t.db, '市教育局');
  ids.x = await disclosed('城区中小学新建项目批复');
  ids.y = await disclosed('学区划分方案');
  ids.z = await register('义务教育招生政策', '2025-03-05');
});
after(() => t.close());

const flag = (c: Client, id: number, body: unknown = { note: '多人申请' }) =>
  c.send('POST', `/api/requests/${id}/release-flag`, body);

async function audits(action: string, subject: number): Promise<number> {
  const rows = await t.db
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', action)
    .where('subject_id', '=', String(subject))
    .execute();
  return rows.length;
}

const queueSize = async () => (await t.db.selectFrom('request_release_queue').select('id').execute()).length;

test('the case’s handler flags a disclosed reply; the write is audited; a second flag is refused', async () => {
  const r = await flag(handler, ids.x);
  assert.equal(r.statusCode, 200, r.body);
  const entry = r.json();
  assert.equal(entry.status, 'pending');
  assert.equal(entry.requestId, ids.x);
  assert.equal(entry.note, '多人申请');
  assert.equal(entry.flaggedBy, 't_handler');
  assert.equal(entry.unitName, '市教育局');
  assert.equal(await audits('request.release_flag', ids.x), 1);
  const again = await flag(office, ids.x);
  assert.equal(again.statusCode, 409, 'one entry per application');
  assert.equal(again.json().error.code, 'DUPLICATE');
  assert.equal(await audits('request.release_flag', ids.x), 1);
});

test('who may not flag, and what may not be flagged', async () => {
  const before = await queueSize();
  assert.equal((await flag(handler2, ids.y)).statusCode, 404, 'another unit does not even see the case');
  assert.equal((await flag(reviewer, ids.y)).statusCode, 403, 'a reviewer sees the case but may not act');
  assert.equal((await flag(admin, ids.y)).statusCode, 403, 'the administrator takes no case action');
  let r = await flag(office, ids.z);
  assert.equal(r.statusCode, 409, 'not replied yet');
  assert.equal(r.json().error.code, 'CASE_ACTION_NOT_ALLOWED');
  const withheld = await t.db
    .selectFrom('requests')
    .select('id')
    .where('outcome', '=', 'WITHHOLD')
    .executeTakeFirstOrThrow();
  r = await flag(office, withheld.id);
  assert.equal(r.statusCode, 409, 'a withheld reply is not published');
  assert.match(r.json().error.message, /不予公开/);
  assert.equal((await flag(office, 999999)).statusCode, 404);
  assert.equal((await flag(office, ids.y, { note: 'x'.repeat(501) })).statusCode, 400);
  assert.equal(await queueSize(), before, 'refusals write nothing');
  assert.equal(await audits('request.release_flag', ids.z), 0);
  assert.equal(await audits('request.release_flag', ids.y), 0);
});

test('the queue: the office and the administrator see it, a handler does not', async () => {
  const r = await office.get('/api/requests/release-queue?status=pending');
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().total, 1);
  const [item] = r.json().items;
  assert.equal(item.requestId, ids.x);
  assert.equal(item.subject, '城区中小学新建项目批复');
  assert.equal(item.orgName, '济宁市人民政府');
  assert.equal(item.outcome, 'DISCLOSE');
  assert.match(item.caseNo, /^2025-\d{6}$/);
  assert.equal(r.json().statusLabels.pending, '待决定');
  assert.equal((await admin.get('/api/requests/release-queue')).json().total, 1);
  assert.equal((await handler.get('/api/requests/release-queue')).statusCode, 403);
  assert.equal((await reviewer.get('/api/requests/release-queue')).statusCode, 403);
  assert.equal((await office.get('/api/requests/release-queue?status=published')).json().total, 0);
  assert.equal((await office.get('/api/requests/release-queue?status=nope')).statusCode, 400);
});

test('the office decides once; the decision is audited; others are refused', async () => {
  const [item] = (await office.get('/api/requests/release-queue?status=pending')).json().items;
  const decide = (c: Client, body: unknown, id = item.id) =>
    c.send('POST', `/api/requests/release-queue/${id}/decide`, body);
  assert.equal((await decide(handler, { status: 'published' })).statusCode, 403);
  assert.equal((await decide(admin, { status: 'published' })).statusCode, 403);
  assert.equal((await decide(handler2, { status: 'published' })).statusCode, 404);
  assert.equal((await decide(office, { status: 'pending' })).statusCode, 400);
  assert.equal((await decide(office, {})).statusCode, 400);
  assert.equal(await audits('request.release_decide', ids.x), 0);

  const r = await decide(office, { status: 'published', note: '已在政府网站主动公开' });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().status, 'published');
  assert.equal(r.json().decidedBy, 't_office');
  assert.equal(r.json().decisionNote, '已在政府网站主动公开');
  assert.equal(r.json().note, '多人申请', 'the flag’s note is kept');
  assert.ok(r.json().decidedAt);
  assert.equal(await audits('request.release_decide', ids.x), 1);
  const audit = await t.db
    .selectFrom('audit_log')
    .select(['before', 'after', 'actor_id'])
    .where('action', '=', 'request.release_decide')
    .executeTakeFirstOrThrow();
  assert.deepEqual((audit.before as { status: string }).status, 'pending');
  assert.deepEqual((audit.after as { status: string }).status, 'published');

  assert.equal((await decide(office, { status: 'rejected' })).statusCode, 409, 'decided once');
  assert.equal((await office.get('/api/requests/release-queue?status=pending')).json().total, 0);
  assert.equal((await office.get('/api/requests/release-queue?status=published')).json().total, 1);
  assert.equal((await decide(office, { status: 'rejected' }, 999999)).statusCode, 404);

  // A second application, rejected.
  const y = (await flag(office, ids.y)).json();
  const rejected = await decide(office, { status: 'rejected', note: '涉及个人信息，不宜普遍公开' }, y.id);
  assert.equal(rejected.statusCode, 200, rejected.body);
  assert.equal(rejected.json().status, 'rejected');
  assert.equal((await office.get('/api/requests/release-queue')).json().total, 2);
});
