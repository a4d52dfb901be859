/**
 * The module's counts for dashboards and the annual report: per organisation, for one year (by the
 * consultation's opening day), consultations, comments received and comments adopted (fully or partly);
 * hearings, meetings with public representatives, open days and policy evaluations, and the yearly
 * targets of meetings and evaluations.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { StatsQuery, StatsTable } from '../../platform/stats.ts';
import { listOrgs } from '../orgs/index.ts';
import { targetProgress } from './domain/participation.ts';
import { type Targets, targets } from './participation.store.ts';

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
  const [rows, orgs, participation] = await Promise.all([
    query.execute(),
    listOrgs(db),
    participationStats(db, q),
  ]);
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
    ...participation,
  ];
}

const GOVERNMENT_KINDS = new Set(['government', 'county', 'town']);

/**
 * One organisation's row of `decisions.targets`: meetings, their target and what is missing; evaluations,
 * their target and what is missing. The meeting target is a government's (its meetings); a unit has none.
 */
export function targetCounts(kind: string, meetings: number, evaluations: number, t: Targets): number[] {
  const government = GOVERNMENT_KINDS.has(kind);
  const meetingTarget = government ? t.meetingTarget : 0;
  const evaluationTarget = government ? t.evaluationTargetGovernment : t.evaluationTargetUnit;
  return [
    meetings,
    meetingTarget,
    targetProgress(meetings, meetingTarget).missing,
    evaluations,
    evaluationTarget,
    targetProgress(evaluations, evaluationTarget).missing,
  ];
}

/**
 * Hearings, meetings with public representatives, open days (published, by the day held) and published
 * policy evaluations (by the day completed) per organisation for the year; and the yearly targets:
 * meetings per government, evaluations per government and per unit (settings).
 */
async function participationStats(db: Kysely<Database>, q: StatsQuery): Promise<StatsTable[]> {
  const from = `${q.year}-01-01`;
  const to = `${q.year}-12-31`;
  let events = db
    .selectFrom('decision_events as e')
    .leftJoin('decision_event_signups as s', (j) =>
      j.onRef('s.event_id', '=', 'e.id').on('s.selected', '=', true),
    )
    .select((eb) => [
      'e.org_id',
      sql<number>`count(distinct e.id) filter (where e.kind = 'hearing')`.as('hearings'),
      sql<number>`count(distinct e.id) filter (where e.kind = 'meeting')`.as('meetings'),
      eb.fn.count<number>('s.id').filterWhere('e.kind', '=', 'meeting').as('representatives'),
      sql<number>`count(distinct e.id) filter (where e.kind = 'open_day')`.as('open_days'),
      eb.fn.count<number>('s.id').filterWhere('e.kind', '=', 'open_day').as('visitors'),
    ])
    .where('e.status', '=', 'published')
    .where('e.held_on', '>=', from)
    .where('e.held_on', '<=', to)
    .groupBy('e.org_id');
  let evaluations = db
    .selectFrom('policy_evaluations')
    .select((eb) => ['org_id', eb.fn.countAll<number>().as('evaluations')])
    .where('published', '=', true)
    .where('evaluated_on', '>=', from)
    .where('evaluated_on', '<=', to)
    .groupBy('org_id');
  if (q.orgIds) {
    const ids = q.orgIds.length ? [...q.orgIds] : [-1];
    events = events.where('e.org_id', 'in', ids);
    evaluations = evaluations.where('org_id', 'in', ids);
  }
  const [e, v, orgs, t] = await Promise.all([
    events.execute(),
    evaluations.execute(),
    listOrgs(db),
    targets(db),
  ]);
  const byOrg = new Map<number, { e?: (typeof e)[number]; v?: number }>();
  for (const r of e) byOrg.set(r.org_id, { ...byOrg.get(r.org_id), e: r });
  for (const r of v) byOrg.set(r.org_id, { ...byOrg.get(r.org_id), v: Number(r.evaluations) });
  const org = new Map(orgs.map((o) => [o.id, o]));
  const ids = [...byOrg.keys()].sort((a, b) => a - b);
  const label = (id: number) => org.get(id)?.name ?? '';
  return [
    {
      key: 'decisions.participation',
      title: '听证、公众代表列席会议、政府开放日和政策评估情况',
      columns: [
        { key: 'hearings', label: '听证会（次）' },
        { key: 'meetings', label: '邀请公众代表列席会议（次）' },
        { key: 'representatives', label: '列席公众代表（人次）' },
        { key: 'open_days', label: '政府开放日（次）' },
        { key: 'visitors', label: '开放日参加人数（人次）' },
        { key: 'evaluations', label: '政策评估（项）' },
      ],
      rows: ids.map((id) => {
        const r = byOrg.get(id)?.e;
        return {
          key: String(id),
          label: label(id),
          counts: [
            Number(r?.hearings ?? 0),
            Number(r?.meetings ?? 0),
            Number(r?.representatives ?? 0),
            Number(r?.open_days ?? 0),
            Number(r?.visitors ?? 0),
            byOrg.get(id)?.v ?? 0,
          ],
        };
      }),
    },
    {
      key: 'decisions.targets',
      title: '公众参与年度目标完成情况',
      columns: [
        { key: 'meetings', label: '列席会议（次）' },
        { key: 'meeting_target', label: '列席会议目标（次）' },
        { key: 'meetings_missing', label: '列席会议差额（次）' },
        { key: 'evaluations', label: '政策评估（项）' },
        { key: 'evaluation_target', label: '政策评估目标（项）' },
        { key: 'evaluations_missing', label: '政策评估差额（项）' },
      ],
      rows: ids.map((id) => ({
        key: String(id),
        label: label(id),
        counts: targetCounts(
          org.get(id)?.kind ?? '',
          Number(byOrg.get(id)?.e?.meetings ?? 0),
          byOrg.get(id)?.v ?? 0,
          t,
        ),
      })),
    },
  ];
}
