// 案卷材料 (issue 16 items 5 and 6): a paper application registered with its scanned letter and the
// applicant's identity paper; a reply 予以公开 carrying the released information (an upload and a document of
// the library) — listed in the reply letter, downloadable by the applicant with the tracking code — and the
// case-file export holding all of it with the assistance answer's file, under a Chinese index.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { applicationBody, orgIdByName, setSignoffChain } from '../../../test/helpers/factories.ts';
import { documentXml } from './letters/samples.ts';

let t: TestApp;
let office: Client;
let handler: Client;
let otherUnit: Client;
let city: number;
let education: number;
let finance: number;

before(
  async () => {
    t = await createTestApp();
    // Replies here go out directly: this file is about the files, not 审核签发 (signoff.db.test.ts is).
    await setSignoffChain(t.db, '济宁市人民政府', 'none');
    city = await orgIdByName(t.db, '济宁市人民政府');
    education = await orgIdByName(t.db, '市教育局');
    finance = await orgIdByName(t.db, '市财政局');
    [office, handler, otherUnit] = await Promise.all([
      t.as('t_office'),
      t.as('t_handler'),
      t.as('t_handler2'),
    ]);
  },
  { timeout: 60_000 },
);
after(() => t.close());

const PDF = Buffer.from('%PDF-1.4\n% scanned letter\n');
const JPG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);

