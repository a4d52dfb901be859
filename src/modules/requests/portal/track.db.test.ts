import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type Client, createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import type { Actor } from '../../../platform/http/session.ts';
import { chinaToday } from '../../../platform/time.ts';
import { formatDateZh } from '../../../portal/plugin.ts';
import { loadActor } from '../../orgs/index.ts';
import { act, submitOnline, track } from '../service.ts';
import { renderProgress } from './track.page.ts';

let t: TestApp;
let citizen: Client;
let city: number;
let education: number;
let office: Actor;
let handler: Actor;
const today = chinaToday();

before(async () => {
  t = await createTestApp();
  citizen = await t.anonymous();
  const org = async (name: string) =>
    (await t.db.selectFrom('orgs').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  city = await org('济宁市人民政府');
  education = await org('市教育局');
  const actor = async (username: string) => {
    const u = await t.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow();
    const a = await loadActor(t.db, u.id);
    assert.ok(a);
    return a;
  };
  office = await actor('t_office');
  handler = await actor('t_handler');
});
after(() => t.close());

function residentId(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, c, i) => s + Number(c) * (w[i] as number), 0);
  return body17 + ('10X98765432'[sum % 11] as string);
}

/** An online application to 济宁市人民政府; returns the case id, tracking code and password. */
async function apply() {
  const { row, password } = await submitOnline(
    t.db,
    {
      orgId: city,
      applicant: {
        type: 'natural',
        name: '李四',
        idType: 'resident-id',
        idNumber: residentId('37080219800101123'),
        phone: '13812345678',
      },
      request: { subject: '城区公园改造项目批复', description: '请提供批复全文' },
      submissionKey: null,
    },
    today,
  );
  assert.ok(password && row.tracking_code);
  return { id: row.id, caseNo: row.case_no ?? '', code: row.tracking_code, password };
}

let ipCounter = 0;
/** Each test posts from its own address (the app trusts X-Forwarded-For), so the rate limit is per test. */
const freshIp = () => `198.51.100.${++ipCounter}`;

async function post(
  fields: Record<string, string>,
  ip: string,
  opts: { csrf?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const body = opts.csrf === false ? fields : { _csrf: citizen.cookies.gk_csrf ?? '', ...fields };
  return t.app.inject({
    method: 'POST',
    url: '/gk/apply/track',
    cookies: { ...citizen.cookies },
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': ip },
    payload: new URLSearchParams(body).toString(),
  });
}

const office_ = (id: number, input: Record<string, unknown>) =>
  act(t.db, office, id, { on: today, ...input } as Parameters<typeof act>[3], today);

test('the lookup form has labelled fields and the CSRF field', async () => {
  const res = await citizen.get('/gk/apply/track');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<label for="code">跟踪码<span class="required">（必填）<\/span><\/label>/);
  assert.match(res.body, /<label for="password">查询密码<span class="required">（必填）<\/span><\/label>/);
  assert.match(res.body, new RegExp(`name="_csrf" value="${citizen.cookies.gk_csrf}"`));
  assert.match(res.body, /href="\/gk\/apply\/form"/);
});

test('the right pair shows 待确认收到, no deadline yet, and the withdraw form', async () => {
  const c = await apply();
  const res = await post({ code: c.code, password: c.password }, freshIp());
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['cache-control'], 'no-store');
  const b = res.body;
  assert.match(b, /<h1>办理进度<\/h1>/);
  assert.match(b, new RegExp(`案件编号</dt><dd>${c.caseNo}</dd>`));
  assert.match(b, /受理机关<\/dt><dd>济宁市人民政府<\/dd>/);
  assert.match(b, /办理阶段<\/dt><dd><strong>待确认收到<\/strong>/);
  assert.match(b, new RegExp(`提交日期</dt><dd>${formatDateZh(today)}</dd>`));
  assert.match(b, /收到申请之日<\/dt><dd>待确认<\/dd>/);
  assert.match(b, /答复期限<\/dt><dd>确认收到申请后计算<\/dd>/);
  assert.doesNotMatch(b, /答复期限<\/dt><dd><strong>/);
  assert.match(b, /提交申请<\/strong><br>您通过网上提交了申请/);
  assert.match(b, /<input type="hidden" name="intent" value="withdraw">/);
  assert.match(b, new RegExp(`<input type="hidden" name="code" value="${c.code}">`));
  assert.doesNotMatch(b, new RegExp(c.password), 'the password is never echoed');
});

