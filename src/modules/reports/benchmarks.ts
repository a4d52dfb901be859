import { type Benchmark, figureOf } from '../../platform/benchmarks.ts';

/** 年度报告 at scale: a county with 200 agencies and 20,000 applications in the year (bench/reports.bench.ts). */
const all = (env?: Record<string, string>): Benchmark => ({
  script: 'bench/reports.bench.ts',
  ...(env ? { env } : {}),
  prefix: 'reports',
  name: 'Annual reports of a county: 200 agencies, 20,000 applications',
  target: 'all 200 agencies < 2 s; the county summary < 2 s',
  // The lines of all agencies and of the county summary carry the target; the others are reported beside them.
  met: (l) => !/all \d+ agencies|county summary of/.test(l) || figureOf(l, 'in') < 2000,
});

export const reportsBenchmarks: Benchmark[] = [all(), all({ PG: '1' })];
