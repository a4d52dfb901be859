import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers/app.ts';
import { TEST_TODAY } from '../../../test/helpers/clock.ts';
import { chinaDateOf, now } from '../../platform/time.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const auditCount = async (action: string) =>
  Number(
    (
      await t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n,
  );

test('a staff member logs in and sees who they are', async () => {
  const c = await t.as('t_handler');
  const me = await c.get('/api/auth/me');
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().user.orgName, '市教育局');
  assert.equal(me.json().user.role, 'handler');
  const session = (await c.get('/healthz')).cookies;
  assert.ok(session);
  assert.ok((await auditCount('auth.login')) >= 1);
});

test("login and /auth/me give the server's current instant by the platform clock (the console's today)", async () => {
  const c = await t.anonymous();
  const login = await c.send('POST', '/api/auth/login', { username: 't_office', password: TEST_PASSWORD });
  assert.equal(login.statusCode, 200);
  assert.equal(chinaDateOf(new Date(login.json().now)), TEST_TODAY);
  const me = (await c.get('/api/auth/me')).json();
  assert.equal(chinaDateOf(new Date(me.now)), TEST_TODAY, 'the test clock, not the wall clock');
  assert.ok(Math.abs(Date.parse(me.now) - now().getTime()) < 60_000);
});

test('the session cookie is httpOnly and SameSite, the CSRF cookie readable', async () => {
  const c = await t.anonymous();
  const res = await c.send('POST', '/api/auth/login', { username: 't_office', password: TEST_PASSWORD });
  const session = res.cookies.find((x) => x.name === 'gk_session');
  const csrf = res.cookies.find((x) => x.name === 'gk_csrf');
  assert.equal(session?.httpOnly, true);
  assert.equal(session?.sameSite, 'Lax');
  assert.equal(csrf?.httpOnly, undefined);
});

test('a wrong password gets a clear Chinese message and no session', async () => {
  const c = await t.anonymous();
  const res = await c.send('POST', '/api/auth/login', { username: 't_reviewer', password: 'wrong-password' });
  assert.equal(res.statusCode, 401);
  assert.deepEqual(res.json(), { error: { code: 'LOGIN_FAILED', message: '用户名或密码错误。' } });
  assert.equal(c.cookies.gk_session, undefined);
  assert.equal((await c.get('/api/auth/me')).statusCode, 401);
});

test('an unknown user is told the same as a wrong password', async () => {
  const c = await t.anonymous();
  const res = await c.send('POST', '/api/auth/login', { username: 'nobody', password: 'whatever-123' });
  assert.equal(res.statusCode, 401);
  assert.equal(res.json().error.code, 'LOGIN_FAILED');
});

/** A sign-in from `address` (the connection's address: what the server sees without a trusted proxy). */
const login = async (
  username: string,
  password: string,
  address: string,
  headers: Record<string, string> = {},
) => {
  const jar = (await t.anonymous()).cookies;
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: address,
    cookies: { ...jar },
    headers: { 'content-type': 'application/json', 'x-csrf-token': jar.gk_csrf ?? '', ...headers },
    payload: JSON.stringify({ username, password }),
  });
};

test('five failures from one address stop that name there, with one message for real and unknown names', async () => {
  for (const name of ['t_approver2', 'no_such_user']) {
    for (let i = 0; i < 5; i++) assert.equal((await login(name, 'bad-password', '10.1.1.1')).statusCode, 401);
    const sixth = await login(name, 'bad-password', '10.1.1.1');
    assert.equal(sixth.statusCode, 429);
    assert.equal(sixth.json().error.code, 'LOGIN_THROTTLED');
    assert.match(sixth.json().error.message, /^登录尝试次数过多，请15分钟后再试/);
  }
  // Even the right password is refused from there, and it says the same as for an unknown name.
  const right = await login('t_approver2', TEST_PASSWORD, '10.1.1.1');
  assert.equal(right.statusCode, 429);
  assert.equal(right.body, (await login('no_such_user', 'x', '10.1.1.1')).body);
  // The person at their own desk is not locked out by someone guessing elsewhere.
  assert.equal((await login('t_approver2', TEST_PASSWORD, '10.2.2.2')).statusCode, 200);
  assert.ok((await auditCount('auth.locked')) >= 1);
});

