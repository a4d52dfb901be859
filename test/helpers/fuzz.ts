/**
 * The generated fuzz test's machinery (issue 18, item 7): every operation of `/api/openapi.json`, valid
 * values derived from its schemas, hostile values (fast-check, fixed seed) put in one place at a time,
 * and the check every answer must pass: never a 5xx; a 4xx says why in Chinese, without a stack.
 * New routes are covered without touching the tests: they appear in the OpenAPI document.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { UploadSpec } from '../../src/platform/http/upload.ts';
import { createTestApp, type TestApp } from './app.ts';

/** The part of JSON Schema (as `@fastify/swagger` writes it) the generator reads. */
export type Schema = {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  minItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  default?: unknown;
};

export type Operation = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path, `/api/orgs/{id}`. */
  path: string;
  params: Record<string, Schema>;
  query: Record<string, Schema>;
  requiredQuery: string[];
  body: Schema | null;
  upload: UploadSpec | null;
};

type OpenApiParameter = { in: string; name: string; required?: boolean; schema?: Schema };
type OpenApiOperation = {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  'x-upload'?: UploadSpec;
};

/** Every operation of the app's OpenAPI document (HEAD and OPTIONS left out). */
export async function operations(app: FastifyInstance): Promise<Operation[]> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(res.statusCode, 200);
  const doc = res.json() as { paths: Record<string, Record<string, OpenApiOperation>> };
  const ops: Operation[] = [];
  for (const [path, byMethod] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(byMethod)) {
      const method = m.toUpperCase();
      if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
      const params: Record<string, Schema> = {};
      const query: Record<string, Schema> = {};
      const requiredQuery: string[] = [];
      for (const p of op.parameters ?? []) {
        if (p.in === 'path') params[p.name] = p.schema ?? { type: 'string' };
        if (p.in === 'query') {
          query[p.name] = p.schema ?? { type: 'string' };
          if (p.required) requiredQuery.push(p.name);
        }
      }
      // Path parameters a route declares without a schema are still in the path.
      for (const [, name] of path.matchAll(/\{(\w+)\}/g)) params[name as string] ??= { type: 'string' };
      ops.push({
        method: method as Operation['method'],
        path,
        params,
        query,
        requiredQuery,
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
        upload: op['x-upload'] ?? null,
      });
    }
  }
  return ops.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** A value the schema accepts, the same every time (a hostile value replaces one of them). */
export function validValue(s: Schema | undefined, name = ''): unknown {
  if (!s) return '测试';
  if ('const' in s) return s.const;
  if (s.enum?.length) return s.enum[0];
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) {
    const first = alternatives.find((a) => a.type !== 'null') ?? alternatives[0];
    return validValue(first, name);
  }
  switch (s.type) {
    case 'integer':
    case 'number': {
      const exclusive = s.exclusiveMinimum === true ? 1 : 0;
      const low = (s.minimum ?? 1) + exclusive;
      return Math.min(Math.max(1, low), s.maximum ?? Number.MAX_SAFE_INTEGER);
    }
    case 'boolean':
      return false;
    case 'array': {
      const n = s.minItems ?? 0;
      return Array.from({ length: n }, () => validValue(s.items, name));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of s.required ?? []) out[key] = validValue(s.properties?.[key], key);
      return out;
    }
    default:
      return validString(s, name);
  }
}

function validString(s: Schema, name: string): string {
  if (s.pattern === DATE_PATTERN || /(Date|On|date|Day)$/.test(name)) return '2026-03-05';
  if (s.format === 'email' || /email/i.test(name)) return 'fuzz@example.com';
  if (/url$/i.test(name)) return 'https://example.com/';
  if (/phone/i.test(name)) return '0537-1234567';
  const min = s.minLength ?? 1;
  const max = s.maxLength ?? 1000;
  if (s.pattern) {
    const [sample] = fc.sample(fc.stringMatching(new RegExp(s.pattern)), { seed: 7, numRuns: 1 });
    if (sample !== undefined && sample.length >= min && sample.length <= max) return sample;
  }
  return '测'.repeat(Math.min(Math.max(min, 2), max));
}

