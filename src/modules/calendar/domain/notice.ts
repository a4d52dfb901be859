/**
 * Reads the yearly State Council holiday notice (国务院办公厅关于20XX年部分节假日安排的通知) into days off
 * and make-up working days. Pure: no I/O, no clock.
 *
 * Public surface (used by `calendar parse-notice`, `calendar load-notice` and the admin paste/upload page):
 *
 *   parseHolidayNotice(text: string): NoticeParseResult
 *     → { ok: true, year, daysOff, workdays, names, notice: { title, number, date }, holidays }
 *     | { ok: false, errors: string[] }            (Chinese messages quoting the sentence concerned)
 *     `daysOff`/`workdays` are sorted ISO dates and may include days of the previous year
 *     (e.g. 元旦 "2022年12月31日至2023年1月2日" gives 2022-12-31 in the 2023 notice).
 *
 *   toCalendarYears(result: NoticeParsed, url?: string): NoticeCalendarYears
 *     → { current: CalendarYear (the notice's year, only its own dates),
 *         previous: PreviousYearDays | null (days of the previous year, to merge into that entry),
 *         missing: string[] (Chinese notes on metadata the caller must still supply: date, url) }
 *
 *   mergePreviousYearDays(entry: CalendarYear, extra: PreviousYearDays): CalendarYear
 *     → the previous year's entry with the extra days added (the notice wins a conflict).
 *
 *   diffCalendarYear(before: CalendarYear | undefined, after: CalendarYear): CalendarYearDiff
 *     → { year, addedDaysOff, removedDaysOff, addedWorkdays, removedWorkdays, changed }
 *
 * How a notice is read: the text is normalised (NFKC, so full-width digits and punctuation become
 * ASCII; all spaces removed; lines broken inside a sentence joined). The year comes from the title
 * and/or "现将20XX年……通知如下"; the items are the lines "一、元旦：……". In each item every sentence
 * with a date is read as groups of dates joined by 至 (a range) or 、 (a list), each group followed by
 * what it is: 放假/补休/公休 (days off) or 上班 (make-up working days). Dates without a year belong to
 * the notice's year; a missing month or year is taken from the previous date of the same sentence
 * ("1月1日至3日", "2月20日（星期六）、21日（星期日）上班"). Sentences that only encourage (鼓励……除夕休息)
 * are not official days off and are skipped.
 *
 * Cross-checks (a failed check refuses the notice, it never guesses): the weekday in parentheses
 * matches the date; "共N天"/"放假N天" equals the days read from the sentence; a make-up working day is a
 * Saturday or Sunday; a 补休 day is a weekday; "与周末连休" is said of a Monday or a Friday; a range
 * runs forward and lasts at most 14 days; items are numbered 一、二、三… without gaps and name the
 * national holidays (元旦、春节、清明节、劳动节、端午节、中秋节、国庆节), each of which is present; no date
 * is listed twice or as both a day off and a working day; explicit years are the notice's year or the
 * one before.
 */
import type { CalendarYear } from './calendar.ts';
import {
  chineseWeekday,
  dayNumberOf,
  daysInMonth,
  formatChineseDate,
  fromDayNumber,
  type IsoDate,
  isIsoDate,
  weekdayOfDayNumber,
} from './dates.ts';

/** One numbered item of the notice as it was read. */
export interface NoticeHoliday {
  /** The item's holiday name as written, e.g. `元旦`, `中秋节、国庆节`. */
  name: string;
  /** The item as read (full-width punctuation), e.g. `一、元旦：1月1日至3日放假调休，共3天。` */
  sentence: string;
  daysOff: IsoDate[];
  workdays: IsoDate[];
}

export interface NoticeMeta {
  /** `国务院办公厅关于2027年部分节假日安排的通知` */
  title: string;
  /** `国办发明电〔2026〕8号`, or null when the text does not carry it. */
  number: string | null;
  /** Signing date (国务院办公厅 + date at the end; else 成文日期/发布日期), or null. */
  date: IsoDate | null;
}

