// 答复的审核签发 (issue 16.1): the reply is a draft until the agency's chain signs it; each step approves or
// returns it with a comment for the drafter; the letter and 已答复 come only with the signature.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import {
  applicationBody,
  createTestUser,
  orgIdByName,
  registerCase,
  userIdByUsername,
} from '../../../test/helpers/factories.ts';

let t: TestApp;
let office: Client;
let handler: Client;
let head: Client;
let education: number;
let city: number;
let handlerId: number;

before(
  async () => {
    t = await createTestApp();
    city = await orgIdByName(t.db, '济宁市人民政府');
    education = await orgIdByName(t.db, '市教育局');
    // 负责人 of the city government's disclosure office (市政府办公室 receives for the government).
    await createTestUser(t.db, {
      username: 't_head',
      role: 'approver',
      org: '市政府办公室',
      displayName: '李主任',
    });
    office = await t.as('t_office');
    handler = await t.as('t_handler');
    head = await t.as('t_head');
    handlerId = await userIdByUsername(t.db, 't_handler');
  },
  { timeout: 60_000 },
);
after(() => t.close());

const act = (c: Client, id: number, body: Record<string, unknown>) =>
  c.send('POST', `/api/requests/${id}/actions`, body);

async function setChain(chain: string) {
  const res = await office.send('PUT', `/api/requests/signoff-chains/${city}`, { chain });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

/** A case of the city government, received and assigned to 市教育局 with t_handler as 承办人. */
async function assignedCase(subject: string): Promise<number> {
  const id = await registerCase(office, applicationBody(city, { subject }));
  const r = await act(office, id, { action: 'assign', on: '2024-02-09', unitId: education, handlerId });
  assert.equal(r.statusCode, 200, r.body);
  return id;
}

const draft = { action: 'draft-reply', on: '2024-02-20', outcome: 'DISCLOSE', text: '予以公开，见附件。' };

test('under the full chain the handler drafts, 公开办 returns with a comment, then approves, 负责人 signs', {
  timeout: 60_000,
}, async () => {
  const saved = await setChain('full');
  assert.equal(saved.chainLabel, '承办人拟稿 → 公开办审核 → 负责人签发');
  const id = await assignedCase('审核签发全流程');

  let d = (await handler.get(`/api/requests/${id}`)).json();
  assert.ok(d.allowedActions.includes('draft-reply'));
  assert.ok(!d.allowedActions.includes('reply'), 'no direct reply under a chain');
  const due = d.clock.replyDue;
  assert.ok(due);

  // A direct reply is refused, with the chain named.
  let r = await act(handler, id, {
    action: 'reply',
    on: '2024-02-20',
    outcome: 'DISCLOSE',
    text: '予以公开',
  });
  assert.equal(r.statusCode, 409, r.body);
  assert.equal(r.json().error.code, 'SIGNOFF_REQUIRED');
  assert.match(r.json().error.message, /公开办审核/);

  r = await act(handler, id, draft);
  assert.equal(r.statusCode, 200, r.body);
  d = r.json();
  assert.equal(d.case.stage, 'processing', 'a draft is not a reply');
  assert.equal(d.case.outcome, null);
  assert.equal(d.letters.length, 0, 'no letter before sign-off');
  assert.equal(d.signoff.draft.pending, 'review');
  assert.equal(d.signoff.draft.pendingLabel, '公开办审核');
  assert.equal(d.clock.replyDue, due, 'the statutory clock is shown and runs on during sign-off');

  // The drafter cannot push it on; the office sees review and return; the head cannot sign yet.
  r = await act(handler, id, { action: 'review-draft', on: '2024-02-20' });
  assert.equal(r.statusCode, 403, r.body);
  d = (await office.get(`/api/requests/${id}`)).json();
  assert.deepEqual(
    d.allowedActions.filter((a: string) =>
      ['review-draft', 'return-draft', 'reply', 'draft-reply'].includes(a),
    ),
    ['review-draft', 'return-draft'],
  );
  r = await act(head, id, { action: 'reply', on: '2024-02-20' });
  assert.equal(r.statusCode, 409, r.body);
  assert.equal(r.json().error.code, 'DRAFT_NOT_REVIEWED');

  // 公开办 returns it: the comment is shown to the drafter, the draft is gone, a new one may be written.
  r = await act(office, id, { action: 'return-draft', on: '2024-02-21', comment: '' });
  assert.equal(r.statusCode, 400, 'a return needs a comment');
  r = await act(office, id, { action: 'return-draft', on: '2024-02-21', comment: '请写明获取方式' });
  assert.equal(r.statusCode, 200, r.body);
  d = (await handler.get(`/api/requests/${id}`)).json();
  assert.equal(d.signoff.draft, null);
  assert.equal(d.signoff.returned.comment, '请写明获取方式');
  assert.equal(d.signoff.returned.stepLabel, '公开办审核');
  assert.ok(d.allowedActions.includes('draft-reply'));
  const notes = (await handler.get('/api/notifications')).json();
  assert.ok(
    notes.items.some((n: { title: string }) => n.title.includes('退回修改')),
    'the drafter is told',
  );

  r = await act(handler, id, { ...draft, on: '2024-02-22', text: '予以公开，请到本机关政务公开大厅领取。' });
  assert.equal(r.statusCode, 200, r.body);
  r = await act(handler, id, draft);
  assert.equal(r.statusCode, 409, 'one draft at a time');
  r = await act(office, id, { action: 'review-draft', on: '2024-02-23', comment: '同意' });
  assert.equal(r.statusCode, 200, r.body);
  d = r.json();
  assert.equal(d.signoff.draft.pending, 'sign');
  assert.ok(!d.allowedActions.includes('reply'), 'the office does not sign');
  r = await act(office, id, { action: 'reply', on: '2024-02-23' });
  assert.equal(r.statusCode, 403, r.body);
  assert.equal(r.json().error.code, 'SIGNOFF_NOT_YOURS');

  const headNotes = (await head.get('/api/notifications')).json();
  assert.ok(headNotes.items.some((n: { title: string }) => n.title.includes('待负责人签发')));
  d = (await head.get(`/api/requests/${id}`)).json();
  assert.ok(d.allowedActions.includes('reply'));
  assert.equal(d.clock.replyDue, due);
  r = await act(head, id, { action: 'reply', on: '2024-02-26' });
  assert.equal(r.statusCode, 200, r.body);
  d = r.json();
  assert.equal(d.case.stage, 'replied');
  assert.equal(d.case.outcome, 'DISCLOSE');
  assert.equal(d.signoff.signed.signerName, '李主任');
  assert.equal(d.signoff.signed.orgName, '济宁市人民政府');
  assert.equal(d.signoff.signed.on, '2024-02-26');
  const reply = d.events.find((e: { type: string }) => e.type === 'reply');
  assert.equal(reply.data.text, '予以公开，请到本机关政务公开大厅领取。', 'the reviewed draft goes out');
  assert.equal(reply.actorName, '李主任');
  assert.equal(d.letters.length, 1, 'the letter is made on the signature');
  assert.equal(d.letters[0].eventId, reply.id);
});

test('an agency may drop the review (sign-only) or both (none)', { timeout: 60_000 }, async () => {
  await setChain('sign-only');
  const id = await assignedCase('只需签发');
  let r = await act(handler, id, draft);
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().signoff.draft.pending, 'sign');
  r = await act(office, id, { action: 'review-draft', on: '2024-02-20' });
  assert.equal(r.statusCode, 409, 'no review step in this chain');
  r = await act(head, id, { action: 'return-draft', on: '2024-02-21', comment: '理由不充分' });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().signoff.returned.stepLabel, '负责人签发');
  r = await act(handler, id, { ...draft, on: '2024-02-22' });
  r = await act(head, id, { action: 'reply', on: '2024-02-22' });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().case.stage, 'replied');

  await setChain('none');
  const direct = await assignedCase('直接答复');
  r = await act(handler, direct, draft);
  assert.equal(r.statusCode, 409, r.body);
  assert.equal(r.json().error.code, 'SIGNOFF_NOT_CONFIGURED');
  r = await act(handler, direct, {
    action: 'reply',
    on: '2024-02-20',
    outcome: 'DISCLOSE',
    text: '予以公开',
  });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().signoff.signed, null);
  r = await act(handler, await assignedCase('缺答复内容'), {
    action: 'reply',
    on: '2024-02-20',
    outcome: 'DISCLOSE',
  });
  assert.equal(r.statusCode, 400, 'a direct reply needs its text');
});

