/**
 * Benchmark: parsing each provided task-table seed (`demo/sources`)
 * with `parsePlanText`, from text already in memory. 5 warm-up parses, then 51 timed parses per seed.
 * Target: median < 50 ms per seed. Prints one line per seed, e.g.
 * `workplan parse (jining-2022.txt, 84 tasks): median 4.1 ms, p95 6.0 ms`; exits non-zero only on error.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePlanText } from '../src/modules/workplan/importers/index.ts';

export const WORKPLAN_PARSE_TARGET_MS = 50;
const SEEDS_DIR = path.resolve(import.meta.dirname, '../demo/sources');
const SEEDS = ['jining-2022.txt', 'laiwu-2021.txt', 'jining-2021.txt'];
const WARMUP = 5;
const RUNS = 51;

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;

for (const file of SEEDS) {
  const text = readFileSync(path.join(SEEDS_DIR, file), 'utf8');
  let tasks = 0;
  for (let i = 0; i < WARMUP; i++) tasks = parsePlanText(text).tasks.length;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    parsePlanText(text);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `workplan parse (${file}, ${tasks} tasks): median ${quantile(times, 0.5).toFixed(1)} ms, p95 ${quantile(times, 0.95).toFixed(1)} ms`,
  );
}
