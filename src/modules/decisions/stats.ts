/**
 * The module's counts for dashboards and the annual report: per organisation, for one year (by the
 * consultation's opening day), consultations, comments received and comments adopted (fully or partly).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { StatsQuery, StatsTable } from '../../platform/stats.ts';
import { listOrgs } from '../orgs/index.ts';

export async function decisionsStats(db: Kysely<Database>, q: StatsQuery): Promise<StatsTable[]> {
  let query = db
    .selectFrom('consultations as c')
    .leftJoin('consultation_comments as m', 'm.consultation_id', 'c.id')
    .select((eb) => [
      'c.org_id',
      sql<number>`count(distinct c.id)`.as('consultations'),
      eb.fn.count<number>('m.id').as('comments'),
      eb.fn.count<number>('m.id').filterWhere('m.feedback', 'in', ['adopted', 'partly']).as('adopted'),
    ])
    .where('c.status', '!=', 'draft')
    .where('c.opens_on', '>=', `${q.year}-01-01`)
    .where('c.opens_on', '<=', `${q.year}-12-31`)
    .groupBy('c.org_id');
  if (q.orgIds) query = query.where('c.org_id', 'in', q.orgIds.length ? [...q.orgIds] : [-1]);
  const [rows, orgs] = await Promise.all([query.execute(), listOrgs(db)]);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return [
    {
      key: 'decisions.consultations',
      title: '重大行政决策公开征求意见情况',
      columns: [
        { key: 'consultations', label: '征求意见（次）' },
        { key: 'comments', label: '收到意见（条）' },
        { key: 'adopted', label: '采纳或部分采纳（条）' },
      ],
      rows: rows
        .map((r) => ({
          key: String(r.org_id),
          label: names.get(r.org_id) ?? '',
          counts: [Number(r.consultations), Number(r.comments), Number(r.adopted)],
        }))
        .sort((a, b) => Number(a.key) - Number(b.key)),
    },
  ];
}
