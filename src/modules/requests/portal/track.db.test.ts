import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type Client, createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { TEST_TODAY } from '../../../../test/helpers/clock.ts';
import { actorOf, applicant, orgIdByName, setSignoffChain } from '../../../../test/helpers/factories.ts';
import { buildApp } from '../../../app.ts';
import { loadConfig } from '../../../config.ts';
import { contentDisposition } from '../../../platform/http/content-disposition.ts';
import type { Actor } from '../../../platform/http/session.ts';
import { bundledCalendar, formatChineseDate } from '../../calendar/index.ts';
import { computeClock } from '../domain/clock.ts';
import { act, submitOnline, track } from '../service.ts';
import { createLetterLinks, LETTER_LINK_TTL_MS, loadLetterLinkSecret } from './letter-links.ts';
import { renderProgress } from './track.page.ts';

let t: TestApp;
let citizen: Client;
let city: number;
let education: number;
let office: Actor;
let handler: Actor;
/** The suite's fixed today (the test app's platform clock): a Monday, 2026-03-16. */
const today = TEST_TODAY;

before(async () => {
  t = await createTestApp();
  // Replies here go out directly: this file is not about 审核签发 (signoff.db.test.ts is).
  await setSignoffChain(t.db, '济宁市人民政府', 'none');
  citizen = await t.anonymous();
  city = await orgIdByName(t.db, '济宁市人民政府');
  education = await orgIdByName(t.db, '市教育局');
  const actor = (username: string) => actorOf(t.db, username);
  office = await actor('t_office');
  handler = await actor('t_handler');
});
after(() => t.close());

/** An online application to 济宁市人民政府; returns the case id, tracking code and password. */
async function apply() {
  const { row, password } = await submitOnline(
    t.db,
    {
      orgId: city,
      applicant: applicant({ name: '李四' }),
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
    remoteAddress: ip,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(body).toString(),
  });
}

/** An office action; with the data directory, so notices and replies produce their letters. */
const office_ = (id: number, input: Record<string, unknown>) =>
  act(t.db, office, id, { on: today, ...input } as Parameters<typeof act>[3], today, { dataDir: t.dataDir });

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
  assert.match(b, new RegExp(`提交日期</dt><dd>${formatChineseDate(today)}</dd>`));
  assert.match(b, /收到申请之日<\/dt><dd>待确认<\/dd>/);
  assert.match(b, /答复期限<\/dt><dd>确认收到申请后计算<\/dd>/);
  assert.doesNotMatch(b, /答复期限<\/dt><dd><strong>/);
  assert.match(b, /提交申请<\/strong><br>您通过网上提交了申请/);
  assert.match(b, /<input type="hidden" name="intent" value="withdraw">/);
  assert.match(b, new RegExp(`<input type="hidden" name="code" value="${c.code}">`));
  assert.doesNotMatch(b, new RegExp(c.password), 'the password is never echoed');
  // The complaints form, filled in with this application (条例第五十一条).
  assert.match(b, /<a href="\/gk\/complaint\?caseNo=[^"&]+&amp;orgId=\d+">就本申请投诉、举报<\/a>/);
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
  assert.match(res.body, new RegExp(`收到申请之日</dt><dd>${formatChineseDate(today)}</dd>`));
  assert.match(res.body, /确认收到申请<\/strong><br>答复期限自收到申请之日起计算/);
  // 20 working days from Monday 2026-03-16, 清明 (Monday 2026-04-06) not counted.
  assert.equal(clock.state?.replyDue, '2026-04-14');
  assert.match(res.body, /答复期限<\/dt><dd><strong>2026年4月14日<\/strong>/);
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
  assert.match(res.body, new RegExp(`请于${formatChineseDate(today)}前补正`));
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

// ---------------------------------------------------------------------------------------------------------
// Correction (补正) on the portal

/** A case confirmed, assigned and sent a correction notice (with its letter). */
async function awaitingCorrection() {
  const c = await apply();
  await office_(c.id, { action: 'confirm-receipt' });
  await office_(c.id, { action: 'assign', unitId: education, handlerId: handler.id });
  await office_(c.id, {
    action: 'request-correction',
    items: '请写明项目名称\n请写明批复年份',
    deadlineDate: today,
  });
  return c;
}

const stageOf = async (id: number) =>
  (await t.db.selectFrom('requests').select('stage').where('id', '=', id).executeTakeFirstOrThrow()).stage;
