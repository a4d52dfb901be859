/**
 * Disclosure offices (政府信息公开工作机构). Every government and every department at county level or above
 * designates one for the day-to-day disclosure work (docs/law/ogi-regulation.md Art. 3–4). On the platform
 * the office's staff have the role `office`; they act for their own organisation and, when it is the
 * office of another agency (`orgs.serves_org_id`: 市政府办公室 → 济宁市人民政府), for that agency too.
 * Pure: the services load the organisation and pass it in.
 */
import type { Role } from '../../../platform/roles.ts';

/**
 * The agencies an organisation's staff act for as disclosure office: the organisation itself, and the
 * agency it serves (if any, and not itself).
 */
export function agenciesServedBy(org: { id: number; servesOrgId: number | null }): number[] {
  return org.servesOrgId !== null && org.servesOrgId !== org.id ? [org.id, org.servesOrgId] : [org.id];
}

/** A person as seen here: their role and the agencies they act for (`agenciesServedBy` of their organisation). */
export interface OfficeActor {
  role: Role;
  agencyIds: readonly number[];
}

/** Whether the person is disclosure-office staff (role `office`) acting for the agency `orgId`. */
export function isOfficeOf(actor: OfficeActor, orgId: number): boolean {
  return actor.role === 'office' && actor.agencyIds.includes(orgId);
}
