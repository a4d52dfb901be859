/** SQL of past years' figures (report_history, 0028_past_years.sql). */
import type { ColumnType, Kysely, Selectable } from 'kysely';
import type { Database, Timestamp } from '../../../platform/db/database.ts';
import type { ReportFigures } from '../domain/tables.ts';

type Db = Kysely<Database>;

export type PastSource = 'entered' | 'imported';

export interface ReportHistoryTable {
  org_id: number;
  year: number;
  figures: ColumnType<ReportFigures, string, string>;
  source: PastSource;
  entered_by: number | null;
  entered_at: Timestamp;
}

declare module '../../../platform/db/database.ts' {
  interface Database {
    report_history: ReportHistoryTable;
  }
}

export type PastRow = Selectable<ReportHistoryTable>;

export function findPast(db: Db, orgId: number, year: number): Promise<PastRow | undefined> {
  return db
    .selectFrom('report_history')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export function pastOf(db: Db, orgId: number): Promise<PastRow[]> {
  return db
    .selectFrom('report_history')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('year', 'desc')
    .execute();
}

export async function savePast(
  tx: Db,
  v: { orgId: number; year: number; figures: ReportFigures; source: PastSource; by: number | null },
): Promise<PastRow> {
  const values = {
    figures: JSON.stringify(v.figures),
    source: v.source,
    entered_by: v.by,
    entered_at: new Date(),
  };
  return tx
    .insertInto('report_history')
    .values({ org_id: v.orgId, year: v.year, ...values })
    .onConflict((oc) => oc.columns(['org_id', 'year']).doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Row 四 of a past year's entered figures; null when none were entered. */
export async function pastFour(db: Db, orgId: number, year: number): Promise<number[] | null> {
  return (await findPast(db, orgId, year))?.figures.table3.四 ?? null;
}

/** Row 四 of the past years' entered figures of several agencies for one year (org id → row). */
export async function pastFours(
  db: Db,
  orgIds: readonly number[],
  year: number,
): Promise<Map<number, number[]>> {
  const rows = await db
    .selectFrom('report_history')
    .select(['org_id', 'figures'])
    .where('org_id', 'in', orgIds.length ? [...orgIds] : [-1])
    .where('year', '=', year)
    .execute();
  const out = new Map<number, number[]>();
  for (const r of rows) {
    const four = r.figures.table3.四;
    if (four) out.set(r.org_id, four);
  }
  return out;
}
