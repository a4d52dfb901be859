import { type Benchmark, figureOf } from '../../platform/benchmarks.ts';

/** Hostile files: the portal's latency while the organisation import reads a million-row .xlsx. */
export const orgsBenchmarks: Benchmark[] = [
  {
    script: 'bench/hostile-files.bench.ts',
    prefix: 'portal home while a hostile file is read',
    name: 'Portal home while a million-row .xlsx is read (organisation import preview, in a loop)',
    target: 'p99 < 100 ms',
    met: (l) => figureOf(l, 'p99') < 100,
  },
];
