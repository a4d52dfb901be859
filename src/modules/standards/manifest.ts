import type { ModuleManifest } from '../../platform/module.ts';
import { standardsApi } from './api.ts';
import { STANDARDS_AUDIT_LABELS } from './audit.ts';
import { STANDARDS_ERRORS } from './errors.ts';
import { standardsPortal } from './portal/pages.ts';
import { seedDemoStandards } from './seeds.ts';
import { standardsStats } from './stats.ts';

/**
 * 政务公开事项标准目录 (B9) and 定点、定向公开 (B12): the standard catalogue of disclosure items per area,
 * imported from the published spreadsheets and tied to the columns that fulfil it with a staleness check;
 * notices for one village or group with their masked lists, publication period and 公开栏 postings.
 */
export const standardsModule: ModuleManifest = {
  name: 'standards',
  errors: STANDARDS_ERRORS,
  auditLabels: STANDARDS_AUDIT_LABELS,
  api: standardsApi,
  // Read-only pages: served from the read replicas when there are any.
  portal: (app, ctx) => standardsPortal(app, { ...ctx, db: ctx.readDb }),
  seed: seedDemoStandards,
  stats: standardsStats,
};
