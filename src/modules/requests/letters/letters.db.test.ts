import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import {
  actorOf,
  applicationBody,
  createTestUser,
  orgIdByName,
  registerCase,
  setSignoffChain,
} from '../../../../test/helpers/factories.ts';
import { blobExists } from '../../../platform/files/storage.ts';
import { act } from '../service.ts';
import { documentXml } from './samples.ts';
import { lettersForApplicant, readLetterFile } from './service.ts';
import { LETTER_KINDS } from './templates.ts';

let t: TestApp;
let office: Client;
let officeHead: Client;
let handler: Client;
let otherUnit: Client;
let admin: Client;
let city: number;
let education: number;

before(async () => {
  t = await createTestApp();
  // Replies here go out directly: this file is not about 审核签发 (signoff.db.test.ts is).
  await setSignoffChain(t.db, '济宁市人民政府', 'none');
  city = await orgIdByName(t.db, '济宁市人民政府');
  education = await orgIdByName(t.db, '市教育局');
  // 负责人 of the disclosure office: the only one who approves an extension.
  await createTestUser(t.db, {
    username: 't_office_head',
    displayName: '公开办负责人',
    role: 'approver',
    org: '市政府办公室',
  });
  office = await t.as('t_office');
  officeHead = await t.as('t_office_head');
  handler = await t.as('t_handler');
  otherUnit = await t.as('t_handler2');
  admin = await t.as('t_admin');
});
after(() => t.close());

async function newCase(): Promise<number> {
  return registerCase(office, applicationBody(city, { description: '请提供该批复全文' }));
}

async function actOn(c: Client, id: number, body: Record<string, unknown>) {
  const r = await c.send('POST', `/api/requests/${id}/actions`, body);
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
}

async function assigned(): Promise<number> {
  const id = await newCase();
  await actOn(office, id, { action: 'assign', on: '2024-02-09', unitId: education });
  return id;
}

type LetterJson = {
  id: number;
  eventId: number;
  kind: string;
  title: string;
  fileId: number;
  createdAt: string;
};

