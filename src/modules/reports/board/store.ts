/** SQL of the 报送情况 board: the last 报送/退回 of each report (whether a draft was sent back). */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';

/** Report id → its last transition between 'submit' and 'return', from the audit rows of those writes. */
export async function lastTransitions(db: Kysely<Database>, reportIds: readonly number[]) {
  if (reportIds.length === 0) return new Map<number, string>();
  const { rows } = await sql<{ subject_id: string; action: string }>`
    select distinct on (subject_id) subject_id, action
    from audit_log
    where subject_type = 'report' and action in ('report.submit', 'report.return')
      and subject_id = any(${reportIds.map(String)}::text[])
    order by subject_id, id desc`.execute(db);
  return new Map(rows.map((r) => [Number(r.subject_id), r.action.replace(/^report\./, '')]));
}

/** The hand-entered figures of many agencies for a year. */
export async function manualFiguresOf(db: Kysely<Database>, orgIds: readonly number[], year: number) {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectFrom('report_figures')
    .select(['org_id', 'key', 'value'])
    .where('org_id', 'in', [...orgIds])
    .where('year', '=', year)
    .execute();
  return rows.map((r) => ({ org_id: r.org_id, key: r.key, value: Number(r.value) }));
}
