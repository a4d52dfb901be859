import type { ModuleManifest } from '../../platform/module.ts';
import { CALENDAR_CHANGED } from '../calendar/index.ts';
import { reportsApi } from './api.ts';
import { reportsCommands } from './commands.ts';
import { REPORTS_ERRORS } from './errors.ts';
import { REPORTS_PATH, reportPages } from './portal/reports.page.ts';
import { registersApi } from './registers/api.ts';
import { REGISTERS_ERRORS } from './registers/errors.ts';
import { complaintPages } from './registers/portal.ts';
import { recomputeComplaintDueDates } from './registers/service.ts';
import { seedDemoReports } from './seeds.ts';

/**
 * 年度报告: the annual report on government information disclosure (条例第四十九条、第五十条) per reporting
 * agency and year, in the national format, computed from the other modules' `stats`.
 */
export const reportsModule: ModuleManifest = {
  name: 'reports',
  errors: { ...REPORTS_ERRORS, ...REGISTERS_ERRORS },
  commands: reportsCommands,
  async api(app, ctx) {
    await reportsApi(app, ctx);
    await registersApi(app, ctx);
  },
  on: {
    // Complaints' due dates are counted in working days (registers/).
    async [CALENDAR_CHANGED](db) {
      await recomputeComplaintDueDates(db);
    },
  },
  seed: seedDemoReports,
  portalPages: [REPORTS_PATH],
  async portal(app, ctx) {
    await reportPages(app, ctx);
    await complaintPages(app, ctx);
  },
};
