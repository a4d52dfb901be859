import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import * as s from './api.schemas.ts';
import * as pairs from './pairs.service.ts';
import { presentPair } from './present.ts';
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

  app.get(
    '/qa/pairs',
    {
      schema: {
        tags: ['qa'],
        summary: '政策问答库',
        querystring: s.pairListQuery,
        response: { 200: s.pairList },
      },
    },
    async (req) => ({ items: (await pairs.listPairsFor(db, requireActor(req), req.query)).map(presentPair) }),
  );

  app.post(
    '/qa/pairs',
    {
      schema: { tags: ['qa'], summary: '新增问答（草稿）', body: s.pairBody, response: { 200: s.pairView } },
    },
    async (req) => presentPair(await pairs.createPair(db, requireActor(req), req.body)),
  );

  app.put(
    '/qa/pairs/:id',
    {
      schema: {
        tags: ['qa'],
        summary: '修改问答（回到草稿）',
        params: s.pairParams,
        body: s.pairBody,
        response: { 200: s.pairView },
      },
    },
    async (req) => presentPair(await pairs.updatePair(db, requireActor(req), req.params.id, req.body)),
  );

  app.post(
    '/qa/pairs/:id/:action',
    {
      schema: {
        tags: ['qa'],
        summary: '提交审核、审核发布或退回',
        params: s.pairActionParams,
        response: { 200: s.pairView },
      },
    },
    async (req) =>
      presentPair(await pairs.actOnPair(db, requireActor(req), req.params.id, req.params.action)),
  );
}
