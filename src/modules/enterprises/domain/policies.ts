/**
 * Who may do what in 政策找人. Pure: answers are booleans; the service turns `false` into FORBIDDEN (or
 * NOT_FOUND where the enterprise may not even be seen).
 *
 * - `enterprise.write` (enter, edit and import profiles, 一企一档): administrators and the government office
 *   (DERIVED: the office keeps the one register; departments read it through their policies).
 * - `enterprise.view` (an enterprise's profile, matches and pushes): administrators and the office; a
 *   department only an enterprise one of its policies matches (DERIVED: enterprises' data is seen by
 *   those who serve it a policy — 《优化营商环境条例》第六十三条's confidentiality of business information).
 * - `policy.write` (a policy's conditions, its pushes and the funnel's applied/granted): the department
 *   that issued the policy; administrators and the office for any (DERIVED: 谁制定、谁解读、谁推送).
 * - `package.write` (policy packages): administrators and the office (DERIVED: themes across departments).
 * - `funnel.view` (counts per policy and department, no enterprise data): every signed-in staff member.
 */
import type { Role } from '../../../platform/roles.ts';

export type EnterpriseAction =
  | 'enterprise.write'
  | 'enterprise.view'
  | 'policy.write'
  | 'package.write'
  | 'funnel.view';

export type Subject = { orgId?: number; matchedOrgIds?: readonly number[] };

export function isCentral(actor: { role: Role }): boolean {
  return actor.role === 'admin' || actor.role === 'office';
}

export function can(
  actor: { role: Role; orgId?: number } | null,
  action: EnterpriseAction,
  subject: Subject = {},
): boolean {
  if (actor === null) return false;
  const central = isCentral(actor);
  switch (action) {
    case 'enterprise.write':
    case 'package.write':
      return central;
    case 'funnel.view':
      return true;
    case 'enterprise.view':
      return central || (actor.orgId !== undefined && (subject.matchedOrgIds ?? []).includes(actor.orgId));
    case 'policy.write':
      return central || (subject.orgId !== undefined && subject.orgId === actor.orgId);
  }
}
