import type { ModuleManifest } from '../../platform/module.ts';
import { CALENDAR_CHANGED } from '../calendar/index.ts';
import { dutiesApi } from './api.ts';
import { DUTIES_AUDIT_LABELS } from './audit.ts';
import { DUTIES_ERRORS } from './errors.ts';
import { silentAccountsJob } from './jobs.ts';
import { dutiesPortal } from './portal/pages.ts';
import { seedDemoDuties } from './seeds.ts';
import { recomputeErrataDueDates } from './service.ts';
import { dutiesStats } from './stats.ts';

/**
 * 日常工作台账: the four registers an office shows evidence of each year and the assessment counts —
 * 网站找错 (with the portal's 网站纠错 link on every page), 舆情回应, 建议提案办理 (a portal column of the
 * published results), 政务新媒体 (a public list, the silent-account check) — with their `stats`.
 */
export const dutiesModule: ModuleManifest = {
  name: 'duties',
  errors: DUTIES_ERRORS,
  auditLabels: DUTIES_AUDIT_LABELS,
  api: dutiesApi,
  portal: dutiesPortal,
  seed: seedDemoDuties,
  stats: dutiesStats,
  jobs: [silentAccountsJob],
  on: {
    // The errata's due dates are counted in working days.
    async [CALENDAR_CHANGED](db) {
      await recomputeErrataDueDates(db);
    },
  },
};
