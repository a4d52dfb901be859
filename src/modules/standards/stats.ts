/**
 * The module's counts for dashboards, the assessment and the annual report, per organisation:
 * - `standards.catalogue`: items of the standard catalogue, those tied to a column or page, those stale
 *   (as of the year's end, or today in the current year);
 * - `standards.targeted`: targeted notices published with their period starting in the year, and the
 *   postings recorded on 公开栏.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { StatsQuery, StatsTable } from '../../platform/stats.ts';
import { chinaToday } from '../../platform/time.ts';
import { listOrgs } from '../orgs/index.ts';
import { withFreshness } from './service.ts';
import * as store from './store.ts';

export async function standardsStats(db: Kysely<Database>, q: StatsQuery): Promise<StatsTable[]> {
  const want = (k: string) => !q.tables || q.tables.includes(k);
  const orgIds = q.orgIds ? [...q.orgIds] : null;
  const names = new Map((await listOrgs(db)).map((o) => [o.id, o.name]));
  const tables: StatsTable[] = [];
  const row = (orgId: number, counts: number[]) => ({
    key: String(orgId),
    label: names.get(orgId) ?? '',
    counts,
  });
  if (want('standards.catalogue')) {
    const today = chinaToday();
    const asOf = today.slice(0, 4) === String(q.year) ? today : `${q.year}-12-31`;
    const items = await withFreshness(db, await store.listItems(db, { orgIds }), asOf);
    const by = new Map<number, number[]>();
    for (const i of items) {
      const c = by.get(i.org_id) ?? [0, 0, 0];
      c[0] = (c[0] ?? 0) + 1;
      if (i.freshness.linked) c[1] = (c[1] ?? 0) + 1;
      if (i.freshness.stale) c[2] = (c[2] ?? 0) + 1;
      by.set(i.org_id, c);
    }
    tables.push({
      key: 'standards.catalogue',
      title: '政务公开事项标准目录',
      columns: [
        { key: 'items', label: '目录事项（项）' },
        { key: 'linked', label: '已关联栏目（项）' },
        { key: 'stale', label: '未关联或超期未更新（项）' },
      ],
      rows: [...by].sort((a, b) => a[0] - b[0]).map(([id, c]) => row(id, c)),
    });
  }
  if (want('standards.targeted')) {
    let query = db
      .selectFrom('targeted_notices as n')
      .leftJoin('targeted_postings as p', 'p.notice_id', 'n.id')
      .select((eb) => [
        'n.org_id',
        eb.fn.count<number>('n.id').distinct().as('notices'),
        eb.fn.count<number>('p.id').as('postings'),
      ])
      .where('n.status', '!=', 'draft')
      .where('n.period_start', '>=', `${q.year}-01-01`)
      .where('n.period_start', '<=', `${q.year}-12-31`)
      .groupBy('n.org_id');
    if (orgIds) query = query.where('n.org_id', 'in', orgIds.length ? orgIds : [-1]);
    const rows = await query.execute();
    tables.push({
      key: 'standards.targeted',
      title: '定点、定向公开',
      columns: [
        { key: 'notices', label: '定向公开信息（条）' },
        { key: 'postings', label: '公开栏张贴（次）' },
      ],
      rows: rows
        .sort((a, b) => a.org_id - b.org_id)
        .map((r) => row(r.org_id, [Number(r.notices), Number(r.postings)])),
    });
  }
  return tables;
}
