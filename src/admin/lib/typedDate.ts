import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';

dayjs.extend(customParseFormat);

/**
 * The dayjs formats of every date field of the console: a chosen date reads like the rest of the UI
 * (2024年3月5日); typed dates are understood as 2024-03-05, 2024-3-5, 2024/3/5, 2024.3.5 or 2024年3月5日.
 */
export const DATE_INPUT_FORMATS = [
  'YYYY年M月D日',
  'YYYY年MM月DD日',
  'YYYY-MM-DD',
  'YYYY-M-D',
  'YYYY/M/D',
  'YYYY/MM/DD',
  'YYYY.M.D',
  'YYYYMMDD',
];

/** The message under a date field whose typed text is not a date. */
export function invalidDateMessage(text: string): string {
  return `无法识别输入的日期“${text}”，日期未修改；请按 2026-12-05 或 2026年12月5日 的格式输入`;
}

/**
 * A typed date: null for blank text, the day for text in one of `DATE_INPUT_FORMATS` that names a
 * real calendar day (2026-02-30 is not), 'invalid' otherwise. Full-width digits and spaces around
 * the text are accepted (an input method may type them).
 */
export function parseTypedDate(text: string): Dayjs | null | 'invalid' {
  const normal = text
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[－—]/g, '-')
    .replace(/／/g, '/')
    .replace(/\s+/g, '');
  if (!normal) return null;
  for (const format of DATE_INPUT_FORMATS) {
    const day = dayjs(normal, format, true);
    if (day.isValid()) return day;
  }
  return 'invalid';
}
