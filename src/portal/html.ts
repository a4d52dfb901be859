/**
 * Minimal, dependency-free HTML templating for server-rendered portal pages.
 *
 * `html`...`` escapes every interpolated value unless it is already an `Html` fragment (produced by
 * `html` itself or by `raw()`). Arrays are rendered element by element, so lists of fragments can be
 * interpolated directly. `null`, `undefined` and booleans render nothing, so `${cond && html`...`}`
 * works as expected.
 */

/** A trusted HTML fragment. Only create one through `html`...`` or `raw()`. */
export class Html {
  readonly value: string;

  constructor(value: string) {
    this.value = value;
  }

  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | bigint | boolean | null | undefined | readonly HtmlValue[];

const NEEDS_ESCAPE = /[&<>"']/;
const ESCAPE_ALL = /[&<>"']/g;
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for use in HTML element content and in double- or single-quoted attribute values. */
export function escapeHtml(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPE_ALL, (ch) => ENTITIES[ch] ?? ch) : text;
}

/** Marks a string as trusted HTML. Never pass user-controlled input. */
export function raw(trusted: string): Html {
  return new Html(trusted);
}

function renderValue(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || typeof value === 'boolean') return '';
  if (Array.isArray(value)) {
    let out = '';
    for (const item of value as readonly HtmlValue[]) out += renderValue(item);
    return out;
  }
  return escapeHtml(String(value));
}

/** Tagged template producing an `Html` fragment with all interpolations escaped. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    out += renderValue(values[i]);
    out += strings[i + 1] ?? '';
  }
  return new Html(out);
}

/** Joins fragments (or escaped text) into one fragment, optionally with a trusted separator. */
export function join(items: readonly HtmlValue[], separator: Html = new Html('')): Html {
  let out = '';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += separator.value;
    out += renderValue(items[i]);
  }
  return new Html(out);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `'2024-03-05'` → `'2024年3月5日'`. Throws a RangeError for anything but a valid `YYYY-MM-DD` date. */
export function formatDateZh(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`Invalid ISO date: ${JSON.stringify(isoDate)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`Invalid ISO date: ${JSON.stringify(isoDate)}`);
  }
  return `${year}年${month}月${day}日`;
}
