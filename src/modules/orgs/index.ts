import type { ModuleManifest } from '../../platform/module.ts';
import { orgsApi } from './api.ts';
import { seedDemoOrgs } from './seeds.ts';

export { can, type Permission, ROLE_LABELS, ROLES, type Role } from './domain/roles.ts';
export {
  agencyIdsFor,
  createUser,
  loadActor,
  requirePermission,
  updateUser,
  visibleOrgIds,
} from './service.ts';
export { findOrg, findUserByUsername, listOrgs, type OrgRow } from './store.ts';

export const orgsModule: ModuleManifest = {
  name: 'orgs',
  api: orgsApi,
  seed: seedDemoOrgs,
};
