/**
 * Hearings, meetings with public representatives, open days and evaluations on one database: the staff
 * API (create, publish, draw, criteria, list, opinions), the portal sign-up without JavaScript and its
 * refusals (empty, too long, forged id, after the deadline, a burst, a full open day), the survey, what
 * the portal shows of sign-ups (the selected names only), and the module's stats.
 * The suite runs at TEST_TODAY 2026-03-16.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';
import { drawParticipants } from './domain/draw.ts';
import { decisionsModule } from './manifest.ts';

let t: TestApp;
let office: Client;
let city: number;
let ip = 0;

before(async () => {
  t = await createTestApp();
  office = await t.as('t_office');
  city = await orgIdByName(t.db, '济宁市人民政府');
});
after(() => t.close());

const event = (over: Record<string, unknown> = {}) => ({
  kind: 'meeting',
  orgId: city,
  title: '市政府常务会议（邀请公众代表列席）',
  description: '研究城区停车管理办法。',
  heldOn: '2026-04-10',
  startsAt: '9:00',
  place: '市政府第一会议室',
  signupClosesOn: '2026-03-31',
  places: 2,
  selection: 'draw',
  streamUrl: 'https://live.example.gov.cn/1',
  ...over,
});

async function createPublished(over: Record<string, unknown> = {}) {
  const res = await office.send('POST', '/api/decisions/events', event(over));
  assert.equal(res.statusCode, 200, res.body);
  const id = res.json().event.id as number;
  const pub = await office.send('POST', `/api/decisions/events/${id}/publish`);
  assert.equal(pub.statusCode, 200, pub.body);
  return id;
}

function hidden(html: string, name: string): string {
  const m = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html);
  assert.ok(m, `hidden field ${name}`);
  return m[1] as string;
}

/** POST a portal form like a browser without JavaScript, each time from another address unless said. */
async function post(
  c: Client,
  id: number,
  form: 'signup' | 'survey',
  fields: Record<string, string>,
  address?: string,
) {
  const page = await c.get(`/gk/decisions/events/${id}`);
  const csrf = page.body.includes('name="_csrf"') ? hidden(page.body, '_csrf') : (c.cookies.gk_csrf ?? '');
  return t.app.inject({
    method: 'POST',
    url: `/gk/decisions/events/${id}/${form}`,
    cookies: { ...c.cookies },
    remoteAddress: address ?? `10.1.0.${++ip}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf, ...fields }).toString(),
  });
}

const person = (name: string) => ({
  name,
  contact: `1380000${name.length}000`,
  identity: '社区居民',
  reason: '',
});

test('meeting: sign-up without JS, a reproducible draw, the list with names only, opinions and answers', async () => {
  const id = await createPublished();
  const citizen = await t.anonymous();
  const page = await citizen.get(`/gk/decisions/events/${id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /我要报名/);
  assert.match(page.body, /2026年4月10日 9:00/);
  assert.match(page.body, /观看直播/);
  for (const name of ['张三', '李四', '王五', '赵六']) {
    const res = await post(citizen, id, 'signup', person(name));
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /报名已提交/);
  }
  // Nobody's name nor contact is public before the list is published.
  const before = await citizen.get(`/gk/decisions/events/${id}`);
  assert.doesNotMatch(before.body, /张三|13800002000/);

  // No draw while sign-up is open.
  const early = await office.send('POST', `/api/decisions/events/${id}/draw`, { seed: '2026031' });
  assert.equal(early.statusCode, 409);
  assert.match(early.json().error.message, /报名截止后才能抽签/);
  await office.send('PUT', `/api/decisions/events/${id}`, { ...event(), signupClosesOn: '2026-03-15' });
  const drawn = await office.send('POST', `/api/decisions/events/${id}/draw`, { seed: '2026031' });
  assert.equal(drawn.statusCode, 200, drawn.body);
  const d = drawn.json();
  assert.equal(d.event.drawSeed, '2026031');
  assert.equal(d.event.drawCandidates.length, 4);
  const selected = d.signups
    .filter((s: { selected: boolean }) => s.selected)
    .map((s: { id: number }) => s.id);
  // Anyone re-drawing with the recorded seed and candidates gets the same people.
  assert.deepEqual([...selected].sort(), [...drawParticipants('2026031', d.event.drawCandidates, 2)].sort());
  const again = await office.send('POST', `/api/decisions/events/${id}/draw`, { seed: 'other' });
  assert.equal(again.statusCode, 409);
  assert.match(again.json().error.message, /不能重复抽签/);

  assert.equal((await office.send('POST', `/api/decisions/events/${id}/list`)).statusCode, 200);
  const first = d.signups.find((s: { id: number }) => s.id === selected[0]);
  const loser = d.signups.find((s: { selected: boolean }) => !s.selected);
  const opinion = await office.send('POST', `/api/decisions/signups/${first.id}/opinion`, {
    opinion: '建议夜间免费停车延长到早8点。',
    answer: '已采纳。',
  });
  assert.equal(opinion.statusCode, 200, opinion.body);
  const notSelected = await office.send('POST', `/api/decisions/signups/${loser.id}/opinion`, {
    opinion: 'x',
  });
  assert.equal(notSelected.statusCode, 409);

  const published = await citizen.get(`/gk/decisions/events/${id}`);
  assert.match(published.body, new RegExp(`<li>${first.name}</li>`));
  assert.doesNotMatch(published.body, new RegExp(loser.name));
  assert.doesNotMatch(published.body, /1380000\d000/);
  assert.match(published.body, /抽签种子：<code>2026031<\/code>/);
  assert.match(published.body, /建议夜间免费停车延长到早8点。<\/td><td>已采纳。/);
});

