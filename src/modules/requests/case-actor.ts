/**
 * The signed-in person as the case policy (domain/policies.ts) sees them: the agencies they act for as
 * disclosure office and, for an administrator, the organisations it administers — loaded once per call.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { type ActiveUser, loadReceiving, type ReceivingIndex, visibleOrgIds } from '../orgs/index.ts';
import { type CaseActor, type CaseRef, can, viewsByAdministeredOrgs } from './domain/policies.ts';

export type StaffActor = Actor & CaseActor;

/**
 * The agencies a person acts for are those their organisation serves and receives applications for
 * (orgs' `loadReceiving`: designated, or by fallback); a government's office also oversees (督办) its subtree.
 */
export async function loadCaseActor(db: Kysely<Database>, actor: Actor): Promise<StaffActor> {
  const receiving = await loadReceiving(db);
  const agencyIds = receiving.agenciesFor(actor.orgId);
  const administeredOrgIds = viewsByAdministeredOrgs(actor) ? [...(await visibleOrgIds(db, actor))] : [];
  return { ...actor, agencyIds, administeredOrgIds, supervisedOrgIds: receiving.supervisedFor(actor) };
}

/** A recipient of notices (orgs' `activeUsers`) as the policy sees them; never an administrator's subtree. */
export function recipientActor(u: ActiveUser, receiving: ReceivingIndex): CaseActor {
  const agencyIds = receiving.agenciesFor(u.org_id);
  return { id: u.id, role: u.role, orgId: u.org_id, agencyIds, administeredOrgIds: [] };
}

/** The policy's subject for a case row. */
export const kaseOf = (r: {
  org_id: number;
  unit_id: number | null;
  handler_id: number | null;
}): CaseRef => ({
  orgId: r.org_id,
  unitId: r.unit_id,
  handlerId: r.handler_id,
});

/** The refusal of a case action: FORBIDDEN for someone who may see the case, NOT_FOUND for anyone else. */
export function refusal(a: CaseActor, kase: CaseRef): AppError {
  return new AppError(can(a, 'view', kase) ? 'FORBIDDEN' : 'NOT_FOUND');
}
