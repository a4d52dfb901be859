import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import * as s from './api.schemas.ts';
import * as service from './service.ts';

/** 政策问答 for staff: the ask tester and rebuilding the index (CSRF on the POSTs by the platform). */
export async function qaApi(root: FastifyInstance, { db }: ModuleContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/qa/ask',
    {
      schema: {
        tags: ['qa'],
        summary: '政策问答测试：从现行有效文件中回答问题',
        body: s.askBody,
        response: { 200: s.askResult },
      },
    },
    async (req) => service.askAsStaff(db, requireActor(req), req.body.question, req.body.limit ?? 3),
  );

  app.post(
    '/qa/reindex',
    {
      schema: {
        tags: ['qa'],
        summary: '重建政策问答索引',
        response: { 200: s.indexReport },
      },
    },
    async (req) => service.reindexAsStaff(db, requireActor(req)),
  );
}
