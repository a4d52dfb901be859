/**
 * Every agency receives its own applications (issue 12): a department with its own office runs its cases
 * end to end and signs its letters; a department with nobody falls to the government's office, which is
 * told; a designated office receives; the government's office oversees (督办) without acting.
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
import { submitOnline } from './service.ts';

let t: TestApp;
let cityOffice: Client;
let educationOffice: Client;

before(async () => {
  t = await createTestApp();
  // Replies here go out directly: this file is not about 审核签发 (signoff.db.test.ts is).
  await setSignoffChain(t.db, '市教育局', 'none');
  await createTestUser(t.db, { username: 'edu_office', role: 'office', org: '市教育局' });
  cityOffice = await t.as('t_office');
  educationOffice = await t.as('edu_office');
});
after(() => t.close());

async function apply(orgName: string, subject = '2025年义务教育招生计划'): Promise<number> {
  const orgId = await orgIdByName(t.db, orgName);
  const input = {
    orgId,
    applicant: applicant(),
    request: { subject, description: `请提供${subject}` },
    submissionKey: null,
  };
  const { row } = await submitOnline(t.db, input as Parameters<typeof submitOnline>[1], TEST_TODAY);
  return row.id;
}

async function actOn(c: Client, id: number, body: Record<string, unknown>) {
  return c.send('POST', `/api/requests/${id}/actions`, body);
}

async function onBehalfNotices(username: string, caseId: number) {
  return t.db
    .selectFrom('notifications')
    .select(['title'])
    .where('user_id', '=', await userIdByUsername(t.db, username))
    .where('kind', '=', 'request.received-on-behalf')
    .where('subject_id', '=', String(caseId))
    .execute();
}

const listed = async (c: Client, query: string) =>
  ((await c.get(`/api/requests?pageSize=200${query}`)).json().items as { id: number }[]).map((i) => i.id);

test('a department with its own office receives, replies and signs the letter in its own name', async () => {
  const id = await apply('市教育局');
  assert.deepEqual(await onBehalfNotices('t_office', id), [], 'no fallback notice');
  assert.ok((await listed(educationOffice, '')).includes(id));
  let r = await actOn(educationOffice, id, { action: 'confirm-receipt', on: TEST_TODAY });
  assert.equal(r.statusCode, 200, r.body);
  r = await actOn(educationOffice, id, {
    action: 'reply',
    on: TEST_TODAY,
    outcome: 'DISCLOSE',
    text: '现将招生计划随本答复书提供。',
  });
  assert.equal(r.statusCode, 200, r.body);
  const letter = r.json().letters[0];
  const file = await educationOffice.get(`/api/requests/${id}/letters/${letter.id}`);
  assert.equal(file.statusCode, 200, file.body);
  const xml = documentXml(new Uint8Array(file.rawPayload));
  assert.ok(xml.includes('市教育局'), 'signed by the department');
  assert.ok(!xml.includes('济宁市人民政府'), 'not by the city government');
});

test('the government’s office oversees a department’s case (督办) but takes no action on it', async () => {
  const id = await apply('市教育局', '2025年校车采购合同');
  assert.ok(!(await listed(cityOffice, '')).includes(id), 'not in its workbench');
  assert.ok((await listed(cityOffice, '&view=supervise')).includes(id), 'in its 督办 list');
  assert.equal((await cityOffice.get(`/api/requests/${id}`)).statusCode, 200);
  const r = await actOn(cityOffice, id, { action: 'confirm-receipt', on: TEST_TODAY });
  assert.equal(r.statusCode, 403, r.body);
  assert.deepEqual(await listed(educationOffice, '&view=supervise'), [], 'a department oversees nobody');
});

test('a department with nobody falls to the government’s office, which is told', async () => {
  const id = await apply('市民政局', '2025年低保资金发放情况');
  const notices = await onBehalfNotices('t_office', id);
  assert.equal(notices.length, 1);
  assert.match(notices[0]?.title ?? '', /市民政局没有受理人员/);
  assert.ok((await listed(cityOffice, '')).includes(id));
  const r = await actOn(cityOffice, id, { action: 'confirm-receipt', on: TEST_TODAY });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal((await educationOffice.get(`/api/requests/${id}`)).statusCode, 404);
});

test('a designated office receives for the agency that named it, with no fallback notice', async () => {
  const science = await orgIdByName(t.db, '市科技局');
  await t.db
    .updateTable('orgs')
    .set({ receiving_office_id: await orgIdByName(t.db, '市教育局') })
    .where('id', '=', science)
    .execute();
  const id = await apply('市科技局', '2025年科技计划项目');
  assert.deepEqual(await onBehalfNotices('t_office', id), []);
  const r = await actOn(educationOffice, id, { action: 'confirm-receipt', on: TEST_TODAY });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(
    (await actOn(cityOffice, id, { action: 'note', on: TEST_TODAY, text: '催办' })).statusCode,
    403,
  );
});

test('an agency that does not accept applications, or is disabled, is refused with a field message', async () => {
  const audit = await orgIdByName(t.db, '市审计局');
  const energy = await orgIdByName(t.db, '市能源局');
  await t.db.updateTable('orgs').set({ accepts_requests: false }).where('id', '=', audit).execute();
  await t.db.updateTable('orgs').set({ disabled: true }).where('id', '=', energy).execute();
  for (const [name, orgId] of [
    ['市审计局', audit],
    ['市能源局', energy],
  ] as const) {
    await assert.rejects(
      submitOnline(
        t.db,
        {
          orgId,
          applicant: applicant(),
          request: { subject: '某信息', description: '请提供某信息' },
          submissionKey: null,
        } as Parameters<typeof submitOnline>[1],
        TEST_TODAY,
      ),
      (err: { fields?: { path: string; message: string }[] }) =>
        err.fields?.[0]?.path === 'orgId' && (err.fields[0].message.includes(name) ?? false),
    );
  }
  const form = (await (await t.anonymous()).get('/gk/apply/form')).body;
  assert.ok(!form.includes('市审计局</option>') && !form.includes('市能源局</option>'));
  assert.ok(form.includes('市民政局</option>'), 'an agency received by fallback is offered');
});

test('the portal offers no agency that nobody could receive for', async () => {
  const [root] = await t.db
    .insertInto('orgs')
    .values({ parent_id: null, name: '无人市人民政府', kind: 'government', code: null })
    .returning('id')
    .execute();
  await t.db
    .insertInto('orgs')
    .values({ parent_id: root?.id as number, name: '无人市教育局', kind: 'department', code: null })
    .execute();
  const form = (await (await t.anonymous()).get('/gk/apply/form')).body;
  assert.ok(!form.includes('无人市'), form.slice(0, 200));
});