const eventsOf = (id: number) =>
  t.db.selectFrom('request_events').selectAll().where('request_id', '=', id).orderBy('id').execute();

test('awaiting correction: the notice items, its deadline and the 提交补正内容 form are shown', async () => {
  const c = await awaitingCorrection();
  const res = await post({ code: c.code, password: c.password }, freshIp());
  assert.equal(res.statusCode, 200);
  const b = res.body;
  assert.match(b, /<h2 id="correction">提交补正内容<\/h2>/);
  assert.match(b, /需要补正的事项：<br>请写明项目名称<br>请写明批复年份/);
  assert.match(b, new RegExp(`补正期限：<strong>请于${formatChineseDate(today)}前补正。</strong>`));
  assert.match(b, /<input type="hidden" name="intent" value="correct">/);
  assert.match(
    b,
    /<label for="correction-text">补正后的内容描述<span class="required">（必填）<\/span><\/label>/,
  );
  assert.match(b, /<textarea id="correction-text" name="text"[^>]*><\/textarea>/);
  assert.match(
    b,
    /<label for="correction-password">查询密码<span class="required">（必填）<\/span><\/label>/,
  );
  assert.match(b, /<button type="submit">提交补正内容<\/button>/);
  assert.doesNotMatch(b, new RegExp(c.password), 'the password is never echoed');
});

test('submitting the correction records receive-correction today and shows the restarted deadline', async () => {
  const c = await awaitingCorrection();
  const typed = '城区公园改造项目（2025年）的立项批复全文\r\n包括附件';
  const res = await post({ intent: 'correct', code: c.code, password: c.password, text: typed }, freshIp());
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(await stageOf(c.id), 'processing');
  const events = await eventsOf(c.id);
  const last = events.at(-1);
  assert.equal(last?.type, 'receive-correction');
  assert.equal(last?.on_date, today);
  assert.equal(last?.actor_id, null, 'recorded as the applicant, not as staff');
  assert.deepEqual(last?.data, { text: '城区公园改造项目（2025年）的立项批复全文\n包括附件' });
  const row = await t.db
    .selectFrom('requests')
    .select(['description', 'subject'])
    .where('id', '=', c.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(
    row,
    { description: '请提供批复全文', subject: '城区公园改造项目批复' },
    'nothing else changes',
  );

  const expected = computeClock({
    calendar: bundledCalendar,
    receipt: { channel: 'online', receivedOn: today },
    events: [
      { type: 'correction-notice-sent', on: today },
      { type: 'correction-received', on: today },
    ],
    today,
  });
  assert.equal(expected.replyDue, '2026-04-14', 'received and corrected the same day: counted from that day');
  const due = formatChineseDate(expected.replyDue);
  const b = res.body;
  assert.match(b, /补正内容已提交。/);
  assert.match(b, new RegExp(`新的答复期限：<strong>${due}</strong>`));
  assert.match(b, new RegExp(`答复期限</dt><dd><strong>${due}</strong>`));
  assert.match(b, /办理阶段<\/dt><dd><strong>办理中<\/strong>/);
  assert.match(b, /收到补正<\/strong><br>答复期限自收到补正之日起重新计算/);
  assert.doesNotMatch(b, /name="intent" value="correct"/, 'no second correction form');
  assert.equal((await track(t.db, c.code, c.password, today)).clock.state?.replyDue, expected.replyDue);

  // A second submission is refused: the case no longer awaits a correction.
  const again = await post(
    { intent: 'correct', code: c.code, password: c.password, text: '再补一次' },
    freshIp(),
  );
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /未能提交补正：<\/strong>该申请当前处于“办理中”阶段，不需要提交补正内容/);
  assert.match(again.body, /您填写的内容（尚未提交）：<br>再补一次/);
  assert.equal((await eventsOf(c.id)).length, events.length);
});

