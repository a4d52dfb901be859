/**
 * What the requests module contributes to dashboards and the annual report (`stats` in its manifest):
 * the applications received in a year, by applicant type (the columns of table 三 of the annual
 * report), and how they were answered, on the outcome rows of table 三 — counted as the 统计分析 page
 * counts them (the year's cases by 收到申请之日, from the counters of analytics.store.ts), for the
 * cases addressed to the given agencies.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { StatsQuery, StatsTable } from '../../platform/stats.ts';
import { listOrgs } from '../orgs/index.ts';
import { countBreakdowns } from './analytics.store.ts';
import { countOutcomes } from './domain/analytics.ts';
import { APPLICANT_TYPE_INFO, APPLICANT_TYPES, type ApplicantType } from './domain/applicant.ts';

/** Counts per applicant type, with the total as the last column (总计). */
function withTotal(byType: readonly number[]): number[] {
  return [...byType, byType.reduce((s, n) => s + n, 0)];
}

export async function requestStats(db: Kysely<Database>, q: StatsQuery): Promise<StatsTable[]> {
  const orgIds = q.orgIds ? [...q.orgIds] : (await listOrgs(db)).map((o) => o.id);
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
  return [
    {
      key: 'requests.applications',
      title: `${q.year}年收到和处理政府信息公开申请情况`,
      columns: [
        ...APPLICANT_TYPES.map((t) => ({ key: t, label: APPLICANT_TYPE_INFO[t].reportColumnLabel })),
        { key: 'total', label: '总计' },
      ],
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
    },
  ];
}
