/**
 * 协助调查 / 会商 as tasks, over HTTP: the handler asks another unit with a due date; that unit sees it in
 * its “协助办理” list, answers with text and a file; the case's timeline and card show both; overdue
 * requests are flagged; refusals change nothing.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TEST_TODAY } from '../../../test/helpers/clock.ts';
import { applicationBody, orgIdByName, registerCase } from '../../../test/helpers/factories.ts';

let t: TestApp;
let office: Client;
let handler: Client;
let handler2: Client;
let approver2: Client;
let county: Client;
let city: number;
let education: number;
let finance: number;

before(async () => {
  t = await createTestApp();
  office = await t.as('t_office');
  handler = await t.as('t_handler');
  handler2 = await t.as('t_handler2');
  approver2 = await t.as('t_approver2');
  county = await t.as('t_county');
  city = await orgIdByName(t.db, '济宁市人民政府');
  education = await orgIdByName(t.db, '市教育局');
  finance = await orgIdByName(t.db, '市财政局');
});
after(() => t.close());

async function caseAssignedToEducation(subject: string): Promise<number> {
  const id = await registerCase(office, applicationBody(city, { subject, submittedOn: '2025-03-03' }));
  const assigned = await office.send('POST', `/api/requests/${id}/actions`, {
    action: 'assign',
    on: '2025-03-04',
    unitId: education,
  });
  assert.equal(assigned.statusCode, 200, assigned.body);
  return id;
}

function multipart(name: string, content: Buffer) {
  const boundary = '----gongkai-assist-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const eventsOf = async (c: Client, id: number) =>
  (await c.get(`/api/requests/${id}`)).json().events as { type: string; data: Record<string, unknown> }[];

test('ask another unit, which answers with text and a file; the timeline and the case card show both', async () => {
  const id = await caseAssignedToEducation('某学校校舍改造资金拨付文件');
  const today = TEST_TODAY; // the test app's platform clock: answers are dated today
  const asked = await handler.send('POST', `/api/requests/${id}/actions`, {
    action: 'assist-request',
    on: '2025-03-05',
    unitId: finance,
    kind: 'investigation',
    question: '请核实该项资金的拨付文号及日期',
    dueOn: '2099-12-31',
  });
  assert.equal(asked.statusCode, 200, asked.body);
  assert.ok((asked.json().allowedActions as string[]).includes('assist-request'));
  assert.ok(!(asked.json().allowedActions as string[]).includes('assist-reply'));

  // The unit asked sees it in its list (with the subject, not the applicant); the asking unit does not.
  const list = (await handler2.get('/api/requests/assistance')).json();
  assert.equal(list.total, 1);
  assert.equal(list.open, 1);
  assert.equal(list.overdue, 0);
  const task = list.items[0];
  assert.equal(task.requestId, id);
  assert.equal(task.kindLabel, '协助调查');
  assert.equal(task.fromName, '市教育局');
  assert.equal(task.unitName, '市财政局');
  assert.equal(task.dueOn, '2099-12-31');
  assert.equal(task.overdue, false);
  assert.equal(task.canAnswer, true);
  assert.match(task.description, /校舍改造/);
  assert.doesNotMatch(JSON.stringify(task), /张三丰|13812345678/);
  assert.equal((await handler.get('/api/requests/assistance')).json().total, 0);
  // It does not open the case itself to the other unit.
  assert.equal((await handler2.get(`/api/requests/${id}`)).statusCode, 404);

  // Only the unit asked answers; with its own upload.
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(200, 0x20)]);
  const up = multipart('拨付文件.pdf', pdf);
  const uploaded = await handler2.send('POST', '/api/files', up.body, up.headers);
  assert.equal(uploaded.statusCode, 200, uploaded.body);
  const fileId = uploaded.json().items[0].id as number;
  const foreignUpload = await handler.send('POST', '/api/files', up.body, up.headers);
  const foreignId = foreignUpload.json().items[0].id as number;

  const byOther = await handler.send('POST', `/api/requests/assistance/${task.id}/reply`, { text: '代答' });
  assert.equal(byOther.statusCode, 404);
  const withForeignFile = await handler2.send('POST', `/api/requests/assistance/${task.id}/reply`, {
    text: '见附件',
    fileIds: [foreignId],
  });
  assert.equal(withForeignFile.statusCode, 400);
  assert.equal(withForeignFile.json().error.fields[0].path, 'fileIds');
  const empty = await handler2.send('POST', `/api/requests/assistance/${task.id}/reply`, { text: '  ' });
  assert.equal(empty.statusCode, 400);

  const answered = await handler2.send('POST', `/api/requests/assistance/${task.id}/reply`, {
    text: '经核实，拨付文号为济财教〔2024〕12号。',
    fileIds: [fileId],
  });
  assert.equal(answered.statusCode, 200, answered.body);
  assert.equal(answered.json().status, 'answered');
  assert.equal(answered.json().repliedOn, today);
  assert.deepEqual(
    answered.json().files.map((f: { name: string }) => f.name),
    ['拨付文件.pdf'],
  );
  const again = await approver2.send('POST', `/api/requests/assistance/${task.id}/reply`, { text: '再答' });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'ASSISTANCE_UNKNOWN');
  assert.equal((await handler2.get('/api/requests/assistance')).json().total, 0, 'no longer open');
  assert.equal((await handler2.get('/api/requests/assistance?status=all')).json().total, 1);

  // The case's timeline: request and answer; the card lists the answer with its file.
  const events = await eventsOf(office, id);
  const request = events.find((e) => e.type === 'assist-request');
  const reply = events.find((e) => e.type === 'assist-reply');
  assert.equal(request?.data.unitName, '市财政局');
  assert.equal(request?.data.question, '请核实该项资金的拨付文号及日期');
  assert.equal(reply?.data.assistanceId, request?.data.assistanceId);
  assert.equal(reply?.data.text, '经核实，拨付文号为济财教〔2024〕12号。');
  const card = (await handler.get(`/api/requests/${id}/assistance`)).json().items;
  assert.equal(card.length, 1);
  assert.equal(card[0].status, 'answered');
  assert.equal(card[0].canAnswer, false);
  const file = await handler.get(`/api/requests/assistance/${task.id}/files/${fileId}`);
  assert.equal(file.statusCode, 200);
  assert.deepEqual(file.rawPayload, pdf);
  assert.equal((await handler2.get(`/api/requests/assistance/${task.id}/files/${fileId}`)).statusCode, 200);
  assert.equal((await county.get(`/api/requests/assistance/${task.id}/files/${fileId}`)).statusCode, 404);
  assert.equal((await county.get(`/api/requests/${id}/assistance`)).statusCode, 404);
});

test('an unanswered request past its due date is flagged overdue', async () => {
  const id = await caseAssignedToEducation('某区学区划分调整方案');
  const asked = await office.send('POST', `/api/requests/${id}/actions`, {
    action: 'assist-request',
    on: '2025-03-05',
    unitId: finance,
    kind: 'meeting',
    question: '请就是否公开出具会商意见',
    dueOn: '2025-03-10',
  });
  assert.equal(asked.statusCode, 200, asked.body);
  const list = (await approver2.get('/api/requests/assistance')).json();
  const task = list.items.find((i: { requestId: number }) => i.requestId === id);
  assert.equal(task.kindLabel, '会商');
  assert.equal(task.overdue, true);
  assert.ok(list.overdue >= 1);
  const card = (await office.get(`/api/requests/${id}/assistance`)).json().items;
  assert.equal(card[0].overdue, true);
});

test('refused requests change nothing; old 会商/协助调查 notes stay readable', async () => {
  const id = await caseAssignedToEducation('某幼儿园收费标准');
  const before = (await eventsOf(office, id)).length;
  for (const [label, body] of [
    ['own unit', { unitId: education, dueOn: '2025-03-20' }],
    ['due before asked', { unitId: finance, dueOn: '2025-03-01' }],
    ['unknown unit', { unitId: 999_999, dueOn: '2025-03-20' }],
  ] as const) {
    const res = await handler.send('POST', `/api/requests/${id}/actions`, {
      action: 'assist-request',
      on: '2025-03-05',
      kind: 'investigation',
      question: '请协助',
      ...body,
    });
    assert.equal(res.statusCode, 400, label);
  }
  const byReviewer = await (await t.as('t_reviewer')).send('POST', `/api/requests/${id}/actions`, {
    action: 'assist-request',
    on: '2025-03-05',
    unitId: finance,
    kind: 'investigation',
    question: '请协助',
    dueOn: '2025-03-20',
  });
  assert.equal(byReviewer.statusCode, 403);
  const viaCaseMenu = await office.send('POST', `/api/requests/${id}/actions`, {
    action: 'assist-reply',
    on: '2025-03-05',
    assistanceId: 'x',
    text: 'x',
  });
  assert.equal(viaCaseMenu.statusCode, 400, 'not an action of the case menu');
  assert.equal((await eventsOf(office, id)).length, before);
  const rows = await t.db
    .selectFrom('request_assistance')
    .select('id')
    .where('request_id', '=', id)
    .execute();
  assert.equal(rows.length, 0);

  const note = await office.send('POST', `/api/requests/${id}/actions`, {
    action: 'note',
    on: '2025-03-06',
    kind: 'meeting',
    text: '旧式会商记录',
  });
  assert.equal(note.statusCode, 200, note.body);
  const last = (await eventsOf(office, id)).at(-1);
  assert.equal(last?.type, 'note');
  assert.equal(last?.data.kind, 'meeting');
});