test('sign-up refusals: empty, too long, forged id, after the deadline, a burst; nothing half-saved', async () => {
  const id = await createPublished({ title: '报名校验会议' });
  const citizen = await t.anonymous();
  const count = async () => (await office.get(`/api/decisions/events/${id}`)).json().signups.length;

  const empty = await post(citizen, id, 'signup', { name: ' ', contact: '', identity: '', reason: '' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /报名尚未提交/);
  assert.match(empty.body, /请填写姓名/);
  assert.match(empty.body, /请填写联系方式/);

  const long = await post(citizen, id, 'signup', { ...person('钱七'), reason: '意'.repeat(501) });
  assert.equal(long.statusCode, 400);
  assert.match(long.body, /报名理由或拟提出的意见不能超过500字（现为501字）/);
  // What was typed is kept.
  assert.match(long.body, /value="钱七"/);
  assert.equal(await count(), 0);

  for (const forged of ['999999', 'abc', '0']) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/gk/decisions/events/${forged}/signup`,
      cookies: { ...citizen.cookies },
      remoteAddress: `10.1.1.${++ip}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: citizen.cookies.gk_csrf ?? '', ...person('孙八') }).toString(),
    });
    assert.equal(res.statusCode, 404, forged);
  }
  // A draft event takes no sign-up either.
  const draft = (await office.send('POST', '/api/decisions/events', event({ title: '未发布会议' }))).json()
    .event.id;
  assert.equal((await citizen.get(`/gk/decisions/events/${draft}`)).statusCode, 404);

  const closed = await createPublished({ title: '已截止会议', signupClosesOn: '2026-03-10' });
  const late = await post(citizen, closed, 'signup', person('周九'));
  assert.equal(late.statusCode, 409);
  assert.match(late.body, /报名已于2026年3月10日截止，报名未成功。/);

  const burst: number[] = [];
  for (let i = 0; i < 7; i++)
    burst.push((await post(citizen, id, 'signup', person(`吴${i}`), '10.9.9.9')).statusCode);
  assert.deepEqual(burst, [200, 200, 200, 200, 200, 429, 429]);
  assert.equal(await count(), 5);

  const noCsrf = await t.app.inject({
    method: 'POST',
    url: `/gk/decisions/events/${id}/signup`,
    remoteAddress: `10.1.2.${++ip}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(person('郑十')).toString(),
  });
  assert.equal(noCsrf.statusCode, 403);
  assert.match(noCsrf.body, /页面已失效/);
  assert.match(noCsrf.body, /value="郑十"/);
  assert.equal(await count(), 5);
});

test('open day: capacity enforced, a full event refuses with a clear message; survey after the day', async () => {
  const id = await createPublished({
    kind: 'open_day',
    title: '政府开放日：走进政务服务中心',
    places: 2,
    selection: 'first_come',
  });
  const citizen = await t.anonymous();
  // Concurrent sign-ups for the last places: the event row is locked, so never more than the places.
  const results = await Promise.all(
    ['甲', '乙', '丙', '丁'].map((n) => post(citizen, id, 'signup', person(n))),
  );
  assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 200, 409, 409]);
  const full = results.find((r) => r.statusCode === 409);
  assert.match(full?.body ?? '', /名额已满（共2个名额），报名未成功/);
  const detail = (await office.get(`/api/decisions/events/${id}`)).json();
  assert.equal(detail.signups.length, 2);
  assert.ok(detail.signups.every((s: { selected: boolean }) => s.selected));
  // The open day's names are never published.
  assert.doesNotMatch((await citizen.get(`/gk/decisions/events/${id}`)).body, /<li>甲<\/li>|<li>乙<\/li>/);

  const early = await post(citizen, id, 'survey', { rating: '5', remark: '' });
  assert.equal(early.statusCode, 409);
  assert.match(early.body, /活动结束后才能填写调查问卷/);
  const past = await createPublished({
    kind: 'open_day',
    title: '已举办的开放日',
    heldOn: '2026-03-14',
    signupClosesOn: '2026-03-10',
    places: 10,
    selection: 'first_come',
    summary: '已增设导办员。',
  });
  const forged = await post(citizen, past, 'survey', { rating: '9', remark: '' });
  assert.equal(forged.statusCode, 400);
  assert.match(forged.body, /请选择满意程度/);
  for (const rating of ['5', '4', '2'])
    assert.equal((await post(citizen, past, 'survey', { rating, remark: '' })).statusCode, 200);
  const page = await citizen.get(`/gk/decisions/events/${past}`);
  assert.match(page.body, /满意度调查结果（共3份，满意率67%）/);
  assert.match(page.body, /已增设导办员。/);
});

test('hearing: criteria selection, materials 7 days before, list published; wrong input refused', async () => {
  const bad = await office.send(
    'POST',
    '/api/decisions/events',
    event({ kind: 'hearing', selection: 'criteria' }),
  );
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /请写明遴选条件/);
  const openDayDraw = await office.send('POST', '/api/decisions/events', event({ kind: 'open_day' }));
  assert.equal(openDayDraw.statusCode, 400);
  const id = await createPublished({
    kind: 'hearing',
    title: '停车收费标准听证会',
    selection: 'criteria',
    selectionNote: '驾驶人、商户、居民各1名',
    places: 2,
    signupClosesOn: '2026-03-20',
  });
  const citizen = await t.anonymous();
  for (const n of ['驾驶人甲', '商户乙', '居民丙']) await post(citizen, id, 'signup', person(n));
  const { signups } = (await office.get(`/api/decisions/events/${id}`)).json();
  const ids = signups.map((s: { id: number }) => s.id);
  const tooMany = await office.send('POST', `/api/decisions/events/${id}/select`, { signupIds: ids });
  assert.equal(tooMany.statusCode, 400);
  const forged = await office.send('POST', `/api/decisions/events/${id}/select`, {
    signupIds: [ids[0], 999999],
  });
  assert.equal(forged.statusCode, 400);
  assert.match(forged.body, /不在本活动的报名名单中/);
  assert.equal(
    (await office.send('POST', `/api/decisions/events/${id}/select`, { signupIds: ids.slice(0, 2) }))
      .statusCode,
    200,
  );
  const late = await office.send('PUT', `/api/decisions/events/${id}`, {
    ...event({
      kind: 'hearing',
      title: '停车收费标准听证会',
      selection: 'criteria',
      selectionNote: '驾驶人、商户、居民各1名',
    }),
    places: 2,
    signupClosesOn: '2026-03-20',
    materialsSentOn: '2026-04-05',
  });
  assert.equal(late.statusCode, 200, late.body);
  assert.equal(late.json().event.materialsOnTime, false);
  assert.equal(late.json().event.materialsDeadline, '2026-04-03');
  assert.equal((await office.send('POST', `/api/decisions/events/${id}/list`)).statusCode, 200);
  const page = await citizen.get(`/gk/decisions/events/${id}`);
  assert.match(page.body, /听证参加人名单/);
  assert.match(page.body, /<li>驾驶人甲<\/li>/);
  assert.doesNotMatch(page.body, /居民丙/);
  assert.match(page.body, /已于2026年4月5日送达听证参加人/);
});

test('evaluations on the portal and the stats against the yearly targets', async () => {
  const evaluation = {
    orgId: city,
    policy: '促进民营经济发展若干措施',
    evaluator: '第三方评估机构',
    method: '问卷调查',
    findings: '知晓率86%，建议简化申报。',
    result: 'amend',
    evaluatedOn: '2026-03-01',
    published: true,
  };
  assert.equal((await office.send('POST', '/api/decisions/evaluations', evaluation)).statusCode, 200);
  const missing = await office.send('POST', '/api/decisions/evaluations', { ...evaluation, findings: ' ' });
  assert.equal(missing.statusCode, 400);
  const hidden = await office.send('POST', '/api/decisions/evaluations', {
    ...evaluation,
    policy: '未公开的评估',
    published: false,
  });
  assert.equal(hidden.statusCode, 200);
  const citizen = await t.anonymous();
  const page = await citizen.get('/gk/decisions/evaluations');
  assert.match(page.body, /促进民营经济发展若干措施/);
  assert.match(page.body, /修改完善/);
  assert.doesNotMatch(page.body, /未公开的评估/);

  const targets = await office.send('PUT', '/api/decisions/targets', {
    meetingTarget: 12,
    evaluationTargetGovernment: 5,
    evaluationTargetUnit: 2,
  });
  assert.equal(targets.statusCode, 200, targets.body);
  const tables = await decisionsModule.stats?.(t.db, { year: 2026, orgIds: [city] });
  const participation = tables?.find((x) => x.key === 'decisions.participation');
  const row = participation?.rows.find((r) => r.key === String(city));
  // Meetings of this suite held in 2026 (published): 3; open days: 2; hearings: 1; evaluations: 1.
  assert.deepEqual(row?.counts, [1, 3, 2, 2, 2, 1]);
  const target = tables?.find((x) => x.key === 'decisions.targets')?.rows.find((r) => r.key === String(city));
  assert.deepEqual(target?.counts, [3, 12, 9, 1, 5, 4]);
});

test('the yearly targets: a form that checks and audits them; the year’s counts against the current targets', async () => {
  const put = (c: Client, body: Record<string, unknown>) => c.send('PUT', '/api/decisions/targets', body);
  const good = { meetingTarget: 10, evaluationTargetGovernment: 6, evaluationTargetUnit: 3 };
  const bad = await put(office, { ...good, evaluationTargetUnit: -1 });
  assert.equal(bad.statusCode, 400, bad.body);
  assert.match(bad.body, /每个部门政策评估目标应为0至1000之间的整数/);
  const fraction = await put(office, { ...good, meetingTarget: 2.5 });
  assert.equal(fraction.statusCode, 400);
  assert.equal((await put(await t.as('t_handler'), good)).statusCode, 403);
  const saved = await put(office, good);
  assert.equal(saved.statusCode, 200, saved.body);
  assert.deepEqual(saved.json(), good);
  const audit = await t.db
    .selectFrom('audit_log')
    .select(['action', 'after'])
    .where('action', '=', 'decisions.targets')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  assert.deepEqual(audit.after, good);

  const progress = await office.get('/api/decisions/targets/progress?year=2026');
  assert.equal(progress.statusCode, 200, progress.body);
  assert.deepEqual(progress.json().targets, good);
  const cityRow = progress.json().rows.find((r: { orgId: number }) => r.orgId === city);
  assert.deepEqual(
    [cityRow.meetingTarget, cityRow.evaluationTarget, cityRow.evaluations, cityRow.evaluationsMissing],
    [10, 6, 1, 5],
  );
  // A government with nothing yet is listed with its whole target missing.
  const county = await orgIdByName(t.db, '邹城市人民政府');
  const countyRow = progress.json().rows.find((r: { orgId: number }) => r.orgId === county);
  assert.deepEqual(
    [countyRow?.meetings, countyRow?.meetingsMissing, countyRow?.evaluationsMissing],
    [0, 10, 6],
  );
  assert.equal((await office.get('/api/decisions/targets/progress?year=abc')).statusCode, 400);
});
