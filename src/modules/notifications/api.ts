import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import * as s from './api.schemas.ts';
import { presentNotification } from './present.ts';
import * as service from './service.ts';

/** A signed-in person's own notifications (CSRF on the POSTs is enforced by the platform). */
export async function notificationsApi(root: FastifyInstance, { db }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: '我的通知（unread=1 只看未读）',
        querystring: s.listQuery,
        response: { 200: s.listResponse },
      },
    },
    async (req) => {
      const { unread, page, pageSize } = req.query;
      const {
        rows,
        total,
        unread: unreadCount,
      } = await service.listOwn(db, requireActor(req), {
        unreadOnly: unread !== undefined,
        page,
        pageSize,
      });
      return { items: rows.map(presentNotification), total, unread: unreadCount };
    },
  );

  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: '全部标为已读',
        response: { 200: s.readAllResponse },
      },
    },
    async (req) => ({ updated: await service.markAllRead(db, requireActor(req), new Date()) }),
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: '标为已读',
        params: s.idParam,
        response: { 200: s.ok },
      },
    },
    async (req) => {
      await service.markRead(db, requireActor(req), req.params.id, new Date());
      return { ok: true as const };
    },
  );
}
