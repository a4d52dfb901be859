/**
 * An interpretation's image must be its writer's upload (file ids are sequential: an id alone proves
 * nothing); a colleague's image the interpretation already has is kept when its text is edited.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createTestUser, orgIdByName } from '../../../test/helpers/factories.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

async function upload(c: Client, name: string, bytes: Uint8Array): Promise<number> {
  const boundary = '----gk-file-refs';
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

test("another person's upload cannot be published as an interpretation's image; one's own can", {
  timeout: 60_000,
}, async () => {
  const handler = await t.as('t_handler');
  const other = await t.as('t_handler2');
  const doc = await handler.send('POST', '/api/documents', {
    title: '关于做好学生资助工作的通知',
    orgId: await orgIdByName(t.db, '市教育局'),
    genre: 'notice',
    writtenDate: '2025-04-01',
  });
  assert.equal(doc.statusCode, 200, doc.body);
  const id = doc.json().id;
  const foreign = await upload(other, '别人的图.png', PNG);
  const refused = await handler.send('POST', `/api/documents/${id}/interpretations`, {
    kind: 'graphic',
    title: '一图读懂',
    imageFileId: foreign,
  });
  assert.equal(refused.statusCode, 400, refused.body);
  assert.deepEqual(refused.json().error.fields, [
    { path: 'imageFileId', message: '只能使用您本人上传的文件，请重新上传' },
  ]);
  const missing = await handler.send('POST', `/api/documents/${id}/interpretations`, {
    kind: 'graphic',
    title: '一图读懂',
    imageFileId: 99_999_999,
  });
  assert.equal(missing.statusCode, 400);

  const own = await upload(handler, '图解.png', PNG);
  const ok = await handler.send('POST', `/api/documents/${id}/interpretations`, {
    kind: 'graphic',
    title: '一图读懂',
    imageFileId: own,
  });
  assert.equal(ok.statusCode, 200, ok.body);
  // A colleague editing the text keeps the image that is already there.
  await createTestUser(t.db, { username: 't_colleague', role: 'handler', org: '市教育局' });
  const colleague = await t.as('t_colleague');
  const edited = await colleague.send('PATCH', `/api/documents/${id}/interpretations/${ok.json().id}`, {
    kind: 'graphic',
    title: '一图读懂学生资助',
    imageFileId: own,
  });
  assert.equal(edited.statusCode, 200, edited.body);
  assert.equal(edited.json().imageFileId, own);
});
