/**
 * Who may do what with a consultation (意见征集). Pure: the service computes the facts (the agencies the
 * person acts for, the organisations it sees) and turns `false` into FORBIDDEN / NOT_FOUND.
 *
 * 《重大行政决策程序暂行条例》 (docs/law, REGULATIONS §4):
 * - Art. 15: the decision body (through its 承办单位) publishes the draft and its explanation and states
 *   how and by when to comment; Art. 18: it collects and studies the comments. The agency's disclosure
 *   office and its 负责人 (`office`, `approver`) do that for the agency they act for (`manage`: create,
 *   edit, open, close; `moderate`: publish or hide a comment; `feedback`: 采纳情况 and the report).
 * - `enter` (DERIVED): comments received by letter, e-mail or phone are entered by whoever works on the
 *   agency's records, handlers too (as they register letters of applications).
 * - `view`: whoever sees the agency's records (orgs' subtree scope: `admin`, `office` and `approver` their
 *   organisation's subtree, the others their own organisation). The administrator of a department or a
 *   county reads its own subtree only, like every other role; the administrator of the root government
 *   sees the whole tree that way, and takes no action on a consultation.
 * - `comment`: anyone on the portal, signed in or not (Art. 14: ways easy for the public).
 */
export const CONSULTATION_ACTIONS = ['view', 'manage', 'enter', 'moderate', 'feedback'] as const;
export type ConsultationAction = (typeof CONSULTATION_ACTIONS)[number];

export interface DecisionsActor {
  role: string;
  /** The agencies this person acts for as disclosure office (own organisation, the agency it serves). */
  agencyIds: readonly number[];
  /** The organisations whose records this person sees. */
  visibleOrgIds: readonly number[];
}

export interface ConsultationRef {
  orgId: number;
}

const manager = (a: DecisionsActor, orgId: number) =>
  (a.role === 'office' || a.role === 'approver') && a.agencyIds.includes(orgId);

export function can(
  actor: DecisionsActor | null,
  action: ConsultationAction,
  subject: ConsultationRef,
): boolean {
  if (actor === null) return false;
  switch (action) {
    case 'view':
      return actor.visibleOrgIds.includes(subject.orgId);
    case 'manage':
    case 'moderate':
    case 'feedback':
      return manager(actor, subject.orgId);
    case 'enter':
      return (
        manager(actor, subject.orgId) ||
        (actor.role === 'handler' && actor.visibleOrgIds.includes(subject.orgId))
      );
  }
}

/**
 * The module's settings (the feedback period and the yearly targets, local policies) are one row for the
 * whole platform, so they are changed by the administrator or a disclosure office (DERIVED: the same
 * people who set the office's own working rules) whose scope reaches the whole tree (orgs'
 * `seesWholeTree`: the root government's administrator, the office serving it) — not by those of a
 * department or a county, who administer their subtree only (as the library's themes and the search
 * synonyms).
 */
export function canEditSettings(actor: { role: string } | null, scope: { seesWholeTree: boolean }): boolean {
  return (actor?.role === 'admin' || actor?.role === 'office') && scope.seesWholeTree;
}
