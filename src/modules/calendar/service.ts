import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { Emit } from '../../platform/events.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { chinaToday } from '../../platform/time.ts';
import { bundledCalendarYears } from './bundled.ts';
import { type Calendar, type CalendarYear, createCalendar, validateCalendarYear } from './domain/calendar.ts';
import { type CalendarAction, can } from './domain/policies.ts';
import { withProvisionalYears } from './domain/provisional.ts';
import * as store from './store.ts';

/** Throws FORBIDDEN unless the calendar policy lets `actor` take `action`. */
export function authorize(actor: Actor, action: CalendarAction): void {
  if (!can(actor, action)) throw new AppError('FORBIDDEN');
}

/**
 * The event the calendar module announces when the working days of some years changed (a year was
 * loaded, corrected or updated from the bundled data). Modules that store deadlines recompute them.
 */
export const CALENDAR_CHANGED = 'calendar.changed';
export type CalendarChanged = { years: number[]; actorId: number | null };

const sameYear = (row: store.CalendarYearRow, y: CalendarYear) =>
  JSON.stringify(store.rowToYear(row)) === JSON.stringify({ ...y, names: y.names ?? {} });

/** Bundled years go into the table; a year an administrator corrected is never overwritten. */
export async function loadBundledYears(db: Kysely<Database>, emit?: Emit): Promise<void> {
  await inTransaction(db, async (tx) => {
    const existing = new Map((await store.listYearRows(tx)).map((r) => [r.year, r]));
    const changed: number[] = [];
    for (const y of bundledCalendarYears) {
      const row = existing.get(y.year);
      if (row?.source === 'admin') continue;
      if (row && sameYear(row, y)) continue;
      await store.upsertYear(tx, y, 'bundled', null);
      changed.push(y.year);
    }
    if (changed.length > 0 && emit) {
      await emit(tx, CALENDAR_CHANGED, { years: changed, actorId: null } satisfies CalendarChanged);
    }
  });
}

export async function loadYears(db: Kysely<Database>): Promise<CalendarYear[]> {
  return (await store.listYearRows(db)).map(store.rowToYear);
}

/**
 * The calendar as stored now, read per use (never cached in a global). By default every year without
 * a loaded notice, up to the year after the later of today and the last loaded year, is filled
 * provisionally from the statutory holidays (`domain/provisional.ts`): a date counted on such a year
 * is provisional, and whoever shows it says so (`provisionalYearsBetween`, `provisionalNote`).
 * `{ provisional: false }`: loaded years only (a date in another year throws CALENDAR_YEAR_MISSING).
 */
export async function loadCalendar(
  db: Kysely<Database>,
  opts: { provisional?: boolean } = {},
): Promise<Calendar> {
  const years = await loadYears(db);
  if (opts.provisional === false) return createCalendar(years);
  const last = Math.max(Number(chinaToday().slice(0, 4)), ...years.map((y) => y.year));
  return createCalendar(withProvisionalYears(years, last + 1));
}

function checked(input: CalendarYear): CalendarYear {
  const result = validateCalendarYear(input);
  if (!result.ok) {
    throw new AppError(
      'VALIDATION_FAILED',
      {},
      result.errors.map((message) => ({ path: '', message })),
    );
  }
  return result.value;
}

/**
 * Saves years (entered by hand or read from a notice) in one transaction: each audited, then every
 * module that stores deadlines recomputes them (CALENDAR_CHANGED) before the transaction commits,
 * so no deadline is ever left counted on the old days.
 */
export async function saveYears(
  db: Kysely<Database>,
  actor: Actor | null,
  emit: Emit,
  inputs: CalendarYear[],
) {
  // null: the operator at the command line (`gongkai calendar load-notice`), who holds the data folder.
  if (actor) authorize(actor, 'calendar.manage');
  const entries = inputs.map(checked);
  return inTransaction(db, async (tx) => {
    const saved: store.CalendarYearRow[] = [];
    for (const entry of entries) {
      const before = await store.findYearRow(tx, entry.year);
      const after = await store.upsertYear(tx, entry, 'admin', actor?.id ?? null);
      await recordAudit(tx, {
        actorId: actor?.id ?? null,
        action: before ? 'calendar.year.update' : 'calendar.year.create',
        subjectType: 'calendar_year',
        subjectId: entry.year,
        before: before ?? null,
        after,
      });
      saved.push(after);
    }
    const changed: CalendarChanged = { years: entries.map((e) => e.year), actorId: actor?.id ?? null };
    await emit(tx, CALENDAR_CHANGED, changed);
    return saved;
  });
}

export async function saveYear(db: Kysely<Database>, actor: Actor, emit: Emit, input: CalendarYear) {
  const [row] = await saveYears(db, actor, emit, [input]);
  return row as store.CalendarYearRow;
}

/** From 1 November (`today` is a China date, YYYY-MM-DD), warn when next year's arrangement is missing. */
export async function calendarStatus(db: Kysely<Database>, today: string) {
  const nextYear = Number(today.slice(0, 4)) + 1;
  const nextYearMissing = !(await store.findYearRow(db, nextYear));
  return { today, nextYear, nextYearMissing, warn: nextYearMissing && Number(today.slice(5, 7)) >= 11 };
}