test('correction validation errors re-render with 400 and keep what was typed', async () => {
  const c = await awaitingCorrection();
  const ip = freshIp();
  const before = (await eventsOf(c.id)).length;

  // Empty text, right password: the progress page with the form's error.
  const empty = await post({ intent: 'correct', code: c.code, password: c.password, text: '  \r\n ' }, ip);
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /<a href="#correction-text">补正后的内容描述：请填写补正后的内容描述<\/a>/);
  assert.match(empty.body, /id="correction-text-error"><strong>错误：请填写补正后的内容描述/);
  assert.match(empty.body, /<textarea id="correction-text"[^>]*aria-invalid="true"/);
  assert.match(empty.body, new RegExp(`案件编号</dt><dd>${c.caseNo}</dd>`));

  // Too long: kept as typed, counted.
  const long = `${'批'.repeat(2000)}复`;
  const tooLong = await post({ intent: 'correct', code: c.code, password: c.password, text: long }, ip);
  assert.equal(tooLong.statusCode, 400);
  assert.match(tooLong.body, /不能超过2000字（现有2001字）/);
  assert.ok(tooLong.body.includes(`>${long}</textarea>`), 'the text is kept');
  // Exactly 2000 characters is accepted later on; first the password errors.

  // No password: the form alone (nothing of the case), the text kept and escaped.
  const typed = '<b>项目</b> & 年份';
  const noPassword = await post({ intent: 'correct', code: c.code, password: '', text: typed }, ip);
  assert.equal(noPassword.statusCode, 400);
  assert.match(noPassword.body, /<h1>提交补正内容<\/h1>/);
  assert.match(noPassword.body, /查询密码：提交补正内容需要再次输入查询密码/);
  assert.ok(noPassword.body.includes('>&lt;b&gt;项目&lt;/b&gt; &amp; 年份</textarea>'));
  assert.doesNotMatch(noPassword.body, new RegExp(c.caseNo));
  assert.doesNotMatch(noPassword.body, /请写明项目名称/);

  // A wrong password: 404, the same page, the text still kept, nothing revealed.
  const wrong = await post({ intent: 'correct', code: c.code, password: 'WRONGPW2', text: typed }, ip);
  assert.equal(wrong.statusCode, 404);
  assert.match(wrong.body, /跟踪码或查询密码不正确/);
  assert.ok(wrong.body.includes('&lt;b&gt;项目&lt;/b&gt; &amp; 年份</textarea>'));
  assert.doesNotMatch(wrong.body, new RegExp(c.caseNo));
  const unknown = await post(
    { intent: 'correct', code: 'ZZZZZZZZZZ', password: 'WRONGPW2', text: typed },
    ip,
  );
  assert.equal(unknown.statusCode, 404);
  const strip = (b: string) => b.replace(/name="code" value="[^"]*"/, '');
  assert.equal(strip(wrong.body), strip(unknown.body), 'an unknown code looks the same');

  assert.equal((await eventsOf(c.id)).length, before, 'nothing recorded');
  assert.equal(await stageOf(c.id), 'awaiting-correction');

  const ok = await post(
    { intent: 'correct', code: c.code, password: c.password, text: '批'.repeat(2000) },
    ip,
  );
  assert.equal(ok.statusCode, 200, '2000 characters are allowed');
  assert.equal(await stageOf(c.id), 'processing');
});

test('a correction is accepted only while the case awaits one', async () => {
  const c = await apply();
  const ip = freshIp();
  const tryCorrect = () =>
    post({ intent: 'correct', code: c.code, password: c.password, text: '补正内容' }, ip);
  let res = await tryCorrect();
  assert.equal(res.statusCode, 409);
  assert.match(res.body, /该申请当前处于“待确认收到”阶段，不需要提交补正内容/);
  assert.doesNotMatch(res.body, /name="intent" value="correct"/);
  await office_(c.id, { action: 'confirm-receipt' });
  await office_(c.id, { action: 'assign', unitId: education });
  res = await tryCorrect();
  assert.equal(res.statusCode, 409);
  assert.match(res.body, /“办理中”阶段/);
  assert.ok(!(await eventsOf(c.id)).some((e) => e.type === 'receive-correction'));

  // Deemed withdrawn by the office while the citizen was typing: refused, the text shown back.
  const d = await awaitingCorrection();
  await office_(d.id, { action: 'deem-withdrawn-no-correction' });
  res = await post({ intent: 'correct', code: d.code, password: d.password, text: '晚到的补正' }, ip);
  assert.equal(res.statusCode, 409);
  assert.match(res.body, /“已终止”阶段/);
  assert.match(res.body, /晚到的补正/);
  assert.equal(await stageOf(d.id), 'closed');
});

// ---------------------------------------------------------------------------------------------------------
// 文书下载

