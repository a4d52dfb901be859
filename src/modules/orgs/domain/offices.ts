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

/** An organisation as the receiving rule sees it. */
export interface ReceivingOrg {
  id: number;
  parentId: number | null;
  kind: string;
  servesOrgId: number | null;
  /** The office organisation designated to receive this agency's applications (null: its own office). */
  receivingOfficeId: number | null;
  disabled: boolean;
}

/**
 * Who receives an agency's applications: `officeId` is the agency whose disclosure office staff (the
 * office-role users acting for it, `agenciesServedBy`) receive them. `via`: 'own' — the agency's own
 * office; 'designated' — the office it named (`orgs.receiving_office_id`); 'fallback' — nobody of its own
 * and no staffed designated office, so the nearest government's disclosure office receives (flagged).
 */
export interface Receipt {
  via: 'own' | 'designated' | 'fallback';
  officeId: number;
}

const GOVERNMENT_KINDS: ReadonlySet<string> = new Set(['government', 'county']);

/**
 * The effective receiver of every agency (docs/law/ogi-regulation.md Art. 4, 27, 29: every agency is its
 * own disclosure subject and receives its applications through its disclosure office; DERIVED: an
 * application never dead-ends). In order: the designated office, if staffed; the agency itself, if an
 * active office-role user acts for it (`staffed`: the organisations with such a user; an office serving
 * the agency counts); else the nearest government above the agency with a staffed disclosure office.
 * Null when nobody in the tree could receive. Disabled organisations never receive.
 */
export function receivers(
  orgs: readonly ReceivingOrg[],
  staffed: ReadonlySet<number>,
): Map<number, Receipt | null> {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const ownOffice = new Set<number>();
  for (const o of orgs) {
    if (o.disabled || !staffed.has(o.id)) continue;
    ownOffice.add(o.id);
    const served = o.servesOrgId === null ? undefined : byId.get(o.servesOrgId);
    if (served && !served.disabled) ownOffice.add(served.id);
  }
  const out = new Map<number, Receipt | null>();
  for (const agency of orgs) {
    const designated = agency.receivingOfficeId;
    let receipt: Receipt | null = null;
    if (designated !== null && designated !== agency.id && ownOffice.has(designated)) {
      receipt = { via: 'designated', officeId: designated };
    } else if (ownOffice.has(agency.id)) {
      receipt = { via: 'own', officeId: agency.id };
    } else {
      const seen = new Set<number>([agency.id]);
      for (
        let at = byId.get(agency.parentId ?? -1);
        at && !seen.has(at.id);
        at = byId.get(at.parentId ?? -1)
      ) {
        seen.add(at.id);
        if (GOVERNMENT_KINDS.has(at.kind) && ownOffice.has(at.id)) {
          receipt = { via: 'fallback', officeId: at.id };
          break;
        }
      }
    }
    out.set(agency.id, receipt);
  }
  return out;
}

/** The effective receiver of one agency (`receivers`). */
export function receiverOf(
  orgs: readonly ReceivingOrg[],
  staffed: ReadonlySet<number>,
  agencyId: number,
): Receipt | null {
  return receivers(orgs, staffed).get(agencyId) ?? null;
}

/**
 * The agencies an organisation's office-role staff act for: those it serves (`agenciesServedBy`) and those
 * whose effective receiver is one of them — designated or by fallback.
 */
export function agenciesReceivedBy(
  orgs: readonly ReceivingOrg[],
  receipts: ReadonlyMap<number, Receipt | null>,
  orgId: number,
): number[] {
  const org = orgs.find((o) => o.id === orgId);
  const served = agenciesServedBy({ id: orgId, servesOrgId: org?.servesOrgId ?? null });
  const out = [...served];
  for (const [agencyId, r] of receipts) {
    if (r && !out.includes(agencyId) && served.includes(r.officeId)) out.push(agencyId);
  }
  return out;
}

/**
 * 督办: the agencies whose cases a disclosure office oversees — for the office of a government (an
 * organisation serving a government), every agency in that government's subtree (docs/law/ogi-regulation.md
 * Art. 3–4: the government's office leads and supervises the disclosure work in its area). Seeing is not
 * acting: the case policy lets it act only for the agencies it receives for. Empty for anyone else.
 */
export function supervisedAgencies(
  orgs: readonly ReceivingOrg[],
  actor: { role: Role; orgId: number },
): number[] {
  if (actor.role !== 'office') return [];
  const own = orgs.find((o) => o.id === actor.orgId);
  const government = own && own.servesOrgId !== null ? orgs.find((o) => o.id === own.servesOrgId) : undefined;
  const root = government && GOVERNMENT_KINDS.has(government.kind) ? government : undefined;
  if (!root) return [];
  const out = [root.id];
  for (let i = 0; i < out.length; i++) {
    for (const o of orgs) if (o.parentId === out[i] && !out.includes(o.id)) out.push(o.id);
  }
  return out;
}
