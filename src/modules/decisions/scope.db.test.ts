/**
 * Whose decisions a person reads, and who changes the module's settings (issue 18, the authorisation
 * matrix): a consultation, a catalogue item, a hearing with its participants and an evaluation of
 * 市教育局 (unit A, under the city) are read by A and by the city (its administrator, its office), not by
 * the administrator of another department (市财政局) or of a county (邹城市) — neither by id (404, as the
 * module answers a record one may not see) nor in the console's lists. The settings are one row for the
 * whole platform: changed by the city's administrator and office only.
 * The suite runs at TEST_TODAY 2026-03-16.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createTestUser, orgIdByName } from '../../../test/helpers/factories.ts';
import { submitSignup } from './participation.service.ts';

const TIMEOUT = { timeout: 60_000 };
const PARTICIPANT = '报名人王小明';

let t: TestApp;
let owner: Client;
let unitA: number;
let city: number;
/** A's records: the console path of each, by id. */
let records: { consultation: number; item: number; event: number; evaluation: number };
/** The principals outside A's branch, by label. */
let outsiders: [string, Client][];
/** Those who see A: its own approver, the city's administrator and office. */
let insiders: [string, Client][];

before(async () => {
  t = await createTestApp();
  unitA = await orgIdByName(t.db, '市教育局');
  city = await orgIdByName(t.db, '济宁市人民政府');
  owner = await t.as('t_approver');
  for (const [username, role, org] of [
    ['dept_admin', 'admin', '市财政局'],
    ['dept_office', 'office', '市财政局'],
    ['county_admin', 'admin', '邹城市人民政府'],
  ] as const)
    await createTestUser(t.db, { username, role, org });

  const created = async (path: string, body: Record<string, unknown>, key: string) => {
    const res = await owner.send('POST', path, { orgId: unitA, ...body });
    assert.equal(res.statusCode, 200, res.body);
    return res.json()[key].id as number;
  };
  const consultation = await created(
    '/api/decisions/consultations',
    {
      title: '校外培训管理办法（征求意见稿）',
      draft: '第一条 为了规范校外培训，制定本办法。',
      explanation: '起草说明。',
      channels: '电子邮件：jy@example.gov.cn',
      opensOn: '2026-03-16',
      plannedLastDay: '2026-04-15',
    },
    'consultation',
  );
  const item = await created(
    '/api/decisions/items',
    { year: 2026, subject: '济宁市中小学布局规划', undertaker: '市教育局', published: false },
    'item',
  );
  const event = await created(
    '/api/decisions/events',
    {
      kind: 'hearing',
      title: '中小学布局规划听证会',
      description: '听取对布局规划的意见。',
      heldOn: '2026-04-10',
      startsAt: '9:00',
      place: '市教育局会议室',
      signupClosesOn: '2026-03-31',
      places: 5,
      selection: 'draw',
    },
    'event',
  );
  const published = await owner.send('POST', `/api/decisions/events/${event}/publish`);
  assert.equal(published.statusCode, 200, published.body);
  await submitSignup(
    t.db,
    event,
    { name: PARTICIPANT, contact: '13800000000', identity: '家长', reason: '关心学校布局' },
    '2026-03-16',
  );
  const evaluations = await owner.send('POST', '/api/decisions/evaluations', {
    orgId: unitA,
    policy: '课后服务实施办法',
    evaluator: '市教育局',
    method: '问卷调查',
    findings: '家长满意度较高。',
    result: 'continue',
    evaluatedOn: '2026-03-01',
    published: false,
  });
  assert.equal(evaluations.statusCode, 200, evaluations.body);
  const evaluation = (evaluations.json().items as { id: number; policy: string }[]).find(
    (e) => e.policy === '课后服务实施办法',
  )?.id;
  assert.ok(evaluation);
  records = { consultation, item, event, evaluation };

  outsiders = [
    ['the administrator of another department', await t.as('dept_admin')],
    ['the administrator of a county', await t.as('county_admin')],
    ['the office of another department', await t.as('dept_office')],
  ];
  insiders = [
    ['A’s own approver', owner],
    ['the city’s administrator', await t.as('t_admin')],
    ['the city’s office', await t.as('t_office')],
  ];
});
after(() => t?.close());

const detailPaths = () => [
  `/api/decisions/consultations/${records.consultation}`,
  `/api/decisions/items/${records.item}`,
  `/api/decisions/events/${records.event}`,
];

/** The console's lists, each with the id of A's record it must (or must not) show. */
const lists = () =>
  [
    ['/api/decisions/consultations', records.consultation],
    ['/api/decisions/items', records.item],
    ['/api/decisions/events', records.event],
    ['/api/decisions/evaluations', records.evaluation],
  ] as const;