async function upload(c: Client, name: string, bytes: Buffer): Promise<number> {
  const boundary = '----gk-case-files';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await c.send('POST', '/api/files', body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items[0].id;
}

const act = async (c: Client, id: number, body: Record<string, unknown>) =>
  c.send('POST', `/api/requests/${id}/actions`, body);
const actOk = async (c: Client, id: number, body: Record<string, unknown>) => {
  const r = await act(c, id, body);
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
};

test('a paper application is registered with its scanned letter and identity paper; only the right files', {
  timeout: 60_000,
}, async () => {
  const scan = await upload(office, '来信扫描.pdf', PDF);
  const idCopy = await upload(office, '身份证复印件.jpg', JPG);
  const text = await upload(office, '说明.txt', Buffer.from('纯文本'));
  const foreign = await upload(otherUnit, '别人的.pdf', PDF);
  const body = (files: unknown) => ({
    ...applicationBody(city, { subject: '城北小学新建项目批复' }),
    channel: 'post-signed',
    files,
  });

  // A text file is no scan; someone else's upload cannot be named: 400 in Chinese, no case.
  const before = (
    await t.db.selectFrom('requests').select(t.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  ).n;
  let r = await office.send('POST', '/api/requests', body([{ fileId: text, kind: 'supporting' }]));
  assert.equal(r.statusCode, 400, r.body);
  assert.deepEqual(r.json().error.fields, [
    { path: 'files', message: '申请材料只能是PDF、OFD、图片或Word文件' },
  ]);
  r = await office.send('POST', '/api/requests', body([{ fileId: foreign, kind: 'letter-scan' }]));
  assert.equal(r.statusCode, 400, r.body);
  assert.match(r.json().error.fields[0].message, /本人上传/);
  r = await office.send('POST', '/api/requests', body([{ fileId: scan, kind: 'photo' }]));
  assert.equal(r.statusCode, 400, r.body);
  const after = (
    await t.db.selectFrom('requests').select(t.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  ).n;
  assert.equal(Number(after), Number(before), 'nothing registered');

  r = await office.send(
    'POST',
    '/api/requests',
    body([
      { fileId: scan, kind: 'letter-scan' },
      { fileId: idCopy, kind: 'identity' },
    ]),
  );
  assert.equal(r.statusCode, 200, r.body);
  const d = r.json();
  assert.deepEqual(
    d.files.map((f: { name: string; group: string; groupLabel: string; label: string }) => [
      f.name,
      f.groupLabel,
      f.label,
    ]),
    [
      ['来信扫描.pdf', '申请材料', '申请书（信函）扫描件'],
      ['身份证复印件.jpg', '申请材料', '身份证明'],
    ],
  );
  const id: number = d.case.id;
  const file = await office.get(`/api/requests/${id}/files/${scan}`);
  assert.equal(file.statusCode, 200);
  assert.equal(file.headers['content-type'], 'application/pdf');
  assert.equal(file.rawPayload.toString('latin1'), PDF.toString('latin1'));
  // Another unit does not see the case at all; a file the case does not name is not served through it.
  assert.equal((await otherUnit.get(`/api/requests/${id}/files/${scan}`)).statusCode, 404);
  assert.equal((await office.get(`/api/requests/${id}/files/${text}`)).statusCode, 404);
  // The handling unit handles the case with the applicant's papers.
  await actOk(office, id, { action: 'assign', on: '2024-02-09', unitId: education });
  assert.equal((await handler.get(`/api/requests/${id}`)).json().files.length, 2);
  assert.equal((await handler.get(`/api/requests/${id}/files/${idCopy}`)).statusCode, 200);
  const audited = await t.db
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', 'request.file_download')
    .where('subject_id', '=', String(id))
    .execute();
  assert.equal(audited.length, 2, 'every download audited');
});

test('a reply 予以公开 releases an upload and a library document: letter, tracking page, case-file export', {
  timeout: 120_000,
}, async () => {
  // A document of 市教育局's library with an attachment.
  const doc = await handler.send('POST', '/api/documents', {
    title: '关于城北小学新建项目的批复',
    orgId: education,
    genre: 'notice',
    writtenDate: '2023-05-10',
    docNumber: '济教字〔2023〕12号',
    bodyHtml: '<p>同意城北小学新建项目。</p>',
  });
  assert.equal(doc.statusCode, 200, doc.body);
  const documentId: number = doc.json().id;

  // An online application, so that the applicant can track it.
  const submitted = await t.anonymous();
  const form = await submitted.get('/gk/apply/form');
  assert.equal(form.statusCode, 200);
  const { submitOnline } = await import('./service.ts');
  const { applicant } = await import('../../../test/helpers/factories.ts');
  const { row, password } = await submitOnline(
    t.db,
    {
      orgId: city,
      applicant: applicant({ name: '王五' }),
      request: { subject: '城北小学新建项目批复', description: '请提供批复全文' },
      submissionKey: null,
    } as Parameters<typeof submitOnline>[1],
    '2024-02-08',
  );
  const id = row.id;
  await actOk(office, id, { action: 'confirm-receipt', on: '2024-02-08' });
  await actOk(office, id, { action: 'assign', on: '2024-02-09', unitId: education, handlerId: null });

  // Assistance from 市财政局 with a file of its own.
  await actOk(handler, id, {
    action: 'assist-request',
    on: '2024-02-10',
    unitId: finance,
    kind: 'investigation',
    question: '请提供项目资金安排',
    dueOn: '2024-02-20',
  });
  const tasks = (await otherUnit.get('/api/requests/assistance?status=open')).json().items;
  const task = tasks.find((x: { requestId: number }) => x.requestId === id);
  assert.ok(task);
  const assistFile = await upload(otherUnit, '资金安排.pdf', PDF);
  const answered = await otherUnit.send('POST', `/api/requests/assistance/${task.id}/reply`, {
    text: '资金已安排',
    fileIds: [assistFile],
    on: '2024-02-12',
  });
  assert.equal(answered.statusCode, 200, answered.body);

  const released = await upload(handler, '项目批复附件.pdf', PDF);
  // Only 予以公开/部分公开 carry released information; a document out of the handler's view is refused.
  let r = await act(handler, id, {
    action: 'reply',
    on: '2024-02-20',
    outcome: 'NOT_EXIST',
    text: '经检索没有',
    releasedFileIds: [released],
  });
  assert.equal(r.statusCode, 400, r.body);
  assert.match(r.json().error.fields[0].message, /予以公开或部分公开/);
  const foreignDoc = await otherUnit.send('POST', '/api/documents', {
    title: '市财政局内部文件',
    orgId: finance,
    genre: 'notice',
    writtenDate: '2023-05-10',
  });
  assert.equal(foreignDoc.statusCode, 200, foreignDoc.body);
  r = await act(handler, id, {
    action: 'reply',
    on: '2024-02-20',
    outcome: 'DISCLOSE',
    text: '予以公开',
    releasedDocumentIds: [foreignDoc.json().id],
  });
  assert.equal(r.statusCode, 400, r.body);
  assert.equal(r.json().error.fields[0].path, 'releasedDocumentIds');

  const d = await actOk(handler, id, {
    action: 'reply',
    on: '2024-02-20',
    outcome: 'DISCLOSE',
    text: '现将批复随本答复书提供。',
    releasedFileIds: [released],
    releasedDocumentIds: [documentId],
  });
  assert.equal(d.case.stage, 'replied');
  assert.deepEqual(
    d.files.filter((f: { group: string }) => f.group === 'released').map((f: { name: string }) => f.name),
    ['项目批复附件.pdf'],
  );
  assert.deepEqual(d.releasedDocuments, [
    { documentId, title: '关于城北小学新建项目的批复', docNumber: '济教字〔2023〕12号', on: '2024-02-20' },
  ]);

  // The reply letter lists what it provides.
  const letter = d.letters.at(-1);
  const xml = documentXml(
    new Uint8Array((await handler.get(`/api/requests/${id}/letters/${letter.id}`)).rawPayload),
  );
  for (const line of [
    '随本答复书提供以下政府信息：',
    '1. 《关于城北小学新建项目的批复》（济教字〔2023〕12号）',
    '2. 项目批复附件.pdf',
  ]) {
    assert.ok(xml.includes(line), `the letter lacks ${line}`);
  }

  // The applicant's progress page lists both, downloadable with the page's token.
  const citizen = await t.anonymous();
  const page = await t.app.inject({
    method: 'POST',
    url: '/gk/apply/track',
    cookies: { ...citizen.cookies },
    remoteAddress: '198.51.100.201',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      _csrf: citizen.cookies.gk_csrf ?? '',
      code: row.tracking_code ?? '',
      password: password ?? '',
    }).toString(),
  });
  assert.equal(page.statusCode, 200, page.body);
  assert.match(page.body, /<h2>公开的政府信息<\/h2>/);
  const fileLink = /href="(\/gk\/apply\/track\/released\/\d+\?t=[^"]+)">项目批复附件\.pdf<\/a>/.exec(
    page.body,
  );
  const docLink =
    /href="(\/gk\/apply\/track\/released-documents\/\d+\?t=[^"]+)">《关于城北小学新建项目的批复》<\/a>/.exec(
      page.body,
    );
  assert.ok(fileLink && docLink, page.body);
  assert.doesNotMatch(page.body, /资金安排\.pdf/, 'the assistance answer is not the applicant’s');
  const got = await t.app.inject({ method: 'GET', url: (fileLink[1] as string).replaceAll('&amp;', '&') });
  assert.equal(got.statusCode, 200);
  assert.equal(got.rawPayload.toString('latin1'), PDF.toString('latin1'));
  const shown = await t.app.inject({ method: 'GET', url: (docLink[1] as string).replaceAll('&amp;', '&') });
  assert.equal(shown.statusCode, 200);
  assert.match(shown.body, /同意城北小学新建项目。/);
  assert.match(shown.body, /济教字〔2023〕12号/);
  // The same token does not open the assistance file, nor a file of no case.
  const token =
    new URL(`http://x${(fileLink[1] as string).replaceAll('&amp;', '&')}`).searchParams.get('t') ?? '';
  for (const other of [assistFile, 99_999]) {
    const refused = await t.app.inject({
      method: 'GET',
      url: `/gk/apply/track/released/${other}?t=${encodeURIComponent(token)}`,
    });
    assert.equal(refused.statusCode, 404);
  }

  // The case file: every group in its folder, listed in Chinese.
  const zipRes = await office.get(`/api/requests/${id}/export.zip`);
  assert.equal(zipRes.statusCode, 200, zipRes.body);
  const zip = unzipSync(new Uint8Array(zipRes.rawPayload));
  const names = Object.keys(zip).sort();
  assert.deepEqual(
    names,
    [
      '00-案卷目录.txt',
      '02-协助办理材料/01-资金安排.pdf',
      '03-文书/01-政府信息公开申请答复书.docx',
      '04-公开的政府信息/01-关于城北小学新建项目的批复.html',
      '04-公开的政府信息/02-项目批复附件.pdf',
      'case.json',
    ].sort(),
    names.join('\n'),
  );
  const index = strFromU8(zip['00-案卷目录.txt'] as Uint8Array);
  for (const expected of [
    '【申请材料】',
    '【协助办理材料】',
    '02-协助办理材料/01-资金安排.pdf  协助答复附件',
    '【公开的政府信息】',
    '04-公开的政府信息/01-关于城北小学新建项目的批复.html  《关于城北小学新建项目的批复》（济教字〔2023〕12号）',
    '公开的政府信息：《关于城北小学新建项目的批复》、项目批复附件.pdf',
  ]) {
    assert.ok(index.includes(expected), `the index lacks ${expected}\n${index}`);
  }
  assert.match(
    strFromU8(zip['04-公开的政府信息/01-关于城北小学新建项目的批复.html'] as Uint8Array),
    /同意城北小学新建项目/,
  );
});

