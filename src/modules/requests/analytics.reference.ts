/**
 * The reference computation of the 依申请公开 analytics counts: scans over the year's cases and their
 * events (`group by grouping sets`), as the summary was computed before the counters of
 * request_stats (migration 0011_requests_stats.sql). Kept to check the counters against it
 * (analytics.counters.db.test.ts); the application reads analytics.store.ts.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { AnalyticsFilter, PausedReplyRow, RepeatApplicants } from './analytics.store.ts';
import type { CountRow, ReplyDayRow } from './domain/analytics.ts';
import type { LoggedEvent } from './domain/stages.ts';

type Db = Kysely<Database>;

const PAUSING_EVENTS = ['request-correction', 'consult-send'];
const CLOCK_EVENTS = [
  'request-correction',
  'receive-correction',
  'consult-send',
  'consult-deliver',
  'consult-reply',
  'extend',
  'fee-notice',
  'fee-paid',
];

function caseFilter(f: AnalyticsFilter): RawBuilder<unknown> {
  const from = `${f.year}-01-01`;
  const to = `${f.year + 1}-01-01`;
  const unit = f.unitId === undefined ? sql`` : sql`and r.unit_id = ${f.unitId}`;
  return sql`r.received_on >= ${from}::date and r.received_on < ${to}::date
    and (r.org_id = any(${f.scope.orgIds}::int[]) or r.unit_id = any(${f.scope.unitIds}::int[])) ${unit}`;
}

const isEmpty = (f: AnalyticsFilter) => f.scope.orgIds.length === 0 && f.scope.unitIds.length === 0;

type CountSqlRow = {
  g: number;
  m: number | null;
  channel: string | null;
  applicant_type: string | null;
  unit_id: number | null;
  stage: string | null;
  outcome: string | null;
  outcome_ground: string | null;
  n: number;
};

/** Cases by month, channel, applicant type, unit, stage, and by outcome × applicant type: one scan. */
export async function referenceCountBreakdowns(db: Db, f: AnalyticsFilter): Promise<CountRow[]> {
  if (isEmpty(f)) return [];
  // grouping(m, channel, unit_id, stage, outcome): bit 4 = m … bit 0 = outcome; 1 = not in this set.
  const { rows } = await sql<CountSqlRow>`
    select grouping(t.m, t.channel, t.unit_id, t.stage, t.outcome) as g,
      t.m, t.channel, t.applicant_type, t.unit_id, t.stage, t.outcome, t.outcome_ground, count(*)::int as n
    from (
      select extract(month from r.received_on)::int as m, r.channel, r.applicant_type, r.unit_id, r.stage,
        r.outcome, r.outcome_ground
      from requests r
      where ${caseFilter(f)}
    ) t
    group by grouping sets ((t.m), (t.channel), (t.applicant_type), (t.unit_id), (t.stage),
      (t.outcome, t.outcome_ground, t.applicant_type))`.execute(db);
  const out: CountRow[] = [];
  for (const r of rows) {
    const g = Number(r.g);
    if ((g & 1) === 0) {
      out.push({
        dim: 'outcome',
        key: r.outcome,
        ground: r.outcome_ground,
        applicantType: r.applicant_type ?? '',
        n: r.n,
      });
    } else if ((g & 16) === 0) out.push({ dim: 'month', key: Number(r.m), n: r.n });
    else if ((g & 8) === 0) out.push({ dim: 'channel', key: r.channel ?? '', n: r.n });
    else if ((g & 4) === 0) out.push({ dim: 'unit', key: r.unit_id, n: r.n });
    else if ((g & 2) === 0) out.push({ dim: 'stage', key: r.stage ?? '', n: r.n });
    else out.push({ dim: 'applicantType', key: r.applicant_type ?? '', n: r.n });
  }
  return out;
}

/**
 * Replied cases counted per receipt day and per reply day (the reply event's date), split by whether
 * the reply came on or before the stored deadline (none stored: the clock was stopped, so on time).
 */
