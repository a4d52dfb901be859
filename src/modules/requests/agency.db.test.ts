/**
 * Every agency runs its own applications (issue 12, point 3): its own letter templates over the shared ones
 * and the default, and 转办 to the right agency of the same government (receipt date, deadline and history
 * kept; the receiving office notified; the applicant told) — never to an agency of another government.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TEST_TODAY } from '../../../test/helpers/clock.ts';
import {
  applicant,
  createTestUser,
  orgIdByName,
  setSignoffChain,
  userIdByUsername,
} from '../../../test/helpers/factories.ts';
import { documentXml } from './letters/samples.ts';
import { applicantEvent } from './portal/track.page.ts';
import { submitOnline } from './service.ts';

let t: TestApp;
let cityOffice: Client;
let educationOffice: Client;
let handler: Client;
let admin: Client;
let education: number;

before(async () => {
  t = await createTestApp();
  // Replies here go out directly: this file is not about 审核签发 (signoff.db.test.ts is).
  await setSignoffChain(t.db, '市教育局', 'none');
  await setSignoffChain(t.db, '市民政局', 'none');
  await setSignoffChain(t.db, '济宁市人民政府', 'none');
  await createTestUser(t.db, { username: 'edu_office', role: 'office', org: '市教育局' });
  cityOffice = await t.as('t_office');
  educationOffice = await t.as('edu_office');
  handler = await t.as('t_handler');
  admin = await t.as('t_admin');
  education = await orgIdByName(t.db, '市教育局');
});
after(() => t.close());

async function apply(orgName: string, subject = '2025年义务教育招生计划'): Promise<number> {
  const input = {
    orgId: await orgIdByName(t.db, orgName),
    applicant: applicant(),
    request: { subject, description: `请提供${subject}` },
    submissionKey: null,
  };
  const { row } = await submitOnline(t.db, input as Parameters<typeof submitOnline>[1], TEST_TODAY);
  return row.id;
}

async function actOk(c: Client, id: number, body: Record<string, unknown>) {
  const r = await c.send('POST', `/api/requests/${id}/actions`, body);
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
}

/** Receives and answers NOT_EXIST; returns the reply letter's text. */
async function replyLetter(c: Client, id: number): Promise<string> {
  await actOk(c, id, { action: 'confirm-receipt', on: TEST_TODAY });
  const d = await actOk(c, id, { action: 'reply', on: TEST_TODAY, outcome: 'NOT_EXIST', text: '特此告知。' });
  const file = await c.get(`/api/requests/${id}/letters/${d.letters.at(-1).id}`);
  assert.equal(file.statusCode, 200, file.body);
  return documentXml(new Uint8Array(file.rawPayload));
}

const KIND = 'reply-NOT_EXIST';
const text = (line: string) => ({
  title: '政府信息不存在告知书',
  body: `{{applicantName}}：\n${line}\n{{replyText}}`,
});

