import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';
import { BROKEN_PDF, makeDocx, makePdf, makeXlsx } from './testing.ts';

let t: TestApp;
let handler: Client;
let education: number;

before(async () => {
  t = await createTestApp();
  handler = await t.as('t_handler');
  education = await orgIdByName(t.db, '市教育局');
});
after(() => t.close());

async function upload(c: Client, name: string, bytes: Uint8Array): Promise<number> {
  const boundary = '----gk-doc-test';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.from(bytes),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await c.send('POST', '/api/files', body, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().items[0].id;
}

async function newDraft(): Promise<number> {
  const res = await handler.send('POST', '/api/documents', {
    title: '关于做好学生资助工作的通知',
    orgId: education,
    genre: 'notice',
    writtenDate: '2025-04-01',
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().id;
}

test('docx, pdf, xlsx and txt attachments are extracted; a malformed pdf is refused clearly and breaks nothing', async () => {
  const id = await newDraft();
  const files = {
    docx: await upload(
      handler,
      '资助办法.docx',
      await makeDocx(['家庭经济困难学生认定办法', '国家助学金每生每年2000元']),
    ),
    pdf: await upload(handler, '申请表.pdf', await makePdf(['学生资助申请表', '生源地信用助学贷款'])),
    xlsx: await upload(
      handler,
      '名额分配.xlsx',
      await makeXlsx([
        ['学校', '名额'],
        ['济宁一中', 120],
      ]),
    ),
    txt: await upload(handler, '说明.txt', new TextEncoder().encode('资助政策咨询电话 0537-1234567')),
    broken: await upload(handler, '损坏.pdf', BROKEN_PDF),
  };
  const ok: Record<string, string> = {};
  for (const [k, fileId] of Object.entries(files)) {
    if (k === 'broken') continue;
    const res = await handler.send('POST', `/api/documents/${id}/attachments`, { fileId });
    assert.equal(res.statusCode, 200, `${k}: ${res.body}`);
    assert.equal(res.json().hasText, true, k);
    ok[k] = res.json().name;
  }
  const broken = await handler.send('POST', `/api/documents/${id}/attachments`, { fileId: files.broken });
  assert.equal(broken.statusCode, 422);
  assert.equal(broken.json().error.code, 'DOC_ATTACHMENT_UNREADABLE');
  assert.match(broken.json().error.message, /附件“损坏\.pdf”无法读取：PDF文件已损坏/);

  const rows = await t.db
    .selectFrom('document_attachments')
    .select(['name', 'text_content'])
    .where('document_id', '=', id)
    .orderBy('sort_order')
    .execute();
  assert.equal(rows.length, 4);
  const text = Object.fromEntries(rows.map((r) => [r.name, r.text_content]));
  assert.match(text['资助办法.docx'] ?? '', /国家助学金每生每年2000元/);
  assert.match(text['申请表.pdf'] ?? '', /生源地信用助学贷款/);
  assert.match(text['名额分配.xlsx'] ?? '', /济宁一中\t120/);
  assert.match(text['说明.txt'] ?? '', /0537-1234567/);
  const detail = (await handler.get(`/api/documents/${id}`)).json();
  assert.equal(detail.attachments.length, 4);
  // The attachment text is searchable (search vector refreshed).
  const sv = await t.db
    .selectFrom('documents')
    .select('search_vector')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.ok(sv.search_vector && sv.search_vector.length > 0);
});

test('interpretations: each form validated, sanitised, listed, edited and deleted', async () => {
  const id = await newDraft();
  const bad = await handler.send('POST', `/api/documents/${id}/interpretations`, {
    kind: 'video',
    title: '视频',
    videoUrl: 'javascript:alert(1)',
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.fields[0].path, 'videoUrl');
  const graphicNoImage = await handler.send('POST', `/api/documents/${id}/interpretations`, {
    kind: 'graphic',
    title: '图解',
  });
  assert.equal(graphicNoImage.statusCode, 400);
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
  const img = await upload(handler, '图解.png', png);
  const graphic = await handler.send('POST', `/api/documents/${id}/interpretations`, {
    kind: 'graphic',
    title: '一图读懂学生资助',
    imageFileId: img,
  });
  assert.equal(graphic.statusCode, 200, graphic.body);
  const text = await handler.send('POST', `/api/documents/${id}/interpretations`, {
    kind: 'followup',
    title: '后续解读',
    bodyHtml: '<p>执行中的问题<img src=x onerror=alert(1)></p>',
  });
  assert.equal(text.statusCode, 200, text.body);
  assert.doesNotMatch(text.json().bodyHtml, /onerror|<img/);
  const list = (await handler.get(`/api/documents/${id}/interpretations`)).json();
  assert.deepEqual(
    list.items.map((i: { kindLabel: string }) => i.kindLabel),
    ['图解', '后续解读'],
  );
  const patched = await handler.send('PATCH', `/api/documents/${id}/interpretations/${text.json().id}`, {
    kind: 'followup',
    title: '后续解读（二）',
    bodyHtml: '<p>新</p>',
  });
  assert.equal(patched.json().title, '后续解读（二）');
  assert.equal(
    (await handler.send('DELETE', `/api/documents/${id}/interpretations/${graphic.json().id}`)).statusCode,
    200,
  );
});
