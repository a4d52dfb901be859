import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { KNOWN_OPEN } from './authz-matrix.known.ts';
import { type Client, createTestApp, type TestApp } from './helpers/app.ts';
import {
  addMissingRecords,
  addProbingUnits,
  changesOutside,
  fillPath,
  fingerprint,
  ID_FIELDS,
  loadMarkers,
  PARAMS,
  PRINCIPALS,
  resolveParams,
  sample,
} from './helpers/authz-matrix.ts';

/**
 * The authorisation matrix (issue 18 item 10c): every `/api` route of the OpenAPI document, tried by
 * every staff role of another unit and anonymously with A's ids (see `helpers/authz-matrix.ts`).
 * Nothing of A may be read (401/403/404, and no list shows A's private texts) or written (no row of A
 * changes, nothing new lands in A). New routes are covered as they appear in the document.
 */

/**
 * Routes any visitor may call, by design, each with the reason. They are still tried: their answers
 * must not show A's private texts, and their writes must not change A's rows.
 */
const PUBLIC: Record<string, string> = {
  'POST /api/auth/login': 'signing in',
  'GET /api/site': 'the site identity, shown by the portal and the sign-in page',
  'GET /api/documents/meta': 'reference lists of the document library (genres, topics)',
  'GET /api/documents/search': 'the portal’s search of published documents',
  'GET /api/documents/themes': 'the portal’s themes',
  'GET /api/documents/converted': 'published documents converted into the library (a portal list)',
  'GET /api/setup': 'the first-run setup tells whether the platform is set up',
  'POST /api/setup': 'the first run creates the government; refused once one exists',
};

/**
 * Routes about the caller alone (their own session, password, account), each with the reason; tried
 * like the others except where noted in `NOT_TRIED`.
 */
const OWN: Record<string, string> = {
  'GET /api/auth/me': 'the signed-in account itself',
  'POST /api/auth/password': "the caller's own password (the current one is required)",
};

/** Reads any staff account may make of another unit's record, by design, each with the reason. */
const STAFF_READABLE: Record<string, string> = {
  'GET /api/documents/catalogue/guides/{orgId}':
    'a unit’s disclosure guide is published on the portal (/gk/guide)',
  'GET /api/standards/columns/{orgId}': 'the standards catalogue is published on the portal (/gk/standards)',
};

/** Routes not tried, each with the reason. */
const NOT_TRIED: Record<string, string> = {
  'POST /api/auth/logout': "ends the prober's own session, nothing else",
};

type Op = {
  parameters?: { in: string; name: string; required?: boolean; schema?: Record<string, unknown> }[];
  requestBody?: { content?: Record<string, { schema?: Record<string, unknown> }> };
};
type OpenApi = { paths: Record<string, Record<string, Op>> };

let t: TestApp;
let ids: Map<string, string>;
let markers: Map<string, string>;
let own: { orgIds: number[]; userIds: number[] };
let routes: { method: string; path: string; op: Op }[];
const tally = { probes: 0, refused: 0, validation: 0, listsRead: 0 };

/** Generous limits for a loaded 2-core machine: the demo data takes a while, each principal ~280 probes. */
const SETUP = { timeout: 300_000 };
const PER_PRINCIPAL = { timeout: 300_000 };

before(async () => {
  t = await createTestApp({ demo: true });
  own = await addProbingUnits(t.db);
  await addMissingRecords(t.db);
  ids = await resolveParams(t.db);
  markers = await loadMarkers(t.db);
  const doc = t.app.swagger() as unknown as OpenApi;
  // The portal's pages (outside /api) are public by design: citizens' pages showing published records.
  routes = Object.entries(doc.paths)
    .filter(([path]) => path.startsWith('/api/'))
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
}, SETUP);
after(async () => {
  await t?.close();
  console.log(`authorisation matrix: ${JSON.stringify(tally)}`);
});

const READ_REFUSALS = new Set([401, 403, 404]);
/** A write refused by its schema or its state: no authorisation reached, nothing written either. */
const WRITE_REFUSALS = new Set([400, 401, 403, 404, 405, 409, 413, 415, 422]);

