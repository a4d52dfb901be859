/**
 * Who receives each agency's applications, and what a disclosure office oversees (督办), loaded from the
 * organisation tree and the active office-role users; the rules are domain/offices.ts.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/http/session.ts';
import {
  agenciesReceivedBy,
  agenciesServedBy,
  type Receipt,
  type ReceivingOrg,
  receivers,
  supervisedAgencies,
} from './domain/offices.ts';
import { visibleOrgIds } from './service.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

export type { Receipt } from './domain/offices.ts';

export interface ReceivingIndex {
  orgs: store.OrgRow[];
  /** The effective receiver of an agency (null: nobody could receive). */
  receiverOf(agencyId: number): Receipt | null;
  /** The agencies the office-role staff of `orgId` act for: served, designated to them, or by fallback. */
  agenciesFor(orgId: number): number[];
  /** 督办: the agencies whose cases the person oversees (a government's office: its subtree). */
  supervisedFor(actor: Pick<Actor, 'role' | 'orgId'>): number[];
}

const asReceiving = (o: store.OrgRow): ReceivingOrg => ({
  id: o.id,
  parentId: o.parent_id,
  kind: o.kind,
  servesOrgId: o.serves_org_id,
  receivingOfficeId: o.receiving_office_id,
  disabled: o.disabled,
});

export async function loadReceiving(db: Db): Promise<ReceivingIndex> {
  const [orgs, staffed] = await Promise.all([store.listOrgs(db), store.staffedOrgIds(db)]);
  const tree = orgs.map(asReceiving);
  const receipts = receivers(tree, staffed);
  const cache = new Map<number, number[]>();
  return {
    orgs,
    receiverOf: (agencyId) => receipts.get(agencyId) ?? null,
    agenciesFor(orgId) {
      let list = cache.get(orgId);
      if (!list) {
        list = agenciesReceivedBy(tree, receipts, orgId);
        cache.set(orgId, list);
      }
      return list;
    },
    supervisedFor: (actor) => supervisedAgencies(tree, actor),
  };
}

/**
 * The agencies a person acts for on applications: their organisation's served agencies plus those whose
 * applications it receives (designated or by fallback). Not for the administrator's scope.
 */
export async function receivingAgencyIdsFor(db: Db, actor: Actor): Promise<number[]> {
  return (await loadReceiving(db)).agenciesFor(actor.orgId);
}

/** The office-role users who receive for the office `officeId` (`Receipt.officeId`). */
export async function receivingUserIds(db: Db, officeId: number): Promise<number[]> {
  const users = await store.activeUsers(db, { roles: ['office'] });
  return users
    .filter((u) => agenciesServedBy({ id: u.org_id, servesOrgId: u.serves_org_id }).includes(officeId))
    .map((u) => u.id);
}

/** An agency that accepts applications as the setup and the organisation page list it. */
export interface ReceivingRow {
  orgId: number;
  name: string;
  via: Exclude<Receipt['via'], 'own'> | null;
  officeId: number | null;
  officeName: string | null;
}

/**
 * The agencies that accept applications (not disabled) and have nobody of their own to receive them, in
 * the actor's scope (null: everywhere, for setup), with who receives for them (none: nobody can).
 */
export async function agenciesWithoutOwnReceiver(db: Db, actor: Actor | null): Promise<ReceivingRow[]> {
  const index = await loadReceiving(db);
  const visible = actor ? await visibleOrgIds(db, actor) : null;
  const names = new Map(index.orgs.map((o) => [o.id, o.name]));
  // A government receives through the office serving it (市政府办公室 for 济宁市人民政府): name the office.
  const officeOf = new Map<number, number>();
  for (const o of index.orgs) {
    if (o.serves_org_id !== null && !o.disabled && !officeOf.has(o.serves_org_id))
      officeOf.set(o.serves_org_id, o.id);
  }
  const out: ReceivingRow[] = [];
  for (const o of index.orgs) {
    if (!o.accepts_requests || o.disabled || (visible && !visible.has(o.id))) continue;
    const r = index.receiverOf(o.id);
    if (r?.via === 'own') continue;
    out.push({
      orgId: o.id,
      name: o.name,
      via: r ? (r.via as Exclude<Receipt['via'], 'own'>) : null,
      officeId: r?.officeId ?? null,
      officeName: r ? (names.get(officeOf.get(r.officeId) ?? r.officeId) ?? null) : null,
    });
  }
  return out;
}
