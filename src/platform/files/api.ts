import { rm } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { recordAudit } from '../audit/record.ts';
import { contentDisposition } from '../http/content-disposition.ts';
import { AppError } from '../http/errors.ts';
import { normaliseText } from '../http/normalize.ts';
import { fileResponse, idParam } from '../http/schemas.ts';
import { requireActor } from '../http/session.ts';
import { uploadRoute } from '../http/upload.ts';
import type { ModuleContext } from '../module.ts';
import * as s from './api.schemas.ts';
import { blobPath, readBlob, writeBlob } from './storage.ts';
import { detectType } from './types.ts';

/** Staff uploads: size-limited by the multipart limit, type-checked by content, stored by hash. */
export async function filesApi(root: FastifyInstance, ctx: ModuleContext) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const { db, config } = ctx;

  app.post(
    '/files',
    {
      schema: {
        ...uploadRoute({ file: ['*'] }),
        tags: ['files'],
        summary: '上传附件（multipart，字段 file）',
        response: { 200: s.uploadResponse },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const stored: { sha256: string; name: string; mime: string; size: number }[] = [];
      const written: string[] = [];
      try {
        for await (const part of req.files()) {
          const name = normaliseText(part.filename).slice(0, 200) || '未命名文件';
          const blob = await writeBlob(config.dataDir, part.file);
          written.push(blob.sha256);
          const type = detectType(name, blob.head);
          if (!type || blob.size === 0) {
            throw new AppError('UPLOAD_TYPE_NOT_ALLOWED', { name });
          }
          stored.push({ sha256: blob.sha256, name, mime: type.mime, size: blob.size });
        }
      } catch (err) {
        await removeUnreferenced(ctx, written);
        throw err;
      }
      if (stored.length === 0)
        throw new AppError('VALIDATION_FAILED', {}, [{ path: 'file', message: '请选择要上传的文件' }]);
      const rows = await db.transaction().execute(async (tx) => {
        const inserted = await tx
          .insertInto('files')
          .values(stored.map((s) => ({ ...s, created_by: actor.id })))
          .returningAll()
          .execute();
        for (const r of inserted) {
          await recordAudit(tx, {
            actorId: actor.id,
            action: 'file.upload',
            subjectType: 'file',
            subjectId: r.id,
            after: r,
          });
        }
        return inserted;
      });
      return {
        items: rows.map((r) => ({ id: r.id, name: r.name, mime: r.mime, size: r.size, sha256: r.sha256 })),
      };
    },
  );

  app.get(
    '/files/:id',
    {
      schema: {
        tags: ['files'],
        summary: '下载本人上传的附件',
        params: idParam,
        response: { 200: fileResponse },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      // Only the uploader fetches a file here; files that belong to a record (a case's letters, a
      // document's attachments) are served by that module's routes, which check access to the record.
      const row = await db.selectFrom('files').selectAll().where('id', '=', req.params.id).executeTakeFirst();
      if (!row || row.created_by !== actor.id) throw new AppError('NOT_FOUND');
      reply.type(row.mime);
      reply.header('content-disposition', contentDisposition(row.name));
      return reply.send(readBlob(config.dataDir, row.sha256));
    },
  );
}

/** Delete blobs of a failed upload unless an earlier upload already references the same content. */
async function removeUnreferenced(ctx: ModuleContext, hashes: string[]): Promise<void> {
  for (const sha of hashes) {
    const used = await ctx.db.selectFrom('files').select('id').where('sha256', '=', sha).executeTakeFirst();
    if (!used) await rm(blobPath(ctx.config.dataDir, sha), { force: true });
  }
}
