import holidays from './data/holidays.json' with { type: 'json' };
import { type Calendar, type CalendarYear, createCalendar } from './domain/calendar.ts';

/**
 * The official arrangements shipped with the code (2021–2026), one entry per year. The JSON's inferred
 * type is too literal to assign; `createCalendar` below validates every entry at load time.
 */
export const bundledCalendarYears: readonly CalendarYear[] = holidays as unknown as CalendarYear[];

/** A calendar over the bundled years only (the CLI/server add years stored in the database). */
export const bundledCalendar: Calendar = createCalendar(bundledCalendarYears);
