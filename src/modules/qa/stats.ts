/** What 政策问答 contributes to dashboards: questions asked, answered from the library and refused. */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { StatsQuery, StatsTable } from '../../platform/stats.ts';
import { questionCounts } from './store.ts';

export async function qaStats(db: Kysely<Database>, q: StatsQuery): Promise<StatsTable[]> {
  const c = await questionCounts(db, q.year);
  return [
    {
      key: 'qa.questions',
      title: `${q.year}年政策问答情况`,
      columns: [{ key: 'count', label: '件数' }],
      rows: [
        { key: 'asked', label: '群众提问', counts: [c.asked] },
        { key: 'answered', label: '已自动答复', counts: [c.answered] },
        { key: 'refused', label: '未找到答案', counts: [c.refused] },
      ],
    },
  ];
}
