/**
 * What 政策问答 contributes to dashboards and the annual report's narrative: questions asked, answered
 * from the library and refused; questions routed to the units (received, answered, open, overdue, answers
 * published into 政策问答库); consultation records per channel. Routed questions and records count for the
 * organisations they are assigned to when `orgIds` or `groups` are given.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { StatsQuery, StatsTable } from '../../platform/stats.ts';
import { chinaToday } from '../../platform/time.ts';
import { CONSULTATION_CHANNEL_LABELS, CONSULTATION_CHANNELS } from './domain/consultations.ts';
import { consultationCounts, routedCounts } from './routing.store.ts';
import { questionCounts } from './store.ts';

const COUNT = [{ key: 'count', label: '件数' }];

async function routedTable(
  db: Kysely<Database>,
  year: number,
  orgIds?: readonly number[],
): Promise<StatsTable> {
  const c = await routedCounts(db, year, chinaToday(), orgIds);
  return {
    key: 'qa.routed',
    title: `${year}年政策问答转办情况`,
    columns: COUNT,
    rows: [
      { key: 'received', label: '转办问题', counts: [c.received] },
      { key: 'sent', label: '已答复', counts: [c.sent] },
      { key: 'open', label: '办理中', counts: [c.open] },
      { key: 'overdue', label: '已超期', counts: [c.overdue] },
      { key: 'published', label: '答复收入政策问答库', counts: [c.published] },
    ],
  };
}

async function consultationsTable(
  db: Kysely<Database>,
  year: number,
  orgIds?: readonly number[],
): Promise<StatsTable> {
  const c = await consultationCounts(db, year, orgIds);
  const total = CONSULTATION_CHANNELS.reduce((n, ch) => n + c[ch], 0);
  return {
    key: 'qa.consultations',
    title: `${year}年政策咨询记录`,
    columns: COUNT,
    rows: [
      { key: 'total', label: '咨询总数', counts: [total] },
      ...CONSULTATION_CHANNELS.map((ch) => ({
        key: ch,
        label: CONSULTATION_CHANNEL_LABELS[ch],
        counts: [c[ch]],
      })),
    ],
  };
}

export async function qaStats(db: Kysely<Database>, q: StatsQuery): Promise<StatsTable[]> {
  const wanted = (key: string) => !q.tables || q.tables.includes(key);
  const out: StatsTable[] = [];
  if (wanted('qa.questions') && !q.groups) {
    const c = await questionCounts(db, q.year);
    out.push({
      key: 'qa.questions',
      title: `${q.year}年政策问答情况`,
      columns: COUNT,
      rows: [
        { key: 'asked', label: '群众提问', counts: [c.asked] },
        { key: 'answered', label: '已自动答复', counts: [c.answered] },
        { key: 'refused', label: '未找到答案', counts: [c.refused] },
      ],
    });
  }
  const scopes = q.groups
    ? q.groups.map((g) => ({ group: g.key, orgIds: g.orgIds }))
    : [{ group: undefined, orgIds: q.orgIds }];
  for (const scope of scopes) {
    const tag = (t: StatsTable) => (scope.group === undefined ? t : { ...t, group: scope.group });
    if (wanted('qa.routed')) out.push(tag(await routedTable(db, q.year, scope.orgIds)));
    if (wanted('qa.consultations')) out.push(tag(await consultationsTable(db, q.year, scope.orgIds)));
  }
  return out;
}
