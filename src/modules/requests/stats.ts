/**
 * What the requests module contributes to dashboards and the annual report (`stats` in its manifest):
 * the applications received in a year, by applicant type (the columns of table 三 of the annual
 * report), and how they were answered, on the outcome rows of table 三 — counted as the 统计分析 page
 * counts them (the year's cases by 收到申请之日, from the counters of analytics.store.ts), for the
 * cases addressed to the given agencies.
 *
 * A second table, `requests.report`, counts as table 三 of the annual report itself counts (国办公开办函〔2021〕30号,
 * docs/law/annual-report-format.md), so that 一 + 二 = 三（七） + 四 holds in every column:
 * - received: 收到申请之日 in the year (一、本年新收);
 * - carriedIn: received before the year and not concluded before it (二、上年结转);
 * - the outcome rows: concluded in the year, by the date of conclusion — the reply, or the ending of the
 *   case (deemed withdrawn, withdrawn) — whatever the year of receipt (三、本年度办理结果);
 * - carriedForward: received by the end of the year and not concluded by then (四、结转下年度继续办理).
 * Applications still awaiting confirmation of receipt have no date of receipt and are not counted.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type {
  StatsGroup,
  StatsQuery,
  StatsRecord,
  StatsRecordsQuery,
  StatsTable,
} from '../../platform/stats.ts';
import { listOrgs } from '../orgs/index.ts';
import { countBreakdowns } from './analytics.store.ts';
import { countOutcomes, reportRowOf } from './domain/analytics.ts';
import { APPLICANT_TYPE_INFO, APPLICANT_TYPES, type ApplicantType } from './domain/applicant.ts';
import { REPORT_ROW_KEYS, REPORT_ROWS } from './domain/outcomes.ts';

/** Counts per applicant type, with the total as the last column (总计). */
function withTotal(byType: readonly number[]): number[] {
  return [...byType, byType.reduce((s, n) => s + n, 0)];
}

/** The events that conclude a case (its outcome is set by one of them: stages.ts). */
const CONCLUDING_EVENTS = ['reply', 'deem-withdrawn-no-correction', 'deem-withdrawn-no-payment', 'withdraw'];

const applicantColumns = () => [
  ...APPLICANT_TYPES.map((t) => ({ key: t, label: APPLICANT_TYPE_INFO[t].reportColumnLabel })),
  { key: 'total', label: '总计' },
];

/**
 * The cases table 三 counts, with the date each was concluded (null: not concluded): one definition for the
 * counts (`reportTable`) and the records behind them (`requestStatsRecords`).
 */
function reportCases(year: number, orgIds: number[]) {
  return sql`
      select r.id, r.org_id, r.case_no, r.subject, r.applicant_type, r.received_on, r.outcome, r.outcome_ground,
        case when r.outcome is null then null else coalesce(
          (select min(e.on_date) from request_events e
            where e.request_id = r.id and e.type = any(${CONCLUDING_EVENTS}::text[])),
          r.replied_on, r.received_on) end as concluded_on
      from requests r
      where r.received_on is not null and r.received_on <= ${`${year}-12-31`}::date
        and r.org_id = any(${orgIds}::int[])`;
}

/** Which of `reportCases` each row of `requests.report` counts (the outcome rows: `concluded`, by outcome). */
function reportFilters(year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  return {
    received: sql`received_on >= ${from}::date`,
    carriedIn: sql`received_on < ${from}::date and (concluded_on is null or concluded_on >= ${from}::date)`,
    concluded: sql`concluded_on between ${from}::date and ${to}::date`,
    carriedForward: sql`concluded_on is null or concluded_on > ${to}::date`,
  };
}

/**
 * Table 三 of the annual report as counted there (received, carried in, concluded by row, carried forward),
 * once per group of organisations, all groups in one query.
 */
