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
