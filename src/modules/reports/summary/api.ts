import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contentDisposition } from '../../../platform/http/content-disposition.ts';
import { fileResponse } from '../../../platform/http/schemas.ts';
import { requireActor } from '../../../platform/http/session.ts';
import type { ModuleContext } from '../../../platform/module.ts';
import * as s from './api.schemas.ts';
import { summaryTitle, summaryWorkbook } from './export.ts';
import { presentSummary } from './present.ts';
import * as service from './service.ts';

/** 汇总: a government's summary of its agencies' and lower governments' annual reports for a year. */
export async function reportSummaryApi(root: FastifyInstance, { db }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['reports'];

  app.get(
    '/report-summaries',
    {
      schema: { tags, summary: '可查看年度报告汇总的人民政府', response: { 200: s.governmentsResponse } },
    },
    async (req) => ({
      items: (await service.summaryGovernments(db, requireActor(req))).map((o) => ({
        orgId: o.id,
        orgName: o.name,
      })),
    }),
  );

  app.get(
    '/report-summaries/:orgId/:year',
    {
      schema: {
        tags,
        summary:
          '一个人民政府某年度的年度报告汇总：汇总数据、校验结果、各机关和下级政府、未报送或未审核的机关',
        params: s.summaryParams,
        querystring: s.summaryQuery,
        response: { 200: s.summaryResponse },
      },
    },
    async (req) =>
      presentSummary(
        await service.governmentSummary(
          db,
          requireActor(req),
          req.params.orgId,
          req.params.year,
          req.query.include,
        ),
      ),
  );

  app.get(
    '/report-summaries/:orgId/:year/xlsx',
    {
      schema: {
        tags,
        summary: '下载年度报告汇总（Excel）',
        params: s.summaryParams,
        querystring: s.summaryQuery,
        response: { 200: fileResponse },
      },
    },
    async (req, reply) => {
      const summary = await service.governmentSummary(
        db,
        requireActor(req),
        req.params.orgId,
        req.params.year,
        req.query.include,
      );
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(`${summaryTitle(summary)}.xlsx`))
        .send(await summaryWorkbook(summary));
    },
  );
}
