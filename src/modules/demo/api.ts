import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import * as s from './api.schemas.ts';
import * as service from './service.ts';

/** 演示数据 for the administrator: what is there, and removing all of it (CSRF enforced by the platform). */
export async function demoApi(root: FastifyInstance, { db, config }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/demo',
    {
      schema: {
        tags: ['demo'],
        summary: '演示数据：是否存在，各表条数（管理员）',
        response: { 200: s.summaryResponse },
      },
    },
    async (req) => service.demoSummary(db, requireActor(req)),
  );

  app.post(
    '/demo/remove',
    {
      schema: {
        tags: ['demo'],
        summary: '删除全部演示数据（管理员；本单位数据仍引用演示数据时拒绝并列出，409）',
        response: { 200: s.removeResponse },
      },
    },
    async (req) => service.removeDemo(db, requireActor(req), { dataDir: config.dataDir }),
  );
}
