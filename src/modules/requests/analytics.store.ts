/**
 * SQL of the 依申请公开 analytics. The counts come from small aggregate tables in the `request_stats`
 * schema that triggers keep in step with every write to `requests` and `request_events` (migration
 * 0011_requests_stats.sql), grouped here with `group by grouping sets`; the domain
 * (domain/analytics.ts) only adds up the grouped rows. The scans they replace are kept as the
 * reference in analytics.reference.ts. Dates stay ISO strings, counts numbers.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { CountRow, PausedTotals, ReplyDayRow } from './domain/analytics.ts';
import type { LoggedEvent } from './domain/stages.ts';
import { runningStageSql } from './store.ts';

type Db = Kysely<Database>;

export type AnalyticsFilter = {
  /** Cases addressed to these agencies, or assigned to these units (the caller's scope, as the workbench). */
  scope: { orgIds: number[]; unitIds: number[] };
  year: number;
  /** Only the cases assigned to this handling unit. */
  unitId?: number;
};

/** Events the clock reads (stages.ts toClockEvents). */
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

/** The year's cases (by 收到申请之日) in scope, for a query over `requests r`. */
function caseFilter(f: AnalyticsFilter): RawBuilder<unknown> {
  const from = `${f.year}-01-01`;
  const to = `${f.year + 1}-01-01`;
  const unit = f.unitId === undefined ? sql`` : sql`and r.unit_id = ${f.unitId}`;
  return sql`r.received_on >= ${from}::date and r.received_on < ${to}::date
    and (r.org_id = any(${f.scope.orgIds}::int[]) or r.unit_id = any(${f.scope.unitIds}::int[])) ${unit}`;
}

const isEmpty = (f: AnalyticsFilter) => f.scope.orgIds.length === 0 && f.scope.unitIds.length === 0;

/** The counters of the year's cases in scope (alias `s`: a request_stats table keyed by year, org, unit). */
function statsFilter(f: AnalyticsFilter): RawBuilder<unknown> {
  const unit = f.unitId === undefined ? sql`` : sql`and s.unit_id = ${f.unitId}`;
  return sql`s.year = ${f.year}
    and (s.org_id = any(${f.scope.orgIds}::int[]) or s.unit_id = any(${f.scope.unitIds}::int[])) ${unit}`;
}

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

/**
 * Cases by month, channel, applicant type, unit, stage, and by outcome × applicant type, from the
 * counters (request_stats.cases, kept by triggers on `requests`); groups that add up to 0 are left out.
 */
