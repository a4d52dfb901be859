// 通知: the signed-in person's own notifications (src/modules/notifications/api.ts).
import { api } from './client.ts';

export interface Notification {
  id: number;
  /** Stable code incl. the milestone, e.g. `request.due.5`, `request.overdue.1`. */
  kind: string;
  /** What the notification is about, e.g. `request` (subjectId is then the case id). */
  subjectType: string;
  subjectId: string;
  title: string;
  body: string;
  dueOn: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  items: Notification[];
  total: number;
  /** Unread notifications of the person in all, whatever the filter. */
  unread: number;
}

export interface NotificationQuery {
  unreadOnly?: boolean;
  page?: number;
  pageSize?: number;
}

export function listNotifications(query: NotificationQuery = {}): Promise<NotificationList> {
  return api.get('/api/notifications', {
    unread: query.unreadOnly ? 1 : undefined,
    page: query.page,
    pageSize: query.pageSize,
  });
}

export function markNotificationRead(id: number): Promise<{ ok: true }> {
  return api.post(`/api/notifications/${id}/read`);
}

export function markAllNotificationsRead(): Promise<{ updated: number }> {
  return api.post('/api/notifications/read-all');
}

/** The admin route of what a notification is about, or undefined when it has none. */
export function notificationLink(n: Pick<Notification, 'subjectType' | 'subjectId'>): string | undefined {
  if (n.subjectType === 'request' && /^\d+$/.test(n.subjectId)) return `/requests/${n.subjectId}`;
  return undefined;
}

/** The bell's accessible name, which carries the count: 通知，3条未读. */
export function bellLabel(unread: number): string {
  return unread > 0 ? `通知，${unread}条未读` : '通知，没有未读';
}
