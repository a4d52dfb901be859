/** The duty registers on the portal: 网站纠错 (form and tracking), 建议提案办理, 政务新媒体. */
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../../platform/module.ts';
import { columnPages } from './columns.ts';
import { errataPages } from './errata.ts';

export async function dutiesPortal(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  await errataPages(app, ctx);
  // The columns only read: from the read replicas when there are any (网站纠错's form writes: the primary).
  await columnPages(app, { ...ctx, db: ctx.readDb });
}