export async function countBreakdowns(db: Db, f: AnalyticsFilter): Promise<CountRow[]> {
  if (isEmpty(f)) return [];
  // grouping(month, channel, unit_id, stage, outcome): bit 4 = month … bit 0 = outcome; 1 = not in this set.
  const { rows } = await sql<CountSqlRow>`
    select grouping(s.month, s.channel, s.unit_id, s.stage, s.outcome) as g,
      s.month as m, s.channel, s.applicant_type, s.unit_id, s.stage, s.outcome, s.outcome_ground,
      sum(s.n)::int as n
    from request_stats.cases s
    where ${statsFilter(f)}
    group by grouping sets ((s.month), (s.channel), (s.applicant_type), (s.unit_id), (s.stage),
      (s.outcome, s.outcome_ground, s.applicant_type))
    having sum(s.n) > 0`.execute(db);
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
 * Replied cases counted per receipt day and per reply day, split by whether the reply came on or before
 * the stored deadline (none stored: the clock was stopped, so on time) — request_stats.reply_days.
 */
export async function replyDays(db: Db, f: AnalyticsFilter): Promise<ReplyDayRow[]> {
  if (isEmpty(f)) return [];
  // Packed into one text value: side, day, on time (1/0), count.
  const { rows } = await sql<{ packed: string | null }>`
    select string_agg(concat_ws(',', t.side, to_char(t.day, 'YYYY-MM-DD'), t.on_time::int, t.n), ';')
      as packed
    from (
      select s.side, s.day, s.on_time, sum(s.n)::int as n
      from request_stats.reply_days s
      where ${statsFilter(f)}
      group by s.side, s.day, s.on_time
      having sum(s.n) > 0
    ) t`.execute(db);
  const packed = rows[0]?.packed;
  if (!packed) return [];
  return packed.split(';').map((item) => {
    const [side, day, onTime, n] = item.split(',') as [string, string, string, string];
    return { side: side === 'received' ? 'received' : 'replied', day, onTime: onTime === '1', n: Number(n) };
  });
}

/** The year's cases in scope still open (the clock running or paused) whose reply deadline is before `today`. */
export async function overdueOpen(db: Db, f: AnalyticsFilter, today: string): Promise<number> {
  if (isEmpty(f)) return 0;
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from requests r
    where ${caseFilter(f)} and ${runningStageSql('r.stage')} and r.reply_due < ${today}::date`.execute(db);
  return rows[0]?.n ?? 0;
}

export type PausedReplyRow = {
  id: number;
  channel: string;
  receivedOn: string;
  repliedOn: string;
  events: LoggedEvent[];
};

/** The events the clock reads, per case, in log order. */
export async function clockEventsOf(db: Db, ids: number[]): Promise<Map<number, LoggedEvent[]>> {
  const byCase = new Map<number, LoggedEvent[]>();
  if (ids.length === 0) return byCase;
  const events = await db
    .selectFrom('request_events')
    .select(['request_id', 'type', 'on_date', 'data'])
    .where(sql<boolean>`request_id = any(${ids}::int[])`)
    .where('type', 'in', CLOCK_EVENTS)
    .orderBy('request_id')
    .orderBy('id')
    .execute();
  for (const e of events) {
    const list = byCase.get(e.request_id) ?? [];
    list.push({ type: e.type, on: e.on_date, data: e.data });
    byCase.set(e.request_id, list);
  }
  return byCase;
}

/**
 * Paused replies (request_stats.paused) whose working days were not computed with the calendar `mark`
 * (new replies, or the calendar changed), with the events the clock reads: at most `limit`, by id.
 * Without a filter: over every year and agency.
 */
export async function stalePausedReplies(
  db: Db,
  f: AnalyticsFilter | null,
  mark: string,
  limit: number,
): Promise<PausedReplyRow[]> {
  if (f && isEmpty(f)) return [];
  const { rows: cases } = await sql<{ id: number; channel: string; received_on: string; replied_on: string }>`
    select s.request_id as id, s.channel, s.received_on, s.replied_on
    from request_stats.paused s
    where s.mark is distinct from ${mark} ${f ? sql`and ${statsFilter(f)}` : sql``}
    order by s.request_id
    limit ${limit}`.execute(db);
  const byCase = await clockEventsOf(
    db,
    cases.map((c) => c.id),
  );
  return cases.map((c) => ({
    id: c.id,
    channel: c.channel,
    receivedOn: c.received_on,
    repliedOn: c.replied_on,
    events: byCase.get(c.id) ?? [],
  }));
}

/** Stores paused replies' working days (or the missing calendar year) as computed with the calendar `mark`. */
export async function savePausedFacts(
  db: Db,
  facts: { id: number; days: number | null; missingYear: number | null }[],
  mark: string,
): Promise<void> {
  if (facts.length === 0) return;
  await sql`
    update request_stats.paused p set days = f.days, missing_year = f.missing_year, mark = ${mark}
    from unnest(${facts.map((x) => x.id)}::int[], ${facts.map((x) => x.days)}::int[],
      ${facts.map((x) => x.missingYear)}::int[]) as f(id, days, missing_year)
    where p.request_id = f.id`.execute(db);
}

/** The paused replies of the year in scope, added up (their facts must be current: `stalePausedReplies`). */
export async function pausedTotals(db: Db, f: AnalyticsFilter): Promise<PausedTotals> {
  if (isEmpty(f)) return { cases: 0, days: 0, missingYear: null };
  const { rows } = await sql<{ cases: number; days: number; missing_year: number | null }>`
    select count(*)::int as cases, coalesce(sum(s.days) filter (where s.missing_year is null), 0)::int as days,
      (array_agg(s.missing_year order by s.request_id) filter (where s.missing_year is not null))[1] as missing_year
    from request_stats.paused s
    where ${statsFilter(f)}`.execute(db);
  const r = rows[0];
  return { cases: r?.cases ?? 0, days: r?.days ?? 0, missingYear: r?.missing_year ?? null };
}

export type RepeatApplicants = {
  /** Applicants (same identity document) with two cases or more in the year. */
  applicants: number;
  /** Their cases. */
  cases: number;
  /** The most frequent ones (only when asked for: personal data). */
  top: { name: string; idType: string; idNumber: string; cases: number }[];
};

/**
 * Applicants with at least two cases in the year, by identity document number, from the counters: only
 * the numbers with two cases or more in the year over every agency (`repeats`) are looked at.
 */
export async function repeatApplicants(
  db: Db,
  f: AnalyticsFilter,
  withIdentities: boolean,
): Promise<RepeatApplicants> {
  if (isEmpty(f)) return { applicants: 0, cases: 0, top: [] };
  // Only the totals and the first 20 leave the database (the repeat applicants may be many).
  const { rows } = await sql<{ applicants: number; cases: number; top: [string, number][] | null }>`
    with t as (
      select s.id_number, sum(s.n)::int as n
      from request_stats.applicants s
      where s.repeats and ${statsFilter(f)}
      group by s.id_number
      having sum(s.n) >= 2
    )
    select (select count(*)::int from t) as applicants, (select coalesce(sum(n), 0)::int from t) as cases,
      ${
        withIdentities
          ? sql`(select json_agg(json_build_array(x.id_number, x.n) order by x.n desc, x.id_number)
              from (select id_number, n from t order by n desc, id_number limit 20) x)`
          : sql`null`
      } as top`.execute(db);
  const totals = rows[0] ?? { applicants: 0, cases: 0, top: null };
  const top = totals.top ?? [];
  const names = new Map<string, { name: string | null; id_type: string | null }>();
  if (top.length > 0) {
    const { rows: found } = await sql<{ id_number: string; name: string | null; id_type: string | null }>`
      select r.applicant->>'idNumber' as id_number, max(r.applicant_name) as name,
        max(r.applicant->>'idType') as id_type
      from requests r
      where r.applicant->>'idNumber' = any(${top.map(([id]) => id)}::text[]) and ${caseFilter(f)}
      group by 1`.execute(db);
    for (const r of found) names.set(r.id_number, r);
  }
  return {
    applicants: totals.applicants,
    cases: totals.cases,
    top: top.map(([idNumber, cases]) => ({
      name: names.get(idNumber)?.name ?? '',
      idType: names.get(idNumber)?.id_type ?? '',
      idNumber,
      cases,
    })),
  };
}

export type TopicSampleRow = {
  id: number;
  /** md5 of the subject and the start of the description: the key of their segmented words. */
  textKey: string;
  stage: string;
  outcome: string | null;
  queued: boolean;
};

/**
 * The year's most recently registered applications (at most `limit`, newest first by id: a backward
 * scan of request_stats.topics by (year, id) that stops once it has enough). The texts themselves are
 * not sent, only a key of the subject and the start of the description: the caller asks `topicTexts`
 * for those it has not segmented yet.
 */
export async function topicSample(
  db: Db,
  f: AnalyticsFilter,
  limit: number,
  descriptionChars: number,
): Promise<TopicSampleRow[]> {
  if (isEmpty(f)) return [];
  // The key's description length is fixed in the table (0012_requests_topics.sql): 120 characters.
  if (descriptionChars !== 120)
    throw new Error('topicSample: the text key covers 120 description characters');
  // One text value instead of thousands of rows (each row costs more to pass than its content).
  const { rows } = await sql<{ packed: string | null }>`
    select string_agg(concat_ws(',', t.id, t.text_key, t.stage, coalesce(t.outcome, ''), t.queued::int), ';'
      order by t.id desc) as packed
    from (
      select s.id, s.text_key, s.stage, s.outcome, (q.id is not null) as queued
      from request_stats.topics s
      left join request_release_queue q on q.request_id = s.id
      where ${statsFilter(f)}
      order by s.id desc
      limit ${limit}
    ) t`.execute(db);
  const packed = rows[0]?.packed;
  if (!packed) return [];
  return packed.split(';').map((item) => {
    const [id, textKey, stage, outcome, queued] = item.split(',') as [string, string, string, string, string];
    return {
      id: Number(id),
      textKey,
      stage,
      outcome: outcome === '' ? null : outcome,
      queued: queued === '1',
    };
  });
}

/** The subject and the start of the description of these applications. */
export async function topicTexts(
  db: Db,
  ids: number[],
  descriptionChars: number,
): Promise<{ id: number; subject: string; description: string }[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<{ id: number; subject: string; description: string }>`
    select r.id, r.subject, left(r.description, ${descriptionChars}) as description
    from requests r where r.id = any(${ids}::int[])`.execute(db);
  return rows;
}

/**
 * Changes whenever cases, their events, the release queue or the calendar change (ids only grow; a
 * restore or a calendar edit moves the timestamps): the analytics cache compares it.
 */
export async function changeMark(db: Db): Promise<string> {
  const { rows } = await sql<{ mark: string }>`
    select concat_ws('/',
      (select max(id) from requests), (select max(id) from request_events),
      (select max(id) from request_release_queue),
      (select max(updated_at)::text from calendar_years), (select count(*) from calendar_years)) as mark`.execute(
    db,
  );
  return rows[0]?.mark ?? '';
}
