/**
 * Who may do what in 政策找人. Pure: answers are booleans; the service turns `false` into FORBIDDEN (or
 * NOT_FOUND where the enterprise may not even be seen).
 *
 * - `enterprise.write` (enter, edit and import profiles, 一企一档): administrators and the government office
 *   (DERIVED: the office keeps the one register; departments read it through their policies).
 * - `enterprise.view` (an enterprise's profile, matches and pushes): administrators and the office of a
 *   government whose subtree holds the enterprise's region (the register is the government's); any unit
 *   an enterprise one of its policies matches (DERIVED: enterprises' data is seen by those who serve it a
 *   policy — 《优化营商环境条例》第六十三条's confidentiality of business information).
 * - `policy.write` (a policy's conditions, its pushes and the funnel's applied/granted): the department
 *   that issued the policy; administrators and the office for policies issued within the subtree they
 *   see (DERIVED: 谁制定、谁解读、谁推送 — a department or county does not push another's policy).
 *
 * Scope (`visibleOrgIds`: the organisations the actor sees, orgs' rule) is part of the actor; without a
 * subject `enterprise.view` and `policy.write` are refused.
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

export type Subject = {
  /** The organisation that issued the policy (`policy.write`). */
  orgId?: number;
  /** The enterprise's region (`enterprise.view`). */
  regionId?: number;
  /** The organisations whose policies match the enterprise (`enterprise.view`). */
  matchedOrgIds?: readonly number[];
};

export type EnterpriseActor = { role: Role; orgId?: number; visibleOrgIds?: readonly number[] };

const sees = (actor: EnterpriseActor, orgId: number | undefined) =>
  orgId !== undefined && (actor.visibleOrgIds ?? []).includes(orgId);

export function isCentral(actor: { role: Role }): boolean {
  return actor.role === 'admin' || actor.role === 'office';
}

export function can(actor: EnterpriseActor | null, action: EnterpriseAction, subject: Subject = {}): boolean {
  if (actor === null) return false;
  const central = isCentral(actor);
  switch (action) {
    case 'enterprise.write':
    case 'package.write':
      return central;
    case 'funnel.view':
      return true;
    case 'enterprise.view':
      return (
        (central && sees(actor, subject.regionId)) ||
        (actor.orgId !== undefined && (subject.matchedOrgIds ?? []).includes(actor.orgId))
      );
    case 'policy.write':
      return (
        (central && sees(actor, subject.orgId)) ||
        (subject.orgId !== undefined && subject.orgId === actor.orgId)
      );
  }
}