async function reportTables(
  db: Kysely<Database>,
  year: number,
  groups: readonly StatsGroup[],
): Promise<StatsTable[]> {
  const f = reportFilters(year);
  const keys = groups.flatMap((g) => g.orgIds.map(() => g.key));
  const members = groups.flatMap((g) => [...g.orgIds]);
  const { rows } = await sql<{
    grp: string;
    applicant_type: string;
    outcome: string | null;
    outcome_ground: string | null;
    received: number;
    carried_in: number;
    concluded: number;
    carried_forward: number;
  }>`
    with g as (select * from unnest(${keys}::text[], ${members}::int[]) as g(grp, org_id)),
    c as (${reportCases(year, [...new Set(members)])})
    select g.grp, applicant_type, outcome, outcome_ground,
      count(*) filter (where ${f.received})::int as received,
      count(*) filter (where ${f.carriedIn})::int as carried_in,
      count(*) filter (where ${f.concluded})::int as concluded,
      count(*) filter (where ${f.carriedForward})::int as carried_forward
    from c join g on g.org_id = c.org_id
    group by g.grp, applicant_type, outcome, outcome_ground`.execute(db);
  const byGroup = new Map<string, typeof rows>(groups.map((g) => [g.key, []]));
  for (const r of rows) byGroup.get(r.grp)?.push(r);
  return groups.map((g) => ({ ...reportTableOf(year, byGroup.get(g.key) ?? []), group: g.key }));
}

function reportTableOf(
  year: number,
  rows: readonly {
    applicant_type: string;
    outcome: string | null;
    outcome_ground: string | null;
    received: number;
    carried_in: number;
    concluded: number;
    carried_forward: number;
  }[],
): StatsTable {
  const zeros = () => APPLICANT_TYPES.map(() => 0);
  const received = zeros();
  const carriedIn = zeros();
  const carriedForward = zeros();
  const byRow = new Map<string, number[]>(REPORT_ROW_KEYS.map((k) => [k, zeros()]));
  const unmapped = zeros();
  for (const r of rows) {
    const column = APPLICANT_TYPES.indexOf(r.applicant_type as ApplicantType);
    if (column < 0) continue;
    const add = (into: number[], n: number) => {
      into[column] = (into[column] as number) + n;
    };
    add(received, r.received);
    add(carriedIn, r.carried_in);
    add(carriedForward, r.carried_forward);
    if (r.outcome !== null && r.concluded > 0) {
      const key = reportRowOf(r.outcome, r.outcome_ground);
      add(key ? (byRow.get(key) as number[]) : unmapped, r.concluded);
    }
  }
  return {
    key: 'requests.report',
    title: `${year}年收到和处理政府信息公开申请情况（年度报告表三口径：按办结日期）`,
    columns: applicantColumns(),
    rows: [
      { key: 'received', label: '本年新收政府信息公开申请数量', counts: withTotal(received) },
      { key: 'carriedIn', label: '上年结转政府信息公开申请数量', counts: withTotal(carriedIn) },
      ...REPORT_ROWS.map((r) => ({
        key: r.key,
        label: r.label,
        counts: withTotal(byRow.get(r.key) as number[]),
      })),
      // Concluded in the year with an outcome no row of table 三 takes (an invalid ground): should stay 0.
      { key: 'unmapped', label: '本年办结但无法归入表三的申请', counts: withTotal(unmapped) },
      { key: 'carriedForward', label: '结转下年度继续办理', counts: withTotal(carriedForward) },
    ],
  };
}

export async function requestStats(db: Kysely<Database>, q: StatsQuery): Promise<StatsTable[]> {
  const want = (key: string) => !q.tables || q.tables.includes(key);
  const groups: readonly StatsGroup[] = q.groups ?? [
    { key: '', orgIds: q.orgIds ? [...q.orgIds] : (await listOrgs(db)).map((o) => o.id) },
  ];
  const out: StatsTable[] = [];
  if (want('requests.applications')) {
    for (const g of groups) {
      const table = await applicationsTable(db, q.year, [...g.orgIds]);
      out.push(q.groups ? { ...table, group: g.key } : table);
    }
  }
  if (want('requests.report')) {
    const tables = await reportTables(db, q.year, groups);
    out.push(...(q.groups ? tables : tables.map(({ group: _, ...t }) => t)));
  }
  return out;
}