async function listed(c: Client, path: string): Promise<number[]> {
  const res = await c.get(path);
  assert.equal(res.statusCode, 200, `${path}: ${res.body}`);
  return (res.json().items as { id: number }[]).map((x) => x.id);
}

test('another department’s or a county’s staff read none of A’s decisions by id', TIMEOUT, async () => {
  for (const [who, c] of outsiders)
    for (const path of detailPaths()) {
      const res = await c.get(path);
      assert.equal(res.statusCode, 404, `${who} ${path}: ${res.body}`);
      assert.doesNotMatch(res.body, new RegExp(PARTICIPANT), `${who} ${path}`);
      assert.match(res.json().error.message, /[\u4e00-\u9fff]/, `${who} ${path}: a Chinese message`);
    }
});

test('A and the city read A’s decisions by id, the participants’ names included', TIMEOUT, async () => {
  for (const [who, c] of insiders) {
    for (const path of detailPaths()) {
      const res = await c.get(path);
      assert.equal(res.statusCode, 200, `${who} ${path}: ${res.body}`);
    }
    const event = (await c.get(`/api/decisions/events/${records.event}`)).json();
    assert.deepEqual(
      event.signups.map((s: { name: string }) => s.name),
      [PARTICIPANT],
      who,
    );
  }
});

test('the console’s lists show A’s decisions to A and the city only', TIMEOUT, async () => {
  for (const [path, id] of lists()) {
    for (const [who, c] of outsiders)
      assert.ok(!(await listed(c, path)).includes(id), `${who} ${path} shows A's record ${id}`);
    for (const [who, c] of insiders)
      assert.ok((await listed(c, path)).includes(id), `${who} ${path} misses A's record ${id}`);
  }
});

test('the yearly targets’ progress lists the governments within one’s scope only', TIMEOUT, async () => {
  const orgsOf = async (c: Client) => {
    const res = await c.get('/api/decisions/targets/progress?year=2026');
    assert.equal(res.statusCode, 200, res.body);
    return (res.json().rows as { orgId: number }[]).map((r) => r.orgId);
  };
  const county = await orgIdByName(t.db, '邹城市人民政府');
  const [, deptAdmin] = outsiders[0] as [string, Client];
  const [, countyAdmin] = outsiders[1] as [string, Client];
  const [, cityAdmin] = insiders[1] as [string, Client];
  assert.ok(!(await orgsOf(deptAdmin)).includes(city));
  assert.deepEqual(await orgsOf(countyAdmin), [county]);
  assert.ok((await orgsOf(cityAdmin)).includes(city));
  assert.ok((await orgsOf(cityAdmin)).includes(county));
});

test(
  'the settings, one row for the whole platform: changed by the city’s administrator and office only',
  TIMEOUT,
  async () => {
    const settings = async () =>
      t.db
        .selectFrom('decision_settings')
        .select(['feedback_working_days', 'meeting_target'])
        .executeTakeFirst();
    const targets = { meetingTarget: 7, evaluationTargetGovernment: 4, evaluationTargetUnit: 1 };
    const before = await settings();
    for (const [who, c] of outsiders) {
      const days = await c.send('PUT', '/api/decisions/settings', { feedbackWorkingDays: 20 });
      assert.equal(days.statusCode, 403, `${who}: ${days.body}`);
      assert.match(days.json().error.message, /[\u4e00-\u9fff]/);
      const goals = await c.send('PUT', '/api/decisions/targets', targets);
      assert.equal(goals.statusCode, 403, `${who}: ${goals.body}`);
      assert.equal((await c.get('/api/decisions/settings')).json().canEdit, false, who);
      assert.equal((await c.get('/api/decisions/targets/progress?year=2026')).json().canEdit, false, who);
    }
    assert.deepEqual(await settings(), before);

    const [, cityAdmin] = insiders[1] as [string, Client];
    const [, cityOffice] = insiders[2] as [string, Client];
    for (const [c, days] of [
      [cityAdmin, 12],
      [cityOffice, 15],
    ] as const) {
      assert.equal((await c.get('/api/decisions/settings')).json().canEdit, true);
      const saved = await c.send('PUT', '/api/decisions/settings', { feedbackWorkingDays: days });
      assert.deepEqual(saved.json(), { feedbackWorkingDays: days, canEdit: true });
      const goals = await c.send('PUT', '/api/decisions/targets', targets);
      assert.equal(goals.statusCode, 200, goals.body);
    }
    assert.deepEqual(await settings(), { feedback_working_days: 15, meeting_target: 7 });
    // A's own approver runs A's decisions, not the platform's settings.
    assert.equal((await owner.get('/api/decisions/settings')).json().canEdit, false);
  },
);
