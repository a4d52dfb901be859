/**
 * The staff roles a signed-in person can have. The platform's session carries one of them; what each
 * role may do is decided by each module's `domain/policies.ts`, and their Chinese labels live in orgs.
 * Pure data: domain code may import this file (and only this one) from platform/.
 */
export const ROLES = ['admin', 'office', 'handler', 'reviewer', 'approver'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
