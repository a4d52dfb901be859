import type { ModuleManifest } from '../../platform/module.ts';
import { reportsApi } from './api.ts';
import { reportsBenchmarks } from './benchmarks.ts';
import { boardApi } from './board/api.ts';
import { reportRemindersJob } from './board/reminders.ts';
import { reportsCommands } from './commands.ts';
import { drillApi } from './drill/api.ts';
import { REPORTS_ERRORS } from './errors.ts';
import { REPORTS_PATH, reportPages } from './portal/reports.page.ts';
import { seedDemoReports } from './seeds.ts';

/**
 * 年度报告: the annual report on government information disclosure (条例第四十九条、第五十条) per reporting
 * agency and year, in the national format, computed from the other modules' `stats`.
 */
export const reportsModule: ModuleManifest = {
  name: 'reports',
  errors: REPORTS_ERRORS,
  commands: reportsCommands,
  async api(app, ctx) {
    await reportsApi(app, ctx);
    await boardApi(app, ctx);
    await drillApi(app, ctx);
  },
  seed: seedDemoReports,
  jobs: [reportRemindersJob],
  benchmarks: reportsBenchmarks,
  portalPages: [REPORTS_PATH],
  async portal(app, ctx) {
    await reportPages(app, ctx);
  },
};
