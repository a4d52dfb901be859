// Parses the day lists a clerk types or pastes from a State Council holiday notice.
// Accepted per line (several per line when separated by commas, 、 or ；):
//   2026-10-01   2026/10/1   2026年10月1日   10月1日 (year taken from the form)
//   ranges: 2026-10-01至2026-10-08, 10月1日至8日, 2026-10-01 ~ 2026-10-08
// Weekday notes in brackets such as （周四） are ignored.

import { toIsoDate } from './format.ts';

export interface DateListResult {
  dates: string[];
  errors: string[];
}

const MAX_RANGE_DAYS = 31;
const DATE = String.raw`(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?`;
const END = String.raw`(?:(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*)?(\d{1,2})\s*日?`;
const CONNECTOR = String.raw`\s*(?:至|到|~|～|—|–)\s*`;
const ENTRY = new RegExp(`${DATE}(?:${CONNECTOR}${END})?`, 'g');
const BRACKETS = /[（(][^）)]*[）)]/g;
const LEFTOVER_OK = /^[\s,，、;；。]*$/;

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function parseDateList(text: string, defaultYear: number | undefined): DateListResult {
  const dates = new Set<string>();
  const errors: string[] = [];
  const lines = text.split(/\r?\n/);

  lines.forEach((rawLine, index) => {
    const line = rawLine.replace(BRACKETS, ' ');
    if (!line.trim()) return;
    const where = `第${index + 1}行`;
    let leftover = line;

    for (const m of line.matchAll(ENTRY)) {
      leftover = leftover.replace(m[0], ' ');
      const year = m[1] ? Number(m[1]) : defaultYear;
      if (year === undefined) {
        errors.push(`${where}“${m[0].trim()}”没有年份，请先填写年度`);
        continue;
      }
      const start = toIsoDate(year, Number(m[2]), Number(m[3]));
      if (!start) {
        errors.push(`${where}“${m[0].trim()}”不是有效日期`);
        continue;
      }
      if (m[6] === undefined) {
        dates.add(start);
        continue;
      }
      const endYear = m[4] ? Number(m[4]) : year;
      const endMonth = m[5] ? Number(m[5]) : Number(m[2]);
      const end = toIsoDate(endYear, endMonth, Number(m[6]));
      if (!end || end < start) {
        errors.push(`${where}“${m[0].trim()}”的起止日期有误`);
        continue;
      }
      const days: string[] = [];
      for (let d = start; d <= end && days.length <= MAX_RANGE_DAYS; d = addDays(d, 1)) days.push(d);
      if (days.length > MAX_RANGE_DAYS) {
        errors.push(`${where}“${m[0].trim()}”跨度超过${MAX_RANGE_DAYS}天，请检查`);
        continue;
      }
      for (const d of days) dates.add(d);
    }

    if (!LEFTOVER_OK.test(leftover)) errors.push(`${where}有无法识别的内容：“${leftover.trim()}”`);
  });

  return { dates: [...dates].sort(), errors };
}