test('letter templates: an agency’s own text over the shared one over the default; reset returns to the shared', async () => {
  // Who edits what: the department's office its own agency only; the government's office the shared texts.
  const eduList = await educationOffice.get('/api/requests/letter-templates');
  assert.equal(eduList.statusCode, 200, eduList.body);
  assert.deepEqual(eduList.json().scope, { orgId: education, name: '市教育局' });
  assert.ok(eduList.json().scopes.every((s: { orgId: number | null }) => s.orgId !== null));
  assert.equal((await cityOffice.get('/api/requests/letter-templates')).json().scope.orgId, null);
  let r = await educationOffice.send('PUT', `/api/requests/letter-templates/${KIND}`, text('共享'));
  assert.equal(r.statusCode, 403, 'a department’s office does not edit the shared text');
  r = await cityOffice.send('PUT', `/api/requests/letter-templates/${KIND}?orgId=${education}`, text('x'));
  assert.equal(r.statusCode, 403, 'nor does the government’s office edit a staffed department’s own');
  r = await handler.send('PUT', `/api/requests/letter-templates/${KIND}?orgId=${education}`, text('x'));
  assert.equal(r.statusCode, 403);

  r = await cityOffice.send('PUT', `/api/requests/letter-templates/${KIND}`, text('本级政府通用文本。'));
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().source, 'shared');
  let before = (await educationOffice.get('/api/requests/letter-templates')).json().items;
  let item = before.find((i: { kind: string }) => i.kind === KIND);
  assert.equal(item.source, 'shared', 'the department sees the shared text in force');
  assert.equal(item.custom, false);

  r = await educationOffice.send(
    'PUT',
    `/api/requests/letter-templates/${KIND}?orgId=${education}`,
    text('市教育局自己的文本。'),
  );
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().source, 'agency');
  assert.equal(r.json().custom, true);
  const audit = await t.db
    .selectFrom('audit_log')
    .select('subject_id')
    .where('action', '=', 'request.letter_template_update')
    .where('subject_id', '=', `${education}:${KIND}`)
    .execute();
  assert.equal(audit.length, 1);

  // The letters: the department's case uses its own text, a case of an agency without one the shared text.
  const own = await replyLetter(educationOffice, await apply('市教育局'));
  assert.ok(own.includes('市教育局自己的文本。'), 'the agency’s own text');
  const shared = await replyLetter(cityOffice, await apply('市民政局', '2025年低保资金'));
  assert.ok(shared.includes('本级政府通用文本。'), 'the shared text for an agency without its own');
  assert.ok(!shared.includes('市教育局自己的文本。'));

  // Back to the shared text, then the shared one back to the default.
  r = await educationOffice.send('DELETE', `/api/requests/letter-templates/${KIND}?orgId=${education}`);
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().source, 'shared');
  const again = await replyLetter(educationOffice, await apply('市教育局', '2025年校车'));
  assert.ok(again.includes('本级政府通用文本。'));
  r = await admin.send('DELETE', `/api/requests/letter-templates/${KIND}`);
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.json().source, 'default');
  before = (await admin.get(`/api/requests/letter-templates?orgId=${education}`)).json().items;
  item = before.find((i: { kind: string }) => i.kind === KIND);
  assert.equal(item.source, 'default');
  assert.equal(item.title, item.defaultTitle);
});

