/**
 * Deadlines of a task table (完成时限 / 时间节点): the raw text normalised to an ISO due date and a
 * recurring flag.
 *
 * Rules (documented decisions):
 * - A date with year, month and day is that day; `2023年1月底`, `10月底前`, `10月` → last day of the
 *   month (上旬 → 10th, 中旬 → 20th); `2022年底`, `年底前`, `年内`, `下半年`, `四季度` → 12-31;
 *   `上半年`, `年中`, `二季度` → 06-30; `一季度` → 03-31; `三季度` → 09-30. A month or season
 *   without a year takes the document year; with no document year it yields no date.
 * - When several dates appear (`6月底前启动，12月底前完成`) the latest one is the due date.
 * - `全年` means "all year, continuously": due 12-31 of the document year and recurring.
 * - `长期坚持`, `长期`, `持续`, `常态化`, `定期…`, `每月/每季度/每年/每半年`, `随时`, `及时` → recurring;
 *   combined with a date (`2022年10月底前完成，长期坚持`) the date stays the due date.
 */

export type NormalisedDeadline = { due: string | null; recurring: boolean };

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** '12', '十二', '二十八', '三十一' → number; NaN when not a number. */
export function parseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[〇零一二两三四五六七八九十]+$/.test(text)) return Number.NaN;
  if (!text.includes('十')) {
    // 二〇二一 style: digit by digit.
    let n = 0;
    for (const ch of text) n = n * 10 + (CN_DIGITS[ch] ?? 0);
    return n;
  }
  const [tens, ones] = text.split('十') as [string, string];
  const t = tens === '' ? 1 : (CN_DIGITS[tens] ?? Number.NaN);
  const o = ones === '' ? 0 : (CN_DIGITS[ones] ?? Number.NaN);
  return t * 10 + o;
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string | null {
  if (!(year >= 1900 && year <= 2200 && month >= 1 && month <= 12)) return null;
  if (day < 1 || day > lastDayOfMonth(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const NUM = '(\\d{1,4}|[〇零一二两三四五六七八九十]{1,4})';
const YEAR = '(\\d{4}|[〇零一二三四五六七八九]{4})';

type Found = { date: string; index: number };

const COMPILED = new Map<string, RegExp>();

/**
 * Every date expression in `text`. `strict` (used for requirement texts) ignores a bare year
 * (`2020年`) and bare months, keeping only expressions that read as a deadline (…底/末/前/日).
 */
export function findDates(text: string, docYear: number | null, strict = false): Found[] {
  const s = text.replace(/\s+/g, '');
  const found: Found[] = [];
  const taken: Array<[number, number]> = [];
  const free = (a: number, b: number) => taken.every(([x, y]) => b <= x || a >= y);
  // `date` null: an expression that is not a valid date (2022年13月), which still hides its parts;
  // undefined: not an expression at all in strict mode.
  const add = (index: number, length: number, date: string | null | undefined) => {
    if (date === undefined || !free(index, index + length)) return;
    taken.push([index, index + length]);
    if (date) found.push({ date, index });
  };
  const run = (pattern: string, fn: (m: RegExpExecArray) => string | null | undefined) => {
    if (!/[年月季半]/.test(s)) return;
    let re = COMPILED.get(pattern);
    if (!re) {
      re = new RegExp(pattern, 'g');
      COMPILED.set(pattern, re);
    }
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) add(m.index, m[0].length, fn(m));
  };
  const year = (y: string) => parseNumber(y);
  const monthEnd = (y: number, m: number, part: string | undefined) => {
    if (part === '上旬') return iso(y, m, 10);
    if (part === '中旬') return iso(y, m, 20);
    return iso(y, m, lastDayOfMonth(y, m));
  };
  const season = (y: number, word: string): string | null => {
    if (/上半年|年中|二季度|第二季度/.test(word)) return iso(y, 6, 30);
    if (/一季度|第一季度/.test(word)) return iso(y, 3, 31);
    if (/三季度|第三季度|前三季度/.test(word)) return iso(y, 9, 30);
    return iso(y, 12, 31); // 下半年, 四季度, 年底, 年末, 年内
  };
  // Full dates.
  run(`${YEAR}年${NUM}月${NUM}日`, (m) =>
    iso(year(m[1] as string), parseNumber(m[2] as string), parseNumber(m[3] as string)),
  );
  // Year + month.
  run(`${YEAR}年${NUM}月(上旬|中旬|下旬|底|末|前|份)?`, (m) => {
    if (strict && !m[3]) return undefined;
    return monthEnd(year(m[1] as string), parseNumber(m[2] as string), m[3]);
  });
  // Year + season / year end.
  run(`${YEAR}年(?:第?[一二三四]季度|前三季度|上半年|下半年|年中|年底|年末|底|末|年内)`, (m) =>
    season(year(m[1] as string), m[0].slice(5)),
  );
  if (!strict) run(`${YEAR}年(?:前|内)?`, (m) => iso(year(m[1] as string), 12, 31));
  if (docYear !== null) {
    run(`${NUM}月${NUM}日`, (m) => iso(docYear, parseNumber(m[1] as string), parseNumber(m[2] as string)));
    run(`${NUM}月(上旬|中旬|下旬|底|末|前|份)?`, (m) => {
      if (strict && !m[2]) return undefined;
      return monthEnd(docYear, parseNumber(m[1] as string), m[2]);
    });
    run('(?:第?[一二三四]季度|前三季度|上半年|下半年|年中|年底|年末|年内)', (m) => season(docYear, m[0]));
  }
  return found.sort((a, b) => a.index - b.index);
}

const RECURRING = /全年|长期|持续|常态|定期|每月|每周|每季度|每半年|每年|随时|及时|动态|日常/;

export function normaliseDeadline(raw: string, docYear: number | null): NormalisedDeadline {
  const s = raw.replace(/\s+/g, '');
  const recurring = RECURRING.test(s);
  const dates = findDates(s, docYear).map((f) => f.date);
  if (dates.length > 0) return { due: dates.sort().at(-1) ?? null, recurring };
  if (/全年/.test(s) && docYear !== null) return { due: `${docYear}-12-31`, recurring: true };
  return { due: null, recurring };
}

/** A deadline mentioned in a requirement text (only deadline-like expressions), the latest one. */
export function suggestDue(requirement: string, docYear: number | null): string | null {
  const dates = findDates(requirement, docYear, true).map((f) => f.date);
  return dates.sort().at(-1) ?? null;
}
