import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import {
  applicationBody,
  orgIdByName,
  registerCase,
  setSignoffChain,
} from '../../../test/helpers/factories.ts';
import { bundledCalendar } from '../calendar/index.ts';
import { seedDemoRequests } from './seeds.ts';

let t: TestApp;
let office: Client;
let admin: Client;
let handler: Client;
let handler2: Client;
let reviewer: Client;
let city: number;
let education: number;
let finance: number;
/** Cases registered here (2024): X consulted then disclosed, Y disclosed, Z still registered. */
const ids = { x: 0, y: 0, z: 0 };

const register = (subject: string, on: string): Promise<number> =>
  registerCase(office, applicationBody(city, { subject, submittedOn: on }));

async function act(c: Client, id: number, body: Record<string, unknown>) {
  const res = await c.send('POST', `/api/requests/${id}/actions`, body);
  assert.equal(res.statusCode, 200, res.body);
}

before(async () => {
  t = await createTestApp();
  // Replies here go out directly: this file is not about 审核签发 (signoff.db.test.ts is).
  await setSignoffChain(t.db, '济宁市人民政府', 'none');
  await seedDemoRequests(t.db);
  office = await t.as('t_office');
  admin = await t.as('t_admin');
  handler = await t.as('t_handler');
  handler2 = await t.as('t_handler2');
  reviewer = await t.as('t_reviewer');
  city = await orgIdByName(t.db, '济宁市人民政府');
  education = await orgIdByName(t.db, '市教育局');
  finance = await orgIdByName(t.db, '市财政局');

  ids.x = await register('某小区供暖改造补贴发放名单', '2024-10-14');
  await act(office, ids.x, { action: 'assign', on: '2024-10-14', unitId: education });
  const c1 = { consultationId: 'c1' };
  await act(handler, ids.x, {
    action: 'consult-send',
    on: '2024-10-16',
    ...c1,
    party: 'third-party',
    name: '某公司',
  });
  await act(handler, ids.x, { action: 'consult-deliver', on: '2024-10-16', ...c1 });
  await act(handler, ids.x, {
    action: 'consult-reply',
    on: '2024-10-23',
    ...c1,
    opinion: 'agree',
    text: '同意',
  });
  await act(handler, ids.x, { action: 'reply', on: '2024-11-01', outcome: 'DISCLOSE', text: '予以公开' });

  ids.y = await register('2024年供暖补贴发放标准', '2024-10-15');
  await act(office, ids.y, { action: 'assign', on: '2024-10-15', unitId: education });
  await act(handler, ids.y, { action: 'reply', on: '2024-10-30', outcome: 'DISCLOSE', text: '予以公开' });

  ids.z = await register('供暖补贴资金拨付情况', '2024-10-16');
});
after(() => t.close());

const yearOf = (year: number) =>
  sql<boolean>`received_on >= ${`${year}-01-01`}::date and received_on < ${`${year + 1}-01-01`}::date`;

