import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createTestUser, orgIdByName, userIdByUsername } from '../../../test/helpers/factories.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('a department approver sees the users of its own department only', async () => {
  const c = await t.as('t_approver');
  const res = await c.get('/api/users?pageSize=200');
  assert.equal(res.statusCode, 200);
  const orgs = new Set((res.json().items as { orgName: string }[]).map((u) => u.orgName));
  assert.deepEqual([...orgs], ['市教育局']);
});

test('a department user cannot read another department’s users', async () => {
  const c = await t.as('t_approver');
  const finance = await orgIdByName(t.db, '市财政局');
  assert.equal((await c.get(`/api/users?orgId=${finance}`)).statusCode, 404);
  assert.equal((await c.get(`/api/users/${await userIdByUsername(t.db, 't_handler2')}`)).statusCode, 404);
  assert.equal((await c.get(`/api/users/${await userIdByUsername(t.db, 't_handler')}`)).statusCode, 200);
});

test('a department user cannot change another department’s user, nor its own colleagues', async () => {
  const c = await t.as('t_approver');
  const target = await userIdByUsername(t.db, 't_handler2');
  const res = await c.send('PATCH', `/api/users/${target}`, { displayName: '被篡改' });
  assert.equal(res.statusCode, 403);
  const own = await c.send('PATCH', `/api/users/${await userIdByUsername(t.db, 't_handler')}`, {
    disabled: true,
  });
  assert.equal(own.statusCode, 403);
  const row = await t.db
    .selectFrom('users')
    .select(['display_name', 'disabled'])
    .where('id', '=', target)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, { display_name: 't_handler2', disabled: false });
});

test('a handler may not list users at all', async () => {
  const c = await t.as('t_handler2');
  const res = await c.get('/api/users');
  assert.equal(res.statusCode, 403);
  assert.equal(res.json().error.message, '您没有权限进行此操作。');
});

test('a county approver sees its county subtree, not the city departments', async () => {
  const c = await t.as('t_county');
  const res = await c.get('/api/users?pageSize=200');
  const names = (res.json().items as { username: string }[]).map((u) => u.username);
  assert.deepEqual(names, ['t_county']);
  assert.equal((await c.get(`/api/users?orgId=${await orgIdByName(t.db, '市教育局')}`)).statusCode, 404);
  assert.equal((await c.get(`/api/users?orgId=${await orgIdByName(t.db, '邹城市教育局')}`)).statusCode, 200);
});

test('the administrator creates an organisation and a user, each audited in the same transaction', async () => {
  const c = await t.as('t_admin');
  const zoucheng = await orgIdByName(t.db, '邹城市人民政府');
  const org = await c.send('POST', '/api/orgs', {
    parentId: zoucheng,
    name: '邹城市财政局',
    kind: 'department',
  });
  assert.equal(org.statusCode, 200, org.body);
  const user = await c.send('POST', '/api/users', {
    username: 'zc_finance',
    displayName: '赵磊',
    role: 'handler',
    orgId: org.json().id,
    password: 'long-enough-1',
  });
  assert.equal(user.statusCode, 200, user.body);
  assert.equal(user.json().orgName, '邹城市财政局');
  const audits = await t.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', 'in', ['org.create', 'user.create'])
    .where('actor_id', '=', await userIdByUsername(t.db, 't_admin'))
    .execute();
  assert.equal(audits.length, 2);
  const userAudit = audits.find((a) => a.action === 'user.create');
  assert.ok(userAudit);
  const snapshot = userAudit.after as { username: string; password_hash: string };
  assert.equal(snapshot.username, 'zc_finance');
  assert.equal(snapshot.password_hash, '[已隐藏]');
});

test('a failed write leaves neither the change nor its audit row', async () => {
  const c = await t.as('t_admin');
  const count = async () =>
    (await t.db.selectFrom('audit_log').select('id').where('action', '=', 'user.create').execute()).length;
  const before = await count();
  const dup = await c.send('POST', '/api/users', {
    username: 't_handler',
    displayName: '重复',
    role: 'handler',
    orgId: await orgIdByName(t.db, '市教育局'),
    password: 'long-enough-1',
  });
  assert.equal(dup.statusCode, 400);
  assert.deepEqual(dup.json().error.fields, [{ path: 'username', message: '该用户名已被使用' }]);
  assert.equal(await count(), before);
});

