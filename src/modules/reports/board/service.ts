/**
 * 报送情况: for a government's disclosure office, every agency whose annual report its GIO authority
 * receives (policies.ts `authorityOf`: the government itself, its departments and its townships; an
 * organisation that is the disclosure office of another reports within that agency, as in service.ts),
 * with the report's state, its statutory due date (Art. 49) and whether it is overdue.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/session.ts';
import { chinaToday } from '../../../platform/time.ts';
import { listOrgs, type OrgRow } from '../../orgs/index.ts';
import { boardCounts, boardStateOf, dueDateOf, overdueOf, publisherOf } from '../domain/board.ts';
import { authorityOf, can } from '../domain/policies.ts';
import { type Agency, policyActor, subjectOf } from '../service.ts';
import * as store from '../store.ts';
import { lastTransitions } from './store.ts';

type Db = Kysely<Database>;

const isGovernment = (o: OrgRow) => publisherOf(o.kind) === 'government';
const authority = (o: OrgRow) => authorityOf({ id: o.id, kind: o.kind, parentId: o.parent_id });

/** The reporting agencies (not disabled, not a disclosure office) whose reports `governmentId` receives. */
export function agenciesOfAuthority(orgs: readonly OrgRow[], governmentId: number): Agency[] {
  return orgs
    .filter((o) => o.serves_org_id === null && !o.disabled && authority(o) === governmentId)
    .map((org) => ({
      org,
      scope: [org.id, ...orgs.filter((o) => o.serves_org_id === org.id).map((o) => o.id)],
    }));
}

export type BoardQuery = { year: number; governmentId?: number };

export async function reportBoard(db: Db, actor: Actor, q: BoardQuery) {
  const [orgs, pa] = await Promise.all([listOrgs(db), policyActor(db, actor)]);
  const asAgency = (org: OrgRow): Agency => ({ org, scope: [org.id] });
  const governments = orgs.filter(
    (o) => isGovernment(o) && o.serves_org_id === null && can(pa, 'view', subjectOf(asAgency(o))),
  );
  let government: OrgRow | undefined;
  if (q.governmentId !== undefined) {
    government = governments.find((g) => g.id === q.governmentId);
    if (!government) throw new AppError('NOT_FOUND');
  } else {
    // The government the person works for (its office, or a department's authority), else the first seen.
    const own = pa.agencyIds
      .map((id) => orgs.find((o) => o.id === id))
      .map((o) => (o ? authority(o) : undefined));
    government = governments.find((g) => own.includes(g.id)) ?? governments[0];
  }
  const today = chinaToday();
  if (!government) return { year: q.year, today, government: null, governments: [], rows: [] };

  const agencies = agenciesOfAuthority(orgs, government.id).filter((a) => can(pa, 'view', subjectOf(a)));
  const records = await store.reportsOfYear(db, q.year);
  const byOrg = new Map(records.map((r) => [r.org_id, r]));
  const last = await lastTransitions(
    db,
    agencies.flatMap((a) => {
      const r = byOrg.get(a.org.id);
      return r?.state === 'draft' ? [r.id] : [];
    }),
  );
  const rows = agencies.map(({ org }) => {
    const report = byOrg.get(org.id);
    const publisher = publisherOf(org.kind);
    const state = boardStateOf(report?.state ?? null, report ? (last.get(report.id) ?? null) : null);
    return {
      org,
      report,
      publisher,
      dueOn: dueDateOf(q.year, publisher),
      state,
      overdue: overdueOf(publisher, q.year, state, today),
    };
  });
  return { year: q.year, today, government, governments, rows };
}

export type Board = Awaited<ReturnType<typeof reportBoard>>;
export { boardCounts };