async function letterXml(c: Client, id: number, letterId: number): Promise<string> {
  const r = await c.get(`/api/requests/${id}/letters/${letterId}`);
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(
    r.headers['content-type'],
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  assert.match(String(r.headers['content-disposition']), /^attachment; filename\*=UTF-8''/);
  return documentXml(new Uint8Array(r.rawPayload));
}

test('every notice and the reply put their letter into the case file', async () => {
  const id = await assigned();
  await actOn(handler, id, {
    action: 'request-correction',
    on: '2024-02-19',
    items: '请明确所需批复的项目名称',
    deadlineDate: '2024-03-01',
  });
  await actOn(handler, id, { action: 'receive-correction', on: '2024-02-26', text: '城北小学' });
  await actOn(handler, id, {
    action: 'consult-send',
    on: '2024-02-27',
    consultationId: 'c1',
    party: 'third-party',
    name: '某建设有限公司',
  });
  await actOn(handler, id, {
    action: 'consult-reply',
    on: '2024-03-04',
    consultationId: 'c1',
    opinion: 'agree',
  });
  await actOn(officeHead, id, { action: 'extend', on: '2024-03-05', reason: '需要向多个单位调取材料' });
  await actOn(office, id, { action: 'fee-notice', on: '2024-03-06', method: 'per-page', quantity: 120 });
  await actOn(office, id, { action: 'fee-paid', on: '2024-03-07' });
  const d = await actOn(handler, id, {
    action: 'reply',
    on: '2024-03-08',
    outcome: 'DISCLOSE',
    text: '见附件。',
  });

  const kinds = d.letters.map((l: LetterJson) => l.kind);
  assert.deepEqual(kinds, ['correction', 'consultation', 'extension', 'fee', 'reply-DISCLOSE']);
  const byEvent = new Map(d.events.map((e: { id: number; type: string }) => [e.id, e.type]));
  assert.deepEqual(
    d.letters.map((l: LetterJson) => byEvent.get(l.eventId)),
    ['request-correction', 'consult-send', 'extend', 'fee-notice', 'reply'],
  );
  const listed = (await handler.get(`/api/requests/${id}/letters`)).json().items;
  assert.deepEqual(listed, d.letters);

  for (const l of d.letters as LetterJson[]) {
    const file = await t.db
      .selectFrom('files')
      .selectAll()
      .where('id', '=', l.fileId)
      .executeTakeFirstOrThrow();
    assert.match(file.name, /^2024-\d{6}-.+\.docx$/);
    assert.ok(await blobExists(t.dataDir, file.sha256));
  }
  const extension = await letterXml(handler, id, d.letters[2].id);
  assert.ok(extension.includes('需要向多个单位调取材料'));
  assert.ok(extension.includes(`${d.clock.replyDue.slice(0, 4)}年`), 'the extended deadline is printed');
  const fee = await letterXml(office, id, d.letters[3].id);
  assert.ok(fee.includes('人民币1100元'));
  const consultation = await letterXml(office, id, d.letters[1].id);
  assert.ok(consultation.includes('某建设有限公司：'));

  const audits = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject_id', '=', String(id))
    .where('action', '=', 'request.letter_create')
    .execute();
  assert.equal(audits.length, 5);
});

test('a reply letter names the applicant, the outcome’s article and the 60-day remedies', async () => {
  const id = await assigned();
  const d = await actOn(handler, id, {
    action: 'reply',
    on: '2024-02-20',
    outcome: 'DISCLOSE',
    text: '现将该批复全文随本答复书提供。',
  });
  assert.equal(d.letters.length, 1);
  const xml = await letterXml(handler, id, d.letters[0].id);
  assert.ok(xml.includes('张三丰：'));
  assert.ok(xml.includes('第三十六条第二项'));
  assert.ok(xml.includes('现将该批复全文随本答复书提供。'));
  assert.ok(xml.includes('自知道或者应当知道该行政行为之日起六十日内向有管辖权的行政复议机关申请行政复议'));
  assert.ok(xml.includes('六个月内向有管辖权的人民法院提起行政诉讼'));
  assert.ok(xml.includes('济宁市人民政府'));
  assert.ok(xml.includes('2024年2月20日'));
  assert.match(xml, /依申请公开〔2024〕第\d{6}号/);
});

test('a WITHHOLD letter gives the ground and says administrative review must come first', async () => {
  const id = await assigned();
  const d = await actOn(handler, id, {
    action: 'reply',
    on: '2024-02-20',
    outcome: 'WITHHOLD',
    groundCode: 'THIRD_PARTY_RIGHTS',
    text: '该信息含有第三方商业秘密，第三方不同意公开。',
  });
  const xml = await letterXml(office, id, d.letters[0].id);
  assert.ok(xml.includes('政府信息不予公开告知书'));
  assert.ok(xml.includes('第十五条'));
  assert.ok(xml.includes('第三十六条第三项'));
  assert.ok(xml.includes('依照《中华人民共和国行政复议法》第二十三条第一款第四项的规定，应当先'));
  assert.ok(
    xml.includes('对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内向人民法院提起行政诉讼'),
  );
});

test('a user of another unit can neither list nor download the letters', async () => {
  const id = await assigned();
  const d = await actOn(handler, id, {
    action: 'reply',
    on: '2024-02-20',
    outcome: 'NOT_EXIST',
    text: '经检索。',
  });
  const letterId = d.letters[0].id;
  assert.equal((await otherUnit.get(`/api/requests/${id}/letters`)).statusCode, 404);
  const r = await otherUnit.get(`/api/requests/${id}/letters/${letterId}`);
  assert.equal(r.statusCode, 404);
  assert.equal(r.json().error.code, 'NOT_FOUND');
  const otherId = await newCase();
  assert.equal(
    (await office.get(`/api/requests/${otherId}/letters/${letterId}`)).statusCode,
    404,
    'a letter is only reachable through its own case',
  );
  assert.equal((await admin.get(`/api/requests/${id}/letters/${letterId}`)).statusCode, 200);
  const downloads = await t.db
    .selectFrom('audit_log')
    .select('actor_id')
    .where('action', '=', 'request.letter_download')
    .where('subject_id', '=', String(id))
    .execute();
  assert.equal(downloads.length, 1);
});

test('templates: listed for office and admin, unknown placeholders refused, a saved text used next time', async () => {
  const list = await office.get('/api/requests/letter-templates');
  assert.equal(list.statusCode, 200, list.body);
  const items = list.json().items;
  assert.deepEqual(
    items.map((i: { kind: string }) => i.kind),
    [...LETTER_KINDS],
  );
  assert.ok(items.every((i: { custom: boolean }) => !i.custom));
  assert.equal((await admin.get('/api/requests/letter-templates')).statusCode, 200);
  assert.equal((await handler.get('/api/requests/letter-templates')).statusCode, 403);

  const bad = await office.send('PUT', '/api/requests/letter-templates/reply-NOT_EXIST', {
    title: '政府信息不存在告知书',
    body: '{{applicantName}}：\n{{申请人}}经检索，该信息不存在。',
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'VALIDATION_FAILED');
  assert.match(bad.json().error.fields[0].message, /未知的占位符“\{\{申请人\}\}”/);
  const misplaced = await office.send('PUT', '/api/requests/letter-templates/correction', {
    title: '补正告知书',
    body: '{{applicantName}}：请缴纳{{amount}}元。',
  });
  assert.equal(misplaced.statusCode, 400);
  assert.match(misplaced.json().error.fields[0].message, /\{\{信息处理费金额（元）\}\}”不能用于补正告知书/);
  assert.equal(
    (await office.send('PUT', '/api/requests/letter-templates/nonsense', { title: 'a', body: 'b' }))
      .statusCode,
    404,
  );
  assert.equal(
    (await handler.send('PUT', '/api/requests/letter-templates/correction', { title: 'a', body: 'b' }))
      .statusCode,
    403,
  );
  const unchanged = await t.db.selectFrom('request_letter_templates').select('kind').execute();
  assert.equal(unchanged.length, 0, 'nothing saved by a refused request');

  const saved = await office.send('PUT', '/api/requests/letter-templates/reply-NOT_EXIST', {
    title: '政府信息不存在告知书',
    body: '{{applicantName}}：\n经本机关检索，您申请的“{{subject}}”不存在（{{article}}）。\n{{replyText}}',
  });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal(saved.json().custom, true);
  assert.equal(saved.json().updatedByName, 't_office');
  const audit = await t.db
    .selectFrom('audit_log')
    .select(['actor_id', 'before', 'after'])
    .where('action', '=', 'request.letter_template_update')
    .where('subject_id', '=', 'reply-NOT_EXIST')
    .executeTakeFirstOrThrow();
  assert.deepEqual(audit.before, { default: true });

  const id = await assigned();
  const d = await actOn(handler, id, {
    action: 'reply',
    on: '2024-02-20',
    outcome: 'NOT_EXIST',
    text: '特此告知。',
  });
  const xml = await letterXml(handler, id, d.letters[0].id);
  assert.ok(xml.includes('经本机关检索，您申请的“2023年城区学校新建项目批复”不存在（第三十六条第四项）。'));
  assert.ok(xml.includes('六十日内'), 'the remedies paragraph is still printed');
});

test('the applicant gets the notices addressed to them, never a consultation letter', async () => {
  const id = await assigned();
  await actOn(handler, id, {
    action: 'consult-send',
    on: '2024-02-19',
    consultationId: 'c1',
    party: 'agency',
    name: '市财政局',
  });
  await actOn(handler, id, {
    action: 'consult-reply',
    on: '2024-02-20',
    consultationId: 'c1',
    opinion: 'agree',
  });
  const d = await actOn(handler, id, {
    action: 'reply',
    on: '2024-02-21',
    outcome: 'DISCLOSE',
    text: '予以公开。',
  });
  assert.deepEqual(
    d.letters.map((l: LetterJson) => l.kind),
    ['consultation-agency', 'reply-DISCLOSE'],
  );
  const mine = await lettersForApplicant(t.db, id);
  assert.deepEqual(
    mine.map((l) => [l.kind, l.on]),
    [['reply-DISCLOSE', '2024-02-21']],
  );
  const file = await readLetterFile(t.db, t.dataDir, id, mine[0]?.id as number);
  assert.ok(file);
  assert.match(file.name, /\.docx$/);
  assert.ok(documentXml(new Uint8Array(file.data)).includes('张三丰'));
  assert.equal(await readLetterFile(t.db, t.dataDir, id, d.letters[0].id), null, 'consultation letter');
  assert.equal(await readLetterFile(t.db, t.dataDir, id + 1000, mine[0]?.id as number), null, 'another case');
});

test('without a data folder (seeds, CLI) an action makes no letter', async () => {
  const id = await assigned();
  const actor = await actorOf(t.db, 't_office');
  const detail = await act(
    t.db,
    actor,
    id,
    { action: 'reply', on: '2024-02-20', outcome: 'DISCLOSE', text: '予以公开。' },
    '2024-02-20',
  );
  assert.equal(detail?.row.stage, 'replied');
  const letters = await t.db
    .selectFrom('request_letters')
    .select('id')
    .where('request_id', '=', id)
    .execute();
  assert.equal(letters.length, 0);
});

test('templates are written with the placeholders’ Chinese names and kept with their codes', {
  timeout: 60_000,
}, async () => {
  const list = (await office.get('/api/requests/letter-templates')).json();
  const correction = list.items.find((i: { kind: string }) => i.kind === 'correction');
  assert.ok(
    correction.placeholders.some(
      (p: { name: string; label: string }) => p.name === 'applicantName' && p.label === '申请人姓名或名称',
    ),
    'each placeholder comes with its Chinese name',
  );
  const saved = await office.send('PUT', '/api/requests/letter-templates/correction', {
    title: '补正告知书',
    body: '{{申请人姓名或名称}}：\n请于{{补正期限}}前补正：{{需要补正的事项}}',
  });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal(saved.json().body, '{{applicantName}}：\n请于{{deadline}}前补正：{{items}}');
  const misplaced = await office.send('PUT', '/api/requests/letter-templates/correction', {
    title: '补正告知书',
    body: '{{申请人姓名或名称}}：请缴纳{{信息处理费金额（元）}}元。',
  });
  assert.equal(misplaced.statusCode, 400);
  assert.match(misplaced.json().error.fields[0].message, /可以使用的占位符：\{\{申请人姓名或名称\}\}/);
  await office.send('DELETE', '/api/requests/letter-templates/correction');
});
