import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { type Client, createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import {
  applicationBody,
  orgIdByName,
  registerCase,
  setSignoffChain,
} from '../../../../test/helpers/factories.ts';
import { documentXml } from '../letters/samples.ts';

let t: TestApp;
let office: Client;
let handler: Client;
let otherUnit: Client;
let city: number;
let education: number;

before(async () => {
  t = await createTestApp();
  // Replies here go out directly: this file is not about 审核签发 (signoff.db.test.ts is).
  await setSignoffChain(t.db, '济宁市人民政府', 'none');
  city = await orgIdByName(t.db, '济宁市人民政府');
  education = await orgIdByName(t.db, '市教育局');
  office = await t.as('t_office');
  handler = await t.as('t_handler');
  otherUnit = await t.as('t_handler2');
});
after(() => t.close());

async function assignedCase(): Promise<number> {
  const id = await registerCase(
    office,
    applicationBody(city, { description: '请提供该批复全文', applicant: { address: '济宁市任城区某路1号' } }),
  );
  await actOn(office, id, { action: 'assign', on: '2024-02-09', unitId: education });
  return id;
}

async function actOn(c: Client, id: number, body: Record<string, unknown>) {
  const r = await c.send('POST', `/api/requests/${id}/actions`, body);
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
}

test('a case still being handled cannot be exported (409 with a stable code)', async () => {
  const id = await assignedCase();
  const r = await office.get(`/api/requests/${id}/export.zip`);
  assert.equal(r.statusCode, 409);
  assert.equal(r.json().error.code, 'CASE_ACTION_NOT_ALLOWED');
  assert.match(r.json().error.message, /办理中.*导出案卷/);
  const audits = await t.db
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', 'request.export')
    .where('subject_id', '=', String(id))
    .execute();
  assert.equal(audits.length, 0);
});

test('the office exports a finished case: the Chinese index, the letters and case.json, audited', async () => {
  const id = await assignedCase();
  await actOn(handler, id, {
    action: 'request-correction',
    on: '2024-02-19',
    items: '请明确所需批复的项目名称',
    deadlineDate: '2024-03-01',
  });
  await actOn(handler, id, { action: 'receive-correction', on: '2024-02-26', text: '项目为城北小学' });
  const replied = await actOn(handler, id, {
    action: 'reply',
    on: '2024-03-07',
    outcome: 'PARTIAL',
    groundCode: 'THIRD_PARTY_RIGHTS',
    text: '部分公开，涉及第三方商业秘密部分不予公开',
  });
  const caseNo: string = replied.case.caseNo;

  const r = await office.get(`/api/requests/${id}/export.zip`);
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(r.headers['content-type'], 'application/zip');
  assert.ok(String(r.headers['content-disposition']).includes(encodeURIComponent(`案卷-${caseNo}.zip`)));
  const zip = unzipSync(new Uint8Array(r.rawPayload));
  assert.deepEqual(Object.keys(zip).sort(), [
    '00-案卷目录.txt',
    '03-文书/01-政府信息公开申请补正告知书.docx',
    '03-文书/02-政府信息部分公开告知书.docx',
    'case.json',
  ]);

  const index = strFromU8(zip['00-案卷目录.txt'] as Uint8Array);
  for (const expected of [
    `申请编号：${caseNo}`,
    '受理机关：济宁市人民政府',
    '承办单位：市教育局',
    '申请人：张三丰（自然人）',
    '办理阶段：已答复',
    '处理结果：部分公开（保护第三方合法权益）',
    '2024年2月19日  补正告知  办理人：t_handler',
    '补正事项：请明确所需批复的项目名称；补正期限：2024年3月1日',
    '承办单位：市教育局',
    '文书：03-文书/01-政府信息公开申请补正告知书.docx',
    '答复类型：部分公开（保护第三方合法权益）',
    '03-文书/02-政府信息部分公开告知书.docx  政府信息部分公开告知书',
  ]) {
    assert.ok(index.includes(expected), `index.txt lacks ${expected}\n${index}`);
  }

  const json = JSON.parse(strFromU8(zip['case.json'] as Uint8Array));
  assert.equal(json.case.caseNo, caseNo);
  assert.equal(json.case.applicant.name, '张三丰');
  assert.deepEqual(
    json.events.map((e: { type: string }) => e.type),
    ['submit', 'assign', 'request-correction', 'receive-correction', 'reply'],
  );
  assert.deepEqual(
    json.letters.map((l: { file: string }) => l.file),
    ['03-文书/01-政府信息公开申请补正告知书.docx', '03-文书/02-政府信息部分公开告知书.docx'],
  );
  const reply = documentXml(zip['03-文书/02-政府信息部分公开告知书.docx'] as Uint8Array);
  assert.ok(reply.includes('张三丰'));
  assert.ok(reply.includes('第三十七条'));

  const audit = await t.db
    .selectFrom('audit_log')
    .select(['actor_id', 'after'])
    .where('action', '=', 'request.export')
    .where('subject_id', '=', String(id))
    .executeTakeFirstOrThrow();
  assert.equal((audit.after as { letters: number }).letters, 2);

  await actOn(office, id, { action: 'archive', on: '2024-03-08' });
  const archived = await office.get(`/api/requests/${id}/export.zip`);
  assert.equal(archived.statusCode, 200, 'an archived case can still be exported');
  assert.ok(
    strFromU8(unzipSync(new Uint8Array(archived.rawPayload))['00-案卷目录.txt'] as Uint8Array).includes(
      '已归档',
    ),
  );
});

test('only the disclosure office of the agency exports; another unit does not even see the case', async () => {
  const id = await assignedCase();
  await actOn(office, id, { action: 'withdraw', on: '2024-02-10' });
  assert.equal((await handler.get(`/api/requests/${id}/export.zip`)).statusCode, 403);
  assert.equal((await otherUnit.get(`/api/requests/${id}/export.zip`)).statusCode, 404);
  const closed = await office.get(`/api/requests/${id}/export.zip`);
  assert.equal(closed.statusCode, 200, 'a closed case (withdrawn) can be exported');
  const zip = unzipSync(new Uint8Array(closed.rawPayload));
  assert.deepEqual(
    Object.keys(zip).sort(),
    ['00-案卷目录.txt', 'case.json'],
    'no letters for a withdrawn case',
  );
});
