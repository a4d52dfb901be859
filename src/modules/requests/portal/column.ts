/** The portal's 依申请公开 column: its path, and how its pages (form, tracking, deadline) are sent. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Html, sendPortalPage } from '../../../portal/plugin.ts';

export const APPLY_PATH = '/gk/apply';

/** A page of the column, under 首页 › 依申请公开 in the breadcrumbs. */
export function sendApplyPage(
  req: FastifyRequest,
  reply: FastifyReply,
  page: { siteName: string; path: string; title: string; body: Html; status?: number; cache?: string },
) {
  return sendPortalPage(req, reply, {
    ...page,
    current: APPLY_PATH,
    breadcrumbs: [
      { label: '首页', href: '/' },
      { label: '依申请公开', href: APPLY_PATH },
      { label: page.title },
    ],
  });
}
