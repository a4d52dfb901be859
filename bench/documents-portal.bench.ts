/**
 * Benchmark: the portal document page `GET /gk/documents/:id` (anonymous visitor), autocannon in this
 * process against the server in a child process (`node src/cli.ts serve`, PGlite data folder with the demo
 * data). Each connection cycles through 50 different published documents, so the figure is not one cached
 * page (`DOC_PAGE_DOCS=500` for more). 10 s after a 2 s warm-up, 50 connections. Target ≥ 1,000 req/s.
 *
 * Run alone: `node bench/documents-portal.bench.ts`.
 */
import { createRequire } from 'node:module';
import { startServerProcess, withPreparedData } from './startup.bench.ts';

export const DOCUMENT_PAGE_TARGET_RPS = 1_000;
const CONNECTIONS = 50;
const DURATION_S = 10;
const WARMUP_S = 2;
const DOCUMENTS = Number(process.env.DOC_PAGE_DOCS) || 50;

type Histogram = { average: number; p50: number; p99: number; total: number };
type AutocannonResult = {
  requests: Histogram;
  latency: Histogram;
  errors: number;
  non2xx: number;
  duration: number;
};
type AutocannonOptions = {
  url: string;
  connections: number;
  duration: number;
  requests?: { method: 'GET'; path: string }[];
};
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: AutocannonOptions,
) => Promise<AutocannonResult>;

export type DocumentPageResult = {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  total: number;
  failures: number;
  documents: number;
};

/** Published document ids, read from the portal's own 主动公开目录 pages (no database access needed). */
export async function documentIds(baseUrl: string, wanted: number): Promise<number[]> {
  const ids: number[] = [];
  for (let page = 1; ids.length < wanted && page <= 30; page++) {
    const html = await (await fetch(`${baseUrl}/gk/catalogue?page=${page}`)).text();
    for (const m of html.matchAll(/href="\/gk\/documents\/(\d+)"/g)) {
      const id = Number(m[1]);
      if (!ids.includes(id)) ids.push(id);
    }
  }
  return ids.slice(0, wanted);
}

export async function runDocumentPageBench(): Promise<DocumentPageResult> {
  return withPreparedData(async (dataDir) => {
    const server = await startServerProcess(dataDir);
    try {
      const ids = await documentIds(server.url, DOCUMENTS);
      if (ids.length === 0) throw new Error('no published documents in the demo data');
      const probe = await fetch(`${server.url}/gk/documents/${ids[0]}`);
      await probe.arrayBuffer();
      if (probe.status !== 200) throw new Error(`GET /gk/documents/${ids[0]} answered ${probe.status}`);
      const requests = ids.map((id) => ({ method: 'GET' as const, path: `/gk/documents/${id}` }));
      const url = server.url;
      await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_S, requests });
      const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, requests });
      return {
        requestsPerSecond: r.requests.total / r.duration,
        latencyP50Ms: r.latency.p50,
        latencyP99Ms: r.latency.p99,
        total: r.requests.total,
        failures: r.errors + r.non2xx,
        documents: ids.length,
      };
    } finally {
      await server.stop();
    }
  });
}

export function formatDocumentPage(r: DocumentPageResult): string {
  const failures = r.failures ? `, ${r.failures} errors/non-2xx` : '';
  return (
    `portal document page GET /gk/documents/:id (${r.documents} documents): ` +
    `${Math.round(r.requestsPerSecond).toLocaleString('en')} req/s, p50 ${r.latencyP50Ms} ms, ` +
    `p99 ${r.latencyP99Ms} ms${failures} (target ≥ ${DOCUMENT_PAGE_TARGET_RPS.toLocaleString('en')} req/s)`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatDocumentPage(await runDocumentPageBench()));
}
