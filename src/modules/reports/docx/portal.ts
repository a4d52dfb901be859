import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { contentDisposition } from '../../../platform/http/content-disposition.ts';
import { fileResponse } from '../../../platform/http/schemas.ts';
import { DOCX_MIME } from './render.ts';
import { publishedReportDocx } from './service.ts';

/** The portal's download of a published report as .docx: GET <reportsPath>/:id/report.docx. */
export async function reportDocxPortal(
  app: FastifyInstance,
  opts: { db: Kysely<Database>; reportsPath: string },
) {
  app.get<{ Params: { id: string } }>(
    `${opts.reportsPath}/:id/report.docx`,
    { schema: { response: { 200: fileResponse } } },
    async (req, reply) => {
      const id = /^\d{1,9}$/.test(req.params.id) ? Number(req.params.id) : null;
      const file = id === null || id === 0 ? undefined : await publishedReportDocx(opts.db, id);
      if (!file) return reply.callNotFound();
      return reply
        .header('content-type', DOCX_MIME)
        .header('content-disposition', contentDisposition(file.name))
        .send(file.bytes);
    },
  );
}
