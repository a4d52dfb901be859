import type { ModuleManifest } from '../../platform/module.ts';
import { demoApi } from './api.ts';
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
  commands: demoCommands,
  api: demoApi,
  seedGuard: demoSeedGuard,
};
