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
  {
    // The public page cache off and on (issue 19 item 3): search ≥ a fifth of the home, p99 < 500 ms.
    script: 'bench/portal-cache.bench.ts',
    prefix: 'portal cache',
    name: 'Portal pages with the page cache off / on (home, document, search, 5,000-comment consultation)',
    target: 'cache on: search ≥ 0.2 × home, every p99 < 500 ms',
    met: (l) =>
      !l.startsWith('portal cache on') ||
      (figureOf(l, 'search/home') >= 0.2 && [...l.matchAll(/p99 (\d+)/g)].every((m) => Number(m[1]) < 500)),
  },
];
