import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';

let t: TestApp;
let staff: Client;
before(async () => {
  t = await createTestApp(); // upload limit 1 MB in tests
  staff = await t.as('t_handler');
});
after(() => t.close());

function multipart(name: string, content: Buffer): { body: Buffer; headers: Record<string, string> } {
  const boundary = '----gongkai-test-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function blobs(): Promise<string[]> {
  const dir = path.join(t.dataDir, 'files');
  const out: string[] = [];
  for (const sub of await readdir(dir).catch(() => [] as string[])) {
    if (sub === 'tmp') continue;
    out.push(...(await readdir(path.join(dir, sub))));
  }
  return out;
}

const fileRows = async () => (await t.db.selectFrom('files').select('id').execute()).length;

test('a PDF is stored, audited and downloadable', async () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20)]);
  const { body, headers } = multipart('答复书.pdf', pdf);
  const res = await staff.send('POST', '/api/files', body, headers);
  assert.equal(res.statusCode, 200, res.body);
  const [file] = res.json().items;
  assert.equal(file.name, '答复书.pdf');
  assert.equal(file.mime, 'application/pdf');
  assert.equal(file.size, pdf.length);
  const download = await staff.get(`/api/files/${file.id}`);
  assert.equal(download.statusCode, 200);
  assert.equal(download.rawPayload.length, pdf.length);
  const audit = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject_type', '=', 'file')
    .execute();
  assert.deepEqual(audit, [{ action: 'file.upload' }]);
});

test('an oversize upload is refused with the limit named, and leaves nothing behind', async () => {
  const rowsBefore = await fileRows();
  const blobsBefore = await blobs();
  const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1024 * 1024 + 10, 0x20)]);
  const { body, headers } = multipart('大文件.pdf', big);
  const res = await staff.send('POST', '/api/files', body, headers);
  assert.equal(res.statusCode, 413);
  assert.deepEqual(res.json().error, {
    code: 'UPLOAD_TOO_LARGE',
    message: '上传的文件过大，单个文件不能超过1MB。',
  });
  assert.equal(await fileRows(), rowsBefore);
  assert.deepEqual(await blobs(), blobsBefore);
});

test('a program disguised as a PDF is refused by its content', async () => {
  const rowsBefore = await fileRows();
  const { body, headers } = multipart('通知.pdf', Buffer.from('MZ\x90\x00this is not a pdf'));
  const res = await staff.send('POST', '/api/files', body, headers);
  assert.equal(res.statusCode, 415);
  assert.equal(res.json().error.code, 'UPLOAD_TYPE_NOT_ALLOWED');
  assert.match(res.json().error.message, /通知\.pdf/);
  assert.equal(await fileRows(), rowsBefore);
});

test('uploading needs a signed-in user', async () => {
  const anon = await t.anonymous();
  const { body, headers } = multipart('a.txt', Buffer.from('政务公开'));
  assert.equal((await anon.send('POST', '/api/files', body, headers)).statusCode, 401);
});

test('a file is downloadable here only by its uploader', async () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 0x20)]);
  const { body, headers } = multipart('个人信息.pdf', pdf);
  const id = (await staff.send('POST', '/api/files', body, headers)).json().items[0].id;
  const other = await t.as('t_handler2');
  assert.equal((await other.get(`/api/files/${id}`)).statusCode, 404);
  assert.equal((await staff.get(`/api/files/${id}`)).statusCode, 200);
});