test('what the citizen types is normalised: lower case, spaces, full-width characters', async () => {
  const c = await apply();
  const typed = ` ${c.code.slice(0, 5).toLowerCase()} ${c.code.slice(5)} `;
  const fullWidth = [...c.password].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join('');
  const res = await post({ code: typed, password: fullWidth }, freshIp());
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /待确认收到/);
});

test('a wrong password and an unknown code get the same 404 and reveal nothing', async () => {
  const c = await apply();
  const ip = freshIp();
  const wrong = await post({ code: c.code, password: 'WRONGPW2' }, ip);
  const unknown = await post({ code: 'ZZZZZZZZZZ', password: c.password }, ip);
  assert.equal(wrong.statusCode, 404);
  assert.equal(unknown.statusCode, 404);
  for (const res of [wrong, unknown]) {
    assert.match(res.body, /role="alert"/);
    assert.match(res.body, /跟踪码或查询密码不正确/);
    assert.doesNotMatch(res.body, new RegExp(c.caseNo));
    assert.doesNotMatch(res.body, /济宁市人民政府<\/dd>/);
  }
  const strip = (b: string) => b.replace(/id="code" name="code" type="text" value="[^"]*"/, '');
  assert.equal(strip(wrong.body), strip(unknown.body));
  const empty = await post({ code: '', password: '' }, ip);
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /<a href="#code">跟踪码：请填写跟踪码<\/a>/);
  assert.match(empty.body, /<a href="#password">查询密码：请填写查询密码<\/a>/);
});

test('after the office confirms receipt, tracking shows the receipt date and the reply deadline', async () => {
  const c = await apply();
  await office_(c.id, { action: 'confirm-receipt' });
  const { clock } = await track(t.db, c.code, c.password, today);
  const res = await post({ code: c.code, password: c.password }, freshIp());
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /办理阶段<\/dt><dd><strong>已登记<\/strong>/);
  assert.match(res.body, new RegExp(`收到申请之日</dt><dd>${formatDateZh(today)}</dd>`));
  assert.match(res.body, /确认收到申请<\/strong><br>答复期限自收到申请之日起计算/);
  if (clock.state?.replyDue) {
    assert.match(
      res.body,
      new RegExp(`答复期限</dt><dd><strong>${formatDateZh(clock.state.replyDue)}</strong>`),
    );
  } else {
    assert.match(res.body, /答复期限<\/dt><dd><strong>暂时无法计算：<\/strong>/);
  }
});

test('the applicant sees correction, fee and reply steps, never assignment, notes or consultations', async () => {
  const c = await apply();
  await office_(c.id, { action: 'confirm-receipt' });
  await office_(c.id, { action: 'assign', unitId: education, handlerId: handler.id });
  await office_(c.id, { action: 'note', kind: '会商', text: '内部会商记录XYZ' });
  await office_(c.id, {
    action: 'consult-send',
    consultationId: 'c1',
    party: 'third-party',
    name: '某某置业有限公司',
  });
  await office_(c.id, { action: 'consult-reply', consultationId: 'c1', opinion: 'refuse', text: '不同意' });
  await office_(c.id, { action: 'request-correction', items: '请写明项目名称\n请写明年份', deadline: today });
  const ip = freshIp();
  let res = await post({ code: c.code, password: c.password }, ip);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<strong>待补正<\/strong>/);
  assert.match(res.body, /补正告知<\/strong><br>需要补正的事项：请写明项目名称<br>请写明年份/);
  assert.match(res.body, new RegExp(`请于${formatDateZh(today)}前补正`));
  assert.match(res.body, /答复期限<\/dt><dd>自收到您补正的申请之日起重新计算/);

  await office_(c.id, { action: 'receive-correction', text: '已补正' });
  await office_(c.id, { action: 'fee-notice', method: 'per-page', quantity: 50 });
  await office_(c.id, {
    action: 'reply',
    outcome: 'WITHHOLD',
    groundCode: 'STATE_SECRET',
    text: '答复书正文内部草稿',
  });
  res = await post({ code: c.code, password: c.password }, ip);
  const b = res.body;
  assert.match(b, /<strong>已答复<\/strong>/);
  assert.match(b, /收到补正<\/strong>/);
  assert.match(b, /收费通知<\/strong><br>信息处理费：200元/);
  assert.match(b, /作出答复<\/strong><br>办理结果：不予公开（理由：属于国家秘密）/);
  assert.match(b, /办理结果<\/dt><dd>不予公开<\/dd>/);
  for (const secret of [
    '市教育局',
    't_handler',
    '内部会商记录XYZ',
    '某某置业有限公司',
    '不同意',
    '答复书正文内部草稿',
    '分办',
  ]) {
    assert.doesNotMatch(b, new RegExp(secret), secret);
  }
  assert.doesNotMatch(b, /name="intent" value="withdraw"/, 'a replied case cannot be withdrawn');
  assert.doesNotMatch(b, /答复期限<\/dt>/);
});

