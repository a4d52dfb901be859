/**
 * 汇总: a government's summary of the annual reports for a year — its own agencies' reports (the government,
 * its departments and townships: those whose GIO authority it is) and each lower government's summary
 * (a city's counties), added by domain/summary/summary.ts. An agency's figures are its report's as frozen
 * at submission, or computed now while a draft (or before there is a record), as on the report's page.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/session.ts';
import { agencyIdsFor, listOrgs, type OrgRow, visibleOrgIds } from '../../orgs/index.ts';
import { computeReports } from '../board/compute.ts';
import { authorityOf } from '../domain/policies.ts';
import { canSummarize, GOVERNMENT_KINDS } from '../domain/summary/policies.ts';
import {
  type AgencyLine,
  type GovernmentLine,
  type Summary,
  type SummaryInclude,
  summarize,
} from '../domain/summary/summary.ts';
import { type Agency, type Computed, listAgencies } from '../service.ts';
import * as store from '../store.ts';

type Db = Kysely<Database>;

/** The directory, the agencies, the year's reports (the version shown) and the figures computed now. */
type Loaded = {
  orgs: OrgRow[];
  agencies: Agency[];
  records: store.ReportRow[];
  computed: Map<number, Computed>;
};

const isGovernment = (o: OrgRow) => GOVERNMENT_KINDS.includes(o.kind) && o.serves_org_id === null;

function build(ctx: Loaded, gov: OrgRow, year: number, include: SummaryInclude): Summary {
  // The government's own report first, then its departments and townships in directory order.
  const own = ctx.agencies
    .filter(
      (a) =>
        !a.org.disabled &&
        authorityOf({ id: a.org.id, kind: a.org.kind, parentId: a.org.parent_id }) === gov.id,
    )
    .sort((a, b) => Number(b.org.id === gov.id) - Number(a.org.id === gov.id));
  const agencies: AgencyLine[] = [];
  for (const agency of own) {
    const report = ctx.records.find((r) => r.org_id === agency.org.id);
    const frozen =
      report?.figures && report.checks ? { figures: report.figures, checks: report.checks } : null;
    const { figures, checks } = frozen ?? ctx.computed.get(agency.org.id) ?? missing(agency);
    agencies.push({
      orgId: agency.org.id,
      orgName: agency.org.name,
      state: report?.state ?? 'none',
      figures,
      checks,
    });
  }
  const governments: GovernmentLine[] = [];
  for (const lower of ctx.orgs.filter((o) => o.parent_id === gov.id && isGovernment(o) && !o.disabled)) {
    governments.push({
      orgId: lower.id,
      orgName: lower.name,
      summary: build(ctx, lower, year, include),
    });
  }
  return summarize({ orgId: gov.id, orgName: gov.name }, year, include, agencies, governments);
}

async function authorizeGovernment(
  db: Db,
  actor: Actor,
  orgId: number,
): Promise<{ gov: OrgRow; orgs: OrgRow[] }> {
  const orgs = await listOrgs(db);
  const gov = orgs.find((o) => o.id === orgId);
  const visible = await visibleOrgIds(db, actor);
  // An administrator too: within the subtree it administers (the top's: every government).
  if (!gov || !visible.has(gov.id)) throw new AppError('NOT_FOUND');
  if (!isGovernment(gov)) throw new AppError('REPORT_NOT_GOVERNMENT', { name: gov.name });
  const pa = { role: actor.role, agencyIds: await agencyIdsFor(db, actor) };
  if (!canSummarize(pa, { orgId: gov.id, isGovernment: true })) throw new AppError('FORBIDDEN');
  return { gov, orgs };
}

/** The organisation and every organisation below it. */
function subtreeOf(orgs: readonly OrgRow[], rootId: number): Set<number> {
  const out = new Set([rootId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const o of orgs) {
      if (o.parent_id !== null && out.has(o.parent_id) && !out.has(o.id)) {
        out.add(o.id);
        grew = true;
      }
    }
  }
  return out;
}

const missing = (agency: Agency): never => {
  throw new Error(`figures of agency ${agency.org.id} not computed`);
};

/** The summary of a government's reports for a year (its agencies' and its lower governments'). */
export async function governmentSummary(
  db: Db,
  actor: Actor,
  orgId: number,
  year: number,
  include: SummaryInclude,
): Promise<Summary> {
  const { gov, orgs } = await authorizeGovernment(db, actor, orgId);
  const [agencies, records] = await Promise.all([listAgencies(db), store.reportsOfYear(db, year)]);
  // Every agency below the government without frozen figures, computed at once (board/compute.ts).
  const below = subtreeOf(orgs, gov.id);
  const frozen = new Set(records.filter((r) => r.figures && r.checks).map((r) => r.org_id));
  const open = agencies.filter((a) => below.has(a.org.id) && !a.org.disabled && !frozen.has(a.org.id));
  const computed = await computeReports(db, open, year);
  return build({ orgs, agencies, records, computed }, gov, year, include);
}

/** The governments whose summary the person may see (the console's choice), in directory order. */
export async function summaryGovernments(db: Db, actor: Actor): Promise<OrgRow[]> {
  const [orgs, agencyIds] = await Promise.all([listOrgs(db), agencyIdsFor(db, actor)]);
  const pa = { role: actor.role, agencyIds };
  return orgs.filter(
    (o) => isGovernment(o) && !o.disabled && canSummarize(pa, { orgId: o.id, isGovernment: true }),
  );
}
