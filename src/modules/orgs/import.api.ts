import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import { AppError } from '../../platform/http/errors.ts';
import { readSingleUpload } from '../../platform/http/multipart.ts';
import { fileResponse } from '../../platform/http/schemas.ts';
import { requireActor } from '../../platform/http/session.ts';
import { uploadRoute } from '../../platform/http/upload.ts';
import type { ModuleContext } from '../../platform/module.ts';
import type { Sheet } from './domain/sheet.ts';
import * as s from './import.schemas.ts';
import { importOrgs, importRefusal, importUsers } from './import.service.ts';
import { orgTemplate, readSheet, userTemplate, XLSX_MIME } from './import.xlsx.ts';
import { authorize } from './service.ts';
import { findOrg } from './store.ts';

/** The one .xlsx of a multipart upload (field `file`). */
async function uploadedSheet(req: FastifyRequest): Promise<Sheet> {
  const { file } = await readSingleUpload(
    req,
    () => new AppError('VALIDATION_FAILED', {}, [{ path: 'file', message: '请选择要导入的 .xlsx 文件' }]),
  );
  return readSheet(new Uint8Array(file.bytes), file.name);
}

/** 机构导入、用户导入: templates, a preview that saves nothing, and the all-or-nothing import. */
export async function orgImportApi(root: FastifyInstance, { db }: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();

  for (const what of ['orgs', 'users'] as const) {
    const label = what === 'orgs' ? '机构' : '用户';
    const permission = what === 'orgs' ? ('orgs.manage' as const) : ('users.manage' as const);
    const run = what === 'orgs' ? importOrgs : importUsers;

    app.get(
      `/${what}/import/template`,
      { schema: { tags: [what], summary: `下载${label}导入模板（.xlsx）`, response: { 200: fileResponse } } },
      async (req, reply) => {
        const actor = requireActor(req);
        authorize(actor, permission);
        const own = (await findOrg(db, actor.orgId))?.name ?? '';
        const body = what === 'orgs' ? await orgTemplate(own) : await userTemplate(own);
        reply
          .type(XLSX_MIME)
          .header(
            'content-disposition',
            contentDisposition(`${label}导入模板.xlsx`, `${what}-template.xlsx`),
          );
        return reply.send(body);
      },
    );

    app.post(
      `/${what}/import/preview`,
      {
        schema: {
          ...uploadRoute({ file: ['.xlsx'] }),
          tags: [what],
          summary: `${label}导入预览：逐行列出将新增、修改的${label}和错误，不保存（multipart：file）`,
          response: { 200: s.importReport },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        authorize(actor, permission);
        return run(db, actor, await uploadedSheet(req), { save: false });
      },
    );

    app.post(
      `/${what}/import`,
      {
        schema: {
          ...uploadRoute({ file: ['.xlsx'] }),
          tags: [what],
          summary: `${label}导入：全部正确才保存，有任何一行出错则不保存（multipart：file）`,
          response: { 200: s.importReport },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        authorize(actor, permission);
        const result = await run(db, actor, await uploadedSheet(req), { save: true });
        if (!result.saved) throw importRefusal(result);
        return result;
      },
    );
  }
}
