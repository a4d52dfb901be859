import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireActor } from '../../../platform/http/session.ts';
import type { ModuleContext } from '../../../platform/module.ts';
import * as s from './api.schemas.ts';
import { figureRecords } from './service.ts';

/** The drill-down of a report's computed figure: the cases or documents it counts. */
export async function drillApi(root: FastifyInstance, { db }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/report-records',
    {
      schema: {
        tags: ['reports'],
        summary: '年度报告表二、表三中一个计算得出的数字所对应的记录（申请或文件）',
        querystring: s.recordsQuery,
        response: { 200: s.recordsResponse },
      },
    },
    async (req) => {
      const { orgId, year, table, row, column } = req.query;
      return figureRecords(db, requireActor(req), orgId, year, { table, row, column });
    },
  );
}
