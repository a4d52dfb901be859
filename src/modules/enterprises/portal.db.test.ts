import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';
import { now } from '../../platform/time.ts';
import { ENTERPRISE_COOKIE } from './portal.ts';
import { insertPushes, upsertConditions } from './store.ts';
import { creditCode, insertEnterprise, insertPolicyDocument } from './testing.ts';

let t: TestApp;
let visitor: Client;
let enterprise: number;
let policy: number;
const CODE = creditCode(7);

before(async () => {
  t = await createTestApp();
  visitor = await t.anonymous();
  const city = await orgIdByName(t.db, '济宁市人民政府');
  const dept = await orgIdByName(t.db, '市人力资源社会保障局');
  enterprise = await insertEnterprise(
    t.db,
    7,
    {
      industry: 'C',
      size: 'small',
      regionId: city,
      foundedOn: '2018-04-16',
      capital: 1200,
      qualifications: [],
      tags: [],
    },
    { name: '济宁鲁科智能装备有限公司', email: 'hr@luke.example.cn', phone: '13912345678' },
  );
  policy = await insertPolicyDocument(t.db, dept, '济宁市稳岗补贴实施办法');
  const other = await insertPolicyDocument(t.db, dept, '济宁市高新技术企业奖励办法');
  await upsertConditions(t.db, {
    document_id: policy,
    org_id: dept,
    conditions: { sizes: ['small', 'micro'] },
    automatic: false,
    updated_by: null,
    updated_at: now(),
  });
  await upsertConditions(t.db, {
    document_id: other,
    org_id: dept,
    conditions: { qualifications: ['high_tech'] },
    automatic: false,
    updated_by: null,
    updated_at: now(),
  });
  await insertPushes(t.db, {
    documentId: policy,
    orgId: dept,
    conditions: { sizes: ['small', 'micro'] },
    at: now(),
    by: null,
  });
});
after(() => t.close());

const latestCode = async () => {
  const m = await t.db
    .selectFrom('enterprise_messages')
    .selectAll()
    .where('purpose', '=', 'code')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return { message: m, code: /验证码为 (\d{6})/.exec(m?.body ?? '')?.[1] ?? '' };
};

test('the start page is a plain form; a bad credit code comes back with the input and a Chinese reason', async () => {
  const page = await visitor.get('/gk/enterprise');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<form class="form" method="post" action="\/gk\/enterprise\/code"/);
  assert.match(page.body, /<label for="creditCode">统一社会信用代码/);
  const bad = await visitor.send('POST', '/gk/enterprise/code', {
    creditCode: '91370800MA00000070',
    contact: 'hr@luke.example.cn',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /校验位不正确/);
  assert.match(bad.body, /value="91370800MA00000070"/);
  assert.match(bad.body, /value="hr@luke.example.cn"/);
  const sms = await visitor.send('POST', '/gk/enterprise/code', { creditCode: CODE, contact: '13912345678' });
  assert.equal(sms.statusCode, 400);
  assert.match(sms.body, /短信验证暂未开通/);
});

test('a contact not on file gets the same answer and no code; without CSRF the input is kept', async () => {
  const r = await visitor.send('POST', '/gk/enterprise/code', {
    creditCode: CODE,
    contact: 'someone@else.example.cn',
  });
  assert.equal(r.statusCode, 200);
  assert.match(r.body, /如果您填写的信息与企业档案一致，验证码已发送/);
  assert.equal((await latestCode()).message, undefined);
  const stale = await visitor.send(
    'POST',
    '/gk/enterprise/code',
    { creditCode: CODE, contact: 'x@example.cn' },
    { 'x-csrf-token': '' },
  );
  assert.equal(stale.statusCode, 403);
  assert.match(stale.body, /页面已失效/);
  assert.match(stale.body, /value="x@example.cn"/);
});

