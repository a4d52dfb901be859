/**
 * Staff roles and their labels, organisation kinds and how they nest. Pure. What each role may do is
 * decided by each module's `domain/policies.ts` (this module's: `policies.ts`).
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
