/**
 * What 政策找人 contributes to dashboards and the annual report's narrative: the pushes of the year and
 * how far they went (reached, opened, applied, granted, 免申即享), by the policy's issuing organisation.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { StatsQuery, StatsTable } from '../../platform/stats.ts';
import { funnel } from './store.ts';

export const FUNNEL_ROWS = [
  ['reached', '推送触达企业'],
  ['opened', '企业已查看'],
  ['applied', '企业已申报'],
  ['granted', '政策已兑现'],
  ['without_application', '其中免申即享'],
] as const;

async function table(
  db: Kysely<Database>,
  year: number,
  orgIds?: readonly number[],
  group?: string,
): Promise<StatsTable> {
  const rows = await funnel(db, { year, orgIds });
  const sum = (k: (typeof FUNNEL_ROWS)[number][0]) => rows.reduce((n, r) => n + r[k], 0);
  return {
    key: 'enterprises.pushes',
    title: `${year}年政策找人（惠企政策精准推送）情况`,
    columns: [{ key: 'count', label: '户次' }],
    rows: [
      { key: 'policies', label: '推送政策项数', counts: [new Set(rows.map((r) => r.document_id)).size] },
      ...FUNNEL_ROWS.map(([key, label]) => ({ key, label, counts: [sum(key)] })),
    ],
    ...(group === undefined ? {} : { group }),
  };
}

export async function enterprisesStats(db: Kysely<Database>, q: StatsQuery): Promise<StatsTable[]> {
  if (q.tables && !q.tables.includes('enterprises.pushes')) return [];
  if (q.groups) return Promise.all(q.groups.map((g) => table(db, q.year, g.orgIds, g.key)));
  return [await table(db, q.year, q.orgIds)];
}