export interface NoticeParsed {
  ok: true;
  year: number;
  /** Every day off, weekend days inside a range included, previous-year days included; sorted. */
  daysOff: IsoDate[];
  /** Make-up working days (调休上班), previous-year days included; sorted. */
  workdays: IsoDate[];
  /** Holiday name of every listed date (days off and working days). */
  names: Record<IsoDate, string>;
  notice: NoticeMeta;
  holidays: NoticeHoliday[];
}

export interface NoticeRefused {
  ok: false;
  /** Chinese messages; each names the sentence it is about. */
  errors: string[];
}

export type NoticeParseResult = NoticeParsed | NoticeRefused;

/** Days of the previous year found in a notice (e.g. 2022-12-31 in the 2023 notice). */
export interface PreviousYearDays {
  year: number;
  daysOff: IsoDate[];
  makeupWorkdays: IsoDate[];
  names: Record<IsoDate, string>;
}

export interface NoticeCalendarYears {
  /** The notice's own year, ready for `validateCalendarYear` once `missing` is empty. */
  current: CalendarYear;
  /** Days of the previous year, to merge into the stored previous-year entry; null when none. */
  previous: PreviousYearDays | null;
  /** Chinese notes on what the caller must still supply (signing date, web address). */
  missing: string[];
}

export interface CalendarYearDiff {
  year: number;
  addedDaysOff: IsoDate[];
  removedDaysOff: IsoDate[];
  addedWorkdays: IsoDate[];
  removedWorkdays: IsoDate[];
  changed: boolean;
}

/** The national holidays a yearly notice arranges (《全国年节及纪念日放假办法》第二条). */
export const NOTICE_HOLIDAYS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;

const NOT_A_NOTICE = '这不是国务院办公厅节假日安排通知';
const MAX_RANGE_DAYS = 14;

// ------------------------------------------------------------------------------------------- text

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  '○': 0,
  零: 0,
  O: 0,
  '0': 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 一 … 九十九 → number; null for anything else. */
function chineseNumber(text: string): number | null {
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (m === null || text === '') return null;
  const [, tens, ten, ones] = m;
  if (ten === '') return tens === '' || ones !== '' ? null : (CN_DIGITS[tens as string] ?? null);
  return (
    (tens === '' ? 1 : (CN_DIGITS[tens as string] as number)) * 10 +
    (ones === '' ? 0 : (CN_DIGITS[ones as string] as number))
  );
}

