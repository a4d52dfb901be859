import type { ModuleManifest } from '../../platform/module.ts';
import { CALENDAR_CHANGED, type CalendarChanged } from '../calendar/index.ts';
import { refreshPausedFacts } from './analytics.service.ts';
import { requestsApi } from './api.ts';
import { REQUESTS_AUDIT_LABELS } from './audit.ts';
import { requestsBenchmarks } from './benchmarks.ts';
import { REQUESTS_ERRORS } from './errors.ts';
import { ledgerImportCommands } from './import/commands.ts';
import { APPLY_PATH, applyPage } from './portal/apply.page.ts';
import { deadlinePage } from './portal/deadline.page.ts';
import { formPage } from './portal/form.page.ts';
import { trackPage } from './portal/track.page.ts';
import { recomputeDeadlines } from './recompute.ts';
import { remindersJob } from './reminders.ts';
import { seedDemoRequests } from './seeds.ts';
import { requestStats, requestStatsRecords } from './stats.ts';

/** 依申请公开: cases on the statutory clock, the staff workbench, the portal's form, tracking and 答复期限计算 pages. */
export const requestsModule: ModuleManifest = {
  name: 'requests',
  errors: REQUESTS_ERRORS,
  commands: ledgerImportCommands,
  auditLabels: REQUESTS_AUDIT_LABELS,
  benchmarks: requestsBenchmarks,
  api: requestsApi,
  seed: seedDemoRequests,
  // Paused replies' working days for the analytics, for cases stored before or without them.
  async reference(db) {
    await refreshPausedFacts(db, null);
  },
  jobs: [remindersJob],
  stats: requestStats,
  statsRecords: requestStatsRecords,
  on: {
    async [CALENDAR_CHANGED](db, payload) {
      await recomputeDeadlines(db, payload as CalendarChanged);
    },
  },
  portalPages: [APPLY_PATH],
  async portal(app, ctx) {
    await applyPage(app, ctx);
    await deadlinePage(app, ctx);
    await formPage(app, ctx);
    await trackPage(app, ctx);
  },
};
