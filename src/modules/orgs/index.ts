import type { ModuleManifest } from '../../platform/module.ts';
import { orgsApi } from './api.ts';
import { seedDemoOrgs } from './seeds.ts';

export { can, type Permission, ROLE_LABELS, ROLES, type Role } from './domain/roles.ts';
export { createUser, loadActor, requirePermission, updateUser, visibleOrgIds } from './service.ts';
export { findUserByUsername, listOrgs } from './store.ts';

export const orgsModule: ModuleManifest = {
  name: 'orgs',
  api: orgsApi,
  seed: seedDemoOrgs,
};