test('转办 within the government: receipt date, deadline and history kept, the office notified, the applicant told', async () => {
  const id = await apply('济宁市人民政府', '2025年城区学校新建项目批复');
  await actOk(cityOffice, id, { action: 'confirm-receipt', on: TEST_TODAY });
  const assigned = await actOk(cityOffice, id, { action: 'assign', on: TEST_TODAY, unitId: education });
  assert.ok(assigned.allowedActions.includes('transfer'));
  const receivedOn = assigned.case.receivedOn;
  const replyDue = assigned.case.replyDue;
  assert.ok(replyDue, 'the clock runs');

  // A handler of the assigned unit may not transfer; nor may another agency's office.
  let r = await handler.send('POST', `/api/requests/${id}/actions`, {
    action: 'transfer',
    on: TEST_TODAY,
    toOrgId: education,
    reason: '属于教育部门职责',
  });
  assert.equal(r.statusCode, 403, r.body);
  r = await educationOffice.send('POST', `/api/requests/${id}/actions`, {
    action: 'transfer',
    on: TEST_TODAY,
    toOrgId: education,
    reason: '属于教育部门职责',
  });
  assert.ok([403, 404].includes(r.statusCode), r.body);

  // Another government's agency: refused, pointing to the Art. 36(5) reply.
  r = await cityOffice.send('POST', `/api/requests/${id}/actions`, {
    action: 'transfer',
    on: TEST_TODAY,
    toOrgId: await orgIdByName(t.db, '邹城市教育局'),
    reason: '属于邹城市',
  });
  assert.equal(r.statusCode, 409, r.body);
  assert.equal(r.json().error.code, 'TRANSFER_OTHER_GOVERNMENT');
  assert.match(r.json().error.message, /邹城市教育局不属于本级人民政府.*第三十六条第五项/);

  const d = await actOk(cityOffice, id, {
    action: 'transfer',
    on: TEST_TODAY,
    toOrgId: education,
    reason: '属于教育部门职责',
  });
  const row = await t.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.org_id, education);
  assert.equal(row.unit_id, null, 'unassigned at the new agency');
  assert.equal(row.stage, 'registered');
  assert.equal(row.received_on, receivedOn, 'the statutory receipt date is kept');
  assert.equal(row.reply_due, replyDue, 'and so is the reply deadline');
  assert.deepEqual(
    d.events.map((e: { type: string }) => e.type),
    ['submit', 'confirm-receipt', 'assign', 'transfer'],
    'the history stays',
  );

  const notices = await t.db
    .selectFrom('notifications')
    .select(['title', 'body'])
    .where('user_id', '=', await userIdByUsername(t.db, 'edu_office'))
    .where('kind', '=', 'request.transferred')
    .where('subject_id', '=', String(id))
    .execute();
  assert.equal(notices.length, 1);
  assert.match(notices[0]?.title ?? '', /济宁市人民政府转来申请/);

  // The 转办告知书 goes to the applicant, signed by the agency that now handles the case.
  const letter = d.letters.at(-1);
  assert.equal(letter.kind, 'transfer');
  const file = await educationOffice.get(`/api/requests/${id}/letters/${letter.id}`);
  assert.equal(file.statusCode, 200, file.body);
  const xml = documentXml(new Uint8Array(file.rawPayload));
  assert.ok(xml.includes('政府信息公开申请转办告知书'));
  assert.ok(xml.includes('济宁市人民政府于'), 'names the agency the application was addressed to');
  assert.ok(xml.includes('市教育局'), 'signed by the receiving agency');

  const events = await t.db
    .selectFrom('request_events')
    .select(['type', 'data'])
    .where('request_id', '=', id)
    .execute();
  const told = applicantEvent(events.find((e) => e.type === 'transfer') as (typeof events)[number]);
  assert.equal(told?.title, '已转至市教育局');

  // The department's office now runs the case; the government's office oversees it.
  const detail = await educationOffice.get(`/api/requests/${id}`);
  assert.equal(detail.statusCode, 200, detail.body);
  assert.ok(detail.json().allowedActions.includes('assign'));
  r = await cityOffice.send('POST', `/api/requests/${id}/actions`, {
    action: 'note',
    on: TEST_TODAY,
    text: '督办',
  });
  assert.equal(r.statusCode, 403, 'no longer its case to act on');
});

test('转办 refused to the same agency and to an agency that accepts no applications', async () => {
  const id = await apply('济宁市人民政府', '2025年政府工作报告');
  const city = await orgIdByName(t.db, '济宁市人民政府');
  let r = await cityOffice.send('POST', `/api/requests/${id}/actions`, {
    action: 'transfer',
    on: TEST_TODAY,
    toOrgId: city,
    reason: '测试',
  });
  assert.equal(r.json().error.code, 'TRANSFER_SAME_AGENCY');
  const finance = await orgIdByName(t.db, '市财政局');
  await t.db.updateTable('orgs').set({ disabled: true }).where('id', '=', finance).execute();
  try {
    r = await cityOffice.send('POST', `/api/requests/${id}/actions`, {
      action: 'transfer',
      on: TEST_TODAY,
      toOrgId: finance,
      reason: '测试',
    });
    assert.equal(r.statusCode, 409, r.body);
    assert.equal(r.json().error.code, 'TRANSFER_TARGET_NOT_ACCEPTING');
  } finally {
    await t.db.updateTable('orgs').set({ disabled: false }).where('id', '=', finance).execute();
  }
});
