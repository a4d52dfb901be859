/**
 * The comment period of a consultation (意见征集期限). Pure: the calendar and "today" are parameters.
 *
 * - 《重大行政决策程序暂行条例》 Art. 15: the draft and its explanation are published with how and by when
 *   to comment; the period is "一般不少于30日" (calendar days); a shorter period for urgency needs its
 *   reason stated when the comments are solicited (shown publicly with the consultation).
 * - 民法典 Art. 201: the opening day is not counted, the period starts the next day; so a period of 30
 *   days opening on 3月1日 ends on 3月31日.
 * - 民法典 Art. 203: when the last day falls on a 法定休假日 the period ends on the day after the holiday
 *   ends — here, the next working day of the work calendar (weekends, holidays; 调休 make-up days count
 *   as working days, docs/law/holidays.md).
 */
import { addCalendarDays, compareIsoDates, isIsoDate, toDayNumber } from '../../calendar/domain/dates.ts';

export const MIN_COMMENT_DAYS = 30;
export const MAX_SHORT_REASON = 500;

/** What the period rule needs of the work calendar. */
export interface WorkingDays {
  isWorkingDay(date: string): boolean;
  /** The first working day after `date`. */
  nextWorkingDay(date: string): string;
}

export type PeriodInput = { opensOn: string; plannedLastDay: string; shortReason?: string | null };
export type PeriodError = { path: 'opensOn' | 'plannedLastDay' | 'shortReason'; message: string };
export type Period = {
  opensOn: string;
  plannedLastDay: string;
  /** The last day on which comments are accepted (after the Art. 203 roll-over). */
  closesOn: string;
  /** Calendar days from the day after opening to the planned last day (民法典 Art. 201). */
  days: number;
  rolledOver: boolean;
  shortReason: string | null;
};

/** Days of the period: the opening day not counted (民法典 Art. 201). */
export function periodDays(opensOn: string, lastDay: string): number {
  return toDayNumber(lastDay) - toDayNumber(opensOn);
}

/** The last day after 民法典 Art. 203: a non-working last day moves to the next working day. */
export function rollOver(lastDay: string, cal: WorkingDays): string {
  return cal.isWorkingDay(lastDay) ? lastDay : cal.nextWorkingDay(lastDay);
}

/** The earliest planned last day of a full period (Art. 15: not less than 30 days). */
export function earliestFullLastDay(opensOn: string): string {
  return addCalendarDays(opensOn, MIN_COMMENT_DAYS);
}

export function checkPeriod(
  input: PeriodInput,
  cal: WorkingDays,
): { ok: true; period: Period } | { ok: false; errors: PeriodError[] } {
  const errors: PeriodError[] = [];
  const reason = input.shortReason?.trim() || null;
  if (!isIsoDate(input.opensOn)) errors.push({ path: 'opensOn', message: '开始日期无效' });
  if (!isIsoDate(input.plannedLastDay)) errors.push({ path: 'plannedLastDay', message: '截止日期无效' });
  if (errors.length > 0) return { ok: false, errors };
  const days = periodDays(input.opensOn, input.plannedLastDay);
  if (days < 1) {
    return { ok: false, errors: [{ path: 'plannedLastDay', message: '截止日期应当晚于开始日期' }] };
  }
  if (days < MIN_COMMENT_DAYS && !reason) {
    errors.push({
      path: 'shortReason',
      message: `征求意见期限为${days}日，少于30日（《重大行政决策程序暂行条例》第十五条），请填写缩短期限的理由，理由将向社会公开`,
    });
  }
  if (reason && reason.length > MAX_SHORT_REASON) {
    errors.push({ path: 'shortReason', message: `缩短期限的理由不能超过${MAX_SHORT_REASON}字` });
  }
  if (errors.length > 0) return { ok: false, errors };
  const closesOn = rollOver(input.plannedLastDay, cal);
  return {
    ok: true,
    period: {
      opensOn: input.opensOn,
      plannedLastDay: input.plannedLastDay,
      closesOn,
      days,
      rolledOver: closesOn !== input.plannedLastDay,
      shortReason: days < MIN_COMMENT_DAYS ? reason : null,
    },
  };
}

export const CONSULTATION_STATUSES = ['draft', 'published', 'closed'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** Where a consultation stands on `today`: the server accepts comments only while `open`. */
export const PHASES = ['draft', 'upcoming', 'open', 'closed'] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_LABELS: Record<Phase, string> = {
  draft: '未发布',
  upcoming: '即将开始',
  open: '征集中',
  closed: '已结束',
};

export function phaseOf(
  c: { status: ConsultationStatus; opensOn: string; closesOn: string },
  today: string,
): Phase {
  if (c.status === 'draft') return 'draft';
  if (c.status === 'closed') return 'closed';
  if (compareIsoDates(today, c.opensOn) < 0) return 'upcoming';
  if (compareIsoDates(today, c.closesOn) > 0) return 'closed';
  return 'open';
}
