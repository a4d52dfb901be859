// Date display in the conventional Chinese form: 2024年3月5日.
import { DATE_INPUT_FORMATS } from './typedDate.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * dayjs formats of date pickers: a picked date reads like the rest of the UI (2024年3月5日); typing
 * 2024-03-05, 2024/3/5 or 2024年3月5日 is also understood. The console's `DateInput` uses them.
 */
export const PICKER_DATE_FORMAT = DATE_INPUT_FORMATS;

/**
 * The console's one conversion to 2024年3月5日, with the contract of the server's `formatChineseDate`
 * (calendar/domain/dates.ts): no value (null, undefined, '') → '', an ISO date (YYYY-MM-DD) → its
 * Chinese form, a value that is neither an existing date nor a timestamp → as it is; never throws.
 * A timestamp gives its day in the browser's time zone.
 */
export function formatChineseDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = ISO_DATE.exec(value);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return toIsoDate(year, month, day) ? `${year}年${month}月${day}日` : value;
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** `formatChineseDate` for display: '—' where there is no date (tables, descriptions). */
export function formatDate(value: string | null | undefined): string {
  return formatChineseDate(value) || '—';
}

/** Formats a timestamp as 2024年3月5日 14:05 in the browser's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${formatDate(value)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Formats an ISO date as 3月5日（周二）, for lists of days within a known year. */
export function formatMonthDayWeekday(iso: string): string {
  const m = ISO_DATE.exec(iso);
  if (!m) return iso;
  const weekday = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
  return `${Number(m[2])}月${Number(m[3])}日（${WEEKDAYS[weekday]}）`;
}

/** YYYY-MM-DD from year, month (1-12) and day; undefined when not a real calendar date. */
export function toIsoDate(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Milliseconds from the browser's clock to the server's (`serverNow − Date.now()`), set when the
 * session loads: a server run at a chosen date (`GONGKAI_CLOCK`) and its console then agree on
 * "today", and a browser whose clock is wrong does not move date defaults or checks.
 */
let serverOffsetMs = 0;

/**
 * Follow the server's clock: `serverNow` is the server's current instant (ISO, from `/api/auth/me` or
 * the login answer) and `receivedAt` the browser time it arrived. Ignores an unreadable value.
 */
export function setServerClock(serverNow: string, receivedAt: number = Date.now()): void {
  const t = Date.parse(serverNow);
  if (!Number.isNaN(t)) serverOffsetMs = t - receivedAt;
}

/** The current instant by the server's clock (the browser's until a session has loaded). */
export function serverNow(): number {
  return Date.now() + serverOffsetMs;
}

/** This year in China by the server's clock. */
export function chinaThisYear(): number {
  return Number(chinaToday().slice(0, 4));
}

/**
 * Today in China (UTC+8, no daylight saving), as YYYY-MM-DD: the server counts deadlines by this day,
 * so date fields default to it and reject later days whatever the browser's time zone. By default
 * the day of the server's clock (`setServerClock`).
 */
export function chinaToday(now: number = serverNow()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}
