/**
 * Benchmarks a module declares in its manifest (`benchmarks`). `npm run bench` (bench/run.ts) runs the
 * platform's own (start-up, HTTP) and then every module's, each script in its own process, and writes
 * one row per result line into BENCHMARKS.md. They are measurements, not tests: a missed target is
 * reported, not failed.
 */
export type Benchmark = {
  /** The script, relative to the repository root (e.g. `bench/search.bench.ts`). */
  script: string;
  /** Extra environment of the script's process (e.g. `{ PG: '1' }` for PostgreSQL). */
  env?: Record<string, string>;
  /** The script's result lines start with this; each becomes a row. */
  prefix: string;
  /** The row's name. */
  name: string;
  /** The target as written in the table. */
  target: string;
  /** Whether a result line meets the target. */
  met(line: string): boolean;
  /** The figure a result line shows in the table; by default the line after its label. */
  result?(line: string): string;
};

/** The number after `label` in a result line (`p95 12.5` → 12.5), NaN when there is none. */
export function figureOf(line: string, label = 'p95'): number {
  return Number(new RegExp(`${label} (\\d+(?:\\.\\d+)?)`).exec(line)?.[1] ?? Number.NaN);
}