test('concurrent wrong passwords are counted before checking: no more than five are ever checked', async () => {
  const before = await auditCount('auth.login_failed');
  const all = await Promise.all(
    Array.from({ length: 30 }, () => login('t_reviewer2_missing_or_real', 'bad-password', '10.3.3.3')),
  );
  assert.equal(all.filter((r) => r.statusCode === 401).length, 5);
  assert.equal(all.filter((r) => r.statusCode === 429).length, 25);
  const real = await Promise.all(
    Array.from({ length: 30 }, () => login('t_handler2', 'bad-password', '10.4.4.4')),
  );
  assert.equal(real.filter((r) => r.statusCode === 401).length, 5);
  assert.equal(
    (await auditCount('auth.login_failed')) - before,
    5,
    'five real password checks on the account',
  );
});

test('a forged X-Forwarded-For does not give a new address (no proxy is trusted by default)', async () => {
  for (let i = 0; i < 5; i++)
    await login('t_approver', 'bad-password', '10.5.5.5', { 'x-forwarded-for': `192.0.2.${i}` });
  const next = await login('t_approver', 'bad-password', '10.5.5.5', { 'x-forwarded-for': '198.51.100.7' });
  assert.equal(next.statusCode, 429);
});

test('a request without or with a forged CSRF token is refused and changes nothing', async () => {
  const admin = await t.as('t_admin');
  const before = await t.db.selectFrom('orgs').select('id').execute();
  const city = await t.db
    .selectFrom('orgs')
    .select('id')
    .where('name', '=', '济宁市人民政府')
    .executeTakeFirstOrThrow();
  const body = { parentId: city.id, name: '市测试局', kind: 'department' };
  const noHeader = await admin.send('POST', '/api/orgs', body, { 'x-csrf-token': '' });
  assert.equal(noHeader.statusCode, 403);
  assert.equal(noHeader.json().error.code, 'CSRF_INVALID');
  const forged = await admin.send('POST', '/api/orgs', body, { 'x-csrf-token': 'forged-token-value' });
  assert.equal(forged.statusCode, 403);
  assert.equal((await t.db.selectFrom('orgs').select('id').execute()).length, before.length);
});

test('an expired session gets its own message', async () => {
  const c = await t.as('t_reviewer');
  await t.db
    .updateTable('sessions')
    .set({ expires_at: new Date(Date.now() - 1000) })
    .execute();
  const res = await c.get('/api/auth/me');
  assert.equal(res.statusCode, 401);
  assert.deepEqual(res.json().error, { code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录。' });
});

test('logging out ends the session on the server', async () => {
  const c = await t.as('t_office');
  const token = c.cookies.gk_session;
  assert.equal((await c.send('POST', '/api/auth/logout')).statusCode, 200);
  const replay = await t.app.inject({
    method: 'GET',
    url: '/api/auth/me',
    cookies: { gk_session: token ?? '' },
  });
  assert.equal(replay.statusCode, 401);
});

test('bad requests get 400 with field messages, never a stack trace', async () => {
  const c = await t.anonymous();
  const malformed = await c.send('POST', '/api/auth/login', '{"username": ', {
    'content-type': 'application/json',
  });
  assert.equal(malformed.statusCode, 400);
  assert.equal(malformed.json().error.code, 'BAD_REQUEST');
  const missing = await c.send('POST', '/api/auth/login', { username: '' });
  assert.equal(missing.statusCode, 400);
  const fields = missing.json().error.fields as { path: string; message: string }[];
  assert.deepEqual(fields.map((f) => f.path).sort(), ['password', 'username']);
  assert.ok(
    fields.every((f) => /[\u4e00-\u9fff]/.test(f.message)),
    JSON.stringify(fields),
  );
  assert.doesNotMatch(malformed.body + missing.body, /at .*\.ts:\d+/);
});

test('unknown routes: JSON for the API, a Chinese page for people', async () => {
  const c = await t.anonymous();
  const api = await c.get('/api/no-such-thing');
  assert.equal(api.statusCode, 404);
  assert.equal(api.json().error.code, 'NOT_FOUND');
  const page = await c.get('/no-such-page');
  assert.equal(page.statusCode, 404);
  assert.match(page.headers['content-type'] as string, /text\/html/);
  assert.match(page.body, /lang="zh-CN"/);
});

test('the OpenAPI document lists the routes with their schemas', async () => {
  const c = await t.anonymous();
  const doc = (await c.get('/api/openapi.json')).json();
  assert.equal(doc.openapi.startsWith('3.'), true);
  assert.ok(doc.paths['/api/users']);
  assert.ok(doc.paths['/api/auth/login'].post.requestBody);
  assert.equal((await c.get('/api/docs/')).statusCode, 200);
});
