import { type Benchmark, figureOf } from '../../platform/benchmarks.ts';

/** 依申请公开 at scale: the deadline clock, the workbench, the analytics and the reminder sweep. */
export const requestsBenchmarks: Benchmark[] = [
  {
    script: 'bench/clock.bench.ts',
    prefix: 'clock:',
    name: 'Deadline clock, 1,000,000 computations',
    target: '< 1 s',
    met: (l) => figureOf(l, 'in') < 1000,
    result: (l) => `${Math.round(figureOf(l, 'in')).toLocaleString('en')} ms`,
  },
  {
    script: 'bench/requests.bench.ts',
    prefix: 'requests workbench',
    name: 'Workbench first page by unit, 200,000 cases',
    target: 'p95 < 100 ms',
    met: (l) => figureOf(l) < 100,
  },
  {
    script: 'bench/analytics.bench.ts',
    prefix: 'analytics',
    name: 'Analytics one-year summary, 200,000 cases',
    target: 'p95 < 100 ms',
    met: (l) => figureOf(l) < 100,
  },
  {
    script: 'bench/analytics.bench.ts',
    env: { PG: '1' },
    prefix: 'analytics',
    name: 'Analytics one-year summary, 200,000 cases',
    target: 'p95 < 100 ms',
    met: (l) => figureOf(l) < 100,
  },
  {
    script: 'bench/reminders.bench.ts',
    prefix: 'reminders',
    name: 'Reminder sweep, 50,000 open cases',
    target: '< 5 s',
    met: (l) => figureOf(l, 'in') < 5000,
  },
];
