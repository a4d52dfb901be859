const CHINA_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in China (UTC+8) as `YYYY-MM-DD`, whatever the server's own time zone. */
export function chinaToday(now: Date = new Date()): string {
  return CHINA_DATE.format(now);
}
