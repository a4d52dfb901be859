import type { ModuleManifest } from '../../platform/module.ts';
import { CALENDAR_CHANGED } from '../calendar/index.ts';
import { qaApi, qaRoutingApi } from './api.ts';
import { QA_AUDIT_LABELS } from './audit.ts';
import { qaBenchmarks } from './benchmarks.ts';
import { qaCommands } from './commands.ts';
import { QA_ERRORS } from './errors.ts';
import { qaIndexJob } from './jobs.ts';
import { QA_PATH, qaPortal } from './portal.ts';
import { recomputeRoutedDueDates } from './routing.service.ts';
import { seedQaDemo } from './seeds.ts';
import { qaStats } from './stats.ts';

/** 政策问答: answers from the documents in force (passage index over the public library). */
export const qaModule: ModuleManifest = {
  name: 'qa',
  errors: QA_ERRORS,
  auditLabels: QA_AUDIT_LABELS,
  commands: qaCommands,
  benchmarks: qaBenchmarks,
  api: async (app, ctx) => {
    await qaApi(app, ctx);
    await qaRoutingApi(app, ctx);
  },
  portalPages: [QA_PATH],
  portal: qaPortal,
  seed: seedQaDemo,
  jobs: [qaIndexJob],
  stats: qaStats,
  on: {
    // Routed questions still open: their due dates recounted over the new calendar.
    [CALENDAR_CHANGED]: (db) => recomputeRoutedDueDates(db),
  },
};