test('withdrawing needs the password again and moves the case to 已终止', async () => {
  const c = await apply();
  const ip = freshIp();
  const wrong = await post({ intent: 'withdraw', code: c.code, password: 'WRONGPW2' }, ip);
  assert.equal(wrong.statusCode, 404);
  assert.match(wrong.body, /跟踪码或查询密码不正确/);
  const missing = await post({ intent: 'withdraw', code: c.code, password: '' }, ip);
  assert.equal(missing.statusCode, 400);
  assert.match(missing.body, /撤回申请需要再次输入查询密码/);
  let row = await t.db
    .selectFrom('requests')
    .select('stage')
    .where('id', '=', c.id)
    .executeTakeFirstOrThrow();
  assert.equal(row.stage, 'awaiting-confirmation');

  const res = await post({ intent: 'withdraw', code: c.code, password: c.password }, ip);
  assert.equal(res.statusCode, 200, res.body);
  assert.match(res.body, /您已撤回申请/);
  assert.match(res.body, /办理阶段<\/dt><dd><strong>已终止<\/strong>/);
  assert.match(res.body, /撤回申请<\/strong><br>您撤回了申请/);
  assert.doesNotMatch(res.body, /name="intent" value="withdraw"/);
  row = await t.db.selectFrom('requests').select('stage').where('id', '=', c.id).executeTakeFirstOrThrow();
  assert.equal(row.stage, 'closed');

  const again = await post({ intent: 'withdraw', code: c.code, password: c.password }, ip);
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /未能撤回/);
  assert.match(again.body, /已终止/);
});

test('a POST without the CSRF field is refused with 403', async () => {
  const c = await apply();
  const res = await post({ code: c.code, password: c.password }, freshIp(), { csrf: false });
  assert.equal(res.statusCode, 403);
  assert.doesNotMatch(res.body, new RegExp(c.caseNo));
});

test('more than 10 lookups from one address in 10 minutes get a 429 page in Chinese', async () => {
  const c = await apply();
  const ip = freshIp();
  for (let i = 0; i < 10; i++) {
    assert.equal((await post({ code: 'ZZZZZZZZZZ', password: 'WRONGPW2' }, ip)).statusCode, 404);
  }
  const res = await post({ code: c.code, password: c.password }, ip);
  assert.equal(res.statusCode, 429);
  assert.match(res.body, /查询过于频繁/);
  assert.doesNotMatch(res.body, new RegExp(c.caseNo), 'even the right pair is not looked up');
  assert.equal((await post({ code: c.code, password: c.password }, freshIp())).statusCode, 200);
});

test('a deadline reaching a year without a calendar is said plainly, never guessed', async () => {
  const c = await apply();
  await office_(c.id, { action: 'confirm-receipt' });
  const tracked = await track(t.db, c.code, c.password, today);
  const body = renderProgress(
    { ...tracked, clock: { state: null, missingYear: 2031 } },
    '济宁市人民政府',
    null,
    'x',
    c.code,
  ).value;
  assert.match(body, /答复期限<\/dt><dd><strong>暂时无法计算：<\/strong>答复期限将计入2031年/);
  assert.match(body, /2031年的节假日安排尚未录入/);
});

test('a paused clock is explained', async () => {
  const c = await apply();
  await office_(c.id, { action: 'confirm-receipt' });
  await office_(c.id, { action: 'assign', unitId: education });
  await office_(c.id, { action: 'consult-send', consultationId: 'c9', party: 'agency', name: '市某局' });
  const tracked = await track(t.db, c.code, c.password, today);
  assert.equal(tracked.clock.state?.paused, true);
  const res = await post({ code: c.code, password: c.password }, freshIp());
  assert.match(res.body, /暂停计时（自[^）]+起）：<\/strong>正在征求有关方面的意见/);
  assert.doesNotMatch(res.body, /市某局/);
});
