import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { requirePermission } from '../orgs/index.ts';
import { bundledCalendarYears } from './bundled.ts';
import { type Calendar, type CalendarYear, createCalendar, validateCalendarYear } from './domain/calendar.ts';
import * as store from './store.ts';

/** Bundled years go into the table; a year an administrator corrected is never overwritten. */
export async function loadBundledYears(db: Kysely<Database>): Promise<void> {
  await inTransaction(db, async (tx) => {
    const existing = new Map((await store.listYearRows(tx)).map((r) => [r.year, r]));
    for (const y of bundledCalendarYears) {
      const row = existing.get(y.year);
      if (row?.source === 'admin') continue;
      if (row && JSON.stringify(store.rowToYear(row)) === JSON.stringify({ ...y, names: y.names ?? {} }))
        continue;
      await store.upsertYear(tx, y, 'bundled', null);
    }
  });
}

export async function loadYears(db: Kysely<Database>): Promise<CalendarYear[]> {
  return (await store.listYearRows(db)).map(store.rowToYear);
}

/** The calendar as stored now: read per use, never cached in a global. */
export async function loadCalendar(db: Kysely<Database>): Promise<Calendar> {
  return createCalendar(await loadYears(db));
}

export async function saveYear(db: Kysely<Database>, actor: Actor, input: CalendarYear) {
  requirePermission(actor, 'calendar.manage');
  const checked = validateCalendarYear(input);
  if (!checked.ok) {
    throw new AppError(
      'VALIDATION_FAILED',
      {},
      checked.errors.map((message) => ({ path: '', message })),
    );
  }
  return inTransaction(db, async (tx) => {
    const before = await store.findYearRow(tx, input.year);
    const after = await store.upsertYear(tx, checked.value, 'admin', actor.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: before ? 'calendar.year.update' : 'calendar.year.create',
      subjectType: 'calendar_year',
      subjectId: input.year,
      before: before ?? null,
      after,
    });
    return after;
  });
}

/** From 1 November (`today` is a China date, YYYY-MM-DD), warn when next year's arrangement is missing. */
export async function calendarStatus(db: Kysely<Database>, today: string) {
  const nextYear = Number(today.slice(0, 4)) + 1;
  const nextYearMissing = !(await store.findYearRow(db, nextYear));
  return { today, nextYear, nextYearMissing, warn: nextYearMissing && Number(today.slice(5, 7)) >= 11 };
}