export async function referenceReplyDays(db: Db, f: AnalyticsFilter): Promise<ReplyDayRow[]> {
  if (isEmpty(f)) return [];
  const { rows } = await sql<{
    g: number;
    received_on: string;
    replied_on: string;
    on_time: boolean;
    n: number;
  }>`
    select grouping(t.received_on) as g, t.received_on, t.replied_on, t.on_time, count(*)::int as n
    from (
      select r.received_on, e.on_date as replied_on, (r.reply_due is null or e.on_date <= r.reply_due) as on_time
      from requests r
      join request_events e on e.request_id = r.id and e.type = 'reply'
      where ${caseFilter(f)}
    ) t
    group by grouping sets ((t.received_on, t.on_time), (t.replied_on, t.on_time))`.execute(db);
  return rows.map((r) =>
    Number(r.g) === 0
      ? { side: 'received', day: r.received_on, onTime: r.on_time, n: r.n }
      : { side: 'replied', day: r.replied_on, onTime: r.on_time, n: r.n },
  );
}

/** Replied cases whose clock stopped (correction or consultation), with the events the clock reads. */
export async function referencePausedReplies(db: Db, f: AnalyticsFilter): Promise<PausedReplyRow[]> {
  if (isEmpty(f)) return [];
  const { rows: cases } = await sql<{ id: number; channel: string; received_on: string; replied_on: string }>`
    select r.id, r.channel, r.received_on, e.on_date as replied_on
    from requests r
    join request_events e on e.request_id = r.id and e.type = 'reply'
    where ${caseFilter(f)}
      and exists (select 1 from request_events p where p.request_id = r.id and p.type = any(${PAUSING_EVENTS}::text[]))
    order by r.id`.execute(db);
  if (cases.length === 0) return [];
  const events = await db
    .selectFrom('request_events')
    .select(['request_id', 'type', 'on_date', 'data'])
    .where(
      'request_id',
      'in',
      cases.map((c) => c.id),
    )
    .where('type', 'in', CLOCK_EVENTS)
    .orderBy('request_id')
    .orderBy('id')
    .execute();
  const byCase = new Map<number, LoggedEvent[]>();
  for (const e of events) {
    const list = byCase.get(e.request_id) ?? [];
    list.push({ type: e.type, on: e.on_date, data: e.data });
    byCase.set(e.request_id, list);
  }
  return cases.map((c) => ({
    id: c.id,
    channel: c.channel,
    receivedOn: c.received_on,
    repliedOn: c.replied_on,
    events: byCase.get(c.id) ?? [],
  }));
}

/** Applicants with at least two cases in the year, by identity document (type + number). */
export async function referenceRepeatApplicants(
  db: Db,
  f: AnalyticsFilter,
  withIdentities: boolean,
): Promise<RepeatApplicants> {
  if (isEmpty(f)) return { applicants: 0, cases: 0, top: [] };
  // Each case's identity is read from its JSON once (the inner query); only repeated ones come back.
  const { rows } = await sql<{ name: string | null; id_type: string | null; id_number: string; n: number }>`
    select ${withIdentities ? sql`max(t.name)` : sql`null`} as name, ${withIdentities ? sql`max(t.id_type)` : sql`null`} as id_type,
      t.id_number, count(*)::int as n
    from (
      select r.applicant_name as name, r.applicant->>'idType' as id_type, r.applicant->>'idNumber' as id_number
      from requests r
      where ${caseFilter(f)}
    ) t
    where t.id_number is not null
    group by t.id_number
    having count(*) >= 2
    order by n desc, t.id_number`.execute(db);
  return {
    applicants: rows.length,
    cases: rows.reduce((s, r) => s + r.n, 0),
    top: withIdentities
      ? rows
          .slice(0, 20)
          .map((r) => ({ name: r.name ?? '', idType: r.id_type ?? '', idNumber: r.id_number, cases: r.n }))
      : [],
  };
}

/** The topic sample read from the case rows (newest first by id), with the same text key. */
export async function referenceTopicSample(db: Db, f: AnalyticsFilter, limit: number) {
  if (isEmpty(f)) return [];
  const { rows } = await sql<{
    id: number;
    textKey: string;
    stage: string;
    outcome: string | null;
    queued: boolean;
  }>`
    select r.id, md5(r.subject || chr(1) || left(r.description, 120)) as "textKey", r.stage, r.outcome,
      (q.id is not null) as queued
    from requests r
    left join request_release_queue q on q.request_id = r.id
    where ${caseFilter(f)}
    order by r.id desc
    limit ${limit}`.execute(db);
  return rows;
}
