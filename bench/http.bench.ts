/**
 * Benchmark: HTTP throughput, with autocannon in this process against the server in a child process
 * (`node src/cli.ts serve` on 127.0.0.1, PGlite data folder with the demo data):
 *   - the portal home `GET /` as an anonymous first-time visitor (target ≥ 2,000 req/s);
 *   - the admin API list `GET /api/users?pageSize=20` as a signed-in administrator (no target).
 * 10 s each after a 2 s warm-up, 50 connections.
 *
 * Run alone: `node bench/http.bench.ts`.
 */
import { createRequire } from 'node:module';
import { runCli, startServerProcess, withPreparedData } from './startup.bench.ts';

export const HOME_TARGET_RPS = 2_000;
const CONNECTIONS = 50;
const DURATION_S = 10;
const WARMUP_S = 2;
const BENCH_USER = { username: 'bench_admin', password: 'bench-password-1' };

// autocannon ships no type declarations: the few fields used here.
type Histogram = { average: number; p50: number; p99: number; total: number };
export type AutocannonResult = {
  requests: Histogram;
  latency: Histogram;
  throughput: Histogram;
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  /** Answers by status code (`'503'`…). */
  statusCodeStats?: Record<string, { count: number }>;
};
type AutocannonOptions = {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  /** Requests each connection cycles through (instead of GET `url`). */
  requests?: { method: 'GET'; path: string }[];
  /** At most this many requests per second over all connections (none: as fast as answered). */
  overallRate?: number;
};
export const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: AutocannonOptions,
) => Promise<AutocannonResult>;

export type HttpFigure = {
  name: string;
  path: string;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  total: number;
  failures: number;
};

export type HttpResult = { home: HttpFigure; users: HttpFigure; connections: number; durationS: number };

/** `name=value` pairs of the Set-Cookie headers, merged into `jar`. */
function absorbCookies(jar: Map<string, string>, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(';', 1)[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Signs in through the API (CSRF double submit) and returns the Cookie header of the session. */
export async function login(baseUrl: string): Promise<string> {
  const jar = new Map<string, string>();
  absorbCookies(jar, await fetch(`${baseUrl}/healthz`));
  const csrf = jar.get('gk_csrf');
  if (!csrf) throw new Error('no gk_csrf cookie from /healthz');
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf, cookie: cookieHeader(jar) },
    body: JSON.stringify(BENCH_USER),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  absorbCookies(jar, res);
  if (!jar.has('gk_session')) throw new Error('login answered 200 without a gk_session cookie');
  return cookieHeader(jar);
}

async function measure(
  name: string,
  baseUrl: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<HttpFigure> {
  // A request by hand first: a broken endpoint fails loudly instead of benchmarking error pages.
  const probe = await fetch(`${baseUrl}${path}`, { headers });
  await probe.arrayBuffer();
  if (probe.status !== 200) throw new Error(`GET ${path} answered ${probe.status}`);
  const url = `${baseUrl}${path}`;
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_S, headers });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  const failures = r.errors + r.non2xx;
  return {
    name,
    path,
    requestsPerSecond: r.requests.total / r.duration,
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    total: r.requests.total,
    failures,
  };
}

/** The administrator `login` signs in as, added with the CLI (before the server starts). */
export async function addBenchAdmin(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<void> {
  await runCli(
    dataDir,
    [
      'user',
      'add',
      '--username',
      BENCH_USER.username,
      '--name',
      '压测',
      '--role',
      'admin',
      '--org',
      '济宁市人民政府',
      '--password',
      BENCH_USER.password,
    ],
    env,
  );
}

export async function runHttpBench(): Promise<HttpResult> {
  return withPreparedData(async (dataDir) => {
    // The CLI refuses while a server holds the data folder, so the account comes first.
    await addBenchAdmin(dataDir);
    const server = await startServerProcess(dataDir);
    try {
      const home = await measure('portal home', server.url, '/');
      const cookie = await login(server.url);
      const users = await measure('admin API user list', server.url, '/api/users?pageSize=20', { cookie });
      return { home, users, connections: CONNECTIONS, durationS: DURATION_S };
    } finally {
      await server.stop();
    }
  });
}

export function formatHttpFigure(f: HttpFigure): string {
  const failures = f.failures ? `, ${f.failures} errors/non-2xx` : '';
  return (
    `${f.name} GET ${f.path}: ${Math.round(f.requestsPerSecond).toLocaleString('en')} req/s ` +
    `(p50 ${f.latencyP50Ms} ms, p99 ${f.latencyP99Ms} ms, ${f.total.toLocaleString('en')} requests${failures})`
  );
}

if (import.meta.main) {
  try {
    const r = await runHttpBench();
    console.log(`http (${r.connections} connections, ${r.durationS} s each):`);
    console.log(`  ${formatHttpFigure(r.home)} — target ≥ ${HOME_TARGET_RPS.toLocaleString('en')} req/s`);
    console.log(`  ${formatHttpFigure(r.users)}`);
  } catch (error) {
    console.error('http bench failed:', error);
    process.exitCode = 1;
  }
}
