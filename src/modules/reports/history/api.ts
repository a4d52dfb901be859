/** 以往年度报告: the agency's report years, a past year's figures, entering them, the template and reading it. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contentDisposition } from '../../../platform/http/content-disposition.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { readSingleUpload } from '../../../platform/http/multipart.ts';
import { fileResponse } from '../../../platform/http/schemas.ts';
import { requireActor } from '../../../platform/http/session.ts';
import { uploadRoute } from '../../../platform/http/upload.ts';
import type { ModuleContext } from '../../../platform/module.ts';
import { chinaToday } from '../../../platform/time.ts';
import { readImportSheet, XLSX_MIME } from '../../orgs/index.ts';
import * as s from './api.schemas.ts';
import * as service from './service.ts';
import { pastTemplate } from './xlsx.ts';

async function uploadedSheet(req: FastifyRequest) {
  const { file } = await readSingleUpload(
    req,
    () => new AppError('VALIDATION_FAILED', {}, [{ path: 'file', message: '请选择要导入的 .xlsx 文件' }]),
  );
  return readImportSheet(new Uint8Array(file.bytes), file.name);
}

export async function reportHistoryApi(root: FastifyInstance, { db }: Pick<ModuleContext, 'db'>) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/report-history',
    {
      schema: {
        tags: ['reports'],
        summary: '历年年度报告：系统生成的报告和录入的以往年度数据',
        querystring: s.historyQuery,
        response: { 200: s.historyResponse },
      },
    },
    async (req) => {
      const { agency, years } = await service.listHistory(db, requireActor(req), req.query.orgId);
      return {
        orgId: agency.org.id,
        orgName: agency.org.name,
        years: years.map((y) => ({ ...y, enteredAt: y.enteredAt?.toISOString() ?? null })),
      };
    },
  );

  app.get(
    '/report-history/template',
    {
      schema: {
        tags: ['reports'],
        summary: '下载以往年度报告数据模板（.xlsx）',
        response: { 200: fileResponse },
      },
    },
    async (req, reply) => {
      requireActor(req);
      reply
        .type(XLSX_MIME)
        .header(
          'content-disposition',
          contentDisposition('年度报告数据模板.xlsx', 'report-figures-template.xlsx'),
        );
      return reply.send(await pastTemplate());
    },
  );

  app.post(
    '/report-history/parse',
    {
      schema: {
        ...uploadRoute({ file: ['.xlsx'] }),
        tags: ['reports'],
        summary: '读取年度报告数据表格：返回各表数字供核对，不保存（multipart：file）',
        response: { 200: s.parsedResponse },
      },
    },
    async (req) => {
      requireActor(req);
      return { figures: service.readPastSheet(await uploadedSheet(req)) };
    },
  );

  app.get(
    '/report-history/:orgId/:year',
    {
      schema: {
        tags: ['reports'],
        summary: '以往年度报告数据',
        params: s.pastParams,
        response: { 200: s.pastResponse },
      },
    },
    async (req) => {
      const { orgId, year } = req.params;
      const { agency, row, checks } = await service.getPast(db, requireActor(req), orgId, year);
      return {
        orgId,
        orgName: agency.org.name,
        year,
        source: row.source,
        enteredAt: new Date(row.entered_at).toISOString(),
        figures: row.figures,
        checks,
      };
    },
  );

  app.put(
    '/report-history/:orgId/:year',
    {
      schema: {
        tags: ['reports'],
        summary: '录入以往年度报告数据（仅数字；系统已生成报告的年度不能录入）',
        params: s.pastParams,
        body: s.pastBody,
        response: { 200: s.pastResponse },
      },
    },
    async (req) => {
      const { orgId, year } = req.params;
      const { agency, row, checks } = await service.savePast(db, requireActor(req), {
        orgId,
        year,
        ...req.body,
        today: chinaToday(),
      });
      return {
        orgId,
        orgName: agency.org.name,
        year,
        source: row.source,
        enteredAt: new Date(row.entered_at).toISOString(),
        figures: row.figures,
        checks,
      };
    },
  );
}
