/**
 * Many agencies' reports computed at once (a county's 200 agencies): the same figures and checks as
 * `computeReport` gives one by one, from one grouped `stats` query per module (`StatsQuery.groups`, only
 * the tables the report reads) and one query each for the hand-entered figures, the review register and
 * last year's reports — a constant number of queries however many agencies.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import type { StatsTable } from '../../../platform/stats.ts';
import { documentsModule } from '../../documents/index.ts';
import { requestsModule } from '../../requests/index.ts';
import { checkReport } from '../domain/checks.ts';
import { pastFours } from '../history/store.ts';
import { type Agency, type Computed, figuresFrom } from '../service.ts';
import * as store from '../store.ts';
import { manualFiguresOf } from './store.ts';

type Db = Kysely<Database>;

/** Agency id → its report's figures and checks as they stand now. */
export async function computeReports(db: Db, agencies: readonly Agency[], year: number) {
  const groups = agencies.map((a) => ({ key: String(a.org.id), orgIds: a.scope }));
  const ids = agencies.map((a) => a.org.id);
  const [requestTables, documentTables, manual, reviews, previous, past] = await Promise.all([
    requestsModule.stats?.(db, { year, groups, tables: ['requests.report'] }) ?? [],
    documentsModule.stats?.(db, { year, groups, tables: ['documents.genres'] }) ?? [],
    manualFiguresOf(db, ids, year),
    store.table4Cases(db, ids, year),
    store.reportsOfYear(db, year - 1),
    pastFours(db, ids, year - 1),
  ]);
  const byGroup = (tables: StatsTable[]) => {
    const map = new Map<string, StatsTable[]>();
    for (const t of tables) map.set(t.group ?? '', [...(map.get(t.group ?? '') ?? []), t]);
    return map;
  };
  const requests = byGroup(requestTables);
  const documents = byGroup(documentTables);
  const out = new Map<number, Computed>();
  for (const a of agencies) {
    const key = String(a.org.id);
    const figures = figuresFrom(
      requests.get(key) ?? [],
      documents.get(key) ?? [],
      manual.filter((m) => m.org_id === a.org.id),
      reviews.filter((r) => r.org_id === a.org.id),
    );
    // As `computeReport`: last year's frozen row 四, else the one entered for it as a past year.
    const four =
      previous.find((r) => r.org_id === a.org.id)?.figures?.table3.四 ?? past.get(a.org.id) ?? null;
    out.set(a.org.id, { figures, checks: checkReport(figures, four) });
  }
  return out;
}
