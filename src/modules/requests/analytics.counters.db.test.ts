/**
 * The analytics counters (request_stats, kept by triggers) against the reference computation (scans over
 * the cases and their events, analytics.reference.ts): equal figures on the demo data, on random case
 * histories driven through the service, after a calendar change, a deleted case and a restore-like
 * truncation.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { actorOf, orgIdByName, setSignoffChain } from '../../../test/helpers/factories.ts';
import { residentId, uscc } from '../../../test/helpers/identity.ts';
import type { Actor } from '../../platform/http/session.ts';
import * as ref from './analytics.reference.ts';
import { calendarWithMark, clockChannel, refreshPausedFacts } from './analytics.service.ts';
import * as store from './analytics.store.ts';
import { computeAnalytics } from './domain/analytics.ts';
import { seedDemoRequests } from './seeds.ts';
import { act, caseScope, getCase, registerByStaff } from './service.ts';

let t: TestApp;
let office: Actor;
let approver: Actor;
let city: number;
let units: number[];
const TODAY = '2026-11-20';
const YEARS = [2024, 2025, 2026];

before(async () => {
  t = await createTestApp();
  // Replies here go out directly: this file is not about 审核签发 (signoff.db.test.ts is).
  await setSignoffChain(t.db, '济宁市人民政府', 'none');
  await seedDemoRequests(t.db);
  office = await actorOf(t.db, 't_office');
  approver = await actorOf(t.db, 't_approver');
  city = await orgIdByName(t.db, '济宁市人民政府');
  units = [await orgIdByName(t.db, '市教育局'), await orgIdByName(t.db, '市财政局')];
});
after(() => t.close());

/** Every scope the lists know: the office, the administrator, each unit, and the office filtered by unit. */
async function filters(year: number): Promise<store.AnalyticsFilter[]> {
  const out: store.AnalyticsFilter[] = [];
  for (const username of ['t_office', 't_admin', 't_handler', 't_handler2', 't_county']) {
    out.push({ scope: await caseScope(t.db, await actorOf(t.db, username)), year });
  }
  for (const unitId of units) out.push({ scope: await caseScope(t.db, office), year, unitId });
  return out;
}

async function assertSameFigures(label: string): Promise<number> {
  const { calendar } = await calendarWithMark(t.db);
  let total = 0;
  for (const year of YEARS) {
    for (const f of await filters(year)) {
      await refreshPausedFacts(t.db, f);
      const fromCounters = computeAnalytics({
        year,
        counts: await store.countBreakdowns(t.db, f),
        replies: await store.replyDays(t.db, f),
        paused: await store.pausedTotals(t.db, f),
        calendar,
      });
      const reference = computeAnalytics({
        year,
        counts: await ref.referenceCountBreakdowns(t.db, f),
        replies: await ref.referenceReplyDays(t.db, f),
        paused: (await ref.referencePausedReplies(t.db, f)).map((p) => ({
          ...p,
          channel: clockChannel(p.channel),
        })),
        calendar,
      });
      const where = `${label}: ${year} ${JSON.stringify(f.scope)} unit ${f.unitId ?? '-'}`;
      assert.deepEqual(fromCounters, reference, where);
      assert.deepEqual(
        await store.repeatApplicants(t.db, f, true),
        await ref.referenceRepeatApplicants(t.db, f, true),
        where,
      );
      assert.deepEqual(
        await store.topicSample(t.db, f, 5000, 120),
        await ref.referenceTopicSample(t.db, f, 5000),
        where,
      );
      total += fromCounters.total;
    }
  }
  return total;
}

test('demo data: the counters give the figures of the reference scans, for every year and scope', async () => {
  const total = await assertSameFigures('demo');
  assert.ok(total > 0, 'the demo data has cases');
});

const ID_POOL = ['11010519491231002', '37080219800101123', '37088119900505456'].map(residentId);
const COMPANY = uscc('91370800MA3C4XY01');
const OUTCOMES = [
  { outcome: 'DISCLOSE' },
  { outcome: 'PARTIAL', groundCode: 'PROCESS_INFO' },
  { outcome: 'WITHHOLD', groundCode: 'STATE_SECRET' },
  { outcome: 'NOT_EXIST' },
  { outcome: 'REPEAT' },
];

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  const out = d.toISOString().slice(0, 10);
  return out > TODAY ? TODAY : out;
}

