/**
 * The drill-down of a report's figure: the records (cases, documents) behind one computed number of
 * table 二 or 三, listed by the module that counts them (its manifest's `statsRecords`, for the same year
 * and organisations as the report's `stats`).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/session.ts';
import type { StatsRecord } from '../../../platform/stats.ts';
import { documentsModule } from '../../documents/index.ts';
import { requestsModule } from '../../requests/index.ts';
import { type DrillCell, statsCellOf } from '../domain/drill.ts';
import { can } from '../domain/policies.ts';
import { findAgency, policyActor, subjectOf } from '../service.ts';
import * as store from '../store.ts';

type Db = Kysely<Database>;

/** At most this many records travel to the console (the total is always given). */
export const MAX_RECORDS = 1000;

const SOURCES = [documentsModule, requestsModule];

export async function figureRecords(db: Db, actor: Actor, orgId: number, year: number, cell: DrillCell) {
  const agency = await findAgency(db, orgId);
  if (!agency || !can(await policyActor(db, actor), 'view', subjectOf(agency)))
    throw new AppError('NOT_FOUND');
  const source = statsCellOf(cell);
  if (!source) throw new AppError('REPORT_NOT_DRILLABLE');
  let records: StatsRecord[] | null = null;
  for (const m of SOURCES) {
    records = (await m.statsRecords?.(db, { year, orgIds: agency.scope, ...source })) ?? null;
    if (records) break;
  }
  if (!records) throw new AppError('REPORT_NOT_DRILLABLE');
  const report = await store.findReport(db, orgId, year);
  return {
    total: records.length,
    items: records.slice(0, MAX_RECORDS),
    // Submitted figures are frozen: the records listed now may since differ from the number shown.
    frozen: report !== undefined && report.state !== 'draft',
  };
}
