/**
 * 登记申请 by staff: which agency the form proposes as the one addressed. A disclosure office (e.g. 市政府办公室)
 * receives for the government it serves (条例第二十九条: the application goes to the agency; the office is
 * its 政府信息公开工作机构), so a paper letter is registered for that government, not for the office itself.
 */
export interface RegistrationOrg {
  id: number;
  /** The organisation this one works for as its office (orgs' serves_org_id), or null. */
  servesOrgId: number | null;
  acceptsRequests: boolean;
  disabled: boolean;
}

/** The agency proposed for a registration by a person of `userOrgId`: the one it serves, else its own. */
export function defaultReceivingOrgId(orgs: readonly RegistrationOrg[], userOrgId: number): number {
  const own = orgs.find((o) => o.id === userOrgId);
  const served = own?.servesOrgId == null ? undefined : orgs.find((o) => o.id === own.servesOrgId);
  if (served?.acceptsRequests && !served.disabled) return served.id;
  return userOrgId;
}
