import type { FastifyInstance } from 'fastify';
import { readBlob } from '../../platform/files/storage.ts';
import { AppError } from '../../platform/http/errors.ts';
import { fileResponse } from '../../platform/http/schemas.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { currentPortalSite } from '../../portal/plugin.ts';
import { LOGO_PATH, logoFile } from './service.ts';

/** The logo of the request's site, public: the portal's header and the login page show it. */
export async function sitePortal(app: FastifyInstance, ctx: ModuleContext) {
  app.get(LOGO_PATH, { schema: { response: { 200: fileResponse } } }, async (_req, reply) => {
    const file = await logoFile(ctx.readDb, currentPortalSite()?.government?.id);
    if (!file) throw new AppError('NOT_FOUND');
    reply.type(file.mime).header('cache-control', 'public, max-age=300');
    return reply.send(readBlob(ctx.config.dataDir, file.sha256));
  });
}
