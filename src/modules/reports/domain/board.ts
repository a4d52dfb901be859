/**
 * 报送情况: when each agency's annual report is due, whether it is overdue, and when to remind. Pure.
 *
 * 《中华人民共和国政府信息公开条例》 (docs/law/ogi-regulation.md; /work/shared/spec/REGULATIONS.md §1.11):
 * - Art. 49(1) 县级以上人民政府部门应当在每年1月31日前向本级政府信息公开工作主管部门提交本行政机关上一年度政府
 *   信息公开工作年度报告并向社会公布: a department submits and publishes by 31 January of the next year.
 * - Art. 49(2) 县级以上地方人民政府的政府信息公开工作主管部门应当在每年3月31日前向社会公布本级政府上一年度政府
 *   信息公开工作年度报告: a government's report is published by 31 March of the next year.
 * - Townships are collected by their county (DERIVED, as in policies.ts `authorityOf`): the department's date.
 * The dates are fixed calendar dates, not counted in working days: no roll-over to the next working day
 * (docs/law/deadlines.md §4; calendar's `annualReportDue`). Reminders fall on working days (DERIVED).
 */
import type { Calendar } from '../../calendar/domain/calendar.ts';
import { addCalendarDays, type IsoDate } from '../../calendar/domain/dates.ts';
import { type AnnualReportPublisher, annualReportDue } from '../../calendar/domain/deadlines.ts';
import { REPORT_STATE_LABELS, type ReportState } from './states.ts';

/** A report's state on the board: the record's state, `none` without a record, `returned` for a draft sent back. */
export const BOARD_STATES = ['none', 'draft', 'returned', 'submitted', 'accepted', 'published'] as const;
export type BoardState = (typeof BOARD_STATES)[number];

/** The report pages' words for the states (one set across the console), plus 已退回. */
export const BOARD_STATE_LABELS: Record<BoardState, string> = { ...REPORT_STATE_LABELS, returned: '已退回' };

/** The board state of a record (`returned`: a draft whose last transition was 退回). */
export function boardStateOf(state: ReportState | null, lastTransition: string | null): BoardState {
  if (state === null) return 'none';
  if (state === 'draft' && lastTransition === 'return') return 'returned';
  return state;
}

/** Art. 49(2) governments (a county's people's government included); everyone else Art. 49(1)'s date. */
export function publisherOf(orgKind: string): AnnualReportPublisher {
  return orgKind === 'government' || orgKind === 'county' ? 'government' : 'department';
}

/** The statutory last day for the report on `year` (Art. 49). */
export const dueDateOf = (year: number, publisher: AnnualReportPublisher): IsoDate =>
  annualReportDue(year, publisher);

/**
 * What the agency still owes under Art. 49, whatever the date: a department 提交 (submit) and then
 * 向社会公布 (publish, once the authority accepted it); a government publishes its report. `null`: nothing
 * (published, or a department's report awaiting the authority's review).
 */
export type Owed = 'submit' | 'publish' | null;
export function owedOf(publisher: AnnualReportPublisher, state: BoardState): Owed {
  if (state === 'published') return null;
  if (publisher === 'government') return 'publish';
  if (state === 'none' || state === 'draft' || state === 'returned') return 'submit';
  // Submitted: the authority reviews (not the department's delay); accepted: the department publishes.
  return 'publish';
}

/** Why a report is overdue, or null: past the due date with what Art. 49 requires by then not done. */
export type Overdue = 'not-submitted' | 'not-published' | null;
export const OVERDUE_LABELS: Record<'not-submitted' | 'not-published', string> = {
  'not-submitted': '逾期未报送',
  'not-published': '逾期未公开',
};

export function overdueOf(
  publisher: AnnualReportPublisher,
  year: number,
  state: BoardState,
  today: IsoDate,
): Overdue {
  if (today <= dueDateOf(year, publisher) || state === 'published') return null;
  if (publisher === 'department' && (state === 'none' || state === 'draft' || state === 'returned'))
    return 'not-submitted';
  return 'not-published';
}

// ── reminders ──

/** The reminders of a due date: first working day of its month, 5 working days before, last working day, overdue. */
export const REMINDER_MILESTONES = ['first', 'five', 'last', 'overdue'] as const;
export type ReminderMilestone = (typeof REMINDER_MILESTONES)[number];

type WorkingDays = Pick<Calendar, 'isWorkingDay' | 'nextWorkingDay'>;

function firstWorkingDayFrom(calendar: WorkingDays, date: IsoDate): IsoDate {
  return calendar.isWorkingDay(date) ? date : calendar.nextWorkingDay(date);
}

/** The working day with exactly `n` working days after it up to and including `due`. */
function workingDaysBefore(calendar: WorkingDays, due: IsoDate, n: number): IsoDate {
  let count = 0;
  let d = due;
  for (;;) {
    if (calendar.isWorkingDay(d)) count++;
    d = addCalendarDays(d, -1);
    if (count >= n && calendar.isWorkingDay(d)) return d;
  }
}

/** The dates of the reminders of a due date (each a working day). */
export function reminderDates(calendar: WorkingDays, due: IsoDate): Record<ReminderMilestone, IsoDate> {
  const last = calendar.isWorkingDay(due) ? due : workingDaysBefore(calendar, due, 0);
  return {
    first: firstWorkingDayFrom(calendar, `${due.slice(0, 8)}01`),
    five: workingDaysBefore(calendar, due, 5),
    last,
    overdue: calendar.nextWorkingDay(due),
  };
}

/** Calendar days after the overdue reminder's date during which a missed run still sends it. */
export const OVERDUE_CATCH_UP_DAYS = 14;

/**
 * The reminder due on `today` for a report owing something by `due`: the latest milestone reached, so a
 * run missed on its day (server down) still reminds the next day; the notifications' unique key keeps
 * each milestone to one notification. Null before the first milestone. Throws the calendar's
 * CalendarYearMissingError for a year it does not hold.
 */
export function reminderDue(calendar: WorkingDays, due: IsoDate, today: IsoDate): ReminderMilestone | null {
  const dates = reminderDates(calendar, due);
  let reached: ReminderMilestone | null = null;
  for (const m of REMINDER_MILESTONES) if (dates[m] <= today) reached = m;
  // Overdue is caught up for two weeks only: a first start in June does not remind of January's date.
  if (reached === 'overdue' && today > addCalendarDays(dates.overdue, OVERDUE_CATCH_UP_DAYS)) return null;
  return reached;
}

export type BoardRowFacts = { state: BoardState; overdue: Overdue };

/** The counts on top of the board: per state, and how many are overdue. */
export function boardCounts(rows: readonly BoardRowFacts[]) {
  const byState = Object.fromEntries(BOARD_STATES.map((s) => [s, 0])) as Record<BoardState, number>;
  for (const r of rows) byState[r.state]++;
  return { total: rows.length, byState, overdue: rows.filter((r) => r.overdue !== null).length };
}
