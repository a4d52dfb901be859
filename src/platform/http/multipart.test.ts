import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerErrorHandler } from './error-handler.ts';
import { AppError } from './errors.ts';
import { readSingleUpload } from './multipart.ts';

const LIMIT_BYTES = 64;

let app: FastifyInstance;
before(async () => {
  app = Fastify({ logger: false });
  registerErrorHandler(app, { uploadLimitBytes: LIMIT_BYTES, maxFiles: 10 });
  await app.register(fastifyMultipart, { limits: { fileSize: LIMIT_BYTES, files: 10, fields: 3 } });
  app.post('/api/upload', async (req) => {
    const { file, fields } = await readSingleUpload(
      req,
      () => new AppError('VALIDATION_FAILED', {}, [{ path: 'file', message: '请选择要导入的 .xlsx 文件' }]),
    );
    return { name: file.name, text: file.bytes.toString('utf8'), fields };
  });
  await app.ready();
});
after(() => app.close());

type Part = { name: string; value: string; filename?: string };

async function send(parts: Part[] | null) {
  const boundary = 'gk-boundary';
  const payload =
    parts === null
      ? JSON.stringify({ a: 1 })
      : Buffer.concat([
          ...parts.map((p) =>
            Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"` +
                `${p.filename === undefined ? '' : `; filename="${p.filename}"`}\r\n` +
                `${p.filename === undefined ? '' : 'Content-Type: application/octet-stream\r\n'}\r\n${p.value}\r\n`,
            ),
          ),
          Buffer.from(`--${boundary}--\r\n`),
        ]);
  const r = await app.inject({
    method: 'POST',
    url: '/api/upload',
    payload,
    headers: {
      'content-type': parts === null ? 'application/json' : `multipart/form-data; boundary=${boundary}`,
    },
  });
  const body = r.json() as {
    name?: string;
    text?: string;
    fields?: Record<string, string>;
    error?: { code: string; message: string; fields?: { message: string }[] };
  };
  return { status: r.statusCode, body };
}

test('the one file of a form is read with its name (NFC) and the form text fields', {
  timeout: 10_000,
}, async () => {
  const decomposed = '计划'.concat('e\u0301', '.xlsx');
  const r = await send([
    { name: 'year', value: '2026' },
    { name: 'file', value: 'abc', filename: decomposed },
  ]);
  assert.equal(r.status, 200);
  assert.deepEqual(r.body, { name: '计划é.xlsx', text: 'abc', fields: { year: '2026' } });
});

test('what a form can be refused for, each in Chinese', { timeout: 10_000 }, async () => {
  const cases: { what: string; parts: Part[] | null; status: number; code: string; says: RegExp }[] = [
    {
      what: 'no file',
      parts: [{ name: 'year', value: '2026' }],
      status: 400,
      code: 'VALIDATION_FAILED',
      says: /请选择/,
    },
    {
      what: 'an empty file',
      parts: [{ name: 'file', value: '', filename: 'a.xlsx' }],
      status: 400,
      code: 'VALIDATION_FAILED',
      says: /请选择/,
    },
    {
      what: 'two files',
      parts: [
        { name: 'file', value: 'a', filename: 'a.xlsx' },
        { name: 'file', value: 'b', filename: 'b.xlsx' },
      ],
      status: 413,
      code: 'UPLOAD_TOO_MANY_FILES',
      says: /最多上传1个文件/,
    },
    {
      what: 'a file over the size limit',
      parts: [{ name: 'file', value: 'x'.repeat(LIMIT_BYTES + 1), filename: 'a.xlsx' }],
      status: 413,
      code: 'UPLOAD_TOO_LARGE',
      says: /文件过大/,
    },
    {
      what: 'too many fields',
      parts: ['a', 'b', 'c', 'd'].map((name) => ({ name, value: '1' })),
      status: 413,
      code: 'FORM_TOO_LARGE',
      says: /提交的内容过多/,
    },
    { what: 'not a form', parts: null, status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', says: /不支持/ },
  ];
  for (const c of cases) {
    const r = await send(c.parts);
    assert.equal(r.status, c.status, c.what);
    assert.equal(r.body.error?.code, c.code, c.what);
    const text = [r.body.error?.message ?? '', ...(r.body.error?.fields ?? []).map((f) => f.message)].join(
      ' ',
    );
    assert.match(text, c.says, c.what);
  }
});
