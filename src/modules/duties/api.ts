import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/http/errors.ts';
import { readSingleUpload } from '../../platform/http/multipart.ts';
import { idParam } from '../../platform/http/schemas.ts';
import { requireActor } from '../../platform/http/session.ts';
import { uploadRoute } from '../../platform/http/upload.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { readImportSheet } from '../orgs/index.ts';
import * as s from './api.schemas.ts';
import { EDITABLE_REGISTERS, IMPORT_REGISTERS } from './domain/registers.ts';
import * as service from './service.ts';
import { dutiesStatsFor } from './stats.ts';

const TAGS = ['duties'];

/** The one .xlsx of a multipart upload, read by the shared import reader. */
async function uploadedSheet(req: FastifyRequest) {
  const { file } = await readSingleUpload(
    req,
    () => new AppError('DUTIES_IMPORT_FILE', { detail: '请选择要导入的 .xlsx 文件' }),
  );
  return readImportSheet(new Uint8Array(file.bytes), file.name);
}

/** 日常工作台账 for staff: the four registers' lists, entry, import, the errata's steps (CSRF by the platform). */
export async function dutiesApi(root: FastifyInstance, { db }: ModuleContext): Promise<void> {
  const app = root.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/duties/stats',
    {
      schema: {
        tags: TAGS,
        summary: '日常工作台账统计',
        querystring: s.statsQuery,
        response: { 200: s.statsResponse },
      },
    },
    async (req) => ({ tables: await dutiesStatsFor(db, requireActor(req), req.query.year) }),
  );

  app.get(
    '/duties/:register',
    {
      schema: {
        tags: TAGS,
        summary: '台账记录列表',
        params: s.registerParam,
        querystring: s.listQuery,
        response: { 200: s.recordList },
      },
    },
    async (req) => service.listFor(db, requireActor(req), req.params.register, req.query),
  );

  // One route per register the staff enter, each with its own body schema.
  for (const register of EDITABLE_REGISTERS) {
    app.post(
      `/duties/${register}`,
      {
        schema: {
          tags: TAGS,
          summary: '新增台账记录',
          body: s.BODIES[register],
          response: { 200: s.recordView },
        },
      },
      async (req) => service.createRecord(db, requireActor(req), register, req.body as s.RecordInput),
    );
    app.put(
      `/duties/${register}/:id`,
      {
        schema: {
          tags: TAGS,
          summary: '修改台账记录',
          params: idParam,
          body: s.BODIES[register],
          response: { 200: s.recordView },
        },
      },
      async (req) =>
        service.updateRecordFor(db, requireActor(req), register, req.params.id, req.body as s.RecordInput),
    );
  }

  for (const register of IMPORT_REGISTERS)
    app.post(
      `/duties/${register}/import`,
      {
        schema: {
          ...uploadRoute({ file: ['.xlsx'] }),
          tags: TAGS,
          summary: '从 .xlsx 导入台账记录（有错误的行全部列出，不导入任何记录）',
          response: { 200: s.importResponse },
        },
      },
      async (req) => {
        const actor = requireActor(req);
        const sheet = await uploadedSheet(req);
        return { imported: await service.importRecords(db, actor, register, sheet) };
      },
    );

  app.post(
    '/duties/errata/:id/assign',
    {
      schema: {
        tags: TAGS,
        summary: '交办网站纠错',
        params: idParam,
        body: s.assignBody,
        response: { 200: s.recordView },
      },
    },
    async (req) => service.assignErrata(db, requireActor(req), req.params.id, req.body.orgId),
  );

  app.post(
    '/duties/errata/:id/answer',
    {
      schema: {
        tags: TAGS,
        summary: '答复网站纠错',
        params: idParam,
        body: s.answerBody,
        response: { 200: s.recordView },
      },
    },
    async (req) => service.answerErrata(db, requireActor(req), req.params.id, req.body.answer),
  );
}
