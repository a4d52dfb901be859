import type { NotificationRow } from './store.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentNotification(r: NotificationRow) {
  return {
    id: r.id,
    kind: r.kind,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    title: r.title,
    body: r.body,
    dueOn: r.due_on,
    createdAt: new Date(r.created_at).toISOString(),
    readAt: iso(r.read_at),
  };
}