/** The data of an action, for the case's current state (open consultations from its log). */
function dataFor(action: string, events: { type: string; data: Record<string, unknown> }[], pick: number) {
  const open = new Map<string, boolean>();
  for (const e of events) {
    const id = String(e.data.consultationId ?? '');
    if (e.type === 'consult-send') open.set(id, false);
    if (e.type === 'consult-deliver') open.set(id, true);
    if (e.type === 'consult-reply') open.delete(id);
  }
  const openIds = [...open.keys()];
  switch (action) {
    case 'assign':
      return { unitId: units[pick % units.length] as number, handlerId: null };
    case 'request-correction':
      return { items: '请补充所需信息的名称', deadlineDate: TODAY };
    case 'receive-correction':
      return { text: '已补正' };
    case 'consult-send':
      return {
        consultationId: `c${events.length}`,
        party: pick % 2 ? 'third-party' : 'agency',
        name: '某公司',
      };
    case 'consult-deliver':
      return { consultationId: openIds.find((id) => open.get(id) === false) };
    case 'consult-reply':
      return { consultationId: openIds[0], opinion: 'agree' };
    case 'extend':
      return { reason: '需要较长时间' };
    case 'fee-notice':
      return { method: 'per-item', quantity: 1 + (pick % 30) };
    case 'reply':
      return { ...OUTCOMES[pick % OUTCOMES.length], text: '答复内容' };
    case 'note':
      return { text: '记录' };
    case 'transfer':
      // 转办 changes the case's agency: the counters move with it (both units are received by t_office).
      return { toOrgId: units[pick % units.length] as number, reason: '属于该机关职责' };
    default:
      return {};
  }
}

const historyArb = fc.array(
  fc.record({
    channel: fc.constantFrom('in-person', 'post-signed', 'post-confirmed', 'fax', 'email'),
    applicantType: fc.constantFrom('natural', 'natural', 'commercial', 'legal-service'),
    identity: fc.nat(ID_POOL.length - 1),
    start: fc.integer({ min: 0, max: 1000 }),
    steps: fc.array(fc.record({ pick: fc.nat(1000), gap: fc.nat(12) }), { maxLength: 12 }),
  }),
  { minLength: 1, maxLength: 5 },
);

test('random case histories: the counters follow every action, including withdrawals and corrections', async () => {
  let cases = 0;
  // One scripted history that surely pauses the clock before the reply (correction, then consultation).
  const scripted = await registerByStaff(
    t.db,
    office,
    {
      orgId: city,
      channel: 'in-person',
      submittedOn: '2025-03-03',
      receivedOn: '2025-03-03',
      applicant: {
        type: 'natural',
        name: '王五',
        idType: 'resident-id',
        idNumber: ID_POOL[0] as string,
        phone: '13812345678',
      },
      request: { subject: '某路段拓宽工程会议纪要', description: '请提供某路段拓宽工程会议纪要' },
    },
    TODAY,
  );
  for (const step of [
    { action: 'assign', on: '2025-03-04', unitId: units[0], handlerId: null },
    { action: 'request-correction', on: '2025-03-05', items: '请写明文件名称', deadlineDate: '2025-03-14' },
    { action: 'receive-correction', on: '2025-03-10', text: '已补正' },
    { action: 'consult-send', on: '2025-03-11', consultationId: 'k1', party: 'third-party', name: '某公司' },
    { action: 'consult-deliver', on: '2025-03-12', consultationId: 'k1' },
    { action: 'consult-reply', on: '2025-03-20', consultationId: 'k1', opinion: 'refuse' },
    {
      action: 'reply',
      on: '2025-04-08',
      outcome: 'PARTIAL',
      groundCode: 'THIRD_PARTY_RIGHTS',
      text: '部分公开',
    },
  ]) {
    await act(t.db, office, scripted.id, step as never, TODAY);
  }
  await fc.assert(
    fc.asyncProperty(historyArb, async (histories) => {
      for (const h of histories) {
        const submittedOn = addDays('2024-01-02', h.start);
        const natural = h.applicantType === 'natural';
        const row = await registerByStaff(
          t.db,
          office,
          {
            orgId: city,
            channel: h.channel as 'in-person',
            submittedOn,
            receivedOn: h.channel === 'post-confirmed' || h.channel === 'fax' ? null : submittedOn,
            applicant: {
              type: h.applicantType,
              name: natural ? '张三' : '某某有限公司',
              idType: natural ? 'resident-id' : 'uscc',
              idNumber: natural ? (ID_POOL[h.identity] as string) : COMPANY,
              phone: '13812345678',
              contactName: natural ? null : '李经理',
            },
            request: { subject: '某项目批复文件', description: '请提供某项目批复文件' },
          },
          TODAY,
        );
        cases++;
        let on = submittedOn;
        for (const step of h.steps) {
          const detail = await getCase(t.db, office, row.id, TODAY);
          const byOffice = detail.allowedActions;
          const choices = [
            ...byOffice.filter((a) => a !== 'note'),
            ...(byOffice.includes('reply') ? ['extend'] : []),
          ];
          if (choices.length === 0) break;
          const action = choices[step.pick % choices.length] as string;
          on = addDays(on, step.gap);
          const data = dataFor(action, detail.events, step.pick);
          const actor = action === 'extend' ? approver : office;
          try {
            await act(t.db, actor, row.id, { action, on, ...data } as never, TODAY);
          } catch (err) {
            // A rule refused it (e.g. extension outside processing, fee rules): nothing changed.
            if (!(err as { code?: string }).code) throw err;
          }
        }
      }
      await assertSameFigures('random');
    }),
    { numRuns: 6, seed: 20261122 },
  );
  assert.ok(cases > 0);
  // The histories reached paused replies and repeat applicants, so those paths were compared too.
  const paused = await sql<{ n: number }>`select count(*)::int as n from request_stats.paused`.execute(t.db);
  assert.ok((paused.rows[0]?.n ?? 0) > 0, 'paused replies');
  const repeats = await sql<{
    n: number;
  }>`select count(*)::int as n from request_stats.applicants where repeats`.execute(t.db);
  assert.ok((repeats.rows[0]?.n ?? 0) > 0, 'repeat applicants');
  const transfers = await sql<{
    n: number;
  }>`select count(*)::int as n from request_events where type = 'transfer'`.execute(t.db);
  assert.ok((transfers.rows[0]?.n ?? 0) > 0, 'transferred cases');
});

