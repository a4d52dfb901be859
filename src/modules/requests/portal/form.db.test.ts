import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type Client, createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { orgIdByName } from '../../../../test/helpers/factories.ts';
import { residentId } from '../../../../test/helpers/identity.ts';

let t: TestApp;
let citizen: Client;
let city: number;

before(async () => {
  t = await createTestApp();
  citizen = await t.anonymous();
  city = await orgIdByName(t.db, '济宁市人民政府');
});
after(() => t.close());

function hidden(body: string, name: string): string {
  const m = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(body);
  assert.ok(m, `hidden field ${name}`);
  return m[1] as string;
}

/** GET the form like a browser and return its hidden fields. */
async function openForm(c: Client = citizen) {
  const res = await c.get('/gk/apply/form');
  assert.equal(res.statusCode, 200);
  return { _csrf: hidden(res.body, '_csrf'), submissionKey: hidden(res.body, 'submissionKey') };
}

/** POST urlencoded like a browser: the cookies, and the CSRF token only as the hidden form field. */
async function post(fields: Record<string, string>, c: Client = citizen): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: '/gk/apply/form',
    cookies: { ...c.cookies },
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}

const valid = () => ({
  orgId: String(city),
  applicantType: 'natural',
  name: '张三丰',
  idType: 'resident-id',
  idNumber: residentId('37080219800101123'),
  phone: '13812345678',
  email: 'zhang@example.com',
  address: '济宁市任城区某路1号',
  contactName: '',
  subject: '2023年城区学校新建项目批复',
  docNumber: '济教发〔2023〕5号',
  description: '请提供该批复全文',
  formWanted: '电子文档',
  deliveryWanted: '电子邮件',
});

