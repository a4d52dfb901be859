// 通知: the signed-in person's own notifications (src/modules/notifications/api.ts).
import type { z } from 'zod';
import type * as s from '../../modules/notifications/api.schemas.ts';
import { api, type Input } from './client.ts';

export type Notification = z.infer<typeof s.notificationView>;
export type NotificationList = z.infer<typeof s.listResponse>;

/** Console-only: `unreadOnly` is sent as the server's `unread=1`; paging as the server's listQuery takes it. */
export type NotificationQuery = Pick<Input<typeof s.listQuery>, 'page' | 'pageSize'> & {
  unreadOnly?: boolean;
};

export function listNotifications(query: NotificationQuery = {}): Promise<NotificationList> {
  return api.get('/api/notifications', {
    unread: query.unreadOnly ? 1 : undefined,
    page: query.page,
    pageSize: query.pageSize,
  });
}

export function markNotificationRead(id: number): Promise<z.infer<typeof s.ok>> {
  return api.post(`/api/notifications/${id}/read`);
}

export function markAllNotificationsRead(): Promise<z.infer<typeof s.readAllResponse>> {
  return api.post('/api/notifications/read-all');
}

/** The admin route of what a notification is about, or undefined when it has none. */
export function notificationLink(n: Pick<Notification, 'subjectType' | 'subjectId'>): string | undefined {
  if (n.subjectType === 'request' && /^\d+$/.test(n.subjectId)) return `/requests/${n.subjectId}`;
  if (n.subjectType === 'annual_report' && /^\d+\/\d{4}$/.test(n.subjectId))
    return `/annual-reports/${n.subjectId}`;
  return undefined;
}

/** The bell's accessible name, which carries the count: 通知，3条未读. */
export function bellLabel(unread: number): string {
  return unread > 0 ? `通知，${unread}条未读` : '通知，没有未读';
}
