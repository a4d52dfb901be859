import { type Benchmark, figureOf } from '../../platform/benchmarks.ts';

/** 工作台账: parsing the task tables, a large import and the dashboard of a large plan. */
export const workplanBenchmarks: Benchmark[] = [
  {
    script: 'bench/workplan-parse.bench.ts',
    prefix: 'workplan parse',
    name: 'Work-plan task table parse, per seed (median of 51)',
    target: 'median < 50 ms',
    met: (l) => figureOf(l, 'median') < 50,
  },
  {
    script: 'bench/workplan.bench.ts',
    prefix: 'workplan ledger',
    name: 'Work-plan ledger: 2,000-row .xlsx import / dashboard of 2,000 tasks × 50 units',
    target: 'import < 3 s; dashboard p95 < 200 ms',
    met: (l) =>
      l.includes(' import ') ? Number(/: (\d+) ms/.exec(l)?.[1] ?? Number.NaN) < 3000 : figureOf(l) < 200,
  },
];
