import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../test/helpers/app.ts';

let t: TestApp;
let staff: Client;
before(async () => {
  t = await createTestApp(); // upload limit 1 MB in tests
  staff = await t.as('t_handler');
});
after(() => t.close());

test('portal and console pages carry a CSP without inline script, and the other security headers', {
  timeout: 60_000,
}, async () => {
  for (const url of ['/', '/gk/guide', '/api/auth/me']) {
    const res = await t.app.inject({ method: 'GET', url });
    const csp = String(res.headers['content-security-policy'] ?? '');
    const scripts = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
    assert.equal(scripts, "'self'", `${url}: scripts only from this origin`);
    assert.doesNotMatch(csp, /unsafe-eval/);
    assert.match(csp, /object-src 'none'/);
    assert.match(csp, /frame-ancestors 'self'/);
    assert.match(csp, /style-src 'self' 'unsafe-inline'/);
    assert.equal(res.headers['referrer-policy'], 'same-origin');
    assert.match(String(res.headers['permissions-policy']), /camera=\(\).*geolocation=\(\)/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  }
});

test('HSTS only behind https: a trusted proxy saying so, never a forged header', {
  timeout: 60_000,
}, async () => {
  const plain = await t.app.inject({ method: 'GET', url: '/' });
  assert.equal(plain.headers['strict-transport-security'], undefined);
  const forged = await t.app.inject({ method: 'GET', url: '/', headers: { 'x-forwarded-proto': 'https' } });
  assert.equal(forged.headers['strict-transport-security'], undefined, 'no proxy is trusted by default');
  const behind = await createTestApp({ env: { GONGKAI_TRUST_PROXY: '127.0.0.1' } });
  try {
    const https = await behind.app.inject({
      method: 'GET',
      url: '/',
      headers: { 'x-forwarded-proto': 'https' },
    });
    assert.match(String(https.headers['strict-transport-security']), /^max-age=\d{7,}/);
  } finally {
    await behind.close();
  }
});

function multipart(files: { name: string; content: Buffer }[]) {
  const boundary = '----gongkai-test-boundary';
  const parts = files.map(({ name, content }) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`,
      ),
      content,
      Buffer.from('\r\n'),
    ]),
  );
  return {
    body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

test('too many files, a file too large and a form too large each have their own message', {
  timeout: 60_000,
}, async () => {
  const eleven = Array.from({ length: 11 }, (_, i) => ({
    name: `第${i + 1}份.txt`,
    content: Buffer.from(`政务公开${i}`),
  }));
  const many = multipart(eleven);
  const tooMany = await staff.send('POST', '/api/files', many.body, many.headers);
  assert.equal(tooMany.statusCode, 413);
  assert.deepEqual(tooMany.json().error, {
    code: 'UPLOAD_TOO_MANY_FILES',
    message: '一次上传的文件过多，每次最多上传10个文件，请分批上传。',
  });

  const big = multipart([{ name: '大文件.txt', content: Buffer.alloc(1024 * 1024 + 10, 0x41) }]);
  const tooLarge = await staff.send('POST', '/api/files', big.body, big.headers);
  assert.equal(tooLarge.statusCode, 413);
  assert.equal(tooLarge.json().error.code, 'UPLOAD_TOO_LARGE');
  assert.match(tooLarge.json().error.message, /单个文件不能超过1MB/);

  const form = await staff.send(
    'POST',
    '/api/auth/login',
    JSON.stringify({ username: 'x', password: 'y'.repeat(1024 * 1024 + 10) }),
    { 'content-type': 'application/json' },
  );
  assert.equal(form.statusCode, 413);
  assert.equal(form.json().error.code, 'FORM_TOO_LARGE');
  assert.match(form.json().error.message, /提交的内容过多（超过1MB）/);
});

test('headers too large (too many cookies) get a Chinese 431 page', { timeout: 60_000 }, async () => {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as net.AddressInfo;
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(`GET / HTTP/1.1\r\nHost: localhost\r\nCookie: big=${'x'.repeat(20_000)}\r\n\r\n`);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', (err) =>
      chunks.length ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(err),
    );
  });
  assert.match(answer, /^HTTP\/1\.1 431 /);
  assert.match(answer, /content-type: text\/html; charset=utf-8/i);
  assert.match(answer, /<html lang="zh-CN">/);
  assert.match(answer, /请求信息过大/);
  assert.match(answer, /清除本网站的 Cookie/);
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  assert.equal(Number(/content-length: (\d+)/i.exec(head)?.[1]), Buffer.byteLength(body));
});
