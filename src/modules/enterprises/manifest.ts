import type { ModuleManifest } from '../../platform/module.ts';
import { enterprisesApi } from './api.ts';
import { ENTERPRISES_AUDIT_LABELS } from './audit.ts';
import { enterprisesBenchmarks } from './benchmarks.ts';
import { ENTERPRISES_ERRORS } from './errors.ts';
import { ENTERPRISE_PATH, enterprisesPortal } from './portal.ts';
import { seedEnterprisesDemo } from './seeds.ts';
import { enterprisesStats } from './stats.ts';

/** 政策找人: 一企一档, policy conditions, matching with reasons, pushes and their funnel, policy packages. */
export const enterprisesModule: ModuleManifest = {
  name: 'enterprises',
  errors: ENTERPRISES_ERRORS,
  auditLabels: ENTERPRISES_AUDIT_LABELS,
  benchmarks: enterprisesBenchmarks,
  api: enterprisesApi,
  portal: enterprisesPortal,
  portalPages: [ENTERPRISE_PATH],
  seed: seedEnterprisesDemo,
  stats: enterprisesStats,
};
