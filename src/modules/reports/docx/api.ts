import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contentDisposition } from '../../../platform/http/content-disposition.ts';
import { fileResponse } from '../../../platform/http/schemas.ts';
import { requireActor } from '../../../platform/http/session.ts';
import type { ModuleContext } from '../../../platform/module.ts';
import { reportParams } from '../api.schemas.ts';
import { DOCX_MIME } from './render.ts';
import { reportDocx } from './service.ts';

/** GET /reports/:orgId/:year/docx: the report as a Word document in the national format. */
export async function reportDocxApi(root: FastifyInstance, { db }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/reports/:orgId/:year/docx',
    {
      schema: {
        tags: ['reports'],
        summary: '下载年度报告（Word 文档，国家统一格式）',
        params: reportParams,
        response: { 200: fileResponse },
      },
    },
    async (req, reply) => {
      const file = await reportDocx(db, requireActor(req), req.params.orgId, req.params.year);
      return reply
        .header('content-type', DOCX_MIME)
        .header('content-disposition', contentDisposition(file.name))
        .send(file.bytes);
    },
  );
}
