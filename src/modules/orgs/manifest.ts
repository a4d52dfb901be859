import type { ModuleManifest } from '../../platform/module.ts';
import { orgsApi } from './api.ts';
import { orgsCommands } from './commands.ts';
import { ORGS_ERRORS } from './errors.ts';
import { seedDemoOrgs } from './seeds.ts';

/** 组织机构: governments, departments, counties, towns; users, roles, sign-in, the audit log. */
export const orgsModule: ModuleManifest = {
  name: 'orgs',
  errors: ORGS_ERRORS,
  commands: orgsCommands,
  api: orgsApi,
  seed: seedDemoOrgs,
};