/** The download links of a tracking page: url, letter id, token, and the link text. */
function letterLinks(body: string) {
  return [
    ...body.matchAll(/<li><a href="(\/gk\/apply\/track\/letters\/(\d+)\?t=([^"]+))">([^<]+)<\/a>/g),
  ].map((m) => ({
    url: m[1] as string,
    letterId: Number(m[2]),
    token: decodeURIComponent(m[3] as string),
    title: m[4],
  }));
}

const download = (url: string, ip: string) => t.app.inject({ method: 'GET', url, remoteAddress: ip });

test('文书下载 lists the notices and the reply; a link serves the .docx with its Chinese file name', async () => {
  const c = await awaitingCorrection();
  const ip = freshIp();
  let res = await post({ code: c.code, password: c.password }, ip);
  let links = letterLinks(res.body);
  assert.equal(links.length, 1);
  assert.equal(links[0]?.title, '政府信息公开申请补正告知书');
  assert.match(res.body, /<h2>文书下载<\/h2>/);
  assert.match(res.body, /下载链接在本次查询后30分钟内有效/);

  await post({ intent: 'correct', code: c.code, password: c.password, text: '已补正' }, ip);
  await office_(c.id, {
    action: 'consult-send',
    consultationId: 'k1',
    party: 'third-party',
    name: '某某置业有限公司',
  });
  await office_(c.id, { action: 'consult-reply', consultationId: 'k1', opinion: 'agree' });
  await office_(c.id, {
    action: 'reply',
    outcome: 'PARTIAL',
    groundCode: 'THIRD_PARTY_RIGHTS',
    text: '部分公开',
  });
  res = await post({ code: c.code, password: c.password }, ip);
  links = letterLinks(res.body);
  assert.deepEqual(
    links.map((l) => l.title),
    ['政府信息公开申请补正告知书', '政府信息部分公开告知书'],
    'the consultation letter to the third party is not listed',
  );
  assert.doesNotMatch(res.body, /征求第三方意见函|某某置业有限公司/);

  const reply = links[1];
  assert.ok(reply);
  const file = await download(reply.url, ip);
  assert.equal(file.statusCode, 200);
  assert.equal(
    file.headers['content-type'],
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  );
  assert.equal(file.headers['cache-control'], 'private, no-store');
  const disposition = String(file.headers['content-disposition']);
  assert.match(disposition, /^attachment; filename="letter-\d+\.docx"; filename\*=UTF-8''/);
  const name = decodeURIComponent(disposition.split("filename*=UTF-8''")[1] ?? '');
  assert.equal(name, `${c.caseNo}-政府信息部分公开告知书.docx`);
  assert.equal(file.rawPayload.subarray(0, 2).toString('latin1'), 'PK', 'a .docx is a zip');
  assert.ok(file.rawPayload.includes(Buffer.from('word/document.xml')));

  // The consultation letter exists in the case file but is never served, even with a valid token.
  const consultation = await t.db
    .selectFrom('request_letters')
    .select('id')
    .where('request_id', '=', c.id)
    .where('kind', '=', 'consultation')
    .executeTakeFirstOrThrow();
  const refused = await download(
    `/gk/apply/track/letters/${consultation.id}?t=${encodeURIComponent(reply.token)}`,
    ip,
  );
  assert.equal(refused.statusCode, 404);
});

test('a wrong, tampered, foreign or expired token gets 404', async () => {
  const a = await awaitingCorrection();
  const b = await awaitingCorrection();
  const ip = freshIp();
  const linkOf = async (c: { code: string; password: string }) => {
    const l = letterLinks((await post({ code: c.code, password: c.password }, ip)).body)[0];
    assert.ok(l);
    return l;
  };
  const la = await linkOf(a);
  const lb = await linkOf(b);
  assert.equal((await download(la.url, ip)).statusCode, 200);

  const url = (letterId: number, token: string) =>
    `/gk/apply/track/letters/${letterId}?t=${encodeURIComponent(token)}`;
  const [caseId, expires, mac] = la.token.split('.') as [string, string, string];
  const flipped = `${mac.slice(0, 10)}${mac[10] === 'A' ? 'B' : 'A'}${mac.slice(11)}`;
  for (const [label, target] of [
    ['no token', `/gk/apply/track/letters/${la.letterId}`],
    ['empty token', url(la.letterId, '')],
    ['garbage', url(la.letterId, 'not-a-token')],
    ['tampered mac', url(la.letterId, `${caseId}.${expires}.${flipped}`)],
    ['later expiry', url(la.letterId, `${caseId}.${Number(expires) + 60_000}.${mac}`)],
    ['other case id', url(la.letterId, `${b.id}.${expires}.${mac}`)],
    ["case A's token for case B's letter", url(lb.letterId, la.token)],
    ['bad letter id', url(0, la.token)],
    ['unknown letter', url(999_999, la.token)],
  ] as const) {
    const res = await download(target, ip);
    assert.equal(res.statusCode, 404, label);
    assert.match(res.body, /下载链接不正确或已失效/, label);
    assert.equal(res.headers['content-disposition'], undefined, label);
  }

  // 30 minutes later the same link no longer works.
  const realNow = Date.now;
  Date.now = () => realNow() + LETTER_LINK_TTL_MS + 1000;
  let expired: LightMyRequestResponse;
  try {
    expired = await download(la.url, ip);
  } finally {
    Date.now = realNow;
  }
  assert.equal(expired.statusCode, 404);
  assert.match(expired.body, /重新<a href="\/gk\/apply\/track">查询办理进度<\/a>/);
  assert.equal((await download(la.url, ip)).statusCode, 200, 'still valid before it expires');
});

