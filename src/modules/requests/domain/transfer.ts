/**
 * 转办 (transfer) of an application to the agency it belongs to, within one government. Pure: the service
 * loads the organisation tree.
 *
 * Law (docs/law/ogi-regulation.md "转办 within one government"): the 条例 has no transfer procedure. An
 * agency asked for information it does not hold replies under Art. 36(5) (不属于本行政机关负责公开的，告知
 * 申请人并说明理由；能够确定负责公开该政府信息的行政机关的，告知申请人该行政机关的名称、联系方式) — that
 * reply exists (outcome NOT_OUR_AGENCY) and is the only way out for an agency of another government.
 * Inside one government whose disclosure work its office leads (Art. 3(2), Art. 4), the platform lets
 * the office hand the case to the right agency instead (DERIVED): the applicant keeps the statutory
 * receipt date (Art. 31 counts from the first receipt; nothing in the 条例 restarts it on a transfer —
 * the applicant-protective reading) and is told where the case went.
 */

/** An organisation as the transfer rule sees it. */
export interface TransferOrg {
  id: number;
  parentId: number | null;
  kind: string;
  name: string;
  disabled: boolean;
  acceptsRequests: boolean;
}

/**
 * Kinds that are a government of their own (人民政府 at city, county and township level): the level whose
 * office leads the disclosure work of its agencies (条例第三条第二款、第四条).
 */
const GOVERNMENT_KINDS: ReadonlySet<string> = new Set(['government', 'county', 'town']);

/** The government an organisation belongs to: itself if it is one, else its nearest government above. */
export function governmentOf(orgs: readonly TransferOrg[], orgId: number): number | null {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const seen = new Set<number>();
  for (let at = byId.get(orgId); at && !seen.has(at.id); at = byId.get(at.parentId ?? -1)) {
    seen.add(at.id);
    if (GOVERNMENT_KINDS.has(at.kind)) return at.id;
  }
  return null;
}

export type TransferRefusal =
  /** The target is not an organisation of the tree. */
  | 'TRANSFER_TARGET_UNKNOWN'
  /** The case is already addressed to the target. */
  | 'TRANSFER_SAME_AGENCY'
  /** The target is disabled or does not accept applications. */
  | 'TRANSFER_TARGET_NOT_ACCEPTING'
  /** The target belongs to another government: reply under Art. 36(5) instead. */
  | 'TRANSFER_OTHER_GOVERNMENT';

/** Whether a case addressed to `fromId` may be transferred to `toId`; the refusal's code otherwise. */
export function transferRefusal(
  orgs: readonly TransferOrg[],
  fromId: number,
  toId: number,
): TransferRefusal | null {
  const to = orgs.find((o) => o.id === toId);
  if (!to) return 'TRANSFER_TARGET_UNKNOWN';
  if (toId === fromId) return 'TRANSFER_SAME_AGENCY';
  if (to.disabled || !to.acceptsRequests) return 'TRANSFER_TARGET_NOT_ACCEPTING';
  const government = governmentOf(orgs, fromId);
  if (government === null || government !== governmentOf(orgs, toId)) return 'TRANSFER_OTHER_GOVERNMENT';
  return null;
}
