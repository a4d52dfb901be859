import type { ModuleManifest } from '../../platform/module.ts';
import { CALENDAR_CHANGED } from '../calendar/index.ts';
import { reportsApi } from './api.ts';
import { REPORTS_AUDIT_LABELS } from './audit.ts';
import { reportsBenchmarks } from './benchmarks.ts';
import { boardApi } from './board/api.ts';
import { reportRemindersJob } from './board/reminders.ts';
import { reportsCommands } from './commands.ts';
import { reportDocxApi } from './docx/api.ts';
import { reportDocxPortal } from './docx/portal.ts';
import { drillApi } from './drill/api.ts';
import { REPORTS_ERRORS } from './errors.ts';
import { REPORTS_PATH, reportPages } from './portal/reports.page.ts';
import { registersApi } from './registers/api.ts';
import { REGISTERS_ERRORS } from './registers/errors.ts';
import { complaintPages } from './registers/portal.ts';
import { recomputeComplaintDueDates } from './registers/service.ts';
import { seedDemoReports } from './seeds.ts';
import { reportSummaryApi } from './summary/api.ts';
import { SUMMARY_ERRORS } from './summary/errors.ts';

/**
 * 年度报告: the annual report on government information disclosure (条例第四十九条、第五十条) per reporting
 * agency and year, in the national format, computed from the other modules' `stats`.
 */
export const reportsModule: ModuleManifest = {
  name: 'reports',
  errors: { ...REPORTS_ERRORS, ...SUMMARY_ERRORS, ...REGISTERS_ERRORS },
  auditLabels: REPORTS_AUDIT_LABELS,
  commands: reportsCommands,
  async api(app, ctx) {
    await reportsApi(app, ctx);
    await reportDocxApi(app, ctx);
    await reportSummaryApi(app, ctx);
    await boardApi(app, ctx);
    await drillApi(app, ctx);
    await registersApi(app, ctx);
  },
  on: {
    // Complaints' due dates are counted in working days (registers/).
    async [CALENDAR_CHANGED](db) {
      await recomputeComplaintDueDates(db);
    },
  },
  seed: seedDemoReports,
  jobs: [reportRemindersJob],
  benchmarks: reportsBenchmarks,
  portalPages: [REPORTS_PATH],
  async portal(app, ctx) {
    // The reports' pages and downloads only read: from the read replicas when there are any.
    await reportPages(app, { ...ctx, db: ctx.readDb });
    await reportDocxPortal(app, { db: ctx.readDb, reportsPath: REPORTS_PATH });
    await complaintPages(app, ctx);
  },
};
