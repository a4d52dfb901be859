import type { Role } from '../api/auth.ts';
import type { OrgKind } from '../api/orgs.ts';

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  office: '公开办',
  handler: '承办人',
  reviewer: '审核人',
  approver: '负责人',
};

export const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((value) => ({
  value,
  label: ROLE_LABELS[value],
}));

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  government: '人民政府',
  department: '部门',
  county: '县（市、区）',
  town: '乡镇（街道）',
};

export const ORG_KIND_OPTIONS = (Object.keys(ORG_KIND_LABELS) as OrgKind[]).map((value) => ({
  value,
  label: ORG_KIND_LABELS[value],
}));

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

export function orgKindLabel(kind: string): string {
  return (ORG_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

export const APP_NAME = '公开政务平台';
