/**
 * What the workplan module contributes to the annual report (`stats` in its manifest), only when asked for
 * by name and without groups: `workplan.completion`, per plan-owning organisation in scope, its plans of the
 * year: tasks, units' parts (assignments) and parts completed (accepted as done or ongoing).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { StatsQuery, StatsTable } from '../../platform/stats.ts';
import { completionByOrg } from './store.ts';

export async function workplanStats(db: Kysely<Database>, q: StatsQuery): Promise<StatsTable[]> {
  if (q.groups || !q.tables?.includes('workplan.completion')) return [];
  const rows = await completionByOrg(db, q.year, q.orgIds);
  return [
    {
      key: 'workplan.completion',
      title: `${q.year}年政务公开工作任务落实情况`,
      columns: [
        { key: 'tasks', label: '任务（项）' },
        { key: 'parts', label: '分解落实（项）' },
        { key: 'completed', label: '已完成（项）' },
      ],
      rows: rows.map((r) => ({
        key: String(r.org_id),
        label: r.org_name,
        counts: [Number(r.tasks), Number(r.parts), Number(r.completed)],
      })),
    },
  ];
}
