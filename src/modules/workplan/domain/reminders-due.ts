/**
 * Which reminder a work-plan assignment calls for on a given day (pure).
 *
 * - due soon: the task's due date lies within the next `windowDays` working days (the due day itself
 *   counts as 0 days left);
 * - overdue: the due date has passed and the assignment is not finished.
 * Working days come from the stored calendar (工作日历). When the calendar lacks a year the window
 * touches, calendar days are counted instead and the result says so (`calendarDays: true`, with the
 * missing year), so the message can tell the reader; counted over a provisional year (notice not loaded),
 * working days are counted and `missingYear` names that year (the count is provisional).
 */
import { type Calendar, CalendarYearMissingError } from '../../calendar/domain/calendar.ts';
import { toDayNumber } from '../../calendar/domain/dates.ts';
import { provisionalYearsBetween } from '../../calendar/domain/provisional.ts';

/**
 * An assignment is finished when the office accepted it as 已完成 or as 长期坚持; anything else
 * (not reported, reported but not yet reviewed, returned) is still open.
 */
export function isFinished(a: { status: string; reviewState: string }): boolean {
  return a.reviewState === 'accepted' && (a.status === 'done' || a.status === 'ongoing');
}

/** Overdue: open, with a due date before today (a recurring task without a date is never overdue). */
export function isOverdue(
  a: { status: string; reviewState: string },
  due: string | null,
  today: string,
): boolean {
  return due !== null && due < today && !isFinished(a);
}

export type DueReminder =
  | { type: 'due'; days: number; calendarDays: boolean; missingYear: number | null }
  | { type: 'overdue'; days: number; calendarDays: boolean; missingYear: number | null }
  | null;

function calendarDaysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * The reminder for an open assignment due on `due`, seen on `today`; `windowDays` working days ahead
 * (default 5). `calendar` null: no calendar at all, calendar days are counted.
 */
export function reminderFor(
  calendar: Calendar | null,
  due: string | null,
  today: string,
  windowDays: number,
): DueReminder {
  if (due === null) return null;
  if (due === today) return { type: 'due', days: 0, calendarDays: false, missingYear: null };
  const count = (from: string, to: string) => {
    if (calendar === null) return { n: calendarDaysBetween(from, to), calendarDays: true, missingYear: null };
    try {
      // Counted over a year whose notice is not loaded, the number of working days is provisional.
      const provisional = provisionalYearsBetween(calendar, from, to);
      return {
        n: calendar.countWorkingDays(from, to),
        calendarDays: false,
        missingYear: provisional[0] ?? null,
      };
    } catch (err) {
      if (err instanceof CalendarYearMissingError)
        return { n: calendarDaysBetween(from, to), calendarDays: true, missingYear: err.params.year };
      throw err;
    }
  };
  if (due > today) {
    // Cheap bound first: more calendar days than the window can span are never inside it.
    if (calendarDaysBetween(today, due) > windowDays * 3 + 14) return null;
    const c = count(today, due);
    return c.n <= windowDays
      ? { type: 'due', days: c.n, calendarDays: c.calendarDays, missingYear: c.missingYear }
      : null;
  }
  const c = count(due, today);
  return {
    type: 'overdue',
    days: Math.max(c.n, 1),
    calendarDays: c.calendarDays,
    missingYear: c.missingYear,
  };
}

/** The notification kind: one per assignment, kind and day count, so a day's repeats are dropped. */
export function reminderKind(r: NonNullable<DueReminder>): string {
  return `workplan.${r.type}.${r.days}${r.calendarDays ? 'd' : ''}`;
}
