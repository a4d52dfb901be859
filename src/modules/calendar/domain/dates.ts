/**
 * ISO calendar dates (`YYYY-MM-DD`) and day numbers.
 *
 * A "day number" is the count of days since 1970-01-01 (1970-01-01 = 0). All working-day arithmetic
 * uses day numbers (plain integers) so hot loops never build Date objects. Pure: no clock, no I/O.
 */

/** A calendar date written `YYYY-MM-DD` (proleptic Gregorian, no time, no zone). */
export type IsoDate = string;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Thrown for a value that is not an existing calendar date in strict `YYYY-MM-DD` form. */
export class InvalidDateError extends Error {
  readonly code = 'INVALID_DATE';
  readonly params: { value: string };
  constructor(value: unknown) {
    const shown = typeof value === 'string' ? value : String(value);
    super(`Invalid date "${shown}": expected an existing calendar date written YYYY-MM-DD`);
    this.name = 'InvalidDateError';
    this.params = { value: shown };
  }
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Day of the year (0-based) on which each month starts, in a common year. */
const MONTH_START = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** Day number of 1 January and leap flag of every year 0001–9999 (tables make parsing division-free). */
const YEAR_START = new Int32Array(10000);
const YEAR_LEAP = new Uint8Array(10000);
for (let y = 1; y < 10000; y++) {
  YEAR_START[y] = dayNumberOf(y, 1, 1);
  YEAR_LEAP[y] = isLeapYear(y) ? 1 : 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_DAYS[month - 1] ?? 0;
}

/** Value of the ASCII digit at `index`, or -1 for anything else. */
function digit(value: string, index: number): number {
  const c = value.charCodeAt(index) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Strict parse: exactly `YYYY-MM-DD`, year 0001–9999, a day that exists (2024-02-30 is rejected). */
function tryParse(value: unknown): DateParts | null {
  const day = tryDayNumber(value);
  return day === null ? null : partsOfDayNumber(day);
}

/** Day number of a strict ISO date, or null. Hot path: no allocation, integer arithmetic only. */
function tryDayNumber(value: unknown): number | null {
  if (typeof value !== 'string' || value.length !== 10) return null;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  const y0 = digit(value, 0);
  const y1 = digit(value, 1);
  const y2 = digit(value, 2);
  const y3 = digit(value, 3);
  const m0 = digit(value, 5);
  const m1 = digit(value, 6);
  const d0 = digit(value, 8);
  const d1 = digit(value, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return null;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (year < 1 || month < 1 || month > 12 || day < 1) return null;
  const leap = (YEAR_LEAP[year] as number) === 1;
  if (day > (MONTH_DAYS[month - 1] as number) + (leap && month === 2 ? 1 : 0)) return null;
  return (
    (YEAR_START[year] as number) + (MONTH_START[month - 1] as number) + (leap && month > 2 ? 1 : 0) + day - 1
  );
}

export function isIsoDate(value: unknown): value is IsoDate {
  return tryDayNumber(value) !== null;
}

/** Parses a strict ISO date; throws `InvalidDateError` (code `INVALID_DATE`) otherwise. */
export function parseIsoDate(value: unknown): DateParts {
  const parts = tryParse(value);
  if (parts === null) throw new InvalidDateError(value);
  return parts;
}

/** Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number (H. Hinnant's civil_from_days). */
export function partsOfDayNumber(dayNumber: number): DateParts {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Day number of a strict ISO date; throws `InvalidDateError` for anything else. */
export function toDayNumber(value: IsoDate): number {
  const day = tryDayNumber(value);
  if (day === null) throw new InvalidDateError(value);
  return day;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function pad4(n: number): string {
  return n < 10 ? `000${n}` : n < 100 ? `00${n}` : n < 1000 ? `0${n}` : String(n);
}

export function formatIsoDate(parts: DateParts): IsoDate {
  return `${pad4(parts.year)}-${pad2(parts.month)}-${pad2(parts.day)}`;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  return formatIsoDate(partsOfDayNumber(dayNumber));
}

/** Year of a day number. */
export function yearOfDayNumber(dayNumber: number): number {
  return partsOfDayNumber(dayNumber).year;
}

/** Day of week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Day of week of an ISO date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  return weekdayOfDayNumber(toDayNumber(date));
}

/** Adds calendar days (not working days). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Orders two valid ISO dates (string order equals date order for this format). */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const WEEKDAY_NAMES = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

/** `星期一` … `星期日` for an ISO date. */
export function chineseWeekday(date: IsoDate): string {
  return WEEKDAY_NAMES[weekdayOf(date)] ?? '';
}

/**
 * `2024-03-05` → `2024年3月5日`, the form shown to users (pages, letters, notifications, PDFs). Never
 * throws: no value (null, undefined, '') gives '', and a value that is not an existing `YYYY-MM-DD`
 * date is returned as it is, so a page shows what it has rather than a guess or an error. A caller
 * that wants a placeholder writes `formatChineseDate(d) || '—'`.
 */
export function formatChineseDate(date: IsoDate | null | undefined): string {
  if (!date) return '';
  const p = tryParse(date);
  return p === null ? date : `${p.year}年${p.month}月${p.day}日`;
}
