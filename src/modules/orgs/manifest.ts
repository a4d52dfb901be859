import type { ModuleManifest } from '../../platform/module.ts';
import { orgsApi } from './api.ts';
import { ORGS_AUDIT_LABELS } from './audit.ts';
import { orgsBenchmarks } from './benchmarks.ts';
import { orgsCommands } from './commands.ts';
import { ORGS_ERRORS } from './errors.ts';
import { orgImportApi } from './import.api.ts';
import { importCommands } from './import.commands.ts';
import { passwordApi } from './password.api.ts';
import { seedDemoOrgs } from './seeds.ts';
import { orgUpkeepApi } from './upkeep.api.ts';

/** 组织机构: governments, departments, counties, towns; users, roles, sign-in, the audit log. */
export const orgsModule: ModuleManifest = {
  name: 'orgs',
  errors: ORGS_ERRORS,
  auditLabels: ORGS_AUDIT_LABELS,
  benchmarks: orgsBenchmarks,
  commands: {
    help: `${orgsCommands.help}\n${importCommands.help}`,
    handlers: { ...orgsCommands.handlers, ...importCommands.handlers },
  },
  api: async (app, ctx) => {
    await orgsApi(app, ctx);
    await orgImportApi(app, ctx);
    await orgUpkeepApi(app, ctx);
    await passwordApi(app, ctx);
  },
  // The demo as seeded on a first start: departments with their own offices, the others designating the
  // government's office (the test fixtures call seedDemoOrgs without them).
  seed: (db) => seedDemoOrgs(db, { ownOffices: true }),
};
