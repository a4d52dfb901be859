/**
 * Who may do what with the standard catalogue (标准目录) and targeted disclosures (定向公开). Pure.
 *
 * - `view`: whoever sees the organisation's records (its subtree scope; an administrator's is the
 *   subtree it administers).
 * - `manage` (条例 Art. 17, 国办发〔2019〕54号 DERIVED): the agency's disclosure office and its 负责人
 *   (`office`, `approver`) keep its catalogue and publish its targeted notices.
 * - `post` (DERIVED): a posting on a village's 公开栏 is recorded by whoever works on the agency's records,
 *   handlers too (the town's staff who put it up).
 */
export const STANDARDS_ACTIONS = ['view', 'manage', 'post'] as const;
export type StandardsAction = (typeof STANDARDS_ACTIONS)[number];

export interface StandardsActor {
  role: string;
  agencyIds: readonly number[];
  visibleOrgIds: readonly number[];
}

const manager = (a: StandardsActor, orgId: number) =>
  (a.role === 'office' || a.role === 'approver') && a.agencyIds.includes(orgId);

export function can(
  actor: StandardsActor | null,
  action: StandardsAction,
  subject: { orgId: number },
): boolean {
  if (actor === null) return false;
  switch (action) {
    case 'view':
      return actor.visibleOrgIds.includes(subject.orgId);
    case 'manage':
      return manager(actor, subject.orgId);
    case 'post':
      return (
        manager(actor, subject.orgId) ||
        (actor.role === 'handler' && actor.visibleOrgIds.includes(subject.orgId))
      );
  }
}
