import { ORG_KIND_LABELS, ORG_KINDS, ROLE_LABELS, ROLES } from '../../modules/orgs/domain/roles.ts';

export { ORG_KIND_LABELS, ROLE_LABELS };

export const ROLE_OPTIONS = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));

export const ORG_KIND_OPTIONS = ORG_KINDS.map((value) => ({ value, label: ORG_KIND_LABELS[value] }));

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Record<string, string>)[role] ?? role;
}

export function orgKindLabel(kind: string): string {
  return (ORG_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

export const APP_NAME = '政务公开工作平台';
