/**
 * Staff roles and what each may do. Pure: the API asks these questions, the answers live here.
 * Scope: which organisations' records a role sees — its own organisation's whole subtree, or only
 * its own organisation.
 */
import { isRole, ROLES, type Role } from '../../../platform/roles.ts';

export { isRole, ROLES, type Role };

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  office: '公开办',
  handler: '承办人',
  reviewer: '审核人',
  approver: '负责人',
};

export const ORG_KINDS = ['government', 'department', 'county', 'town', 'institution', 'enterprise'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  government: '人民政府',
  department: '政府部门',
  county: '县（市、区）',
  town: '乡镇街道',
  institution: '事业单位',
  enterprise: '公共企事业单位',
};

export type Permission = 'orgs.manage' | 'users.manage' | 'users.view' | 'audit.view' | 'calendar.manage';

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: ['orgs.manage', 'users.manage', 'users.view', 'audit.view', 'calendar.manage'],
  // The disclosure office (政务公开办) keeps the working calendar: it is the first to need next year's.
  office: ['users.view', 'calendar.manage'],
  approver: ['users.view'],
  handler: [],
  reviewer: [],
};

export function can(role: string, permission: Permission): boolean {
  return isRole(role) && GRANTS[role].includes(permission);
}

/** Whether the role sees the records of organisations below its own, or only its own. */
export function scopeMode(role: string): 'subtree' | 'self' {
  return role === 'admin' || role === 'office' || role === 'approver' ? 'subtree' : 'self';
}

/** Which kinds of organisation may sit below which: government → departments / counties → towns. */
export function allowedParentKinds(kind: OrgKind): readonly (OrgKind | null)[] {
  switch (kind) {
    case 'government':
      return [null, 'government', 'county'];
    case 'county':
      return ['government'];
    case 'department':
      return ['government', 'county'];
    case 'town':
      return ['county', 'government'];
    case 'institution':
      return ['government', 'county', 'department', 'town'];
    case 'enterprise':
      return ['government', 'county', 'department'];
  }
}
