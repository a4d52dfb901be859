/**
 * Who may do what with an agency's annual report (政府信息公开工作年度报告). Pure: the service computes the
 * facts (the actor's agencies, the organisations it sees, the report's GIO authority) and turns `false`
 * into FORBIDDEN / NOT_FOUND.
 *
 * 《中华人民共和国政府信息公开条例》 (docs/law/ogi-regulation.md Art. 49–50):
 * - Art. 49(1): a department of a government at county level or above submits its report on the previous
 *   year to the GIO authority at its level (本级政府信息公开工作主管部门) and publishes it; Art. 49(2): that
 *   authority publishes the government's own report. Townships are collected by their county (DERIVED).
 * - So the agency's disclosure office (`office`, or its 负责人 `approver`) prepares and submits its report
 *   (`edit`, `submit`); the office of the GIO authority accepts it or returns it (`accept`, `return`); the
 *   agency's office or the authority's office publishes it once accepted (`publish`).
 * - `view`: whoever sees the agency's records (its subtree scope, see orgs/domain/roles.ts; an `admin`'s is
 *   the subtree it administers), the administrator taking no action on reports (as on cases).
 */

export const REPORT_ACTIONS = ['view', 'edit', 'submit', 'accept', 'return', 'publish', 'correct'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

export interface ReportActor {
  role: string;
  /** The agencies this person acts for as disclosure office (own organisation, the agency it serves). */
  agencyIds: readonly number[];
  /** The organisations whose records this person sees. */
  visibleOrgIds: readonly number[];
}

export interface ReportSubject {
  /** The reporting agency. */
  orgId: number;
  /** The government whose GIO authority receives the report (the agency itself for a government). */
  authorityOrgId: number;
}

const actsFor = (actor: ReportActor, orgId: number) => actor.agencyIds.includes(orgId);

export function can(actor: ReportActor, action: ReportAction, subject: ReportSubject): boolean {
  switch (action) {
    case 'view':
      return actor.visibleOrgIds.includes(subject.orgId);
    // Art. 49(1): the agency prepares and submits its own report.
    case 'edit':
    case 'submit':
      return (actor.role === 'office' || actor.role === 'approver') && actsFor(actor, subject.orgId);
    // 更正 of a published report: the agency's disclosure office opens the corrected version.
    case 'correct':
      return actor.role === 'office' && actsFor(actor, subject.orgId);
    // Art. 49(1): submitted to the GIO authority at the same level, which accepts or returns it.
    case 'accept':
    case 'return':
      return actor.role === 'office' && actsFor(actor, subject.authorityOrgId);
    // Art. 49(1) “并向社会公布” by the department; Art. 49(2) the authority publishes the government's.
    case 'publish':
      return (
        actor.role === 'office' && (actsFor(actor, subject.orgId) || actsFor(actor, subject.authorityOrgId))
      );
  }
}

/**
 * The government whose GIO authority receives an agency's report: a department's parent government
 * (Art. 49(1) 本级); a township's county (DERIVED: counties collect them); a government its own (Art. 49(2)).
 */
export function authorityOf(org: { id: number; kind: string; parentId: number | null }): number {
  return (org.kind === 'department' || org.kind === 'town') && org.parentId !== null ? org.parentId : org.id;
}
