/** Public surface of the orgs module (组织机构, users, roles). Other modules import from here only. */
export {
  insertUnitOrg,
  matchUnitNames,
  type OrgAliasRow,
  orgNamesAndAliases,
  rememberAlias,
  type UnitCandidate,
  type UnitMatch,
  unitCandidates,
} from './aliases.ts';
export { isGroupName, normaliseOrgName, placeNamesOf } from './domain/aliases.ts';
export { agenciesServedBy } from './domain/offices.ts';
export { checkNewPassword } from './domain/password.ts';
export { scopeMode } from './domain/policies.ts';
export { ORG_KINDS, type OrgKind, ROLE_LABELS, ROLES, type Role } from './domain/roles.ts';
export { rootOf, subtreeIds } from './domain/tree.ts';
// The spreadsheet reader of the imports (type by content, ZIP size checked), for other modules' imports.
export { MAX_IMPORT_ROWS, readSheet as readImportSheet, XLSX_MIME } from './import.xlsx.ts';
export { orgsModule } from './manifest.ts';
export {
  agenciesWithoutOwnReceiver,
  loadReceiving,
  type Receipt,
  type ReceivingIndex,
  type ReceivingRow,
  receivingAgencyIdsFor,
  receivingUserIds,
} from './receiving.ts';
export { seedDemoOrgs } from './seeds.ts';
export {
  agencyIdsFor,
  createUser,
  loadActor,
  seesWholeTree,
  updateUser,
  visibleOrgIds,
} from './service.ts';
export {
  createFirstGovernment,
  type FirstGovernmentInput,
  generatePassword,
  lockOrgsForSetup,
} from './setup.ts';
export {
  type ActiveUser,
  activeUsers,
  countOrgs,
  findOrg,
  findOrgByName,
  findUserByUsername,
  firstUser,
  insertOrg,
  insertOrgs,
  listOrgs,
  lockUser,
  type NewOrg,
  type OrgRow,
  orgNames,
  userDisplayNames,
  usersOfOrgs,
} from './store.ts';