test('verify by the e-mail on file, see matched policies with reasons, pushes marked opened, complete the profile', async () => {
  const sent = await visitor.send('POST', '/gk/enterprise/code', {
    creditCode: CODE.toLowerCase(),
    contact: 'HR@luke.example.cn',
  });
  assert.equal(sent.statusCode, 200);
  const { message, code } = await latestCode();
  assert.equal(message?.channel, 'email');
  assert.equal(message?.recipient, 'HR@luke.example.cn');
  assert.equal(message?.sent, false, 'no SMTP in tests: queued, not sent');
  assert.match(code, /^\d{6}$/);
  const stored = await t.db.selectFrom('enterprise_codes').select('code_hash').executeTakeFirstOrThrow();
  assert.notEqual(stored.code_hash, code, 'only a hash is stored');

  const wrong = await visitor.send('POST', '/gk/enterprise/verify', {
    creditCode: CODE,
    code: code === '000000' ? '111111' : '000000',
  });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /验证码不正确或已过期/);
  assert.equal((await visitor.get('/gk/enterprise/me')).statusCode, 303, 'not signed in yet');

  const ok = await visitor.send('POST', '/gk/enterprise/verify', { creditCode: CODE, code });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, '/gk/enterprise/me');
  assert.ok(visitor.cookies[ENTERPRISE_COOKIE]);
  const cookie = ok.cookies.find((c) => c.name === ENTERPRISE_COOKIE);
  assert.equal(cookie?.httpOnly, true);
  // A code works once.
  const reuse = await (await t.anonymous()).send('POST', '/gk/enterprise/verify', { creditCode: CODE, code });
  assert.equal(reuse.statusCode, 400);

  const me = await visitor.get('/gk/enterprise/me');
  assert.equal(me.statusCode, 200);
  assert.equal(me.headers['cache-control'], 'no-store');
  assert.match(me.body, /济宁鲁科智能装备有限公司/);
  assert.match(me.body, /本企业符合条件的政策（1项）/);
  assert.match(me.body, /济宁市稳岗补贴实施办法/);
  assert.match(me.body, /✔ 符合：企业规模——要求为小型企业、微型企业；本企业为小型企业/);
  assert.match(me.body, /✘ 不符合：企业资质——要求具有高新技术企业之一；本企业未登记相关资质/);
  assert.match(me.body, /<th scope="col">办理情况<\/th>/);
  const push = await t.db
    .selectFrom('policy_pushes')
    .select('opened_at')
    .where('enterprise_id', '=', enterprise)
    .executeTakeFirstOrThrow();
  assert.ok(push.opened_at, 'shown on the page: opened');

  const badProfile = await visitor.send('POST', '/gk/enterprise/me/profile', {
    size: 'small',
    capital: '一千',
    qualifications: ['high_tech'],
    tags: '智能制造',
    phone: '',
    email: 'hr@luke.example.cn',
  });
  assert.equal(badProfile.statusCode, 400);
  assert.match(badProfile.body, /请填写不小于0的数字/);
  assert.match(badProfile.body, /value="一千"/);
  assert.match(badProfile.body, /id="q-high_tech" name="qualifications" value="high_tech" checked/);
  const saved = await visitor.send('POST', '/gk/enterprise/me/profile', {
    size: 'small',
    capital: '1200',
    qualifications: ['high_tech'],
    tags: '智能制造、出口',
    phone: '',
    email: 'hr@luke.example.cn',
  });
  assert.equal(saved.statusCode, 200);
  assert.match(saved.body, /企业档案已保存/);
  assert.match(saved.body, /本企业符合条件的政策（2项）/);
  const row = await t.db
    .selectFrom('enterprises')
    .select(['qualifications', 'tags'])
    .where('id', '=', enterprise)
    .executeTakeFirstOrThrow();
  assert.deepEqual(row, { qualifications: ['high_tech'], tags: ['智能制造', '出口'] });

  const out = await visitor.send('POST', '/gk/enterprise/signout', {});
  assert.equal(out.statusCode, 303);
  assert.equal((await visitor.get('/gk/enterprise/me')).statusCode, 303);
});

test('a forged or foreign cookie opens nothing', async () => {
  const stranger = await t.anonymous();
  stranger.cookies[ENTERPRISE_COOKIE] = 'forged-token';
  const r = await stranger.get('/gk/enterprise/me');
  assert.equal(r.statusCode, 303);
  assert.equal(r.headers.location, '/gk/enterprise');
});
