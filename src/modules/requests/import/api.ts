/** 申请台账导入: the template, a preview that saves nothing, and the all-or-nothing import. */
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
import { findOrg, readImportSheet, XLSX_MIME } from '../../orgs/index.ts';
import * as s from './api.schemas.ts';
import type { LedgerSheet } from './domain/ledger.ts';
import { authorizeLedgerImport, importLedger, ledgerRefusal } from './service.ts';
import { ledgerTemplate } from './xlsx.ts';

/** The one .xlsx of a multipart upload (field `file`): size limited by the multipart plugin, type by content. */
async function uploadedLedger(req: FastifyRequest): Promise<LedgerSheet> {
  const { file } = await readSingleUpload(
    req,
    () => new AppError('VALIDATION_FAILED', {}, [{ path: 'file', message: '请选择要导入的 .xlsx 文件' }]),
  );
  return readImportSheet(new Uint8Array(file.bytes), file.name);
}

export async function ledgerImportApi(root: FastifyInstance, { db }: Pick<ModuleContext, 'db'>) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/requests/import/template',
    {
      schema: {
        tags: ['requests'],
        summary: '下载申请台账导入模板（.xlsx）',
        response: { 200: fileResponse },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const own = (await findOrg(db, actor.orgId))?.name ?? '';
      reply
        .type(XLSX_MIME)
        .header('content-disposition', contentDisposition('申请台账导入模板.xlsx', 'ledger-template.xlsx'));
      return reply.send(await ledgerTemplate(own));
    },
  );

  app.post(
    '/requests/import/preview',
    {
      schema: {
        ...uploadRoute({ file: ['.xlsx'] }),
        tags: ['requests'],
        summary: '申请台账导入预览：逐行列出将导入的申请和错误，不保存（multipart：file）',
        querystring: s.ledgerQuery,
        response: { 200: s.ledgerReport },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await authorizeLedgerImport(db, actor, req.query.orgId);
      const sheet = await uploadedLedger(req);
      return importLedger(db, actor, req.query.orgId, sheet, { save: false, today: chinaToday() });
    },
  );

  app.post(
    '/requests/import',
    {
      schema: {
        ...uploadRoute({ file: ['.xlsx'] }),
        tags: ['requests'],
        summary: '申请台账导入：全部正确才导入，有任何一行出错则不导入（multipart：file）',
        querystring: s.ledgerQuery,
        response: { 200: s.ledgerReport },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await authorizeLedgerImport(db, actor, req.query.orgId);
      const sheet = await uploadedLedger(req);
      const result = await importLedger(db, actor, req.query.orgId, sheet, {
        save: true,
        today: chinaToday(),
      });
      if (!result.saved) throw ledgerRefusal(result);
      return result;
    },
  );
}
