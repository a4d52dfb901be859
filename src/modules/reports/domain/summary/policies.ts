/**
 * Who may see a government's summary of the annual reports (汇总). Pure.
 *
 * 条例第四十九条 (docs/law/ogi-regulation.md): the departments submit their reports to the GIO authority at
 * their level (本级政府信息公开工作主管部门), which publishes the government's report; so the summary of a
 * government's reports is that authority's work: the disclosure office (`office`) acting for that
 * government (DERIVED), and `admin`, who sees every summary (DERIVED: the platform's administrator).
 */
export interface SummaryActor {
  role: string;
  /** The agencies this person acts for as disclosure office. */
  agencyIds: readonly number[];
}

export function canSummarize(
  actor: SummaryActor,
  government: { orgId: number; isGovernment: boolean },
): boolean {
  if (!government.isGovernment) return false;
  if (actor.role === 'admin') return true;
  return actor.role === 'office' && actor.agencyIds.includes(government.orgId);
}

/** The kinds of organisation that are governments (人民政府, 县（市、区）人民政府) and so have a summary. */
export const GOVERNMENT_KINDS: readonly string[] = ['government', 'county'];
