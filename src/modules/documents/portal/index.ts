import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../../platform/module.ts';
import { cataloguePages } from './catalogue.page.ts';
import { DOCUMENTS_PATH, GUIDE_PATH, STATUTORY_PATH } from './common.ts';
import { documentsPages } from './documents.page.ts';
import { gazettePages } from './gazette.page.ts';

/** Portal column pages the documents module serves itself (the shell then omits its placeholders). */
export const DOCUMENTS_PORTAL_PAGES = [DOCUMENTS_PATH, STATUTORY_PATH, GUIDE_PATH];

/** 政府文件 column, search and document pages, 政府公报, 主动公开目录, 公开指南, 法定主动公开内容. */
export async function documentsPortal(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  // Read-only pages: served from the read replicas when there are any.
  const opts = { db: ctx.readDb, siteName: ctx.siteName };
  await documentsPages(app, { ...opts, dataDir: ctx.config.dataDir ?? null });
  await gazettePages(app, opts);
  await cataloguePages(app, opts);
}
