/**
 * One input normalisation at the edge, before any schema sees a request: the NUL character (U+0000),
 * which PostgreSQL text cannot hold, is removed from every string of the body, the query and the path
 * parameters, so a form with one pasted in is saved rather than answered with an error (and nothing the
 * citizen typed is lost); the text is also put in Unicode normal form C (what the search and the
 * duplicate checks compare). Other control characters are left to each field's schema.
 */
const NUL = /\u0000/g;

export function normaliseText(v: string): string {
  const s = v.includes('\u0000') ? v.replace(NUL, '') : v;
  return s.normalize('NFC');
}

/** A parsed value with every string normalised (objects and arrays copied only where something changed). */
export function normaliseInput<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return normaliseText(value) as T;
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((x) => {
      const y = normaliseInput(x, depth + 1);
      if (y !== x) changed = true;
      return y;
    });
    return (changed ? out : value) as T;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null)
    return value;
  const entries = Object.entries(value as Record<string, unknown>);
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [k, x] of entries) {
    const key = normaliseText(k);
    const y = normaliseInput(x, depth + 1);
    if (y !== x || key !== k) changed = true;
    out[key] = y;
  }
  return (changed ? out : value) as T;
}
