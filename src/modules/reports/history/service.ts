/**
 * 以往年度报告: the years of an agency's report history (computed reports and past years entered as
 * numbers), a past year's figures, and saving them — only for a past year without a report record of the
 * platform; checked (history/domain/past.ts), in one transaction with the audit row.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/session.ts';
import { checkReport } from '../domain/checks.ts';
import type { ReportFigures } from '../domain/tables.ts';
import { authorize } from '../service.ts';
import * as reports from '../store.ts';
import { checkPastFigures, type PastError, parsePastSheet } from './domain/past.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

export type HistoryYear = {
  year: number;
  /** report: the platform's report record (its state); entered/imported: a past year's numbers. */
  source: 'report' | store.PastSource;
  state: string | null;
  enteredAt: Date | null;
};

/** Every year of the agency's reports, newest first. */
export async function listHistory(db: Db, actor: Actor, orgId: number) {
  const agency = await authorize(db, actor, orgId, 'view');
  const [records, past] = await Promise.all([
    // One line a year: the newest version's state (a correction under way shows as its state).
    db
      .selectFrom('reports')
      .select(['year', 'state'])
      .where('org_id', '=', orgId)
      .orderBy('version', 'desc')
      .execute()
      .then((rows) => rows.filter((r, i) => rows.findIndex((x) => x.year === r.year) === i)),
    store.pastOf(db, orgId),
  ]);
  const years: HistoryYear[] = [
    ...records.map((r) => ({ year: r.year, source: 'report' as const, state: r.state, enteredAt: null })),
    ...past.map((p) => ({ year: p.year, source: p.source, state: null, enteredAt: new Date(p.entered_at) })),
  ].sort((a, b) => b.year - a.year);
  return { agency, years };
}

/** A past year's entered figures and their checks (the carry-over against the year before included). */
export async function getPast(db: Db, actor: Actor, orgId: number, year: number) {
  const agency = await authorize(db, actor, orgId, 'view');
  const row = await store.findPast(db, orgId, year);
  if (!row) throw new AppError('NOT_FOUND');
  const before = await store.pastFour(db, orgId, year - 1);
  const checks = checkReport(row.figures, before).filter((c) => !c.message.startsWith('表二'));
  return { agency, row, checks };
}

function refuse(problems: PastError[]): AppError {
  return new AppError(
    'REPORT_PAST_INVALID',
    { count: problems.length },
    problems.map((p) => ({ path: p.row > 0 ? `第${p.row}行` : 'figures', message: p.message })),
  );
}

/** Saves a past year's figures (entered in the grid, or read from the template and confirmed). */
export async function savePast(
  db: Db,
  actor: Actor,
  input: { orgId: number; year: number; figures: ReportFigures; source: store.PastSource; today: string },
) {
  const agency = await authorize(db, actor, input.orgId, 'edit');
  if (input.year >= Number(input.today.slice(0, 4)))
    throw new AppError('REPORT_PAST_YEAR', { year: input.year });
  const problems = checkPastFigures(input.figures);
  if (problems.length > 0) throw refuse(problems.map((message) => ({ row: 0, message })));
  await inTransaction(db, async (tx) => {
    if (await reports.findReport(tx, input.orgId, input.year))
      throw new AppError('REPORT_PAST_HAS_REPORT', { year: input.year, name: agency.org.name });
    const before = await store.findPast(tx, input.orgId, input.year);
    await store.savePast(tx, { ...input, by: actor.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'report.past',
      subjectType: 'report_history',
      subjectId: null,
      before: before ? { year: before.year, source: before.source, figures: before.figures } : null,
      after: { orgId: input.orgId, year: input.year, source: input.source, figures: input.figures },
    });
  });
  return getPast(db, actor, input.orgId, input.year);
}

/** Reads the template's sheet into figures (nothing saved); the problems by row. */
export function readPastSheet(sheet: Parameters<typeof parsePastSheet>[0]) {
  const { figures, errors } = parsePastSheet(sheet);
  if (!figures || errors.length > 0) throw refuse(errors);
  return figures;
}