/** 1 … 99 → 一 … 九十九. */
function chineseNumeral(n: number): string {
  const d = '〇一二三四五六七八九';
  if (n < 10) return d[n] as string;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : d[tens]}十${n % 10 === 0 ? '' : d[n % 10]}`;
}

/** 二〇二四 → 2024 (digit by digit). */
function chineseYear(text: string): number | null {
  let value = 0;
  for (const ch of text) {
    const d = CN_DIGITS[ch];
    if (d === undefined) return null;
    value = value * 10 + d;
  }
  return value;
}

const ITEM_START = /^([一二三四五六七八九十]{1,3})、([^:。\n]{1,24}):/;

/**
 * NFKC (full-width digits/punctuation → ASCII), no spaces, one line per paragraph: a line that does
 * not end a sentence is joined with the next unless the next starts a numbered item.
 */
function normalise(text: string): string[] {
  const flat = text
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[^\S\n]+/g, '')
    .replace(/\[(\d{4})\]/g, '〔$1〕')
    // "……如下。一、元旦：……。二、春节：……" pasted as one line: each item starts a line.
    .replace(/([。:])(?=[一二三四五六七八九十]{1,3}、[^:。\n]{1,24}:)/g, '$1\n');
  const lines: string[] = [];
  let current = '';
  for (const line of flat.split('\n')) {
    if (line === '') continue;
    if (current !== '' && (/[。!?;]$/.test(current) || ITEM_START.test(line))) {
      lines.push(current);
      current = '';
    }
    current += line;
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** Normalised text shown back to users with Chinese punctuation. */
function display(text: string): string {
  return text
    .replace(/,/g, '，')
    .replace(/:/g, '：')
    .replace(/;/g, '；')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

// ------------------------------------------------------------------------------------------- dates

interface DateToken {
  start: number;
  end: number;
  raw: string;
  year: number | null;
  month: number | null;
  day: number;
  /** Weekday written next to the date (`周六`, `星期日`), or null. */
  weekday: string | null;
}

const DATE_RE =
  /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^()]*)\)|((?:星期|周|礼拜)[一二三四五六日天]))?/g;
const WEEKDAY_RE = /(?:星期|周|礼拜)([一二三四五六日天])/;
const WEEKDAY_INDEX: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

function scanDates(sentence: string): DateToken[] {
  const tokens: DateToken[] = [];
  for (const m of sentence.matchAll(DATE_RE)) {
    const paren = m[4] ?? m[5] ?? '';
    const weekday = WEEKDAY_RE.exec(paren)?.[0] ?? null;
    tokens.push({
      start: m.index,
      end: m.index + m[0].length,
      raw: m[0],
      year: m[1] === undefined ? null : Number(m[1]),
      month: m[2] === undefined ? null : Number(m[2]),
      day: Number(m[3]),
      weekday,
    });
  }
  return tokens;
}

/** A problem with one sentence; turned into a message naming the item and the sentence. */
class SentenceError extends Error {}

interface ResolvedDate {
  iso: IsoDate;
  day: number;
}

function resolveDate(
  token: DateToken,
  noticeYear: number,
  previous: { year: number; month: number } | null,
): { date: ResolvedDate; year: number; month: number } {
  const month = token.month ?? previous?.month ?? null;
  if (month === null) throw new SentenceError(`“${display(token.raw)}”没有写月份`);
  const year = token.year ?? (token.month === null ? (previous?.year ?? noticeYear) : noticeYear);
  if (year !== noticeYear && year !== noticeYear - 1) {
    throw new SentenceError(
      `“${display(token.raw)}”的年份${year}年不是本通知的${noticeYear}年（或元旦前的${noticeYear - 1}年）`,
    );
  }
  if (month < 1 || month > 12 || token.day < 1 || token.day > daysInMonth(year, month)) {
    throw new SentenceError(`${year}年${month}月${token.day}日不是有效日期`);
  }
  const day = dayNumberOf(year, month, token.day);
  if (token.weekday !== null) {
    const written = WEEKDAY_INDEX[token.weekday.slice(-1)];
    if (written !== weekdayOfDayNumber(day)) {
      const iso = fromDayNumber(day);
      throw new SentenceError(
        `${year}年${month}月${token.day}日是${chineseWeekday(iso)}，括号中却写作“${token.weekday}”`,
      );
    }
  }
  return { date: { iso: fromDayNumber(day), day }, year, month };
}

const RANGE_JOIN = /^(?:至|到|-|~|〜|—|–)$/;
const LIST_JOIN = /^(?:、|,|和|及)$/;
const WORK_TAIL = /^[,、]?(?:调休|照常)?上班/;
const OFF_TAIL = /^[,、]?(?:放假|补休|公休|休息|休假)/;
const COUNT_RE = /(?:共|放假)(\d+)天/g;

interface SentenceDays {
  daysOff: ResolvedDate[];
  workdays: ResolvedDate[];
}

/** Reads one sentence of an item (see the file header for the grammar). */
function readSentence(sentence: string, tokens: DateToken[], noticeYear: number): SentenceDays {
  const result: SentenceDays = { daysOff: [], workdays: [] };
  let previous: { year: number; month: number } | null = null;
  let i = 0;
  while (i < tokens.length) {
    // One group: date (至 date)? ((、|,) date (至 date)?)*
    const parts: { from: ResolvedDate; to: ResolvedDate; fromToken: DateToken }[] = [];
    let tail = '';
    while (i < tokens.length) {
      const token = tokens[i] as DateToken;
      const from = resolveDate(token, noticeYear, previous);
      previous = { year: from.year, month: from.month };
      let to = from;
      let last = token;
      const next = tokens[i + 1];
      if (next !== undefined && RANGE_JOIN.test(sentence.slice(token.end, next.start))) {
        to = resolveDate(next, noticeYear, previous);
        previous = { year: to.year, month: to.month };
        last = next;
        i++;
        if (to.date.day < from.date.day) {
          throw new SentenceError(`“${display(token.raw)}至${display(next.raw)}”的结束日期早于开始日期`);
        }
        if (to.date.day - from.date.day + 1 > MAX_RANGE_DAYS) {
          throw new SentenceError(
            `“${display(token.raw)}至${display(next.raw)}”长达${to.date.day - from.date.day + 1}天，不像是一个节日的假期`,
          );
        }
      }
      parts.push({ from: from.date, to: to.date, fromToken: token });
      i++;
      const after = tokens[i];
      const between = sentence.slice(last.end, after === undefined ? sentence.length : after.start);
      if (after !== undefined && LIST_JOIN.test(between)) continue;
      if (after !== undefined && RANGE_JOIN.test(between)) {
        throw new SentenceError(`“${display(sentence.slice(token.start, after.end))}”连用了两个“至”`);
      }
      tail = between;
      break;
    }
    const groupText = display(
      sentence.slice((parts[0] as (typeof parts)[number]).fromToken.start, sentence.length - tail.length),
    );
    const days: ResolvedDate[] = [];
    for (const p of parts) {
      for (let d = p.from.day; d <= p.to.day; d++) days.push({ iso: fromDayNumber(d), day: d });
    }
    if (WORK_TAIL.test(tail)) {
      for (const d of days) {
        const wd = weekdayOfDayNumber(d.day);
        if (wd !== 0 && wd !== 6) {
          throw new SentenceError(
            `调休上班日${formatChineseDate(d.iso)}是${chineseWeekday(d.iso)}，不是周六或周日`,
          );
        }
      }
      result.workdays.push(...days);
    } else if (OFF_TAIL.test(tail)) {
      if (/^[,、]?补休/.test(tail)) {
        for (const d of days) {
          const wd = weekdayOfDayNumber(d.day);
          if (wd === 0 || wd === 6) {
            throw new SentenceError(
              `补休日${formatChineseDate(d.iso)}是${chineseWeekday(d.iso)}，补休应在工作日`,
            );
          }
        }
      }
      if (/与周末连休/.test(tail) && days.length === 1) {
        const d = days[0] as ResolvedDate;
        const wd = weekdayOfDayNumber(d.day);
        if (wd !== 1 && wd !== 5) {
          throw new SentenceError(`${formatChineseDate(d.iso)}是${chineseWeekday(d.iso)}，不能“与周末连休”`);
        }
      }
      result.daysOff.push(...days);
    } else {
      throw new SentenceError(`看不出“${groupText}”是放假还是上班`);
    }
  }
  const counts = [...sentence.matchAll(COUNT_RE)].map((m) => Number(m[1]));
  for (const count of counts) {
    if (count !== result.daysOff.length) {
      throw new SentenceError(`写明共${count}天，但所列放假日期共${result.daysOff.length}天`);
    }
  }
  return result;
}

// ------------------------------------------------------------------------------------ the notice

interface Item {
  index: number;
  marker: string;
  name: string;
  lines: string[];
}

function findItems(lines: string[]): Item[] {
  const items: Item[] = [];
  for (const line of lines) {
    const m = ITEM_START.exec(line);
    if (m !== null) {
      items.push({
        index: chineseNumber(m[1] as string) ?? 0,
        marker: m[1] as string,
        name: m[2] as string,
        lines: [line.slice(m[0].length)],
      });
    } else if (items.length > 0) {
      (items[items.length - 1] as Item).lines.push(line);
    }
  }
  return items;
}

function findYear(joined: string, errors: string[]): number | null {
  const title = /国务院办公厅关于(\d{4})年部分节假日安排的通知/.exec(joined);
  const anyTitle = /关于(\d{4})年部分节假日安排的通知/.exec(joined);
  const body = /现将(\d{4})年[^。]{0,80}?(?:放假|安排)/.exec(joined);
  const byState = title !== null || /经(?:党中央、)?国务院批准/.test(joined);
  const titleYear = title?.[1] ?? anyTitle?.[1];
  if (!byState || (titleYear === undefined && body === null)) {
    errors.push(
      `${NOT_A_NOTICE}：没有找到“国务院办公厅关于XXXX年部分节假日安排的通知”这样的标题，也没有找到“经国务院批准，现将XXXX年……放假调休日期的具体安排通知如下”这样的句子。`,
    );
    return null;
  }
  if (titleYear !== undefined && body !== null && titleYear !== body[1]) {
    errors.push(
      `标题说的是${titleYear}年，正文“${display(body[0])}”说的却是${body[1]}年，无法确定是哪一年的安排。`,
    );
    return null;
  }
  return Number(titleYear ?? body?.[1]);
}

function findNumber(joined: string): string | null {
  const m = /国办发(明电)?[〔(【]\s*(\d{4})\s*[〕)】](\d{1,3})号/.exec(joined);
  return m === null ? null : `国办发${m[1] ?? ''}〔${m[2]}〕${m[3]}号`;
}

function isoOf(year: number, month: number, day: number): IsoDate | null {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

function findSigningDate(joined: string, year: number): IsoDate | null {
  const candidates: (IsoDate | null)[] = [];
  for (const m of joined.matchAll(/国务院办公厅(\d{4})年(\d{1,2})月(\d{1,2})日/g)) {
    candidates.push(isoOf(Number(m[1]), Number(m[2]), Number(m[3])));
  }
  for (const m of joined.matchAll(
    /国务院办公厅([〇○零O0一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/g,
  )) {
    const y = chineseYear(m[1] as string);
    const mo = chineseNumber(m[2] as string);
    const d = chineseNumber(m[3] as string);
    candidates.push(y === null || mo === null || d === null ? null : isoOf(y, mo, d));
  }
  let signed = candidates.filter((c): c is IsoDate => c !== null).pop() ?? null;
  if (signed === null) {
    const meta = /(?:成文日期|发布日期):?(\d{4})[年\-/.](\d{1,2})[月\-/.](\d{1,2})/.exec(joined);
    if (meta !== null) signed = isoOf(Number(meta[1]), Number(meta[2]), Number(meta[3]));
  }
  if (signed === null) return null;
  const signedYear = Number(signed.slice(0, 4));
  return signedYear >= year - 2 && signedYear <= year ? signed : null;
}

function knownHolidays(name: string): string[] | null {
  const parts = name.split(/[、和与及]/);
  const known = NOTICE_HOLIDAYS as readonly string[];
  return parts.every((p) => known.includes(p)) ? parts : null;
}

/** Reads a holiday notice. See the file header for what is read and checked. */
export function parseHolidayNotice(text: string): NoticeParseResult {
  const errors: string[] = [];
  const lines = normalise(typeof text === 'string' ? text : '');
  if (lines.length === 0) return { ok: false, errors: [`${NOT_A_NOTICE}：内容为空。`] };
  const joined = lines.join('');
  const year = findYear(joined, errors);
  const items = findItems(lines);
  if (items.length === 0) {
    errors.push(`${NOT_A_NOTICE}：没有找到“一、元旦：……”这样按节日编号的放假安排。`);
  }
  if (year === null || errors.length > 0) return { ok: false, errors };

  const holidays: NoticeHoliday[] = [];
  const seen = new Map<IsoDate, { name: string; kind: 'off' | 'work' }>();
  const covered = new Set<string>();
  items.forEach((item, n) => {
    const label = `第${item.marker}项“${item.name}”`;
    const expected = n === 0 ? 1 : (items[n - 1] as Item).index + 1;
    if (item.index !== expected) {
      errors.push(`${label}的编号不连续（应为第${chineseNumeral(expected)}项），通知可能不完整。`);
    }
    const parts = knownHolidays(item.name);
    if (parts === null) {
      errors.push(`${label}不是全国性节假日（应为${NOTICE_HOLIDAYS.join('、')}）。`);
      return;
    }
    for (const p of parts) covered.add(p);
    const isLast = n === items.length - 1;
    const sentences = item.lines.flatMap((l) => l.split(/(?<=。)/)).filter((s) => s !== '');
    const read: string[] = [];
    const daysOff: ResolvedDate[] = [];
    const workdays: ResolvedDate[] = [];
    for (const sentence of sentences) {
      if (sentence.startsWith('国务院办公厅')) break;
      const tokens = scanDates(sentence);
      if (tokens.length === 0) {
        if (isLast && read.length > 0) break;
        continue;
      }
      read.push(sentence);
      if (sentence.includes('鼓励')) continue; // encouraged, not an official day off (2024: 除夕)
      try {
        const days = readSentence(sentence, tokens, year);
        daysOff.push(...days.daysOff);
        workdays.push(...days.workdays);
      } catch (error) {
        if (!(error instanceof SentenceError)) throw error;
        errors.push(`${label}中的“${display(sentence)}”无法读取：${error.message}。`);
      }
    }
    const sentenceText = display(`${item.marker}、${item.name}:${read.join('')}`);
    if (daysOff.length === 0 && !errors.some((e) => e.startsWith(label))) {
      errors.push(`${label}中没有读到放假日期：“${sentenceText}”。`);
    }
    for (const [list, kind] of [
      [daysOff, 'off'],
      [workdays, 'work'],
    ] as const) {
      for (const d of list) {
        const earlier = seen.get(d.iso);
        if (earlier !== undefined) {
          errors.push(
            earlier.kind === kind
              ? `${formatChineseDate(d.iso)}在“${earlier.name}”和“${item.name}”中重复出现：“${sentenceText}”。`
              : `${formatChineseDate(d.iso)}不能既放假又上班：“${sentenceText}”。`,
          );
        } else {
          seen.set(d.iso, { name: item.name, kind });
        }
      }
    }
    holidays.push({
      name: item.name,
      sentence: sentenceText,
      daysOff: daysOff.map((d) => d.iso).sort(),
      workdays: workdays.map((d) => d.iso).sort(),
    });
  });
  const absent = NOTICE_HOLIDAYS.filter((h) => !covered.has(h));
  if (errors.length === 0 && absent.length > 0) {
    errors.push(`通知中缺少${absent.join('、')}的放假安排，内容可能不完整。`);
  }
  if (errors.length > 0) return { ok: false, errors };

  const names: Record<IsoDate, string> = {};
  const daysOff: IsoDate[] = [];
  const workdays: IsoDate[] = [];
  for (const [iso, { name, kind }] of [...seen].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    names[iso] = name;
    (kind === 'off' ? daysOff : workdays).push(iso);
  }
  return {
    ok: true,
    year,
    daysOff,
    workdays,
    names,
    notice: {
      title: `国务院办公厅关于${year}年部分节假日安排的通知`,
      number: findNumber(joined),
      date: findSigningDate(joined, year),
    },
    holidays,
  };
}

// ------------------------------------------------------------------------------ calendar entries

function pick(names: Record<IsoDate, string>, dates: readonly IsoDate[]): Record<IsoDate, string> {
  const out: Record<IsoDate, string> = {};
  for (const d of dates) {
    const name = names[d];
    if (name !== undefined) out[d] = name;
  }
  return out;
}

/**
 * The calendar entries a parsed notice gives: `current` (the notice's year, only its own dates) and
 * `previous` (days of the year before, e.g. 2022-12-31 of 元旦 2023, for the caller to merge into the
 * stored previous-year entry with `mergePreviousYearDays`). `missing` lists in Chinese what the caller
 * must still supply before `validateCalendarYear(current)` passes (the signing date when the text had
 * none, the web address when `url` is not given).
 */
export function toCalendarYears(result: NoticeParsed, url = ''): NoticeCalendarYears {
  const own = (d: IsoDate) => Number(d.slice(0, 4)) === result.year;
  const daysOff = result.daysOff.filter(own);
  const makeupWorkdays = result.workdays.filter(own);
  const prevOff = result.daysOff.filter((d) => !own(d));
  const prevWork = result.workdays.filter((d) => !own(d));
  const missing: string[] = [];
  if (result.notice.date === null) missing.push('通知中没有找到成文日期，请补充通知日期。');
  if (!/^https?:\/\/\S+$/.test(url))
    missing.push('请填写通知在中国政府网上的网址（以http://或https://开头）。');
  return {
    current: {
      year: result.year,
      notice: {
        title: result.notice.title,
        number: result.notice.number,
        date: result.notice.date ?? '',
        url,
      },
      daysOff,
      makeupWorkdays,
      names: pick(result.names, [...daysOff, ...makeupWorkdays]),
    },
    previous:
      prevOff.length + prevWork.length === 0
        ? null
        : {
            year: result.year - 1,
            daysOff: prevOff,
            makeupWorkdays: prevWork,
            names: pick(result.names, [...prevOff, ...prevWork]),
          },
    missing,
  };
}

/**
 * The previous year's entry with the days a later notice adds (e.g. 2022-12-31 from the 2023 notice).
 * The notice wins a conflict: a date it lists as a day off leaves the make-up working days and vice
 * versa. Lists stay sorted; the entry's own notice is kept.
 */
export function mergePreviousYearDays(entry: CalendarYear, extra: PreviousYearDays): CalendarYear {
  const off = new Set(entry.daysOff);
  const work = new Set(entry.makeupWorkdays);
  for (const d of extra.daysOff) {
    off.add(d);
    work.delete(d);
  }
  for (const d of extra.makeupWorkdays) {
    work.add(d);
    off.delete(d);
  }
  const names = { ...(entry.names ?? {}), ...extra.names };
  const daysOff = [...off].sort();
  const makeupWorkdays = [...work].sort();
  return { ...entry, daysOff, makeupWorkdays, names: pick(names, [...daysOff, ...makeupWorkdays].sort()) };
}

/** What saving `after` would change compared with the stored `before` (undefined: nothing stored). */
export function diffCalendarYear(before: CalendarYear | undefined, after: CalendarYear): CalendarYearDiff {
  const minus = (a: readonly IsoDate[], b: readonly IsoDate[]) => {
    const exclude = new Set(b);
    return [...new Set(a)].filter((d) => !exclude.has(d)).sort();
  };
  const oldOff = before?.daysOff ?? [];
  const oldWork = before?.makeupWorkdays ?? [];
  const diff = {
    year: after.year,
    addedDaysOff: minus(after.daysOff, oldOff),
    removedDaysOff: minus(oldOff, after.daysOff),
    addedWorkdays: minus(after.makeupWorkdays, oldWork),
    removedWorkdays: minus(oldWork, after.makeupWorkdays),
  };
  const changed =
    diff.addedDaysOff.length +
      diff.removedDaysOff.length +
      diff.addedWorkdays.length +
      diff.removedWorkdays.length >
    0;
  return { ...diff, changed };
}
