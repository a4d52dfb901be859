import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers/app.ts';
import {
  applicationBody,
  createTestUser,
  orgIdByName,
  registerCase,
  userIdByUsername,
} from '../../../test/helpers/factories.ts';
import { verifyPassword } from '../../platform/http/passwords.ts';

let t: TestApp;
let city: number;
before(async () => {
  t = await createTestApp();
  city = await orgIdByName(t.db, '济宁市人民政府');
});
after(() => t?.close());

async function newDepartment(name: string, parentId = city): Promise<number> {
  const admin = await t.as('t_admin');
  const res = await admin.send('POST', '/api/orgs', { parentId, name, kind: 'department' });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().id;
}

const orgRow = (id: number) => t.db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();

test('rename keeps the old name as an alias', async () => {
  const id = await newDepartment('市老名字局');
  const admin = await t.as('t_admin');
  const res = await admin.send('POST', `/api/orgs/${id}/rename`, { name: '市新名字局' });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().name, '市新名字局');
  const alias = await t.db
    .selectFrom('org_aliases')
    .selectAll()
    .where('alias', '=', '市老名字局')
    .executeTakeFirst();
  assert.equal(alias?.org_id, id);
  const clash = await admin.send('POST', `/api/orgs/${id}/rename`, { name: '市教育局' });
  assert.equal(clash.statusCode, 400);
  assert.match(clash.json().error.fields[0].message, /已有名为“市教育局”的机构/);
});

test('move: not below itself, only where the kind may sit', async () => {
  const admin = await t.as('t_admin');
  const zoucheng = await orgIdByName(t.db, '邹城市人民政府');
  const town = await orgIdByName(t.db, '钢山街道办事处');
  const cycle = await admin.send('POST', `/api/orgs/${zoucheng}/move`, { parentId: town });
  assert.equal(cycle.statusCode, 400);
  assert.match(cycle.json().error.fields[0].message, /自己或它的下级机构/);
  const dept = await newDepartment('市待移动局');
  const wrongKind = await admin.send('POST', `/api/orgs/${dept}/move`, { parentId: town });
  assert.equal(wrongKind.statusCode, 400);
  assert.match(wrongKind.json().error.fields[0].message, /政府部门不能设在乡镇街道之下/);
  const ok = await admin.send('POST', `/api/orgs/${dept}/move`, { parentId: zoucheng });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal((await orgRow(dept))?.parent_id, zoucheng);
});

test('disable and enable keep the records', async () => {
  const admin = await t.as('t_admin');
  const dept = await newDepartment('市待停用局');
  const off = await admin.send('POST', `/api/orgs/${dept}/disabled`, { disabled: true });
  assert.equal(off.statusCode, 200, off.body);
  assert.equal(off.json().disabled, true);
  const form = async () => (await (await t.anonymous()).get('/gk/apply/form')).body;
  assert.ok(!(await form()).includes('市待停用局'), 'not among the portal’s 受理机关');
  const listed = (await admin.get('/api/orgs')).json().items.find((o: { id: number }) => o.id === dept);
  assert.equal(listed.disabled, true, 'still in the register');
  const own = await admin.send('POST', `/api/orgs/${city}/disabled`, { disabled: true });
  assert.equal(own.statusCode, 400);
  const on = await admin.send('POST', `/api/orgs/${dept}/disabled`, { disabled: false });
  assert.equal(on.json().disabled, false);
  assert.ok((await form()).includes('市待停用局'));
});

test('merge moves users and applications, deletes the source and remembers its name', async () => {
  const source = await newDepartment('市甲局');
  const target = await newDepartment('市乙局');
  const userId = await createTestUser(t.db, { username: 'jia_handler', role: 'handler', org: source });
  await createTestUser(t.db, { username: 'jia_office', role: 'office', org: source });
  const caseId = await registerCase(await t.as('jia_office'), applicationBody(source));
  const admin = await t.as('t_admin');

  const intoChild = await admin.send('POST', `/api/orgs/${city}/merge`, { targetId: source });
  assert.equal(intoChild.statusCode, 400, 'not into its own subtree');

  const res = await admin.send('POST', `/api/orgs/${source}/merge`, { targetId: target });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().moved['users.org_id'], 2);
  assert.equal(res.json().moved['requests.org_id'], 1);
  assert.equal(await orgRow(source), undefined);
  const user = await t.db
    .selectFrom('users')
    .select('org_id')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  assert.equal(user.org_id, target);
  const req = await t.db
    .selectFrom('requests')
    .select('org_id')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  assert.equal(req.org_id, target);
  const alias = await t.db
    .selectFrom('org_aliases')
    .selectAll()
    .where('alias', '=', '市甲局')
    .executeTakeFirst();
  assert.equal(alias?.org_id, target);
});

test('delete: refused with the references named, allowed when nothing references it', async () => {
  const admin = await t.as('t_admin');
  const edu = await orgIdByName(t.db, '市教育局');
  const refs = await admin.get(`/api/orgs/${edu}/references`);
  assert.equal(refs.statusCode, 200);
  assert.ok(refs.json().items.some((i: { label: string }) => i.label === '用户'));
  const refused = await admin.send('DELETE', `/api/orgs/${edu}`);
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.json().error.code, 'ORG_IN_USE');
  assert.match(refused.json().error.message, /机构“市教育局”仍被使用，不能删除：.*\d+条用户/);
  const empty = await newDepartment('市空局');
  const ok = await admin.send('DELETE', `/api/orgs/${empty}`);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(await orgRow(empty), undefined);
  assert.equal((await (await t.as('t_handler')).send('DELETE', `/api/orgs/${edu}`)).statusCode, 403);
});

test('an administrator resets a password: generated and shown once, or given and checked; never the old one', async () => {
  const admin = await t.as('t_admin');
  const id = await userIdByUsername(t.db, 't_reviewer');
  const victim = await t.as('t_reviewer');
  const res = await admin.send('POST', `/api/users/${id}/reset-password`, {});
  assert.equal(res.statusCode, 200, res.body);
  const { password } = res.json();
  assert.equal(password.length, 16);
  const row = await t.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.ok(await verifyPassword(row.password_hash, password));
  assert.ok(!(await verifyPassword(row.password_hash, TEST_PASSWORD)));
  assert.equal(row.must_change_password, true, 'the holder must choose their own password');
  assert.equal((await victim.get('/api/auth/me')).statusCode, 401, 'sessions ended');
  const weak = await admin.send('POST', `/api/users/${id}/reset-password`, { password: 'abcdefghijk' });
  assert.equal(weak.statusCode, 400);
  assert.match(weak.json().error.fields[0].message, /字母和数字/);
  const given = await admin.send('POST', `/api/users/${id}/reset-password`, { password: TEST_PASSWORD });
  assert.deepEqual(given.json(), { password: null });
  const audit = await t.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'user.password_reset')
    .execute();
  assert.equal(audit.length, 2);
  assert.ok(!JSON.stringify(audit).includes('$argon2'), 'no hash in the audit log');
  const office = await t.as('t_office');
  assert.equal((await office.send('POST', `/api/users/${id}/reset-password`, {})).statusCode, 403);
});