test('letter link tokens: bound to the case, expire, need the key', () => {
  let now = 1_000_000;
  const links = createLetterLinks({ secret: Buffer.alloc(32, 1), now: () => now });
  const token = links.issue(42);
  assert.match(token, /^42\.\d+\.[A-Za-z0-9_-]{43}$/);
  assert.equal(links.verify(token), 42);
  assert.equal(createLetterLinks({ secret: Buffer.alloc(32, 2), now: () => now }).verify(token), null);
  assert.equal(createLetterLinks().verify(token), null, 'a random key per process');
  assert.equal(links.verify(token.replace(/^42\./, '43.')), null);
  assert.equal(links.verify(`${token}x`), null);
  assert.equal(links.verify(''), null);
  now += LETTER_LINK_TTL_MS - 1;
  assert.equal(links.verify(token), 42);
  now += 1;
  assert.equal(links.verify(token), null, 'expired after 30 minutes');
});

test('a link signed by one app instance works on another on the same database (cluster, restart)', async () => {
  const c = await awaitingCorrection();
  const ip = freshIp();
  const link = letterLinks((await post({ code: c.code, password: c.password }, ip)).body)[0];
  assert.ok(link);
  // A second process of the cluster (or the same server after a restart): same database, new app.
  const other = await buildApp({
    config: { ...loadConfig({ GONGKAI_DATA: t.dataDir }), seedDemo: false },
    db: t.db,
    logger: false,
  });
  try {
    await other.ready();
    const res = await other.inject({ method: 'GET', url: link.url, remoteAddress: ip });
    assert.equal(res.statusCode, 200);
    assert.equal(res.rawPayload.subarray(0, 2).toString('latin1'), 'PK');
  } finally {
    await other.close();
  }
  // The secret is generated once and then only read; another database has another one.
  const first = await loadLetterLinkSecret(t.db);
  assert.deepEqual(await loadLetterLinkSecret(t.db), first);
  assert.equal(first.length, 32);
  const stored = await t.db.selectFrom('request_secrets').select('name').execute();
  assert.deepEqual(
    stored.map((r) => r.name),
    ['letter-links'],
  );
  const elsewhere = await createTestApp();
  try {
    assert.notDeepEqual(await loadLetterLinkSecret(elsewhere.db), first);
    const res = await elsewhere.app.inject({
      method: 'GET',
      url: link.url,
      remoteAddress: ip,
    });
    assert.equal(res.statusCode, 404, 'a link of another installation is refused');
  } finally {
    await elsewhere.close();
  }
});

test('the download file name: ASCII fallback and RFC 5987 UTF-8 name', () => {
  assert.equal(
    contentDisposition("2026-000001-答复书(1)'s.docx", 'letter-1.docx'),
    'attachment; filename="letter-1.docx"; filename*=UTF-8\'\'2026-000001-%E7%AD%94%E5%A4%8D%E4%B9%A6%281%29%27s.docx',
  );
});

test('no letters, no 文书下载 section', async () => {
  const c = await apply();
  await office_(c.id, { action: 'confirm-receipt' });
  const res = await post({ code: c.code, password: c.password }, freshIp());
  assert.doesNotMatch(res.body, /文书下载/);
  assert.doesNotMatch(res.body, /\/gk\/apply\/track\/letters\//);
});
