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
import { type DrillCell, statsCellOf, table4CellOf } from '../domain/drill.ts';
import { can } from '../domain/policies.ts';
import { REVIEW_KIND_LABELS, REVIEW_RESULT_LABELS } from '../domain/tables.ts';
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
  const records = await cellRecords(db, agency.org.id, agency.scope, year, cell);
  if (!records) throw new AppError('REPORT_NOT_DRILLABLE');
  const report = await store.findReport(db, orgId, year);
  return {
    total: records.length,
    items: records.slice(0, MAX_RECORDS),
    // Submitted figures are frozen: the records listed now may since differ from the number shown.
    frozen: report !== undefined && report.state !== 'draft',
  };
}

/** A register entry as a record: its case number (or the organ's name), the day it was filed, the register
 * filtered to its agency and year. */
export function reviewRecord(c: store.Table4Case): StatsRecord {
  const title = [
    REVIEW_KIND_LABELS[c.kind],
    c.case_no ?? c.organ,
    c.request_case_no ? `申请${c.request_case_no}` : null,
    REVIEW_RESULT_LABELS[c.counted],
  ]
    .filter(Boolean)
    .join(' · ');
  return {
    id: String(c.id),
    title,
    date: c.filed_on,
    link: `/report-registers?tab=reviews&orgId=${c.org_id}&year=${c.filed_on.slice(0, 4)}`,
  };
}

/** The records behind a cell; null for a figure that is not computed. */
async function cellRecords(
  db: Db,
  orgId: number,
  scope: readonly number[],
  year: number,
  cell: DrillCell,
): Promise<StatsRecord[] | null> {
  const register = table4CellOf(cell);
  if (register) return (await store.table4Cases(db, [orgId], year, register)).map(reviewRecord);
  const source = statsCellOf(cell);
  if (!source) return null;
  for (const m of SOURCES) {
    const records = (await m.statsRecords?.(db, { year, orgIds: [...scope], ...source })) ?? null;
    if (records) return records;
  }
  return null;
}