test('a calendar change or a missing calendar year: paused days are recomputed and still equal', async () => {
  await sql`update calendar_years set days_off = days_off || '["2025-03-04"]'::jsonb where year = 2025`.execute(
    t.db,
  );
  await sql`update calendar_years set days_off = days_off || '["2024-05-08"]'::jsonb where year = 2024`.execute(
    t.db,
  );
  await assertSameFigures('calendar changed');
  await sql`delete from calendar_years where year = 2025`.execute(t.db);
  await assertSameFigures('calendar year missing');
  const { calendar } = await calendarWithMark(t.db);
  const f: store.AnalyticsFilter = { scope: await caseScope(t.db, office), year: 2025 };
  const a = computeAnalytics({
    year: 2025,
    counts: [],
    replies: await store.replyDays(t.db, f),
    paused: await store.pausedTotals(t.db, f),
    calendar,
  });
  assert.equal(a.timeliness.calendarMissingYear, 2025);
});

test('a deleted case leaves the counters; a truncation (restore) empties them and re-inserts recount', async () => {
  const victim = await t.db
    .selectFrom('requests')
    .select('id')
    .where('stage', '=', 'replied')
    .executeTakeFirstOrThrow();
  await t.db.transaction().execute(async (tx) => {
    await sql`set constraints all deferred`.execute(tx);
    await sql`delete from request_letters where request_id = ${victim.id}`.execute(tx);
    await sql`delete from request_release_queue where request_id = ${victim.id}`.execute(tx);
    await sql`delete from request_events where request_id = ${victim.id}`.execute(tx);
    await sql`delete from requests where id = ${victim.id}`.execute(tx);
  });
  await assertSameFigures('deleted');
  const before = await assertSameFigures('before truncation');
  await t.db.transaction().execute(async (tx) => {
    await sql`set constraints all deferred`.execute(tx);
    await sql`create temp table saved_requests on commit drop as select * from requests`.execute(tx);
    await sql`create temp table saved_events on commit drop as select * from request_events`.execute(tx);
    await sql`create temp table saved_letters on commit drop as select * from request_letters`.execute(tx);
    await sql`create temp table saved_queue on commit drop as select * from request_release_queue`.execute(
      tx,
    );
    await sql`truncate requests, request_events, request_letters, request_release_queue cascade`.execute(tx);
    const left = await sql<{ n: number }>`select count(*)::int as n from request_stats.cases`.execute(tx);
    assert.equal(left.rows[0]?.n, 0);
    // A restore inserts the tables in name order: the events before the cases.
    await sql`insert into request_events select * from saved_events`.execute(tx);
    await sql`insert into requests select * from saved_requests`.execute(tx);
    await sql`insert into request_letters select * from saved_letters`.execute(tx);
    await sql`insert into request_release_queue select * from saved_queue`.execute(tx);
  });
  assert.equal(await assertSameFigures('after truncation'), before);

  // A backup from before the counters: its case rows lack the reply facts (restored as null).
  await t.db.transaction().execute(async (tx) => {
    await sql`set constraints all deferred`.execute(tx);
    await sql`create temp table saved_requests on commit drop as select * from requests`.execute(tx);
    await sql`create temp table saved_events on commit drop as select * from request_events`.execute(tx);
    await sql`create temp table saved_letters on commit drop as select * from request_letters`.execute(tx);
    await sql`create temp table saved_queue on commit drop as select * from request_release_queue`.execute(
      tx,
    );
    await sql`update saved_requests set replied_on = null, paused_ever = null`.execute(tx);
    await sql`truncate requests, request_events, request_letters, request_release_queue cascade`.execute(tx);
    await sql`insert into request_events select * from saved_events`.execute(tx);
    await sql`insert into requests select * from saved_requests`.execute(tx);
    await sql`insert into request_letters select * from saved_letters`.execute(tx);
    await sql`insert into request_release_queue select * from saved_queue`.execute(tx);
  });
  const unknown = await sql<{ n: number }>`
    select count(*)::int as n from requests r
    where r.paused_ever is null
      or r.replied_on is distinct from (select max(e.on_date) from request_events e
        where e.request_id = r.id and e.type = 'reply')`.execute(t.db);
  assert.equal(unknown.rows[0]?.n, 0, 'the reply facts were taken from the events');
  assert.equal(await assertSameFigures('restored from an older backup'), before);
});
