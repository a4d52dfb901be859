import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import { fileResponse, idParam } from '../../platform/http/schemas.ts';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import {
  letterParam,
  lettersResponse,
  templateBody,
  templateParam,
  templateQuery,
  templatesResponse,
  templateView,
} from './api.schemas.ts';
import { exportCase } from './archive/service.ts';
import * as letters from './letters/service.ts';

export { caseLetters } from './letters/service.ts';

function attachment(reply: FastifyReply, name: string, mime: string, data: Uint8Array) {
  reply.type(mime);
  reply.header('cache-control', 'private, no-store');
  reply.header('content-disposition', contentDisposition(name));
  return reply.send(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
}

/** Letter templates, a case's letters and the case-file export (registered by requestsApi under /api). */
export async function lettersApi(
  root: FastifyInstance,
  { db, config }: Pick<ModuleContext, 'db' | 'config'>,
) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/requests/letter-templates',
    {
      schema: {
        tags: ['requests'],
        summary:
          '依申请公开文书模板（补正告知书、延期答复告知书、收费通知书、征求意见函、答复书）：通用模板或某一机关的模板',
        querystring: templateQuery,
        response: { 200: templatesResponse },
      },
    },
    async (req) => letters.letterTemplates(db, requireActor(req), req.query.orgId),
  );

  app.put(
    '/requests/letter-templates/:kind',
    {
      schema: {
        tags: ['requests'],
        summary: '修改文书模板（占位符写作 {{名称}}；带 orgId 时为该机关自己的模板）',
        params: templateParam,
        querystring: templateQuery,
        body: templateBody,
        response: { 200: templateView },
      },
    },
    async (req) =>
      letters.saveLetterTemplate(db, requireActor(req), req.params.kind, req.body, req.query.orgId ?? null),
  );

  app.delete(
    '/requests/letter-templates/:kind',
    {
      schema: {
        tags: ['requests'],
        summary: '恢复文书模板：机关的模板恢复为通用模板，通用模板恢复为默认文本',
        params: templateParam,
        querystring: templateQuery,
        response: { 200: templateView },
      },
    },
    async (req) =>
      letters.resetLetterTemplate(db, requireActor(req), req.params.kind, req.query.orgId ?? null),
  );

  app.get(
    '/requests/:id/letters',
    {
      schema: {
        tags: ['requests'],
        summary: '申请的文书（案卷中的告知书、答复书等）',
        params: idParam,
        response: { 200: lettersResponse },
      },
    },
    async (req) => ({ items: await letters.listCaseLetters(db, requireActor(req), req.params.id) }),
  );

  app.get(
    '/requests/:id/letters/:letterId',
    {
      schema: {
        tags: ['requests'],
        summary: '下载文书（.docx）',
        params: letterParam,
        response: { 200: fileResponse },
      },
    },
    async (req, reply) => {
      const file = await letters.openCaseLetter(
        db,
        config.dataDir,
        requireActor(req),
        req.params.id,
        req.params.letterId,
      );
      return attachment(reply, file.name, file.mime, file.data);
    },
  );

  app.get(
    '/requests/:id/export.zip',
    {
      schema: {
        tags: ['requests'],
        summary: '导出案卷（zip：index.txt、文书、case.json；仅限已答复、已终止或已归档的申请）',
        params: idParam,
        response: { 200: fileResponse },
      },
    },
    async (req, reply) => {
      const { fileName, data } = await exportCase(db, config.dataDir, requireActor(req), req.params.id);
      return attachment(reply, fileName, 'application/zip', data);
    },
  );
}
