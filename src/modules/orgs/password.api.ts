import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/http/errors.ts';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { now } from '../../platform/time.ts';
import * as s from './api.schemas.ts';
import { presentUser } from './present.ts';
import { changeOwnPassword, mustChangePassword } from './setup.ts';
import * as store from './store.ts';

/**
 * What a session whose password must be changed may still call: who am I, sign out, change the
 * password, and the public site and setup answers. Everything else answers PASSWORD_CHANGE_REQUIRED.
 */
const ALLOWED_BEFORE_CHANGE = new Set([
  '/api/auth/me',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/auth/password',
  '/api/site',
  '/api/setup',
]);

/** 修改密码 (`POST /auth/password`), and the guard that holds other calls until a given password is changed. */
export async function passwordApi(root: FastifyInstance, ctx: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;

  // On the whole /api scope: every module's route, whichever registered first.
  root.addHook('preHandler', async (req) => {
    if (!req.actor || ALLOWED_BEFORE_CHANGE.has(req.routeOptions.url ?? '')) return;
    if (await mustChangePassword(db, req.actor.id)) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  });

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改本人密码',
        body: s.passwordChangeBody,
        response: { 200: s.meResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await changeOwnPassword(db, actor, { ...req.body, keepSessionId: req.sessionId });
      const user = await store.findUserView(db, actor.id);
      if (!user) throw new AppError('SESSION_EXPIRED');
      return { user: presentUser(user), now: now().toISOString() };
    },
  );
}
