/**
 * The module's counts for dashboards, the annual report and the assessment (`platform/stats.ts`): the
 * four registers' tables for one year (domain/counts.ts), for some organisations or per group.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/http/session.ts';
import type { StatsQuery, StatsTable } from '../../platform/stats.ts';
import { chinaToday } from '../../platform/time.ts';
import { listOrgs } from '../orgs/index.ts';
import { type CountedRecord, countDuties } from './domain/counts.ts';
import { REGISTERS } from './domain/registers.ts';
import { dutyActor } from './service.ts';
import { recordsOfYear } from './store.ts';

export async function dutiesStats(db: Kysely<Database>, q: StatsQuery): Promise<StatsTable[]> {
  const orgIds = q.groups ? undefined : q.orgIds;
  const [rows, orgs] = await Promise.all([
    Promise.all(REGISTERS.map((r) => recordsOfYear(db, r, q.year, orgIds))),
    listOrgs(db),
  ]);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const records: CountedRecord[] = rows.flat().map((r) => ({
    register: r.register,
    orgId: r.org_id,
    occurredOn: r.occurred_on,
    dueOn: r.due_on,
    state: r.state,
    flagged: r.flagged,
    data: r.data ?? {},
  }));
  const today = chinaToday();
  const pick = (tables: StatsTable[]) =>
    q.tables ? tables.filter((t) => q.tables?.includes(t.key)) : tables;
  if (!q.groups) return pick(countDuties(records, names, q.year, today));
  return q.groups.flatMap((g) =>
    pick(
      countDuties(
        records.filter((r) => g.orgIds.includes(r.orgId)),
        names,
        q.year,
        today,
      ),
    ).map((t) => ({ ...t, group: g.key })),
  );
}

/** The console's figures: the organisations this person sees (the city's administrator: all). */
export async function dutiesStatsFor(db: Kysely<Database>, actor: Actor, year: number) {
  const da = await dutyActor(db, actor);
  return dutiesStats(db, { year, orgIds: [...new Set([...da.visibleOrgIds, ...da.agencyIds])] });
}
