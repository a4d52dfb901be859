import type { FastifyInstance } from 'fastify';
import type { ModuleContext, ModuleManifest } from '../../platform/module.ts';
import { workplanApi } from './api.ts';
import { assessmentApi } from './assessment.api.ts';
import { WORKPLAN_AUDIT_LABELS } from './audit.ts';
import { workplanBenchmarks } from './benchmarks.ts';
import { cascadeApi } from './cascade.api.ts';
import { workplanCommands } from './commands.ts';
import { WORKPLAN_ERRORS } from './errors.ts';
import { lookbackApi } from './lookback.api.ts';
import { WORKPLANS_PATH, workplanPages } from './portal/plans.page.ts';
import { workplanRemindersJob } from './reminders.ts';
import { seedWorkplan } from './seeds.ts';
import { workplanStats } from './stats.ts';

/**
 * Every API part of the module, each registered from its own file (core: api.ts; assessment,
 * cascade, 回头看 add their own line here).
 */
async function api(app: FastifyInstance, ctx: ModuleContext): Promise<void> {
  await workplanApi(app, ctx);
  await assessmentApi(app, ctx);
  await cascadeApi(app, ctx);
  await lookbackApi(app, ctx);
}

/** 工作台账: work-plan task tables imported, tracked per unit, assessed and cascaded. */
export const workplanModule: ModuleManifest = {
  name: 'workplan',
  errors: WORKPLAN_ERRORS,
  auditLabels: WORKPLAN_AUDIT_LABELS,
  commands: workplanCommands,
  benchmarks: workplanBenchmarks,
  api,
  seed: seedWorkplan,
  stats: workplanStats,
  jobs: [workplanRemindersJob],
  portalPages: [WORKPLANS_PATH],
  async portal(app, ctx) {
    // Read-only pages: served from the read replicas when there are any.
    await workplanPages(app, { ...ctx, db: ctx.readDb });
  },
};
