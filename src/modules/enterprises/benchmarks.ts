import { type Benchmark, figureOf } from '../../platform/benchmarks.ts';

/** 政策找人: a new policy matched against (and pushed to) 100,000 enterprise profiles, set-based in SQL. */
export const enterprisesBenchmarks: Benchmark[] = [
  {
    script: 'src/modules/enterprises/bench/match.bench.ts',
    prefix: 'enterprises.match',
    name: 'Policy matching, 100,000 enterprise profiles, a new policy pushed',
    target: '< 5 s',
    met: (line) => figureOf(line, 'median') < 5_000,
    result: (line) => `${figureOf(line, 'median')} ms per new policy`,
  },
];
