import type { ModuleManifest } from '../../platform/module.ts';
import { demoApi } from './api.ts';
import { DEMO_AUDIT_LABELS } from './audit.ts';
import { demoCommands } from './commands.ts';
import { DEMO_ERRORS } from './errors.ts';
import { demoSeedGuard } from './service.ts';

/**
 * 演示数据: the demo is seeded once, on a database without organisations, and its rows are recorded;
 * the administrator (or `gongkai demo remove`) deletes them all, leaving the organisation's own data.
 */
export const demoModule: ModuleManifest = {
  name: 'demo',
  errors: DEMO_ERRORS,
  auditLabels: DEMO_AUDIT_LABELS,
  commands: demoCommands,
  api: demoApi,
  seedGuard: demoSeedGuard,
};