test('an organisation cannot be moved below its own descendant', async () => {
  const c = await t.as('t_admin');
  const county = await orgIdByName(t.db, '邹城市人民政府');
  const town = await orgIdByName(t.db, '太平镇人民政府');
  const res = await c.send('PATCH', `/api/orgs/${county}`, { parentId: town });
  assert.equal(res.statusCode, 400);
  assert.match(res.json().error.fields[0].message, /下级/);
});

test('only the administrator reads the audit trail, with filters', async () => {
  const office = await t.as('t_office');
  assert.equal((await office.get('/api/audit')).statusCode, 403);
  const admin = await t.as('t_admin');
  const res = await admin.get('/api/audit?subjectType=user&action=auth.login&pageSize=5');
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.ok(body.total >= 1);
  assert.ok(
    body.items.every(
      (i: { action: string; subjectType: string }) =>
        i.action.includes('auth.login') && i.subjectType === 'user',
    ),
  );
  assert.ok(body.items.length <= 5);
  // The page shows words, not codes: 登录 on 账号.
  assert.equal(body.items[0].actionLabel, '登录');
  assert.equal(body.items[0].subjectLabel, '账号');
  assert.equal((await office.get('/api/audit/names')).statusCode, 403);
  const names = (await admin.get('/api/audit/names')).json();
  assert.ok(
    names.actions.some(
      (a: { action: string; label: string }) => a.action === 'org.merge' && a.label === '合并机构',
    ),
  );
  assert.ok(
    names.subjects.some(
      (t: { subjectType: string; label: string }) =>
        t.subjectType === 'request' && t.label === '依申请公开申请',
    ),
  );
});

test('a disabled user’s sessions end at once', async () => {
  const victim = await t.as('t_reviewer');
  const admin = await t.as('t_admin');
  const res = await admin.send('PATCH', `/api/users/${await userIdByUsername(t.db, 't_reviewer')}`, {
    disabled: true,
  });
  assert.equal(res.statusCode, 200);
  assert.equal((await victim.get('/api/auth/me')).statusCode, 401);
});

test('a department administrator cannot detach, move or re-kind its own department; the city can move it', async () => {
  await createTestUser(t.db, { username: 't_edu_admin', role: 'admin', org: '市教育局' });
  const edu = await orgIdByName(t.db, '市教育局');
  const city = await orgIdByName(t.db, '济宁市人民政府');
  const county = await orgIdByName(t.db, '邹城市人民政府');
  const deptAdmin = await t.as('t_edu_admin');
  for (const patch of [{ parentId: null }, { parentId: county }, { kind: 'town' }]) {
    const res = await deptAdmin.send('PATCH', `/api/orgs/${edu}`, patch);
    assert.equal(res.statusCode, 400, JSON.stringify(patch));
    assert.match(res.json().error.fields[0].message, /机构树|上级机构的管理员/);
  }
  const row = await t.db
    .selectFrom('orgs')
    .select(['parent_id', 'kind'])
    .where('id', '=', edu)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, { parent_id: city, kind: 'department' });
  // Renaming its own department stays allowed.
  assert.equal((await deptAdmin.send('PATCH', `/api/orgs/${edu}`, { name: '市教育局' })).statusCode, 200);

  const cityAdmin = await t.as('t_admin');
  const detach = await cityAdmin.send('PATCH', `/api/orgs/${edu}`, { parentId: null });
  assert.equal(detach.statusCode, 400, 'not even the city detaches an organisation');
  const moved = await cityAdmin.send('PATCH', `/api/orgs/${edu}`, { parentId: county });
  assert.equal(moved.statusCode, 200, moved.body);
  assert.equal((await cityAdmin.send('PATCH', `/api/orgs/${edu}`, { parentId: city })).statusCode, 200);
});
