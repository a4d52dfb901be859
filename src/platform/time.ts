/**
 * The platform's one clock. Everything that asks "what day is it" (deadlines, overdue flags,
 * reminders, demo data, defaults of date fields) asks here, never `new Date()` directly, so that
 * tests, the demo and a staging server can run at a chosen date (`GONGKAI_CLOCK`, read in
 * `config.ts`).
 *
 * A set clock starts at the given instant and then runs on in real time (so that the order of
 * events and session expiry keep working); the system clock is the default.
 */

const CHINA_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The date in China (UTC+8) of an instant, as `YYYY-MM-DD`, whatever the server's own time zone. */
export function chinaDateOf(instant: Date): string {
  return CHINA_DATE.format(instant);
}

/** Milliseconds to add to the system time; 0 for the system clock. */
let offsetMs = 0;

/**
 * Parses a `GONGKAI_CLOCK` value: a date (`2026-03-16`, taken as 09:00 China time) or an ISO
 * date-time with a zone (`2026-03-16T10:00:00+08:00`). Returns null for anything else.
 */
export function parseClockStart(value: string): Date | null {
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T09:00:00+08:00` : value;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return null;
  const d = new Date(text);
  if (Number.isNaN(d.getTime())) return null;
  // Reject dates that do not exist (2026-02-30 would roll over silently).
  if (chinaDateOf(d) !== text.slice(0, 10) && /^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  return d;
}

/** Start the clock at `start` (it then runs on); `null` returns to the system clock. */
export function setClock(start: Date | null): void {
  offsetMs = start === null ? 0 : start.getTime() - Date.now();
}

/** The current instant by the platform's clock. */
export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Today's date in China by the platform's clock, as `YYYY-MM-DD`. */
export function chinaToday(): string {
  return chinaDateOf(now());
}
