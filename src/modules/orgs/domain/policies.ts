/**
 * Who may manage the organisation tree, staff accounts and unit aliases, who reads the audit log, and
 * which organisations' records a person sees. Pure: answers are booleans (or a scope), the service turns
 * `false` into FORBIDDEN (or NOT_FOUND when the record may not even be seen).
 *
 * - `orgs.manage`, `users.manage`: the system administrator (`admin`) only. Platform rule (DERIVED):
 *   accounts and the organisation tree are system administration, not disclosure work.
 * - `users.view`: `admin`; the disclosure office (`office`, 政府信息公开工作机构, which runs the day-to-day
 *   disclosure work — docs/law/ogi-regulation.md Art. 4 — and assigns cases to handling units and
 *   handlers); and `approver` (负责人), who assigns the work of their organisation. Handlers and
 *   reviewers see no account list. Platform rule (DERIVED) built on Art. 4.
 * - `aliases.manage`: `admin` and `office`: the office keeps the unit names of the task tables it imports
 *   (Art. 3–4, the day-to-day work). Platform rule (DERIVED).
 * - `audit.view`: `admin` only. Platform rule (DERIVED): the audit log covers every account's actions.
 * Scope (`scopeMode`, `scopeRoot`): `admin`, `office` and `approver` see their organisation's whole
 * subtree, `handler` and `reviewer` only their own organisation. A disclosure office works for the
 * agency it serves (Art. 4; `orgs.serves_org_id`, 市政府办公室 → 济宁市人民政府), so its office and
 * approver see that agency's subtree; the administrator's scope stays its own organisation's subtree.
 */
import type { Role } from '../../../platform/roles.ts';

export interface OrgsActor {
  id: number;
  role: Role;
  /** The actor's own organisation. */
  orgId: number;
}

export const ORGS_ACTIONS = [
  'orgs.manage',
  'users.view',
  'users.manage',
  'aliases.manage',
  'audit.view',
] as const;
export type OrgsAction = (typeof ORGS_ACTIONS)[number];

const GRANTS: Record<OrgsAction, readonly Role[]> = {
  'orgs.manage': ['admin'],
  'users.manage': ['admin'],
  'users.view': ['admin', 'office', 'approver'],
  'aliases.manage': ['admin', 'office'],
  'audit.view': ['admin'],
};

/** Whether `actor` may take `action` (none of these actions has a subject: scope is asked apart). */
export function can(actor: Pick<OrgsActor, 'role'>, action: OrgsAction): boolean {
  return GRANTS[action].includes(actor.role);
}

/** Whether the role sees the records of organisations below its own, or only its own. */
export function scopeMode(role: Role): 'subtree' | 'self' {
  return role === 'admin' || role === 'office' || role === 'approver' ? 'subtree' : 'self';
}

/**
 * The root of the subtree a `subtree` actor sees: the agency its organisation serves as disclosure
 * office, if any (not for the administrator), else its own organisation.
 */
export function scopeRoot(actor: Pick<OrgsActor, 'role' | 'orgId'>, servesOrgId: number | null): number {
  return actor.role !== 'admin' && servesOrgId !== null ? servesOrgId : actor.orgId;
}
