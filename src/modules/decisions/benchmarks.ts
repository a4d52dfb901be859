import { type Benchmark, figureOf } from '../../platform/benchmarks.ts';

/**
 * Grouping 20,000 comments of 50–500 characters (bench/decisions-cluster.bench.ts): under 10 s. The
 * portal consultation page with 5,000 comments (bench/decisions-consultation.bench.ts): ≥ 500 req/s.
 */
export const decisionsBenchmarks: Benchmark[] = [
  {
    script: 'bench/decisions-cluster.bench.ts',
    prefix: 'decisions.cluster',
    name: 'Comment grouping, 20,000 comments of 50–500 characters',
    target: '< 10 s',
    met: (line) => figureOf(line, 'ms') < 10_000,
    result: (line) =>
      `${(figureOf(line, 'ms') / 1000).toFixed(1)} s (CPU ${(figureOf(line, 'cpu') / 1000).toFixed(1)} s)`,
  },
  {
    script: 'bench/decisions-consultation.bench.ts',
    prefix: 'decisions.consultation page',
    name: 'Portal consultation page with 5,000 comments, anonymous visitor',
    target: '≥ 500 req/s',
    met: (l) => Number(/: ([\d,]+) req\/s/.exec(l)?.[1]?.replaceAll(',', '') ?? Number.NaN) >= 500,
  },
];
