/**
 * Benchmark: the portal's latency while a hostile file is being read. The server runs in a child
 * process (as in bench/http.bench.ts); autocannon measures `GET /` (anonymous, 10 connections, 10 s)
 * first idle, then while an administrator uploads, one after the other, an .xlsx of a million rows to
 * the organisation import preview (the files are read in the extraction workers, which refuse it).
 * Reported: p50/p99 idle and under the uploads, the uploads answered and their mean time.
 *
 * Run alone: `node bench/hostile-files.bench.ts`.
 */
import { millionRowsXlsx } from '../test/helpers/hostile-files.ts';
import { addBenchAdmin, autocannon, login } from './http.bench.ts';
import { startServerProcess, withPreparedData } from './startup.bench.ts';

const CONNECTIONS = 10;
const DURATION_S = 10;

type Latency = { p50: number; p99: number; total: number; failures: number };

async function home(url: string): Promise<Latency> {
  const r = await autocannon({ url: `${url}/`, connections: CONNECTIONS, duration: DURATION_S });
  return { p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total, failures: r.errors + r.non2xx };
}

/** Uploads `bytes` again and again until `stop()`; answers how many came back and their mean time. */
function uploadLoop(url: string, cookie: string, bytes: Uint8Array) {
  const csrf = /gk_csrf=([^;]+)/.exec(cookie)?.[1] ?? '';
  let running = true;
  const times: number[] = [];
  const statuses = new Set<number>();
  const done = (async () => {
    while (running) {
      const form = new FormData();
      form.append('file', new Blob([bytes]), '机构.xlsx');
      const started = performance.now();
      const res = await fetch(`${url}/api/orgs/import/preview`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrf },
        body: form,
      });
      await res.arrayBuffer();
      statuses.add(res.status);
      times.push(performance.now() - started);
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      const mean = times.reduce((a, b) => a + b, 0) / Math.max(1, times.length);
      return { uploads: times.length, meanMs: mean, statuses: [...statuses] };
    },
  };
}

export async function runHostileBench() {
  const bytes = millionRowsXlsx();
  return withPreparedData(async (dataDir) => {
    await addBenchAdmin(dataDir);
    const server = await startServerProcess(dataDir);
    try {
      const cookie = await login(server.url);
      await autocannon({ url: `${server.url}/`, connections: CONNECTIONS, duration: 2 });
      const idle = await home(server.url);
      const loop = uploadLoop(server.url, cookie, bytes);
      await new Promise((r) => setTimeout(r, 300));
      const busy = await home(server.url);
      const uploads = await loop.stop();
      return { idle, busy, uploads, fileBytes: bytes.length };
    } finally {
      await server.stop();
    }
  });
}

if (import.meta.main) {
  try {
    const r = await runHostileBench();
    const f = (l: Latency) =>
      `p50 ${l.p50} ms, p99 ${l.p99} ms (${l.total} requests${l.failures ? `, ${l.failures} errors/non-2xx` : ''})`;
    console.log(
      `portal home while a hostile file is read: ${f(r.busy)}; idle ${f(r.idle)}; ` +
        `${r.uploads.uploads} uploads of a ${(r.fileBytes / 1e6).toFixed(1)} MB million-row .xlsx, ` +
        `mean ${Math.round(r.uploads.meanMs)} ms, HTTP ${r.uploads.statuses.join('/')}`,
    );
  } catch (error) {
    console.error('hostile-files bench failed:', error);
    process.exitCode = 1;
  }
}