test('the case file of a paper application holds the scanned letter and the identity paper', {
  timeout: 60_000,
}, async () => {
  const scan = await upload(office, '来信.pdf', PDF);
  const idCopy = await upload(office, '身份证.jpg', JPG);
  const r = await office.send('POST', '/api/requests', {
    ...applicationBody(city, { subject: '某路段拓宽工程批复' }),
    channel: 'in-person',
    files: [
      { fileId: scan, kind: 'letter-scan' },
      { fileId: idCopy, kind: 'identity' },
    ],
  });
  assert.equal(r.statusCode, 200, r.body);
  const id = r.json().case.id;
  await actOk(office, id, {
    action: 'reply',
    on: '2024-02-20',
    outcome: 'NOT_EXIST',
    text: '经检索，没有该信息。',
  });
  const zip = unzipSync(new Uint8Array((await office.get(`/api/requests/${id}/export.zip`)).rawPayload));
  assert.ok(zip['01-申请材料/01-申请书（信函）扫描件-来信.pdf']);
  assert.ok(zip['01-申请材料/02-身份证明-身份证.jpg']);
  const index = strFromU8(zip['00-案卷目录.txt'] as Uint8Array);
  assert.ok(index.includes('申请材料：申请书（信函）扫描件（来信.pdf）、身份证明（身份证.jpg）'), index);
  assert.ok(index.includes('【公开的政府信息】\r\n（无）'), index);
});