/** The places of a JSON body a hostile value can go: the body itself, and every property down to depth 3. */
export function bodyTargets(s: Schema | null, prefix: string[] = [], depth = 0): string[][] {
  if (!s) return [];
  const out: string[][] = depth === 0 ? [[]] : [];
  const alternatives = s.anyOf ?? s.oneOf;
  const object = alternatives?.find((a) => a.type === 'object') ?? s;
  if (depth < 3 && object.properties) {
    for (const [key, sub] of Object.entries(object.properties)) {
      out.push([...prefix, key]);
      out.push(...bodyTargets(sub, [...prefix, key], depth + 1));
    }
  }
  if (depth < 3 && s.type === 'array' && s.items) {
    out.push(...bodyTargets(s.items, [...prefix, '0'], depth + 1).filter((t) => t.length > prefix.length));
    out.push([...prefix, '0']);
  }
  return out;
}

/** `body` with `value` at `target` (undefined: the field left out); the path is filled as needed. */
export function placeIn(body: unknown, target: string[], value: unknown): unknown {
  if (target.length === 0) return value;
  const [head, ...rest] = target as [string, ...string[]];
  if (Array.isArray(body)) {
    const copy = [...body];
    copy[Number(head)] = placeIn(copy[Number(head)] ?? {}, rest, value);
    return copy;
  }
  const base = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const copy: Record<string, unknown> = { ...base };
  const next = placeIn(base[head] ?? (rest.length && /^\d+$/.test(rest[0] ?? '') ? [] : {}), rest, value);
  if (next === undefined) delete copy[head];
  // A defined property (not the setter): `__proto__` becomes a key of the JSON, as an attacker sends it.
  else
    Object.defineProperty(copy, head, { value: next, enumerable: true, writable: true, configurable: true });
  return copy;
}

let deep: unknown = 1;
for (let i = 0; i < 2000; i++) deep = [deep];
const deepObject = JSON.parse(`${'{"a":'.repeat(500)}1${'}'.repeat(500)}`);

/**
 * The fixed hostile values by class: absent, wrong types, numeric limits, numbers as text, impossible
 * dates, odd text (controls, lone surrogates, bidi), very long text, injection-like text, structures (arrays,
 * objects, prototype pollution, deep nesting). Every route gets every class at least once (`hostilePlan`).
 */
export const HOSTILE_CLASSES = {
  absent: [undefined, null],
  'wrong type': [true, false, '文本', 0],
  numbers: [0, -1, 1.5, -0.0001, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, 2147483648, 2 ** 63],
  'numbers as text': [
    'NaN',
    'Infinity',
    '-1',
    '1.5',
    '1e3',
    '0x10',
    '2147483648',
    '99999999999',
    '9223372036854775808',
    '-9223372036854775809',
  ],
  dates: ['2026-02-30', '2026-99-99', '0000-00-00', '99999-12-31', '2026-3-5', '2026-03-05T25:61:00Z'],
  'odd text': [
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\u0001\u0007\u001b[31m\u007f\u0085',
    '\ud800',
    'x\udfffy',
    '\ufeff\u200b\u202e',
    '𠀀🙂',
  ],
  'long text': ['a'.repeat(100_000), '政'.repeat(100_000)],
  injection: [
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '%00',
    '../../etc/passwd',
    '__proto__',
    'constructor',
    'unknown-enum-value',
  ],
  structures: [
    [],
    [1, 'a', null],
    [[[[]]]],
    {},
    { a: 1 },
    JSON.parse('{"__proto__":{"polluted":"yes"}}'),
    JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
    deep,
    deepObject,
  ],
} satisfies Record<string, unknown[]>;

export type HostileClass = keyof typeof HOSTILE_CLASSES;
const CLASS_NAMES = Object.keys(HOSTILE_CLASSES) as HostileClass[];

export const HOSTILE_VALUES: unknown[] = Object.values(HOSTILE_CLASSES).flat();

/** What a place holds, as far as the hostile values go. */
export type Kind = 'number' | 'date' | 'enum' | 'boolean' | 'structure' | 'text';

export function kindOf(s: Schema | undefined, name = ''): Kind {
  if (!s) return 'text';
  const alternatives = s.anyOf ?? s.oneOf;
  const first = alternatives?.find((a) => a.type !== 'null');
  if (first) return kindOf(first, name);
  if (s.enum?.length || 'const' in s) return 'enum';
  if (s.type === 'integer' || s.type === 'number') return 'number';
  if (s.type === 'boolean') return 'boolean';
  if (s.type === 'array' || s.type === 'object') return 'structure';
  if (s.pattern === DATE_PATTERN || /(Date|On|date|Day)$/.test(name)) return 'date';
  return 'text';
}

/** The classes that probe a kind's own checks first (a number's limits, a date's calendar…). */
const CLASSES_FOR: Record<Kind, HostileClass[]> = {
  number: ['numbers as text', 'numbers', 'wrong type'],
  date: ['dates', 'numbers as text'],
  enum: ['injection', 'wrong type'],
  boolean: ['wrong type', 'numbers'],
  structure: ['structures', 'wrong type'],
  text: ['odd text', 'long text', 'injection'],
};

/** A small stable hash (FNV-1a): which value of a class a route gets, the same on every run. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The fixed hostile values for places of the given kinds, chosen per kind rather than at random:
 * with `everyPlace`, each place gets a value of its kind's first class; then every class goes once to a
 * place (one of a kind it suits, else the next in turn). `key` varies which value of a class is taken, so
 * across routes every value of every class is sent. Returns [place index, value] pairs.
 */
export function hostilePlan(kinds: Kind[], key: string, everyPlace: boolean): [number, unknown][] {
  if (kinds.length === 0) return [];
  const h = stableHash(key);
  const pick = (c: HostileClass, n: number) => {
    const values: unknown[] = HOSTILE_CLASSES[c];
    return values[(h + n) % values.length];
  };
  const plan: [number, unknown][] = [];
  if (everyPlace)
    for (const [i, k] of kinds.entries()) plan.push([i, pick(CLASSES_FOR[k][0] as HostileClass, i)]);
  for (const [n, c] of CLASS_NAMES.entries()) {
    const suited = kinds.flatMap((k, i) => (CLASSES_FOR[k].includes(c) ? [i] : []));
    const place = suited.length ? (suited[(h + n) % suited.length] as number) : (h + n) % kinds.length;
    plan.push([place, pick(c, n + 1)]);
  }
  return plan;
}

/** A hostile value: mostly the fixed ones, sometimes generated text, numbers or JSON. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt().map(String)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Lone surrogates cannot be percent-encoded as UTF-8: sent as the bytes a hostile client would send. */
export function encodeComponent(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return v
      .split('')
      .map((c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c)))
      .join('');
  }
}

