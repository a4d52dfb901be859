import { z } from 'zod';

export { idParam } from '../../platform/http/schemas.ts';

export const listQuery = z.object({
  unread: z.enum(['1', 'true']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const notificationView = z.object({
  id: z.number(),
  /** Stable code incl. the milestone, e.g. `request.due.5`, `request.due.0`, `request.overdue.1`. */
  kind: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  title: z.string(),
  body: z.string(),
  dueOn: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const listResponse = z.object({
  items: z.array(notificationView),
  total: z.number(),
  /** Unread notifications of the person in all (for the bell), whatever the filter. */
  unread: z.number(),
});

export const ok = z.object({ ok: z.literal(true) });
export const readAllResponse = z.object({ updated: z.number() });