/** The applications received in the year and their outcomes, as the 统计分析 page counts them. */
async function applicationsTable(db: Kysely<Database>, year: number, orgIds: number[]): Promise<StatsTable> {
  const q = { year };
  const counts = await countBreakdowns(db, { scope: { orgIds, unitIds: [] }, year: q.year });
  const received = APPLICANT_TYPES.map(() => 0);
  const pending = APPLICANT_TYPES.map(() => 0);
  const add = (into: number[], type: string, n: number) => {
    const column = APPLICANT_TYPES.indexOf(type as ApplicantType);
    if (column >= 0) into[column] = (into[column] as number) + n;
  };
  for (const c of counts) {
    if (c.dim === 'applicantType') add(received, c.key, c.n);
    else if (c.dim === 'outcome' && c.key === null) add(pending, c.applicantType, c.n);
  }
  const outcomes = countOutcomes(counts);
  return {
    key: 'requests.applications',
    title: `${q.year}年收到和处理政府信息公开申请情况`,
    columns: applicantColumns(),
    rows: [
      { key: 'received', label: '本年新收政府信息公开申请数量', counts: withTotal(received) },
      ...outcomes.rows.map((r) => ({
        key: r.key,
        // （一）, （二） are rows of their own; the numbered rows of （三）…（六） get their group's name.
        label: r.label.startsWith('（') ? r.label : `${r.groupLabel} ${r.label}`,
        counts: withTotal(r.byApplicantType),
      })),
      { key: 'pending', label: '尚未答复（办理中）', counts: withTotal(pending) },
    ],
  };
}

/**
 * The cases behind a cell of `requests.report` (the drill-down of table 三): the rows received, carriedIn,
 * carriedForward, each outcome row, unmapped, and `concluded` (every case concluded in the year: 三（七）);
 * the columns an applicant type or `total`. Each case dated by what the row counts it by.
 */
export async function requestStatsRecords(
  db: Kysely<Database>,
  q: StatsRecordsQuery,
): Promise<StatsRecord[] | null> {
  if (q.table !== 'requests.report') return null;
  const f = reportFilters(q.year);
  const outcomeRow = (REPORT_ROW_KEYS as readonly string[]).includes(q.row);
  const filter =
    q.row === 'received' || q.row === 'carriedIn' || q.row === 'carriedForward'
      ? f[q.row]
      : outcomeRow || q.row === 'unmapped' || q.row === 'concluded'
        ? f.concluded
        : null;
  if (filter === null) return null;
  const type = APPLICANT_TYPES.find((t) => t === q.column);
  if (!type && q.column !== 'total') return null;
  const orgIds = q.orgIds ? [...q.orgIds] : (await listOrgs(db)).map((o) => o.id);
  const { rows } = await sql<{
    id: number;
    case_no: string | null;
    subject: string;
    received_on: string;
    concluded_on: string | null;
    outcome: string | null;
    outcome_ground: string | null;
  }>`
    with c as (${reportCases(q.year, orgIds)})
    select id, case_no, subject, received_on, concluded_on, outcome, outcome_ground
    from c
    where (${filter}) and ${type ? sql`applicant_type = ${type}` : sql`true`}
    order by ${filter === f.concluded ? sql`concluded_on` : sql`received_on`}, id`.execute(db);
  const byConclusion = filter === f.concluded;
  return rows
    .filter((r) => {
      if (!byConclusion || q.row === 'concluded') return true;
      const row = r.outcome === null ? null : reportRowOf(r.outcome, r.outcome_ground);
      return q.row === 'unmapped' ? row === null : row === q.row;
    })
    .map((r) => ({
      id: String(r.id),
      title: `${r.case_no ?? `#${r.id}`} ${r.subject}`,
      date: byConclusion ? r.concluded_on : r.received_on,
      link: `/requests/${r.id}`,
    }));
}
