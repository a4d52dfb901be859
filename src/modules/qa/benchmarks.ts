import { type Benchmark, figureOf } from '../../platform/benchmarks.ts';

/** 政策问答: answering over a generated 100,000-passage index. */
export const qaBenchmarks: Benchmark[] = [
  {
    script: 'bench/qa.bench.ts',
    prefix: 'qa answer',
    name: 'Policy Q&A answer, 100,000 passages, 50 questions',
    target: 'p95 < 100 ms',
    met: (l) => figureOf(l) < 100,
    result: (l) => `p95 ${figureOf(l)} ms`,
  },
];