async function analytics(c: Client, query: string) {
  const res = await c.get(`/api/requests/analytics?${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

const sum = (list: { count: number }[]) => list.reduce((s, x) => s + x.count, 0);

test('the office’s figures match direct counts for every year of the demo data', async () => {
  for (const year of [2024, 2025, 2026]) {
    const a = await analytics(office, `year=${year}`);
    const rows = await t.db
      .selectFrom('requests')
      .select(['id', 'channel', 'applicant_type', 'unit_id', 'outcome', 'stage', 'received_on'])
      .where('org_id', '=', city)
      .where(yearOf(year))
      .execute();
    assert.equal(a.year, year);
    assert.equal(a.total, rows.length, `total ${year}`);
    assert.ok(rows.length > 0, `demo cases in ${year}`);
    assert.equal(sum(a.byMonth), rows.length);
    for (const m of a.byMonth) {
      assert.equal(
        m.count,
        rows.filter((r) => Number(r.received_on?.slice(5, 7)) === m.key).length,
        `month ${m.key}`,
      );
    }
    for (const c of a.byChannel) assert.equal(c.count, rows.filter((r) => r.channel === c.key).length, c.key);
    assert.equal(sum(a.byChannel), rows.length);
    assert.equal(sum(a.byApplicantType), rows.length);
    for (const u of a.byUnit) assert.equal(u.count, rows.filter((r) => r.unit_id === u.key).length, u.label);
    assert.equal(sum(a.byUnit), rows.length);
    assert.equal(sum(a.byStage), rows.length);
    const decided = rows.filter((r) => r.outcome !== null).length;
    assert.equal(sum(a.byOutcome), decided);
    assert.equal(a.undecided, rows.length - decided);
    assert.equal(a.unmapped, 0);
    const replies = await t.db
      .selectFrom('request_events as e')
      .innerJoin('requests as r', 'r.id', 'e.request_id')
      .select(['e.on_date', 'r.reply_due', 'r.received_on'])
      .where('e.type', '=', 'reply')
      .where('r.org_id', '=', city)
      .where(
        sql<boolean>`r.received_on >= ${`${year}-01-01`}::date and r.received_on < ${`${year + 1}-01-01`}::date`,
      )
      .execute();
    assert.equal(a.timeliness.replied, replies.length, `replied ${year}`);
    const onTime = replies.filter((r) => r.reply_due === null || r.on_date <= r.reply_due).length;
    assert.equal(a.timeliness.onTime, onTime);
    // 逾期未答复 as the workbench's 已逾期 view counts them, and the rate over every case come due.
    const overdue = await office.get('/api/requests?overdue=1&pageSize=200');
    const overdueOfYear = overdue
      .json()
      .items.filter(
        (c: { receivedOn: string | null; orgId: number }) =>
          c.orgId === city && c.receivedOn?.startsWith(String(year)),
      ).length;
    assert.equal(a.timeliness.overdueOpen, overdueOfYear, `overdue ${year}`);
    const due = replies.length + overdueOfYear;
    assert.equal(a.timeliness.onTimeRate, due === 0 ? null : onTime / due);
    assert.equal(a.topicsSample.size, rows.length);
    assert.equal(a.topicsSample.limit, 5000);
    assert.equal(typeof a.generatedAt, 'string');
  }
});

test('2024: report rows, working days to reply, paused days, repeat applicants and release suggestions', async () => {
  const a = await analytics(office, 'year=2024');
  const row = (key: string) => a.byOutcome.find((r: { key: string }) => r.key === key);
  assert.equal(row('3.1').count, 3, 'the demo case and X, Y disclosed');
  assert.equal(row('3.3.6').count, 1, 'the withheld meeting minutes (过程性信息)');
  assert.equal(row('3.6.1').count, 1, 'deemed withdrawn without correction');
  assert.equal(row('3.6.3').count, 0);
  const cal = bundledCalendar;
  // Demo: 5 Mar → 20 Mar and 12 Jun → 5 Jul; X: 14 Oct → 1 Nov with 17–23 Oct paused; Y: 15 Oct → 30 Oct.
  const elapsed = [
    cal.countWorkingDays('2024-03-05', '2024-03-20'),
    cal.countWorkingDays('2024-06-12', '2024-07-05'),
    cal.countWorkingDays('2024-10-14', '2024-11-01'),
    cal.countWorkingDays('2024-10-15', '2024-10-30'),
  ];
  assert.deepEqual(elapsed, [11, 17, 14, 11]);
  assert.equal(a.timeliness.replied, 4);
  assert.equal(a.timeliness.onTime, 4);
  // Z (received 16 Oct 2024) was never answered: it is overdue, so 4 of the 5 cases come due were on time.
  assert.equal(a.timeliness.overdueOpen, 1);
  assert.equal(a.timeliness.onTimeRate, 0.8);
  assert.equal(a.timeliness.pausedWorkingDays, 5);
  assert.equal(a.timeliness.pausedCases, 1);
  assert.equal(a.timeliness.averageWorkingDays, (11 + 17 + 14 + 11 - 5) / 4);
  // The same applicant (张三丰) applied three times in 2024; the office sees who, and that is audited.
  assert.equal(a.repeatApplicants.applicants, 1);
  assert.equal(a.repeatApplicants.cases, 3);
  assert.equal(a.repeatApplicants.identitiesShown, true);
  assert.equal(a.repeatApplicants.top[0].name, '张三丰');
  const audits = await t.db
    .selectFrom('audit_log')
    .select('id')
    .where('action', '=', 'request.analytics_view_personal')
    .execute();
  assert.ok(audits.length > 0);
  // 供暖 + 补贴 in three subjects: X and Y (disclosed) may be flagged, Z (not replied) may not.
  const s = a.releaseSuggestions.find((x: { keywords: string[] }) => x.keywords.includes('供暖'));
  assert.ok(s, JSON.stringify(a.releaseSuggestions));
  assert.deepEqual([...s.keywords].sort(), ['供暖', '补贴'].sort());
  assert.equal(s.count, 3);
  assert.deepEqual([...s.flaggableIds].sort(), [ids.x, ids.y].sort());
  const topics = a.topics.map((k: { word: string }) => k.word);
  assert.ok(topics.includes('供暖') && topics.includes('补贴'), topics.join('/'));
  assert.equal(a.topics.find((k: { word: string }) => k.word === '供暖').count, 3);
});

test('the administrator sees the same counts but no identities', async () => {
  const a = await analytics(admin, 'year=2024');
  const o = await analytics(office, 'year=2024');
  assert.equal(a.total, o.total);
  assert.equal(a.repeatApplicants.applicants, 1);
  assert.equal(a.repeatApplicants.identitiesShown, false);
  assert.deepEqual(a.repeatApplicants.top, []);
});

test('scope: a unit’s handler sees only the cases assigned to its unit', async () => {
  for (const year of [2024, 2025, 2026]) {
    for (const [client, unit] of [
      [handler, education],
      [handler2, finance],
    ] as const) {
      const a = await analytics(client, `year=${year}`);
      const direct = await t.db
        .selectFrom('requests')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('unit_id', '=', unit)
        .where(yearOf(year))
        .executeTakeFirstOrThrow();
      assert.equal(a.total, Number(direct.n), `unit ${unit} ${year}`);
      for (const u of a.byUnit) assert.equal(u.key, unit);
    }
  }
  const fin2024 = await analytics(handler2, 'year=2024');
  assert.equal(fin2024.total, 0, 'the finance bureau had no case in 2024');
  assert.equal(fin2024.timeliness.onTimeRate, null);
  // Asking for another unit narrows, never widens, the scope.
  assert.equal((await analytics(handler2, `year=2024&unitId=${education}`)).total, 0);
  // A reviewer of the unit sees the unit's figures, but nobody's identity.
  const rev = await analytics(reviewer, 'year=2024');
  assert.equal(rev.total, (await analytics(handler, 'year=2024')).total);
  assert.equal(rev.repeatApplicants.identitiesShown, false);
  assert.deepEqual(rev.repeatApplicants.top, []);
  const edu = await analytics(office, `year=2024&unitId=${education}`);
  assert.equal(edu.total, 3);
  assert.equal(edu.unitId, education);
});

test('bad parameters are refused, and anonymous callers too', async () => {
  assert.equal((await office.get('/api/requests/analytics?year=abc')).statusCode, 400);
  assert.equal((await office.get('/api/requests/analytics?year=1900')).statusCode, 400);
  const anon = await t.anonymous();
  assert.equal((await anon.get('/api/requests/analytics?year=2024')).statusCode, 401);
  assert.equal((await anon.get('/api/requests/analytics.xlsx?year=2024')).statusCode, 401);
});

test('the Excel export has one sheet per breakdown, in Chinese', async () => {
  const res = await office.get('/api/requests/analytics.xlsx?year=2024');
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  assert.match(String(res.headers['content-disposition']), /attachment/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const names = wb.worksheets.map((w) => w.name);
  for (const n of [
    '概况',
    '按月份',
    '按申请方式',
    '按申请人类型',
    '按承办单位',
    '办理结果',
    '办理阶段',
    '热点主题',
    '转主动公开建议',
    '重复申请人',
  ]) {
    assert.ok(names.includes(n), `${n} in ${names.join(',')}`);
  }
  const overview = wb.getWorksheet('概况');
  assert.equal(overview?.getRow(1).getCell(1).value, '项目');
  const totalRow = overview?.getRows(2, 20)?.find((r) => r.getCell(1).value === '收件总数');
  assert.equal(totalRow?.getCell(2).value, (await analytics(office, 'year=2024')).total);
  const outcomes = wb.getWorksheet('办理结果');
  assert.deepEqual(((outcomes?.getRow(1).values ?? []) as unknown[]).slice(1), [
    '类别',
    '办理结果',
    '自然人',
    '商业企业',
    '科研机构',
    '社会公益组织',
    '法律服务机构',
    '其他',
    '总计',
  ]);
  assert.equal(outcomes?.getRow(2).getCell(3).value, 3, '（一）予以公开, natural persons');
  // The administrator's export names nobody.
  const adminRes = await admin.get('/api/requests/analytics.xlsx?year=2024');
  const wb2 = new ExcelJS.Workbook();
  await wb2.xlsx.load(adminRes.rawPayload as unknown as ArrayBuffer);
  assert.equal(wb2.getWorksheet('重复申请人'), undefined);
});

test('a flagged case is no longer offered in the release suggestions', async () => {
  const r = await office.send('POST', `/api/requests/${ids.x}/release-flag`, { note: '多人申请' });
  assert.equal(r.statusCode, 200, r.body);
  const a = await analytics(office, 'year=2024');
  const s = a.releaseSuggestions.find((x: { keywords: string[] }) => x.keywords.includes('供暖'));
  assert.deepEqual(s.flaggableIds, [ids.y]);
});
