import type { ModuleManifest } from '../../platform/module.ts';
import { orgsApi } from './api.ts';
import { orgsCommands } from './commands.ts';
import { ORGS_ERRORS } from './errors.ts';
import { passwordApi } from './password.api.ts';
import { seedDemoOrgs } from './seeds.ts';

/** 组织机构: governments, departments, counties, towns; users, roles, sign-in, the audit log. */
export const orgsModule: ModuleManifest = {
  name: 'orgs',
  errors: ORGS_ERRORS,
  commands: orgsCommands,
  api: async (app, ctx) => {
    await orgsApi(app, ctx);
    await passwordApi(app, ctx);
  },
  seed: seedDemoOrgs,
};
