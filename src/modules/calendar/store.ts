import type { ColumnType, Generated, Kysely, Selectable } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { CalendarYear } from './domain/calendar.ts';

export interface CalendarYearsTable {
  year: number;
  notice_title: string;
  notice_number: string | null;
  notice_date: string | null;
  notice_url: string | null;
  /** jsonb: written as JSON text, read back as arrays/objects. */
  days_off: ColumnType<string[], string, string>;
  makeup_workdays: ColumnType<string[], string, string>;
  names: ColumnType<Record<string, string>, string, string>;
  source: 'bundled' | 'admin';
  updated_at: Generated<Date>;
  updated_by: number | null;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    calendar_years: CalendarYearsTable;
  }
}

export type CalendarYearRow = Selectable<CalendarYearsTable>;

export function listYearRows(db: Kysely<Database>): Promise<CalendarYearRow[]> {
  return db.selectFrom('calendar_years').selectAll().orderBy('year').execute();
}

export function findYearRow(db: Kysely<Database>, year: number): Promise<CalendarYearRow | undefined> {
  return db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
}

export function rowToYear(r: CalendarYearRow): CalendarYear {
  return {
    year: r.year,
    notice: {
      title: r.notice_title,
      number: r.notice_number,
      date: r.notice_date ?? '',
      url: r.notice_url ?? '',
    },
    daysOff: r.days_off,
    makeupWorkdays: r.makeup_workdays,
    names: r.names,
  };
}

/** Insert or replace one year. jsonb values go in as JSON text, the same on PGlite and PostgreSQL. */
export async function upsertYear(
  db: Kysely<Database>,
  y: CalendarYear,
  source: 'bundled' | 'admin',
  updatedBy: number | null,
): Promise<CalendarYearRow> {
  const values = {
    year: y.year,
    notice_title: y.notice.title,
    notice_number: y.notice.number,
    notice_date: y.notice.date,
    notice_url: y.notice.url,
    days_off: JSON.stringify(y.daysOff),
    makeup_workdays: JSON.stringify(y.makeupWorkdays),
    names: JSON.stringify(y.names ?? {}),
    source,
    updated_by: updatedBy,
  };
  return db
    .insertInto('calendar_years')
    .values(values)
    .onConflict((oc) => oc.column('year').doUpdateSet({ ...values, updated_at: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow();
}
