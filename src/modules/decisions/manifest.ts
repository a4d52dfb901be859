import type { ModuleManifest } from '../../platform/module.ts';
import { decisionsApi } from './api.ts';
import { DECISIONS_AUDIT_LABELS } from './audit.ts';
import { decisionsBenchmarks } from './benchmarks.ts';
import { catalogueApi } from './catalogue.api.ts';
import { decisionsCommands } from './commands.ts';
import { DECISIONS_ERRORS } from './errors.ts';
import { participationApi } from './participation.api.ts';
import { adjustmentPortal, cataloguePortal } from './portal/catalogue.page.ts';
import { DECISIONS_PATH, decisionsPortal } from './portal/pages.ts';
import { participationPortal } from './portal/participation.page.ts';
import { seedDemoDecisions } from './seeds.ts';
import { decisionsStats } from './stats.ts';

/**
 * 决策公开、公众参与: public comment on draft decisions (《重大行政决策程序暂行条例》 Art. 14–15, 18, 32):
 * consultations with their draft article by article, the portal's comment form, comments entered or
 * imported by staff, moderation, near-duplicate grouping, feedback and its published report; hearings
 * (Art. 16–17), meetings with public representatives and their streams, open days with sign-up and
 * survey, policy evaluations.
 */
export const decisionsModule: ModuleManifest = {
  name: 'decisions',
  errors: DECISIONS_ERRORS,
  auditLabels: DECISIONS_AUDIT_LABELS,
  commands: decisionsCommands,
  benchmarks: decisionsBenchmarks,
  async api(app, ctx) {
    await decisionsApi(app, ctx);
    await catalogueApi(app, ctx);
    await participationApi(app, ctx);
  },
  seed: seedDemoDecisions,
  stats: decisionsStats,
  portalPages: [DECISIONS_PATH],
  async portal(app, ctx) {
    await decisionsPortal(app, ctx);
    await cataloguePortal(app, ctx);
    await adjustmentPortal(app, ctx);
    await participationPortal(app, ctx);
  },
};
