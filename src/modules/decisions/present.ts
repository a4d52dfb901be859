import { splitArticles } from './domain/articles.ts';
import { phaseOf } from './domain/period.ts';
import type { CommentRow, ConsultationRow } from './store.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentConsultation(
  r: ConsultationRow,
  o: {
    orgName: string;
    today: string;
    commentCount: number;
    canManage: boolean;
    due: string | null;
    overdue: boolean;
  },
) {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: o.orgName,
    title: r.title,
    draft: r.draft,
    explanation: r.explanation,
    channels: r.channels,
    opensOn: r.opens_on,
    plannedLastDay: r.planned_last_day,
    closesOn: r.closes_on,
    shortReason: r.short_reason,
    status: r.status,
    phase: phaseOf({ status: r.status, opensOn: r.opens_on, closesOn: r.closes_on }, o.today),
    publishedAt: iso(r.published_at),
    closedAt: iso(r.closed_at),
    feedbackSummary: r.feedback_summary,
    feedbackPublishedAt: iso(r.feedback_published_at),
    feedbackDue: o.due,
    feedbackOverdue: o.overdue,
    commentCount: o.commentCount,
    canManage: o.canManage,
  };
}

export function presentComment(c: CommentRow) {
  return {
    id: c.id,
    channel: c.channel,
    name: c.name,
    contact: c.contact,
    content: c.content,
    article: c.article,
    receivedOn: c.received_on,
    status: c.status,
    moderationReason: c.moderation_reason,
    groupId: c.group_id,
    groupManual: c.group_manual,
    feedback: c.feedback,
    feedbackReason: c.feedback_reason,
  };
}

/** Each group once: its size, its first comment's text, its members in order. */
export function presentGroups(comments: readonly CommentRow[]) {
  const groups = new Map<number, CommentRow[]>();
  for (const c of comments) {
    if (c.group_id === null) continue;
    const g = groups.get(c.group_id);
    if (g) g.push(c);
    else groups.set(c.group_id, [c]);
  }
  return [...groups.entries()]
    .filter(([, m]) => m.length > 1)
    .map(([groupId, m]) => ({
      groupId,
      size: m.length,
      representative: (m.find((x) => x.id === groupId) ?? (m[0] as CommentRow)).content,
      memberIds: m.map((x) => x.id),
    }))
    .sort((a, b) => b.size - a.size || a.groupId - b.groupId);
}

export const presentArticles = (draft: string) => splitArticles(draft);