test('the chain is set by the agency’s office, listed with Chinese names, audited', {
  timeout: 60_000,
}, async () => {
  const res = await handler.send('PUT', `/api/requests/signoff-chains/${city}`, { chain: 'none' });
  assert.equal(res.statusCode, 403);
  const list = (await office.get('/api/requests/signoff-chains')).json();
  const mine = list.items.find((i: { orgId: number }) => i.orgId === city);
  assert.ok(mine);
  assert.deepEqual(
    list.chains.map((c: { label: string }) => c.label),
    [
      '承办人拟稿 → 公开办审核 → 负责人签发',
      '承办人拟稿 → 负责人签发（不经公开办审核）',
      '承办人直接答复（不经审核签发）',
    ],
  );
  await setChain('full');
  const again = (await office.get('/api/requests/signoff-chains')).json();
  const full = again.items.find((i: { orgId: number }) => i.orgId === city);
  assert.deepEqual(
    full.steps.map((s: { label: string }) => s.label),
    ['公开办审核', '负责人签发'],
  );
  assert.equal(full.saved, true);
  const audit = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', '=', 'request.signoff_chain_update')
    .execute();
  assert.ok(audit.length >= 1);
});

test('a department created after the rule came has the full chain by default: its 承办人’s reply waits for 审核 and 签发', {
  timeout: 60_000,
}, async () => {
  const admin = await t.as('t_admin');
  const created = await admin.send('POST', '/api/orgs', {
    parentId: city,
    name: '市大数据局',
    kind: 'department',
  });
  assert.equal(created.statusCode, 200, created.body);
  const orgId: number = created.json().id;
  const users = { office: 'dsj_office', handler: 'dsj_handler', head: 'dsj_head' } as const;
  await createTestUser(t.db, { username: users.office, role: 'office', org: orgId });
  const drafterId = await createTestUser(t.db, { username: users.handler, role: 'handler', org: orgId });
  const newOffice = await t.as(users.office);
  const chainOfNew = async () =>
    (await newOffice.get('/api/requests/signoff-chains'))
      .json()
      .items.find((i: { orgId: number }) => i.orgId === orgId);

  // Nothing was saved for it: the chain page shows the default, the full chain, and that nobody signs yet.
  let mine = await chainOfNew();
  assert.equal(mine.chain, 'full');
  assert.equal(mine.saved, false);
  assert.equal(mine.signerMissing, true);
  await createTestUser(t.db, { username: users.head, role: 'approver', org: orgId, displayName: '周局长' });
  mine = await chainOfNew();
  assert.equal(mine.signerMissing, false, 'its 负责人 signs for it');
  const [newHandler, newHead] = await Promise.all([t.as(users.handler), t.as(users.head)]);

  const id = await registerCase(newOffice, applicationBody(orgId, { subject: '新设部门的答复' }));
  let r = await act(newOffice, id, {
    action: 'assign',
    on: '2024-02-09',
    unitId: orgId,
    handlerId: drafterId,
  });
  assert.equal(r.statusCode, 200, r.body);
  r = await act(newHandler, id, { action: 'reply', on: '2024-02-20', outcome: 'DISCLOSE', text: '予以公开' });
  assert.equal(r.statusCode, 409, r.body);
  assert.equal(r.json().error.code, 'SIGNOFF_REQUIRED');
  r = await act(newHandler, id, draft);
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().case.stage, 'processing');
  assert.equal(r.json().signoff.draft.pending, 'review');
  r = await act(newOffice, id, { action: 'review-draft', on: '2024-02-21' });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().signoff.draft.pending, 'sign');
  r = await act(newHead, id, { action: 'reply', on: '2024-02-22' });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().case.stage, 'replied');
  assert.equal(r.json().signoff.signed.signerName, '周局长');
  assert.equal(r.json().signoff.signed.orgName, '市大数据局');
});
