/**
 * Benchmark: `gongkai --help` — wall time from spawning `node src/cli.ts --help` to its exit, median of
 * 5 runs after one warm-up (the operating system's file cache warm). Target: < 1 s.
 *
 * Run alone: `node bench/cli-help.bench.ts`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { median, REPO_ROOT } from './startup.bench.ts';

export const CLI_HELP_RUNS = 5;
export const CLI_HELP_TARGET_MS = 1_000;

export type CliHelpResult = { runsMs: number[]; medianMs: number };

function once(): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'src/cli.ts'), '--help'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  const ms = performance.now() - started;
  if (r.status !== 0 || !r.stdout.includes('用法 usage: gongkai')) {
    throw new Error(`gongkai --help failed (${r.status}):\n${r.stderr || r.stdout}`);
  }
  return ms;
}

export function runCliHelpBench(runs = CLI_HELP_RUNS): CliHelpResult {
  once();
  const runsMs = Array.from({ length: runs }, once);
  return { runsMs, medianMs: median(runsMs) };
}

export function formatCliHelp(r: CliHelpResult): string {
  const runs = r.runsMs.map((ms) => Math.round(ms)).join(', ');
  return `cli --help: median ${Math.round(r.medianMs)} ms (runs: ${runs} ms; target < ${CLI_HELP_TARGET_MS} ms)`;
}

if (import.meta.main) {
  try {
    console.log(formatCliHelp(runCliHelpBench()));
  } catch (error) {
    console.error('cli --help bench failed:', error);
    process.exitCode = 1;
  }
}