/** A value as text of a query string or path (arrays and objects as a hostile client might send them). */
export function asText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v) ?? '';
}

export function queryString(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    const values = Array.isArray(v) && v.length > 0 && v.length < 5 ? v : [v];
    for (const one of values) parts.push(`${encodeComponent(k)}=${encodeComponent(asText(one))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** The concrete URL of `op` with `params` (each encoded) and `query`. */
export function urlOf(
  op: Operation,
  params: Record<string, unknown>,
  query: Record<string, unknown>,
): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeComponent(asText(params[name])));
  return path + queryString(query);
}

const CJK = /[\u4e00-\u9fff]/;
const STACK = /\n\s+at .+[:(]|node:internal|\.ts:\d+/;

/** Never a 5xx; a 4xx names the problem in Chinese (JSON `error.message`, or an HTML page), no stack. */
export function assertAnswered(res: LightMyRequestResponse, what: string): void {
  const brief = () => `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`;
  assert.ok(res.statusCode < 500, brief());
  if (res.statusCode < 400) return;
  const type = String(res.headers['content-type'] ?? '');
  assert.doesNotMatch(res.body, STACK, brief());
  if (type.startsWith('application/json')) {
    const body = res.json() as { error?: { message?: unknown; fields?: { message?: unknown }[] } };
    const message = body.error?.message;
    assert.equal(typeof message, 'string', brief());
    assert.match(message as string, CJK, brief());
    for (const f of body.error?.fields ?? []) assert.match(String(f.message), CJK, brief());
  } else {
    assert.match(res.body, CJK, brief());
  }
}

/** Nothing a request sent made its way onto every object's prototype. */
export function assertNoPollution(what: string): void {
  const probe = {} as Record<string, unknown>;
  assert.equal(probe.polluted, undefined, `${what}: Object.prototype was polluted`);
}

/** A cookie jar with the client's session and CSRF token, re-signed-in when a fuzzed route ended it. */
export type Principal = { name: string; cookies: Record<string, string>; username: string | null };

export async function signIn(t: TestApp, username: string | null): Promise<Principal> {
  const client = username ? await t.as(username) : await t.anonymous();
  return { name: username ?? 'anonymous', cookies: client.cookies, username };
}

/** Still signed in (a fuzzed logout, password change or disabled account ends the session)? Else again. */
export async function keepSignedIn(t: TestApp, p: Principal): Promise<void> {
  if (!p.username) return;
  const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: p.cookies });
  if (me.statusCode === 200) return;
  const again = await signIn(t, p.username);
  for (const k of Object.keys(p.cookies)) delete p.cookies[k];
  Object.assign(p.cookies, again.cookies);
}

let address = 0;
/** A different client address per request: the per-address rate limits never hide a route's answer. */
export function nextAddress(): string {
  address++;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
}

/**
 * The planned values (`hostilePlan`: every class once, and with `everyPlace` a value of its kind in every
 * place), then `runs` generated values at random places (fast-check, fixed seed); `wrongBodies` of the
 * wrong bodies and content types (all of them, or fewer: each kind of wrongness is in the first four).
 */
export type FuzzOptions = { seed: number; runs: number; everyPlace: boolean; wrongBodies: number };

/** Sends `payload` (or nothing) to `url` as `p`, with its CSRF token. */
/** Answers by status code, to show how far the hostile values reached (2xx: past validation to the service). */
export const tally = new Map<number, number>();

export async function send(
  t: TestApp,
  p: Principal,
  method: Operation['method'],
  url: string,
  payload?: { body: string | Buffer; type: string },
): Promise<LightMyRequestResponse> {
  const res = await t.app.inject({
    method,
    url,
    cookies: { ...p.cookies },
    remoteAddress: nextAddress(),
    headers: {
      'x-csrf-token': p.cookies.gk_csrf ?? '',
      ...(payload ? { 'content-type': payload.type } : {}),
    },
    ...(payload ? { payload: payload.body } : {}),
  });
  tally.set(res.statusCode, (tally.get(res.statusCode) ?? 0) + 1);
  return res;
}

const json = (v: unknown) => ({ body: JSON.stringify(v) ?? '', type: 'application/json' });

/** Bodies that are not the JSON object a route expects (one of each kind of wrongness first). */
export const WRONG_BODIES = [
  { body: '{"a":', type: 'application/json' },
  { body: 'null', type: 'application/json' },
  { body: 'plain', type: 'text/plain' },
  {
    body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n',
    type: 'multipart/form-data; boundary=x',
  },
  { body: '', type: 'application/json' },
  { body: '{}', type: 'application/json' },
  { body: '{"未知字段":1}', type: 'application/json' },
  { body: '[]', type: 'application/json' },
  { body: '"文本"', type: 'application/json' },
  { body: 'a=1&b=2', type: 'application/x-www-form-urlencoded' },
  { body: '<a/>', type: 'application/xml' },
  { body: '{}', type: 'application/json; charset=gbk' },
];

type Where = { in: 'params' | 'query' | 'body'; target: string[]; kind: Kind };

/** The schema at `target` inside a body schema (through alternatives and array items). */
function schemaAt(s: Schema | undefined, target: string[]): Schema | undefined {
  if (!s || target.length === 0) return s;
  const [head, ...rest] = target as [string, ...string[]];
  const alternatives = s.anyOf ?? s.oneOf;
  const object = alternatives?.find((a) => a.type === 'object' || a.type === 'array') ?? s;
  const next = /^\d+$/.test(head) && object.items ? object.items : object.properties?.[head];
  return schemaAt(next, rest);
}

/** Where hostile values go for `op`: each path parameter, each query parameter, the body and its fields. */
function places(op: Operation): Where[] {
  return [
    ...Object.entries(op.params).map(([k, s]) => ({
      in: 'params' as const,
      target: [k],
      kind: kindOf(s, k),
    })),
    ...Object.entries(op.query).map(([k, s]) => ({ in: 'query' as const, target: [k], kind: kindOf(s, k) })),
    ...(op.body
      ? bodyTargets(op.body).map((target) => ({
          in: 'body' as const,
          target,
          kind:
            target.length === 0
              ? ('structure' as const)
              : kindOf(schemaAt(op.body ?? undefined, target), target.at(-1)),
        }))
      : []),
  ];
}

const describeValue = (v: unknown) => {
  const s = v === undefined ? 'undefined' : (JSON.stringify(v) ?? String(v));
  return s.length > 80 ? `${s.slice(0, 80)}…(${s.length})` : s;
};

/**
 * Drives `op` as `p`: hostile values each in one place with valid values everywhere else (`opts`), plus,
 * for a route with a JSON body, wrong bodies and content types. Returns the requests sent.
 */
export async function fuzzOperation(
  t: TestApp,
  p: Principal,
  op: Operation,
  opts: FuzzOptions,
): Promise<number> {
  const params = Object.fromEntries(Object.entries(op.params).map(([k, s]) => [k, validValue(s, k)]));
  const query = Object.fromEntries(op.requiredQuery.map((k) => [k, validValue(op.query[k], k)]));
  const body = op.body ? validValue(op.body) : undefined;
  const where = places(op);
  let sent = 0;
  const label = `${p.name} ${op.method} ${op.path}`;

  if (op.body && op.method !== 'GET') {
    for (const wrong of WRONG_BODIES.slice(0, opts.wrongBodies)) {
      const res = await send(t, p, op.method, urlOf(op, params, query), wrong);
      sent++;
      assertAnswered(res, `${label} body ${JSON.stringify(wrong.body)} (${wrong.type})`);
    }
  }
  if (where.length === 0) {
    const res = await send(t, p, op.method, urlOf(op, params, query));
    assertAnswered(res, label);
    return sent + 1;
  }
  const attempt = async (w: Where, value: unknown) => {
    const ps = w.in === 'params' ? { ...params, [w.target[0] as string]: value } : params;
    const qs = w.in === 'query' ? { ...query, [w.target[0] as string]: value } : query;
    const b = w.in === 'body' ? placeIn(body, w.target, value) : body;
    const url = urlOf(op, ps, qs);
    const res = await send(t, p, op.method, url, op.body && op.method !== 'GET' ? json(b) : undefined);
    sent++;
    const what = `${label} ${w.in}.${w.target.join('.') || '(whole)'} = ${describeValue(value)}`;
    assertAnswered(res, what);
    assertNoPollution(what);
  };
  // The planned values per kind of place (every class at least once), then generated ones at random places.
  const plan = hostilePlan(
    where.map((w) => w.kind),
    `${opts.seed} ${op.method} ${op.path}`,
    opts.everyPlace,
  );
  for (const [i, value] of plan) await attempt(where[i] as Where, value);
  if (opts.runs > 0)
    await fc.assert(fc.asyncProperty(fc.constantFrom(...where), hostileValue, attempt), {
      seed: opts.seed,
      numRuns: opts.runs,
      endOnFailure: true,
    });
  return sent;
}

/** Routes that end what the next routes need (the session, the demo data, the set-up state): run last. */
const LAST = /\/(logout|password|remove|reset|restore|merge|disabled|setup)\b/;
const ORDER: Record<Operation['method'], number> = { GET: 0, POST: 1, PUT: 1, PATCH: 1, DELETE: 2 };

/** `ops` in an order where destructive routes come after the routes that need the fixtures. */
export function fixtureSafeOrder(ops: Operation[]): Operation[] {
  const rank = (op: Operation) => (LAST.test(op.path) ? 3 : ORDER[op.method]);
  return [...ops].sort((a, b) => rank(a) - rank(b));
}

/** Shard `index` of `count` (every `count`-th operation): the files of the fuzz test run in parallel. */
export function shard<T>(items: T[], index: number, count: number): T[] {
  return items.filter((_, i) => i % count === index);
}

/** The fuzz test's answer to one group of routes: a fresh app, so what one group deletes no other needs. */
export function fuzzShard(index: number, count: number): void {
  let t: TestApp;
  let ops: Operation[];
  let admin: Principal;
  let anonymous: Principal;
  before(async () => {
    // With the demo data, the ids the fuzzer fills in (1, 2…) name real records: more reach the services.
    t = await createTestApp({ demo: true });
    ops = fixtureSafeOrder(shard(await operations(t.app), index, count));
    admin = await signIn(t, 't_admin');
    anonymous = await signIn(t, null);
  });
  after(() => t.close());

  test(`fuzz: routes ${index + 1} of every ${count} answer hostile input with a Chinese 4xx, never a 5xx`, {
    timeout: 1_200_000,
  }, async (ctx) => {
    let requests = 0;
    for (const op of ops) {
      await ctx.test(`${op.method} ${op.path}`, { timeout: 300_000 }, async () => {
        // The root government's administrator (authorisation passes), then an anonymous visitor.
        requests += await fuzzOperation(t, admin, op, ADMIN);
        requests += await fuzzOperation(t, anonymous, op, ANONYMOUS);
        await keepSignedIn(t, admin);
      });
    }
    const statuses = [...tally].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
    ctx.diagnostic(`${ops.length} operations, ${requests} requests; answers ${statuses.join(' ')}`);
    assert.ok(ops.length > 0);
  });
}

/**
 * Per route: the administrator (past authorisation) gets a value of its kind in every place, every class,
 * every wrong body and a few generated values; the anonymous visitor every class, one of each kind of
 * wrong body and one generated value (what differs for it is where it is refused, not the values).
 */
const ADMIN: FuzzOptions = { seed: 18, runs: 4, everyPlace: true, wrongBodies: WRONG_BODIES.length };
const ANONYMOUS: FuzzOptions = { seed: 1807, runs: 1, everyPlace: false, wrongBodies: 4 };
