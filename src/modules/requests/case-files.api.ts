import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/record.ts';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import { AppError } from '../../platform/http/errors.ts';
import { fileResponse, recordId } from '../../platform/http/schemas.ts';
import { requireActor } from '../../platform/http/session.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { kaseOf } from './case-actor.ts';
import { readCaseFile } from './case-files.ts';
import { can } from './domain/policies.ts';
import { viewableCase } from './letters/service.ts';
import { listEvents } from './store.ts';

const fileParam = z.object({ id: recordId, fileId: recordId });

/**
 * GET /requests/:id/files/:fileId: a file the case names (domain/case-files.ts) — for whoever may see the
 * case; the applicant's papers only for those who see personal data; every download audited.
 */
export async function caseFilesApi(
  root: FastifyInstance,
  { db, config }: Pick<ModuleContext, 'db' | 'config'>,
) {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/requests/:id/files/:fileId',
    {
      schema: {
        tags: ['requests'],
        summary: '下载案卷材料（申请材料、协助办理材料、公开的政府信息）',
        params: fileParam,
        response: { 200: fileResponse },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { row, actor: a } = await viewableCase(db, actor, req.params.id);
      const personal = can(a, 'view-personal', kaseOf(row));
      const events = await listEvents(db, row.id);
      const file = await readCaseFile(db, config.dataDir, events, req.params.fileId, {
        groups: personal ? undefined : ['assistance', 'released'],
        drafts: true,
      });
      if (!file) throw new AppError('NOT_FOUND');
      await recordAudit(db, {
        actorId: actor.id,
        action: 'request.file_download',
        subjectType: 'request',
        subjectId: row.id,
        after: { fileId: req.params.fileId, name: file.name },
      });
      reply.type(file.mime);
      reply.header('cache-control', 'private, no-store');
      reply.header('content-disposition', contentDisposition(file.name));
      return reply.send(file.data);
    },
  );
}