const countCases = async () =>
  Number(
    (
      await t.db
        .selectFrom('requests')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('the form renders every control with a label, 必填 in text, and the hidden fields', async () => {
  const res = await citizen.get('/gk/apply/form');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['cache-control'], 'no-store');
  const body = res.body;
  assert.match(body, /<form class="form" method="post" action="\/gk\/apply\/form" novalidate>/);
  assert.equal(hidden(body, '_csrf'), citizen.cookies.gk_csrf, 'the CSRF field echoes the cookie');
  assert.match(hidden(body, 'submissionKey'), /^[A-Za-z0-9_-]{16,64}$/);
  assert.notEqual(
    hidden(body, 'submissionKey'),
    hidden((await citizen.get('/gk/apply/form')).body, 'submissionKey'),
  );
  // Every visible control has a <label for>.
  const ids = [...body.matchAll(/<(?:input|select|textarea)\b[^>]*?\sid="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(ids.length >= 20, `controls: ${ids.join(',')}`);
  for (const id of ids) assert.match(body, new RegExp(`<label for="${id}">`), `label for ${id}`);
  for (const label of [
    '受理机关',
    '姓名或名称',
    '证件类型',
    '证件号码',
    '联系电话',
    '所需信息名称',
    '内容描述',
  ]) {
    assert.match(body, new RegExp(`>${label}<span class="required">（必填）</span></label>`), label);
  }
  assert.match(body, /<legend>申请人类型<span class="required">（必填）<\/span><\/legend>/);
  assert.match(body, /<legend>法人或其他组织<\/legend>/);
  for (const t of ['商业企业', '科研机构', '社会公益组织', '法律服务机构'])
    assert.match(body, new RegExp(`>${t}</label>`));
  assert.match(body, /<optgroup label="法人或其他组织"><option value="uscc">统一社会信用代码<\/option>/);
  for (const d of ['邮寄', '电子邮件', '自行领取', '网上获取', '纸质', '电子文档'])
    assert.match(body, new RegExp(`>${d}</label>`));
  // The agencies of the site's government as an indented list: the city and its departments; a county's
  // agencies are on the county's site (/s/{行政区划代码}/), the county first, its towns below it.
  assert.match(body, new RegExp(`<option value="${city}">济宁市人民政府</option>`));
  assert.match(body, /<option value="\d+">\u3000市教育局<\/option>/);
  assert.doesNotMatch(body, /邹城市人民政府/);
  const county = (await citizen.get('/s/370883/gk/apply/form')).body;
  assert.match(county, /<option value="\d+">邹城市人民政府<\/option>/);
  assert.match(county, /<option value="\d+">\u3000太平镇人民政府<\/option>/);
  assert.doesNotMatch(county, /济宁市人民政府|>\u3000市教育局</);
  assert.match(county, /action="\/s\/370883\/gk\/apply\/form"/);
});

test('the 依申请公开 column links to the form and the tracking page', async () => {
  const res = await citizen.get('/gk/apply');
  assert.match(res.body, /href="\/gk\/apply\/form"/);
  assert.match(res.body, /href="\/gk\/apply\/track"/);
  assert.doesNotMatch(res.body, /正在建设中/);
});

test('a valid application creates exactly one case and shows the tracking code and password once', async () => {
  const before = await countCases();
  const res = await post({ ...(await openForm()), ...valid() });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(await countCases(), before + 1);
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.match(res.body, /<h1>申请已提交<\/h1>/);
  const code = /id="tracking-code"[^>]*>([A-Z0-9]+)</.exec(res.body)?.[1] ?? '';
  const password = /id="query-password"[^>]*>([A-Z0-9]+)</.exec(res.body)?.[1] ?? '';
  assert.match(code, /^[A-Z2-9]{10}$/);
  assert.match(password, /^[A-Z2-9]{8}$/);
  assert.match(res.body, /查询密码只显示这一次/);
  assert.match(res.body, /抄写/);
  assert.match(res.body, /第三十一条/);
  assert.match(res.body, /href="\/gk\/apply\/track"/);
  const row = await t.db
    .selectFrom('requests')
    .selectAll()
    .where('tracking_code', '=', code)
    .executeTakeFirstOrThrow();
  assert.match(res.body, new RegExp(`案件编号</dt><dd>${row.case_no}</dd>`));
  assert.equal(row.channel, 'online');
  assert.equal(row.stage, 'awaiting-confirmation');
  assert.equal(row.org_id, city);
  assert.equal(row.subject, '2023年城区学校新建项目批复');
  assert.equal(row.form_wanted, '电子文档');
  assert.equal(row.delivery_wanted, '电子邮件');
  assert.notEqual(row.tracking_password_hash, password, 'only a hash is stored');
});

test('the same submissionKey twice (a double click) makes one case; the second answer has no password', async () => {
  const form = await openForm();
  const before = await countCases();
  const first = await post({ ...form, ...valid() });
  const second = await post({ ...form, ...valid() });
  assert.equal(first.statusCode, 200);
  assert.equal(second.statusCode, 200, second.body);
  assert.equal(await countCases(), before + 1);
  const codeOf = (b: string) => /id="tracking-code"[^>]*>([A-Z0-9]+)</.exec(b)?.[1];
  assert.equal(codeOf(second.body), codeOf(first.body));
  assert.doesNotMatch(second.body, /id="query-password"/);
  assert.match(second.body, /查询密码已在第一次提交时显示/);
  const row = await t.db
    .selectFrom('requests')
    .select('submission_key')
    .where('tracking_code', '=', codeOf(first.body) ?? '')
    .executeTakeFirstOrThrow();
  assert.notEqual(row.submission_key, form.submissionKey, 'the key is stored bound to the browser');
});

test('the same key from another browser does not reveal the first case', async () => {
  const form = await openForm();
  const first = await post({ ...form, ...valid() });
  assert.equal(first.statusCode, 200);
  const other = await t.anonymous();
  const otherForm = await openForm(other);
  const res = await post({ ...valid(), _csrf: otherForm._csrf, submissionKey: form.submissionKey }, other);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /id="query-password"/, 'a new case of its own, with its own password');
});

test('a form submitted, then edited and submitted again, keeps the edits and is not silently merged', async () => {
  const form = await openForm();
  await post({ ...form, ...valid() });
  const before = await countCases();
  const edited = { ...valid(), subject: '2024年城区学校新建项目批复' };
  const res = await post({ ...form, ...edited });
  assert.equal(res.statusCode, 409);
  assert.equal(await countCases(), before);
  assert.match(res.body, /这份申请表已经提交过/);
  assert.match(res.body, /value="2024年城区学校新建项目批复"/);
  const fresh = hidden(res.body, 'submissionKey');
  assert.notEqual(fresh, form.submissionKey);
  const again = await post({ ...form, submissionKey: fresh, ...edited });
  assert.equal(again.statusCode, 200);
  assert.equal(await countCases(), before + 1);
});

test('a wrong ID number and an empty subject: 400, both messages, links to the fields, typed values kept', async () => {
  const before = await countCases();
  const wrongId = '370802198001011230';
  const fields = {
    ...(await openForm()),
    ...valid(),
    name: '<b>张三丰</b>',
    idNumber: wrongId,
    subject: '',
    description: '第一行\n第二行 & <特征>',
  };
  if (residentId('37080219800101123') === wrongId) fields.idNumber = '370802198001011231';
  const res = await post(fields);
  assert.equal(res.statusCode, 400);
  assert.equal(await countCases(), before);
  const b = res.body;
  assert.match(b, /<div class="notice error" role="alert"/);
  assert.match(b, /<a href="#idNumber">证件号码：身份证号码校验位不正确，请核对<\/a>/);
  assert.match(b, /<a href="#subject">所需信息名称：请填写所需政府信息的名称<\/a>/);
  assert.match(b, /id="idNumber-error"><strong>错误：身份证号码校验位不正确/);
  assert.match(
    b,
    /<input id="idNumber" name="idNumber" type="text" value="37080219800101123\d"[^>]*aria-invalid="true" aria-describedby="idNumber-hint idNumber-error">/,
  );
  assert.match(b, /aria-describedby="subject-hint subject-error"/);
  // Everything typed comes back, escaped.
  assert.match(b, /value="&lt;b&gt;张三丰&lt;\/b&gt;"/);
  assert.match(b, /<textarea id="description"[^>]*>第一行\n第二行 &amp; &lt;特征&gt;<\/textarea>/);
  assert.match(b, new RegExp(`<option value="${city}" selected>济宁市人民政府</option>`));
  assert.match(b, /value="natural" checked/);
  assert.match(b, /<option value="resident-id" selected>/);
  assert.match(b, /value="13812345678"/);
  assert.match(b, /value="zhang@example.com"/);
  assert.match(b, /value="济宁市任城区某路1号"/);
  assert.match(b, /value="济教发〔2023〕5号"/);
  assert.match(b, /value="电子文档" checked/);
  assert.match(b, /value="电子邮件" checked/);
  assert.doesNotMatch(b, /<b>张三丰/);
});

test('an empty form lists every required field; radio groups link to their first option', async () => {
  const res = await post({ ...(await openForm()), description: '' });
  assert.equal(res.statusCode, 400);
  for (const [anchor, message] of [
    ['orgId', '请选择受理申请的行政机关'],
    ['applicantType-natural', '请选择申请人类型'],
    ['name', '请填写申请人姓名'],
    ['idType', '请选择证件类型'],
    ['idNumber', '请填写证件号码'],
    ['phone', '请填写联系电话'],
    ['subject', '请填写所需政府信息的名称'],
    ['description', '请描述所需信息的内容特征'],
  ] as const) {
    assert.match(res.body, new RegExp(`<a href="#${anchor}">[^<]*${message}`), anchor);
  }
});

test('an organisation needs a credit code and a contact person', async () => {
  const res = await post({
    ...(await openForm()),
    ...valid(),
    applicantType: 'commercial',
    idType: 'resident-id',
    contactName: '',
  });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /<a href="#idType">证件类型：法人或其他组织应当提供统一社会信用代码<\/a>/);
  assert.match(res.body, /<a href="#contactName">联系人：请填写联系人姓名<\/a>/);
  assert.match(res.body, /value="commercial" checked/);
});

test('a hostile or repeated field does not break the form', async () => {
  const form = await openForm();
  const res = await t.app.inject({
    method: 'POST',
    url: '/gk/apply/form',
    cookies: { ...citizen.cookies },
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `_csrf=${form._csrf}&orgId=abc&orgId=1&formWanted=%3Cscript%3E&constructor=x&applicantType=natural`,
  });
  assert.equal(res.statusCode, 400);
  assert.doesNotMatch(res.body, /<script>/);
  assert.match(res.body, /信息形式无效/);
});

test('without the CSRF field: 403, nothing stored, what was typed is kept for a second try', async () => {
  const before = await countCases();
  const { submissionKey } = await openForm();
  const res = await post({ submissionKey, ...valid() });
  assert.equal(res.statusCode, 403);
  assert.equal(await countCases(), before);
  assert.match(res.body, /安全校验未通过/);
  assert.match(res.body, /value="2023年城区学校新建项目批复"/);
  assert.equal(hidden(res.body, 'submissionKey'), submissionKey);
  const retry = await post({ _csrf: hidden(res.body, '_csrf'), submissionKey, ...valid() });
  assert.equal(retry.statusCode, 200);
  assert.equal(await countCases(), before + 1);
});

test('a wrong CSRF token is refused too', async () => {
  const { submissionKey } = await openForm();
  const res = await post({ _csrf: 'forged', submissionKey, ...valid() });
  assert.equal(res.statusCode, 403);
});

// Issue 16.6: the public form's protections and checks.

/** POST like `post`, to `url` and from `remoteAddress` (the rate limits count per IP). */
async function postFrom(
  remoteAddress: string,
  fields: Record<string, string>,
  url = '/gk/apply/form',
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url,
    remoteAddress,
    cookies: { ...citizen.cookies },
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}

test('获取方式=邮寄 without a postal address (or 电子邮件 without an e-mail): 400, the field named, nothing stored', {
  timeout: 30_000,
}, async () => {
  const before = await countCases();
  let res = await post({ ...(await openForm()), ...valid(), deliveryWanted: '邮寄', address: '' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /选择邮寄方式获取信息的，请填写通信地址/);
  assert.match(res.body, /href="#address"/);
  assert.match(res.body, /value="2023年城区学校新建项目批复"/, 'what was typed is kept');
  res = await post({ ...(await openForm()), ...valid(), deliveryWanted: '电子邮件', email: '' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /选择电子邮件方式获取信息的，请填写电子邮箱/);
  assert.equal(await countCases(), before);
  res = await post({ ...(await openForm()), ...valid(), deliveryWanted: '邮寄' });
  assert.equal(res.statusCode, 200, 'with the address it is accepted');
});

test('the hidden field a robot fills: nothing stored, the form comes back', { timeout: 30_000 }, async () => {
  const form = (await citizen.get('/gk/apply/form')).body;
  assert.match(
    form,
    /<div class="visually-hidden" aria-hidden="true"><label for="website">请勿填写此项<\/label><input type="text" id="website" name="website" value="" tabindex="-1"/,
  );
  const before = await countCases();
  const res = await post({ ...(await openForm()), ...valid(), website: 'http://spam.example' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /提交未成功/);
  assert.equal(await countCases(), before);
});

test('a government’s site accepts applications only for its own agencies', { timeout: 30_000 }, async () => {
  const before = await countCases();
  const res = await postFrom('10.0.0.7', { ...(await openForm()), ...valid() }, '/s/370883/gk/apply/form');
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /请选择本网站列出的受理机关/);
  assert.equal(await countCases(), before);
});

test('submissions are rate-limited per IP: 10 applications an hour, then 429 with what was typed kept', {
  timeout: 120_000,
}, async () => {
  const before = await countCases();
  for (let i = 0; i < 10; i++) {
    const res = await postFrom('10.0.0.9', { ...(await openForm()), ...valid(), subject: `限流测试${i}` });
    assert.equal(res.statusCode, 200, `application ${i + 1}`);
  }
  const res = await postFrom('10.0.0.9', { ...(await openForm()), ...valid(), subject: '第十一份' });
  assert.equal(res.statusCode, 429);
  assert.match(res.body, /提交过于频繁/);
  assert.match(res.body, /value="第十一份"/);
  assert.equal(await countCases(), before + 10);
  const other = await postFrom('10.0.0.10', { ...(await openForm()), ...valid(), subject: '另一网络' });
  assert.equal(other.statusCode, 200, 'another network is not affected');
});
