import type { StandardsActor } from './domain/policies.ts';
import { can } from './domain/policies.ts';
import type { ItemView } from './service.ts';
import type { NoticeRow, PostingRow } from './store.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentItem(r: ItemView, o: { orgName: string; facts: StandardsActor }) {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: o.orgName,
    area: r.area,
    matter: r.matter,
    subMatter: r.sub_matter,
    content: r.content,
    basis: r.basis,
    timeLimit: r.time_limit,
    timeLimitLabel: r.limit.label,
    publisher: r.publisher,
    channels: r.channels,
    audience: r.audience,
    manner: r.manner,
    level: r.level,
    columnId: r.column_id,
    columnName: r.columnName,
    linkPath: r.link_path,
    verifiedOn: r.verified_on,
    lastUpdated: r.freshness.lastUpdated,
    dueOn: r.freshness.dueOn,
    stale: r.freshness.stale,
    problem: r.freshness.problem,
    canManage: can(o.facts, 'manage', { orgId: r.org_id }),
  };
}

export const presentPosting = (p: PostingRow) => ({
  id: p.id,
  location: p.location,
  postedOn: p.posted_on,
  removedOn: p.removed_on,
  postedBy: p.posted_by,
  note: p.note,
});

export function presentNotice(
  r: NoticeRow,
  o: { orgName: string; postings: readonly PostingRow[]; facts: StandardsActor },
) {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: o.orgName,
    title: r.title,
    place: r.place,
    audience: r.audience,
    intro: r.intro,
    columns: r.columns,
    kinds: r.kinds,
    rows: r.rows,
    removedColumns: r.removed_columns,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    contact: r.contact,
    status: r.status,
    withdrawReason: r.withdraw_reason,
    publishedAt: iso(r.published_at),
    postings: o.postings.map(presentPosting),
    canManage: can(o.facts, 'manage', { orgId: r.org_id }),
    canPost: can(o.facts, 'post', { orgId: r.org_id }),
  };
}
