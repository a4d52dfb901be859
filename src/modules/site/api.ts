import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/http/errors.ts';
import { createRateLimiter } from '../../platform/http/rate-limit.ts';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import * as s from './api.schemas.ts';
import * as service from './service.ts';

/**
 * The first run (`GET/POST /setup`, public, only while the database holds no organisation) and the
 * site identity (`GET /site`, public; `PUT /site`, the government's administrator) and every
 * government's site (`GET /sites`, `PUT /sites/:orgId`: its administrator or one of a government above). Anonymous POSTs
 * carry the CSRF token like every other (the console reads the `gk_csrf` cookie).
 */
export async function siteApi(root: FastifyInstance, ctx: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db } = ctx;
  const setupLimiter = createRateLimiter({ limit: 20, windowMs: 60_000 });

  app.get(
    '/setup',
    { schema: { tags: ['site'], summary: '是否需要初始设置', response: { 200: s.setupStatus } } },
    async () => ({ needed: await service.setupNeeded(db) }),
  );

  app.post(
    '/setup',
    {
      schema: {
        tags: ['site'],
        summary: '初始设置：政府、公开工作机构、首个管理员和站点信息',
        body: s.setupBody,
        response: { 200: s.setupResult },
      },
    },
    async (req) => {
      if (!setupLimiter.hit(req.ip)) throw new AppError('RATE_LIMITED');
      return service.runSetup(db, req.body);
    },
  );

  app.get(
    '/site',
    { schema: { tags: ['site'], summary: '站点信息（公开）', response: { 200: s.siteView } } },
    async () => (await service.currentSite(db)).view,
  );

  app.put(
    '/site',
    {
      schema: {
        tags: ['site'],
        summary: '修改站点信息',
        body: s.identityBody,
        response: { 200: s.siteView },
      },
    },
    async (req) => service.saveIdentity(db, requireActor(req), req.body),
  );

  app.get(
    '/sites',
    {
      schema: { tags: ['site'], summary: '可维护的各级政府站点', response: { 200: s.siteList } },
    },
    async (req) => ({ items: await service.editableSites(db, requireActor(req)) }),
  );

  app.put(
    '/sites/:orgId',
    {
      schema: {
        tags: ['site'],
        summary: '修改某一政府站点的站点信息',
        params: s.siteParam,
        body: s.identityBody,
        response: { 200: s.siteView },
      },
    },
    async (req) => service.saveIdentity(db, requireActor(req), req.body, req.params.orgId),
  );
}
