/**
 * The working-day calendar (工作日历).
 *
 * A working day (工作日) is a Monday–Friday that is not an official day off (法定节假日 and the days off of
 * the yearly 国务院办公厅 arrangement), or an official make-up working day (调休上班日) even on a
 * Saturday or Sunday. The data comes one year at a time, each year from its notice; a question about a
 * date in a year that is not loaded throws `CalendarYearMissingError` — there is never a Mon–Fri
 * fallback, because 1 January, Spring Festival etc. would silently become working days.
 *
 * Performance: `createCalendar` precomputes, over the loaded span of years, one byte per day (its
 * kind), a prefix count of working days and the list of working days as day numbers (days since
 * 1970-01-01). `addWorkingDays` and `countWorkingDays` are then O(1) array look-ups.
 */
import {
  dayNumberOf,
  fromDayNumber,
  type IsoDate,
  isIsoDate,
  toDayNumber,
  weekdayOfDayNumber,
  yearOfDayNumber,
} from './dates.ts';

/** The 国务院办公厅 notice a year's arrangement comes from. `number` is null where not confirmed. */
export interface CalendarNotice {
  title: string;
  number: string | null;
  date: IsoDate;
  url: string;
}

/** One year of official days off and make-up working days (one entry of `data/holidays.json`). */
export interface CalendarYear {
  year: number;
  notice: CalendarNotice;
  /** Every official day off of the year, weekend days inside a holiday range included. */
  daysOff: IsoDate[];
  /** Saturdays/Sundays that are working days (调休上班). */
  makeupWorkdays: IsoDate[];
  /** Optional holiday name per date (days off and make-up working days), e.g. `"2024-02-10": "春节"`. */
  names?: Record<IsoDate, string>;
  /**
   * Set on a year computed from the statutory holidays alone because its notice is not loaded
   * (`domain/provisional.ts`): dates counted on it are provisional (暂定), never final.
   */
  provisional?: boolean;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

/** A question about a date in a year whose official arrangement is not loaded. */
export class CalendarYearMissingError extends Error {
  readonly code = 'CALENDAR_YEAR_MISSING';
  readonly params: { year: number };
  constructor(year: number) {
    super(
      `The working-day calendar of ${year} is not loaded: the official holiday arrangement for ${year} ` +
        'must be added before working days in that year can be counted (no Monday–Friday fallback).',
    );
    this.name = 'CalendarYearMissingError';
    this.params = { year };
  }
}

/** Calendar data that fails validation (the Chinese messages are in `params.errors`). */
export class CalendarDataError extends Error {
  readonly code = 'CALENDAR_DATA_INVALID';
  readonly params: { year: number | null; errors: string[] };
  constructor(year: number | null, errors: string[]) {
    super(`Invalid calendar data${year === null ? '' : ` for ${year}`}: ${errors.join('; ')}`);
    this.name = 'CalendarDataError';
    this.params = { year, errors };
  }
}

export type CalendarYearValidation = { ok: true; value: CalendarYear } | { ok: false; errors: string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks one year entry (e.g. submitted by the admin form). Error messages are in Chinese and name the
 * offending value. Checks: year is an integer 1900–2999; notice title/date/url present and well formed;
 * every date strict `YYYY-MM-DD`, existing, inside the entry's year, listed once; no date both a day off
 * and a make-up working day; make-up working days fall on Saturday or Sunday; names only for listed dates.
 */
export function validateCalendarYear(input: unknown): CalendarYearValidation {
  return check(input, true);
}

/**
 * `createCalendar` checks only what the arithmetic depends on (the dates), not the notice metadata:
 * a cosmetic flaw in a stored notice must not stop every deadline computation.
 */
function check(input: unknown, withNotice: boolean): CalendarYearValidation {
  const errors: string[] = [];
  if (!isRecord(input)) return { ok: false, errors: ['年度日历数据应为一个对象'] };
  const year = input.year;
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= 1900 && year <= 2999;
  if (!yearOk) errors.push(`年份“${String(year)}”无效，应为1900至2999之间的整数`);

  const notice = input.notice;
  if (withNotice && !isRecord(notice)) {
    errors.push('缺少放假安排通知的信息（标题、文号、日期、网址）');
  } else if (withNotice && isRecord(notice)) {
    if (typeof notice.title !== 'string' || notice.title.trim() === '') errors.push('通知标题不能为空');
    if (notice.number !== null && (typeof notice.number !== 'string' || notice.number.trim() === '')) {
      errors.push('通知文号应填写文号，未核实的请留空');
    }
    if (!isIsoDate(notice.date))
      errors.push(`通知日期“${String(notice.date)}”不是有效日期（格式YYYY-MM-DD）`);
    if (typeof notice.url !== 'string' || (notice.url !== '' && !/^https?:\/\/\S+$/.test(notice.url))) {
      errors.push('通知网址应以http://或https://开头（没有网址的请留空）');
    }
  }

  const seen = new Map<string, string>();
  const checkList = (key: 'daysOff' | 'makeupWorkdays', label: string): void => {
    const list = input[key];
    if (!Array.isArray(list)) {
      errors.push(`${label}应为日期列表`);
      return;
    }
    for (const value of list) {
      if (!isIsoDate(value)) {
        errors.push(`${label}中的“${String(value)}”不是有效日期（格式YYYY-MM-DD）`);
        continue;
      }
      if (yearOk && Number(value.slice(0, 4)) !== year) {
        errors.push(`${label}中的${value}不属于${String(year)}年`);
      }
      const earlier = seen.get(value);
      if (earlier === label) errors.push(`${label}中的${value}重复`);
      else if (earlier !== undefined) errors.push(`${value}不能同时是放假日和调休上班日`);
      seen.set(value, label);
      if (key === 'makeupWorkdays') {
        const wd = weekdayOfDayNumber(toDayNumber(value));
        if (wd !== 0 && wd !== 6) errors.push(`调休上班日${value}不是周六或周日`);
      }
    }
  };
  checkList('daysOff', '放假日');
  checkList('makeupWorkdays', '调休上班日');

  if (input.names !== undefined) {
    if (!isRecord(input.names)) {
      errors.push('节日名称应为“日期: 名称”的对照表');
    } else {
      for (const [date, name] of Object.entries(input.names)) {
        if (typeof name !== 'string' || name.trim() === '') errors.push(`${date}的节日名称不能为空`);
        if (!seen.has(date)) errors.push(`节日名称对应的日期${date}不在放假日或调休上班日中`);
      }
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: input as unknown as CalendarYear };
}

/** Working-day operations on day numbers (days since 1970-01-01), for hot loops. */
export interface DayNumberCalendar {
  isWorkingDay(day: number): boolean;
  dayKind(day: number): DayKind;
  holidayName(day: number): string | null;
  /** The n-th working day after `start` (start never counted; n = 0 returns start). */
  addWorkingDays(start: number, n: number): number;
  /** Working days in (fromExclusive, toInclusive]; negative when `toInclusive` is before `fromExclusive`. */
  countWorkingDays(fromExclusive: number, toInclusive: number): number;
  /** ISO text of a day number (cached inside the loaded span). */
  toIso(day: number): IsoDate;
}

export interface Calendar {
  /** Loaded years, ascending. */
  years(): number[];
  /** True for a loaded year and for a provisional one; see `isProvisional`. */
  hasYear(year: number): boolean;
  /** Years present only provisionally (from the statutory holidays, notice not loaded), ascending. */
  provisionalYears(): number[];
  isProvisional(year: number): boolean;
  /** The source entry of a loaded year. */
  yearData(year: number): CalendarYear | undefined;
  isWorkingDay(date: IsoDate): boolean;
  dayKind(date: IsoDate): DayKind;
  /** Holiday name of a day off or make-up working day, if the data names it. */
  holidayName(date: IsoDate): string | null;
  /** The n-th working day AFTER `start`; `start` is never counted and may be a non-working day. */
  addWorkingDays(start: IsoDate, n: number): IsoDate;
  /** Working days in (fromExclusive, toInclusive]. */
  countWorkingDays(fromExclusive: IsoDate, toInclusive: IsoDate): number;
  /** The first working day after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate;
  readonly byDayNumber: DayNumberCalendar;
}

const KIND_MISSING = 0;
const KIND_WORKDAY = 1;
const KIND_WEEKEND = 2;
const KIND_HOLIDAY = 3;
const KIND_MAKEUP = 4;
const KIND_NAMES: DayKind[] = ['workday', 'workday', 'weekend', 'holiday', 'makeup-workday'];

function checkCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`working-day count must be a non-negative integer, got ${n}`);
}

/** Builds a calendar over the given years (validated; a year may appear once; gaps are allowed). */
export function createCalendar(input: readonly CalendarYear[]): Calendar {
  const byYear = new Map<number, CalendarYear>();
  for (const entry of input) {
    const result = check(entry, false);
    if (!result.ok)
      throw new CalendarDataError(typeof entry?.year === 'number' ? entry.year : null, result.errors);
    if (byYear.has(entry.year)) throw new CalendarDataError(entry.year, [`${entry.year}年的日历重复`]);
    byYear.set(entry.year, entry);
  }
  const loaded = [...byYear.keys()].sort((a, b) => a - b);
  const minYear = loaded[0] ?? 0;
  const maxYear = loaded[loaded.length - 1] ?? -1;
  const base = loaded.length > 0 ? dayNumberOf(minYear, 1, 1) : 0;
  const end = loaded.length > 0 ? dayNumberOf(maxYear + 1, 1, 1) : 0;
  const span = end - base;

  const kinds = new Uint8Array(span);
  const names = new Map<number, string>();
  for (const entry of byYear.values()) {
    const from = dayNumberOf(entry.year, 1, 1) - base;
    const to = dayNumberOf(entry.year + 1, 1, 1) - base;
    for (let i = from; i < to; i++) {
      const wd = weekdayOfDayNumber(base + i);
      kinds[i] = wd === 0 || wd === 6 ? KIND_WEEKEND : KIND_WORKDAY;
    }
    for (const d of entry.daysOff) kinds[toDayNumber(d) - base] = KIND_HOLIDAY;
    for (const d of entry.makeupWorkdays) kinds[toDayNumber(d) - base] = KIND_MAKEUP;
    for (const [d, name] of Object.entries(entry.names ?? {})) names.set(toDayNumber(d), name);
  }

  // cumWork[i] = working days in [base, base + i); cumMissing[i] = days of unloaded years in [base, base + i).
  const cumWork = new Int32Array(span + 1);
  const cumMissing = new Int32Array(span + 1);
  let workCount = 0;
  for (let i = 0; i < span; i++) {
    const k = kinds[i] as number;
    if (k === KIND_WORKDAY || k === KIND_MAKEUP) workCount++;
    cumWork[i + 1] = workCount;
    cumMissing[i + 1] = (cumMissing[i] as number) + (k === KIND_MISSING ? 1 : 0);
  }
  const workdays = new Int32Array(workCount);
  for (let i = 0, w = 0; i < span; i++) {
    const k = kinds[i];
    if (k === KIND_WORKDAY || k === KIND_MAKEUP) workdays[w++] = base + i;
  }
  const isoCache: IsoDate[] = new Array(span);
  for (let i = 0; i < span; i++) isoCache[i] = fromDayNumber(base + i);

  /** First unloaded year in [fromOffset, toOffset) (offsets), or the year after the span. */
  const firstMissingYearFrom = (fromOffset: number, toOffset: number): number => {
    for (let i = Math.max(0, fromOffset); i < Math.min(span, toOffset); i++) {
      if (kinds[i] === KIND_MISSING) return yearOfDayNumber(base + i);
    }
    return maxYear + 1;
  };

  /** Offset of a day inside the span; throws if its year is not loaded. */
  const offsetOf = (day: number): number => {
    const offset = day - base;
    if (offset < 0 || offset >= span || kinds[offset] === KIND_MISSING) {
      throw new CalendarYearMissingError(yearOfDayNumber(day));
    }
    return offset;
  };

  const byDayNumber: DayNumberCalendar = {
    isWorkingDay(day) {
      const k = kinds[offsetOf(day)];
      return k === KIND_WORKDAY || k === KIND_MAKEUP;
    },
    dayKind(day) {
      return KIND_NAMES[kinds[offsetOf(day)] as number] as DayKind;
    },
    holidayName(day) {
      offsetOf(day);
      return names.get(day) ?? null;
    },
    addWorkingDays(start, n) {
      checkCount(n);
      const offset = offsetOf(start);
      if (n === 0) return start;
      const index = (cumWork[offset + 1] as number) + n - 1;
      if (index >= workCount) throw new CalendarYearMissingError(firstMissingYearFrom(offset, span));
      const result = workdays[index] as number;
      if (cumMissing[result - base] !== cumMissing[offset]) {
        throw new CalendarYearMissingError(firstMissingYearFrom(offset, result - base));
      }
      return result;
    },
    countWorkingDays(fromExclusive, toInclusive) {
      const a = offsetOf(fromExclusive);
      const b = offsetOf(toInclusive);
      if (cumMissing[a] !== cumMissing[b]) {
        throw new CalendarYearMissingError(firstMissingYearFrom(Math.min(a, b), Math.max(a, b)));
      }
      return (cumWork[b + 1] as number) - (cumWork[a + 1] as number);
    },
    toIso(day) {
      const offset = day - base;
      return offset >= 0 && offset < span ? (isoCache[offset] as IsoDate) : fromDayNumber(day);
    },
  };

  return {
    years: () => [...loaded],
    hasYear: (year) => byYear.has(year),
    provisionalYears: () => loaded.filter((y) => byYear.get(y)?.provisional === true),
    isProvisional: (year) => byYear.get(year)?.provisional === true,
    yearData: (year) => byYear.get(year),
    isWorkingDay: (date) => byDayNumber.isWorkingDay(toDayNumber(date)),
    dayKind: (date) => byDayNumber.dayKind(toDayNumber(date)),
    holidayName: (date) => byDayNumber.holidayName(toDayNumber(date)),
    addWorkingDays: (start, n) => byDayNumber.toIso(byDayNumber.addWorkingDays(toDayNumber(start), n)),
    countWorkingDays: (from, to) => byDayNumber.countWorkingDays(toDayNumber(from), toDayNumber(to)),
    nextWorkingDay: (date) => byDayNumber.toIso(byDayNumber.addWorkingDays(toDayNumber(date), 1)),
    byDayNumber,
  };
}