function query(op: Op): string {
  const q = new URLSearchParams();
  for (const p of op.parameters ?? []) {
    if (p.in !== 'query' || !(p.required || p.name in ID_FIELDS)) continue;
    const v = sample(p.schema, p.name, ids);
    if (v !== undefined && v !== null) q.set(p.name, String(Array.isArray(v) ? v[0] : v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

function leakedMarkers(body: string): string[] {
  const found: string[] = [];
  for (const [text, what] of markers) if (body.includes(text)) found.push(`${what}「${text}」`);
  return found;
}

/** A route whose path parameters name no record (all fixed values) lists, like one without any. */
function isList(path: string): boolean {
  return [...path.matchAll(/\{[A-Za-z]+\}/g)].every((m) => {
    const key = path.slice(0, (m.index ?? 0) + m[0].length);
    return 'value' in (PARAMS[key] ?? { sql: '' });
  });
}

/** Every route as one principal: the problems found, by a key without ids (`detail` says more). */
async function probe(client: Client, anonymous: boolean): Promise<Map<string, string>> {
  const problems = new Map<string, string>();
  const reads = routes.filter((r) => r.method === 'GET');
  const writes = routes.filter((r) => r.method !== 'GET');
  for (const r of [...reads, ...writes]) {
    const key = `${r.method} ${r.path}`;
    if (key in NOT_TRIED) continue;
    const url = fillPath(r.path, ids) + query(r.op);
    const schema = r.op.requestBody?.content?.['application/json']?.schema;
    const res =
      r.method === 'GET'
        ? await client.get(url)
        : await client.send(r.method as 'POST', url, schema ? (sample(schema, '', ids) ?? {}) : undefined);
    tally.probes++;
    const s = res.statusCode;
    const at = `${url} → ${s}`;
    if (s >= 500) {
      problems.set(`${key}: server error`, `${at} ${res.body.slice(0, 200)}`);
      continue;
    }
    const leaked = s < 300 ? leakedMarkers(res.body) : [];
    if (leaked.length > 0)
      problems.set(`${key}: shows private texts of A`, `${at} ${leaked.slice(0, 3).join('、')}`);
    if (key in PUBLIC || (!anonymous && (key in OWN || key in STAFF_READABLE))) continue;
    const list = isList(r.path);
    if (r.method === 'GET') {
      if (READ_REFUSALS.has(s)) tally.refused++;
      else if (s === 400) tally.validation++;
      else if (anonymous || !list) problems.set(`${key}: readable`, at);
      else if (s < 300) tally.listsRead++;
      else problems.set(`${key}: unexpected answer`, at);
    } else {
      if (s === 400 || s === 415 || s === 422) tally.validation++;
      else if (WRITE_REFUSALS.has(s)) tally.refused++;
      else if (anonymous || !list) problems.set(`${key}: accepted`, `${at} ${res.body.slice(0, 200)}`);
    }
  }
  return problems;
}

for (const p of PRINCIPALS) {
  test(
    `${p.label}: nothing of another unit readable or writable, on every route`,
    PER_PRINCIPAL,
    async () => {
      const client = p.username ? await t.as(p.username) : await t.anonymous();
      const before = await fingerprint(t.db);
      const problems = await probe(client, p.username === null);
      for (const c of await changesOutside(t.db, before, await fingerprint(t.db), own))
        problems.set(`table ${c.table} changed`, c.detail);
      const known = new Set(Object.keys(KNOWN_OPEN).filter((k) => KNOWN_OPEN[k]?.includes(p.label)));
      const found = [...problems.keys()].filter((k) => !known.has(k));
      const fixed = [...known].filter((k) => !problems.has(k));
      assert.deepEqual(
        found,
        [],
        `${p.label}: new leaks\n${found.map((k) => `${k}: ${problems.get(k)}`).join('\n')}`,
      );
      assert.deepEqual(fixed, [], `${p.label}: no longer found — remove from KNOWN_OPEN`);
    },
  );
}

test('every route of the OpenAPI document is tried (its path parameters filled with records of A)', () => {
  assert.ok(routes.length > 250, `${routes.length} /api routes`);
  for (const r of routes) assert.doesNotThrow(() => fillPath(r.path, ids));
  for (const key of [
    ...Object.keys(PUBLIC),
    ...Object.keys(OWN),
    ...Object.keys(NOT_TRIED),
    ...Object.keys(STAFF_READABLE),
  ])
    assert.ok(
      routes.some((r) => `${r.method} ${r.path}` === key),
      `${key} is declared but is no longer a route`,
    );
});
