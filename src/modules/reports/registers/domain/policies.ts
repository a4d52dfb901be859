/**
 * Who may do what with the two registers behind the annual report. Pure: the service computes the facts
 * (the actor's agencies, the organisations it sees, the entry's agency and its GIO authority) and turns
 * `false` into FORBIDDEN / NOT_FOUND.
 *
 * Review and litigation register (table 四):
 * - `review-view`: whoever sees the agency's records (an administrator: within its subtree).
 * - `review-edit` (register, correct, attach the decision, delete): the agency's disclosure office and its
 *   head, who prepare its report (条例第四十九条, reports' `edit`).
 *
 * Complaints register (条例第五十一条: to the agency one level up or the GIO authority; Art. 47(2)):
 * - `complaint-edit` (register, correct, assign, close, delete): the disclosure office acting for the GIO
 *   authority of the agency complained about (the government's office), or for the agency itself
 *   (DERIVED: departments register what reaches them, too).
 * - `complaint-answer`: those who may edit, and the handlers, approvers and office of the organisation the
 *   complaint was assigned to.
 * - `complaint-view`: those who may answer, and whoever sees the agency's records (an administrator: as far
 *   as the subtree it administers — that of the top of the tree is everything).
 * - `complaint-personal` (the complainant's name and contacts): staff who may answer it — not the
 *   administrator, not staff who merely see the agency (DERIVED, like an applicant's data on a case).
 * - `complaint-settings` (the working days an answer is due in; one setting for the whole platform, so the
 *   subject is the government at the top of the tree): the administrator whose subtree holds that
 *   government — not the administrator of a department or a county (系统管理, DERIVED).
 */

export const REGISTER_ACTIONS = [
  'review-view',
  'review-edit',
  'complaint-view',
  'complaint-edit',
  'complaint-answer',
  'complaint-personal',
  'complaint-settings',
] as const;
export type RegisterAction = (typeof REGISTER_ACTIONS)[number];

export interface RegisterActor {
  role: string;
  /** The person's own organisation. */
  orgId: number;
  /** The agencies this person acts for as disclosure office (own organisation, the agency it serves). */
  agencyIds: readonly number[];
  /** The organisations whose records this person sees. */
  visibleOrgIds: readonly number[];
}

export interface RegisterSubject {
  /** The agency of the entry (the one reviewed or sued, or complained about). */
  orgId: number;
  /** The government whose GIO authority oversees the agency (reports' `authorityOf`). */
  authorityOrgId: number;
  /** The organisation a complaint was assigned to, if any. */
  assigneeOrgId?: number | null;
}

const actsFor = (actor: RegisterActor, orgId: number) => actor.agencyIds.includes(orgId);
const isOffice = (actor: RegisterActor) => actor.role === 'office' || actor.role === 'approver';

function mayEditComplaint(actor: RegisterActor, s: RegisterSubject): boolean {
  return isOffice(actor) && (actsFor(actor, s.orgId) || actsFor(actor, s.authorityOrgId));
}

function mayAnswerComplaint(actor: RegisterActor, s: RegisterSubject): boolean {
  if (mayEditComplaint(actor, s)) return true;
  return (
    s.assigneeOrgId != null &&
    actor.orgId === s.assigneeOrgId &&
    (actor.role === 'handler' || actor.role === 'approver' || actor.role === 'office')
  );
}

export function can(actor: RegisterActor, action: RegisterAction, subject: RegisterSubject): boolean {
  switch (action) {
    case 'review-view':
      return actor.visibleOrgIds.includes(subject.orgId);
    case 'review-edit':
      return isOffice(actor) && actsFor(actor, subject.orgId);
    case 'complaint-edit':
      return mayEditComplaint(actor, subject);
    case 'complaint-answer':
    case 'complaint-personal':
      return mayAnswerComplaint(actor, subject);
    case 'complaint-settings':
      return actor.role === 'admin' && actor.visibleOrgIds.includes(subject.orgId);
    case 'complaint-view':
      return actor.visibleOrgIds.includes(subject.orgId) || mayAnswerComplaint(actor, subject);
  }
}
