/**
 * Provisional calendars for years whose 国务院办公厅 notice is not loaded yet.
 *
 * The statutory holidays themselves are fixed by 《全国年节及纪念日放假办法》 (docs/law/holidays.md);
 * only the yearly arrangement (调休: which weekend days become working days, how breaks are joined)
 * comes later by notice. So a year without its notice can still be counted provisionally:
 *
 * - Art. 2 (2024 revision, in force 2025-01-01): 元旦 1 day (1 January); 春节 4 days (除夕 and 初一 to
 *   初三); 清明节 1 day (the day of the solar term); 劳动节 2 days (1 and 2 May); 端午节 1 day (5th of the
 *   5th lunar month); 中秋节 1 day (15th of the 8th lunar month); 国庆节 3 days (1 to 3 October).
 *   Before 2025 (2013 revision, in force 2014-01-01): 春节 3 days (初一 to 初三) and 劳动节 1 day.
 * - Art. 6: a holiday that falls on a Saturday or Sunday is made up on a working day (补假). The notice
 *   says which; provisionally it is the first Monday–Friday after the holiday that is not already off.
 * - No make-up working days: 调休 is only known from the notice. Because 调休 swaps days rather than
 *   adding them, the provisional count of working days in a period is close to the final one, but a
 *   deadline computed on it is only ever shown as provisional (暂定).
 *
 * Lunar dates and the solar term come from `tyme4ts`, not from hand-written tables.
 */
import { LunarDay, SolarTerm } from 'tyme4ts';
import type { Calendar, CalendarYear } from './calendar.ts';
import { dayNumberOf, fromDayNumber, type IsoDate, toDayNumber, weekdayOfDayNumber } from './dates.ts';

/** The first year counted by the 2013 revision; earlier years are never filled provisionally. */
export const FIRST_PROVISIONAL_YEAR = 2014;

interface Festival {
  name: string;
  /** Day numbers of the festival's statutory days off, in order. */
  days: number[];
}

function solarDayNumber(day: { getYear(): number; getMonth(): number; getDay(): number }): number {
  return dayNumberOf(day.getYear(), day.getMonth(), day.getDay());
}

function lunarDayNumber(year: number, month: number, day: number): number {
  return solarDayNumber(LunarDay.fromYmd(year, month, day).getSolarDay());
}

function run(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => first + i);
}

/** The statutory holidays of `year` (Art. 2 of the revision in force that year). */
export function statutoryFestivals(year: number): Festival[] {
  const revised2024 = year >= 2025;
  const newYear = lunarDayNumber(year, 1, 1);
  const qingming = solarDayNumber(SolarTerm.fromName(year, '清明').getJulianDay().getSolarDay());
  return [
    { name: '元旦', days: [dayNumberOf(year, 1, 1)] },
    { name: '春节', days: revised2024 ? run(newYear - 1, 4) : run(newYear, 3) },
    { name: '清明节', days: [qingming] },
    { name: '劳动节', days: run(dayNumberOf(year, 5, 1), revised2024 ? 2 : 1) },
    { name: '端午节', days: [lunarDayNumber(year, 5, 5)] },
    { name: '中秋节', days: [lunarDayNumber(year, 8, 15)] },
    { name: '国庆节', days: run(dayNumberOf(year, 10, 1), 3) },
  ];
}

const isWeekend = (day: number) => {
  const wd = weekdayOfDayNumber(day);
  return wd === 0 || wd === 6;
};

/**
 * A calendar year from the statutory holidays alone (no notice): every statutory day off, and for each
 * one on a weekend a day off on the first free Monday–Friday after its festival (Art. 6), named
 * `<festival>补假`. Marked `provisional: true`.
 */
export function provisionalYear(year: number): CalendarYear {
  if (!Number.isInteger(year) || year < FIRST_PROVISIONAL_YEAR || year > 2999) {
    throw new RangeError(`no provisional calendar for ${year}`);
  }
  const off = new Map<number, string>();
  const festivals = statutoryFestivals(year);
  for (const f of festivals) for (const d of f.days) if (!off.has(d)) off.set(d, f.name);
  const end = dayNumberOf(year + 1, 1, 1);
  for (const f of festivals) {
    let owed = f.days.filter(isWeekend).length;
    let day = (f.days[f.days.length - 1] as number) + 1;
    while (owed > 0 && day < end) {
      if (!isWeekend(day) && !off.has(day)) {
        off.set(day, `${f.name}补假`);
        owed--;
      }
      day++;
    }
  }
  const days = [...off.keys()].sort((a, b) => a - b);
  const names: Record<IsoDate, string> = {};
  for (const d of days) names[fromDayNumber(d)] = off.get(d) as string;
  return {
    year,
    notice: {
      title: `${year}年法定节假日（依《全国年节及纪念日放假办法》推算，暂定）`,
      number: null,
      date: '',
      url: '',
    },
    daysOff: days.map(fromDayNumber),
    makeupWorkdays: [],
    names,
    provisional: true,
  };
}

/**
 * The loaded years plus a provisional year for every missing year from the first loaded year (or
 * 2014, whichever is later) through `throughYear`. Years before the first loaded one stay missing:
 * past arrangements are facts to load, not to estimate.
 */
export function withProvisionalYears(loaded: readonly CalendarYear[], throughYear: number): CalendarYear[] {
  const have = new Set(loaded.map((y) => y.year));
  const first = Math.max(FIRST_PROVISIONAL_YEAR, Math.min(...loaded.map((y) => y.year), throughYear));
  const out = [...loaded];
  for (let y = first; y <= throughYear; y++) if (!have.has(y)) out.push(provisionalYear(y));
  return out.sort((a, b) => a.year - b.year);
}

/** Provisional years whose days lie between two dates (inclusive, either order), ascending. */
export function provisionalYearsBetween(calendar: Calendar, a: IsoDate, b: IsoDate): number[] {
  const from = Math.min(toDayNumber(a), toDayNumber(b));
  const to = Math.max(toDayNumber(a), toDayNumber(b));
  const fromYear = fromDayNumber(from).slice(0, 4);
  const toYear = fromDayNumber(to).slice(0, 4);
  return calendar.provisionalYears().filter((y) => y >= Number(fromYear) && y <= Number(toYear));
}

/** "暂定（2027年放假安排尚未录入）" — the one wording for a provisional date, wherever it is shown. */
export function provisionalNote(years: readonly number[]): string {
  return `暂定（${years.map((y) => `${y}年`).join('、')}放假安排尚未录入）`;
}
