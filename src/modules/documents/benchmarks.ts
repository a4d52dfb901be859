import { type Benchmark, figureOf } from '../../platform/benchmarks.ts';

/** 政府文件库: full-text search over a large library, the portal's document page under load. */
export const documentsBenchmarks: Benchmark[] = [
  {
    script: 'bench/search.bench.ts',
    prefix: 'search',
    name: 'Document search, 100,000 documents, 50 queries',
    target: 'p95 < 150 ms',
    met: (l) => figureOf(l) < 150,
  },
  {
    script: 'bench/search.bench.ts',
    env: { PG: '1' },
    prefix: 'search',
    name: 'Document search, 100,000 documents, 50 queries',
    target: 'p95 < 50 ms',
    met: (l) => figureOf(l) < 50,
  },
  {
    script: 'bench/documents-portal.bench.ts',
    prefix: 'portal document page',
    name: 'Portal document page, anonymous visitor',
    target: '≥ 1,000 req/s',
    met: (l) => Number(/: ([\d,]+) req\/s/.exec(l)?.[1]?.replaceAll(',', '') ?? Number.NaN) >= 1000,
  },
];
