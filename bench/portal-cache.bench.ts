/**
 * Benchmark: the public page cache (`src/platform/http/page-cache.ts`), off and on, on the embedded
 * default (PGlite, the demo data, one consultation of 5,000 comments added as in
 * `decisions-consultation.bench.ts`). In each mode, one server (`node src/cli.ts serve` in a child
 * process) and autocannon in this process, 20 connections, 8 s after a 2 s warm-up, one page kind after
 * the other: the portal home, document pages (50 published documents in turn), portal search (10 mixed
 * queries in turn) and the consultation page. Issue 19 item 3: search at least a fifth of the home's
 * throughput in the same run, p99 < 500 ms.
 *
 * Run alone: `node bench/portal-cache.bench.ts`.
 */
import { addConsultation } from './decisions-consultation.bench.ts';
import { autocannon, documentIds } from './documents-portal.bench.ts';
import { startServerProcess, withPreparedData } from './startup.bench.ts';

const CONNECTIONS = 20;
const DURATION_S = 8;
const WARMUP_S = 2;
export const SEARCH_SHARE_TARGET = 0.2;
export const P99_TARGET_MS = 500;

const QUERIES = [
  '通知',
  '工作',
  '营商环境',
  '乡村振兴',
  '教育',
  '政务公开 工作要点',
  '12345热线',
  '医疗保障',
  '安全生产',
  '招生',
];

type Figure = { rps: number; p50: number; p99: number; failures: number };
export type CacheModeResult = { home: Figure; document: Figure; search: Figure; consultation: Figure };

async function measure(url: string, paths: readonly string[]): Promise<Figure> {
  for (const p of paths) {
    const probe = await fetch(`${url}${p}`);
    await probe.arrayBuffer();
    if (probe.status !== 200) throw new Error(`GET ${p} answered ${probe.status}`);
  }
  const requests = paths.map((path) => ({ method: 'GET' as const, path }));
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_S, requests });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, requests });
  return {
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failures: r.errors + r.non2xx,
  };
}

async function runMode(dataDir: string, consultation: number, cacheOn: boolean): Promise<CacheModeResult> {
  const server = await startServerProcess(dataDir, cacheOn ? {} : { GONGKAI_PAGE_CACHE_MB: '0' });
  try {
    const ids = await documentIds(server.url, 50);
    if (ids.length === 0) throw new Error('no published documents in the demo data');
    return {
      home: await measure(server.url, ['/']),
      document: await measure(
        server.url,
        ids.map((id) => `/gk/documents/${id}`),
      ),
      search: await measure(
        server.url,
        QUERIES.map((q) => `/gk/documents/search?q=${encodeURIComponent(q)}`),
      ),
      consultation: await measure(server.url, [`/gk/decisions/consultations/${consultation}`]),
    };
  } finally {
    await server.stop();
  }
}

export async function runPortalCacheBench(): Promise<{ off: CacheModeResult; on: CacheModeResult }> {
  return withPreparedData(async (dataDir) => {
    const consultation = await addConsultation(dataDir);
    const off = await runMode(dataDir, consultation, false);
    const on = await runMode(dataDir, consultation, true);
    return { off, on };
  });
}

const figure = (f: Figure) =>
  `${Math.round(f.rps).toLocaleString('en')} req/s, p99 ${f.p99} ms${f.failures ? `, ${f.failures} errors/non-2xx` : ''}`;

export function formatPortalCache(mode: 'off' | 'on', r: CacheModeResult): string {
  const share = r.search.rps / r.home.rps;
  return (
    `portal cache ${mode}: home ${figure(r.home)}; document page ${figure(r.document)}; ` +
    `search (10 queries) ${figure(r.search)}, search/home ${share.toFixed(2)}; ` +
    `consultation (5,000 comments) ${figure(r.consultation)}`
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { off, on } = await runPortalCacheBench();
  console.log(formatPortalCache('off', off));
  console.log(formatPortalCache('on', on));
}
