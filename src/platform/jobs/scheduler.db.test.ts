import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { createTestDb } from '../../../test/helpers/db.ts';
import { loadConfig } from '../../config.ts';
import type { DbHandle } from '../db/client.ts';
import {
  createScheduler,
  type Job,
  type JobLogger,
  periodKey,
  type SchedulerClock,
  systemClock,
} from './scheduler.ts';

let h: DbHandle;
before(async () => {
  h = await createTestDb();
});
after(() => h.close());
beforeEach(async () => {
  await h.db.deleteFrom('job_runs').execute();
});

const config = loadConfig({});

/** A logger that keeps what it was told. */
function memoryLog() {
  const lines: { level: string; obj: unknown; msg?: string }[] = [];
  const at =
    (level: string) =>
    (obj: unknown, msg?: string): void => {
      lines.push({ level, obj, msg });
    };
  const log: JobLogger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { log, lines };
}

/** A clock that only moves when told to; timers fire only when the test fires them. */
function fakeClock(start: string) {
  let t = Date.parse(start);
  const timers: { fn: () => void; ms: number }[] = [];
  const clock: SchedulerClock = {
    now: () => new Date(t),
    setTimeout(fn, ms) {
      const handle = { fn, ms };
      timers.push(handle);
      return handle;
    },
    clearTimeout(handle) {
      const i = timers.indexOf(handle as (typeof timers)[number]);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  return {
    clock,
    timers,
    advance(ms: number) {
      t += ms;
    },
    /** Fire the next pending timer (as the event loop would). */
    fire() {
      const next = timers.shift();
      assert.ok(next, 'a timer is pending');
      next.fn();
    },
  };
}

function countingJob(name: string, everyMinutes: number, runs: Date[]): Job {
  return {
    name,
    everyMinutes,
    async run(_db, now) {
      runs.push(now);
    },
  };
}

test('period keys are aligned to the epoch, so every process computes the same ones', () => {
  const job = countingJob('x', 60, []);
  assert.equal(periodKey(job, new Date('2026-03-16T09:59:59.999Z')), '2026-03-16T09:00:00.000Z');
  assert.equal(periodKey(job, new Date('2026-03-16T10:00:00.000Z')), '2026-03-16T10:00:00.000Z');
  assert.equal(
    periodKey({ ...job, everyMinutes: 5 }, new Date('2026-03-16T10:07:30Z')),
    '2026-03-16T10:05:00.000Z',
  );
});

test('a job runs once per period, and again in the next period', async () => {
  const f = fakeClock('2026-03-16T10:00:05Z');
  const runs: Date[] = [];
  const s = createScheduler({
    db: h.db,
    jobs: [countingJob('a', 60, runs)],
    config,
    log: memoryLog().log,
    clock: f.clock,
  });
  await s.tick();
  f.advance(30 * 60_000);
  await s.tick();
  assert.equal(runs.length, 1, 'same hour: not again');
  f.advance(30 * 60_000);
  await s.tick();
  assert.equal(runs.length, 2, 'next hour: again');
  const rows = await h.db.selectFrom('job_runs').selectAll().orderBy('period_key').execute();
  assert.deepEqual(
    rows.map((r) => [r.name, r.period_key, r.error]),
    [
      ['a', '2026-03-16T10:00:00.000Z', null],
      ['a', '2026-03-16T11:00:00.000Z', null],
    ],
  );
  assert.ok(rows.every((r) => r.finished_at !== null));
});

test('the claim keeps a second scheduler (another process) from running the same period', async () => {
  const f = fakeClock('2026-03-16T10:00:05Z');
  const runsA: Date[] = [];
  const runsB: Date[] = [];
  const a = createScheduler({
    db: h.db,
    jobs: [countingJob('sweep', 60, runsA)],
    config,
    log: memoryLog().log,
    clock: f.clock,
  });
  const bLog = memoryLog();
  const b = createScheduler({
    db: h.db,
    jobs: [countingJob('sweep', 60, runsB)],
    config,
    log: bLog.log,
    clock: f.clock,
  });
  // Both at once, as two servers waking at the same moment.
  await Promise.all([a.tick(), b.tick()]);
  assert.equal(runsA.length + runsB.length, 1, 'exactly one of them ran the period');
  // Later in the same period: still nobody else.
  f.advance(20 * 60_000);
  const c = createScheduler({
    db: h.db,
    jobs: [countingJob('sweep', 60, runsB)],
    config,
    log: memoryLog().log,
    clock: f.clock,
  });
  await c.tick();
  assert.equal(runsA.length + runsB.length, 1, 'a process started later in the period does not rerun it');
  // The next period goes to whichever claims it first, once.
  f.advance(40 * 60_000);
  const bBefore = runsB.length;
  await b.tick();
  await a.tick();
  assert.equal(runsB.length, bBefore + 1);
  assert.equal(runsA.length + runsB.length, 2);
  assert.ok(bLog.lines.some((l) => l.level === 'debug' || l.level === 'info'));
});

test('a job that throws is logged and recorded; the other jobs and later periods still run', async () => {
  const f = fakeClock('2026-03-16T10:00:05Z');
  const { log, lines } = memoryLog();
  let calls = 0;
  const failing: Job = {
    name: 'failing',
    everyMinutes: 60,
    async run() {
      calls++;
      throw new Error('boom');
    },
  };
  const runs: Date[] = [];
  const s = createScheduler({
    db: h.db,
    jobs: [failing, countingJob('after-it', 60, runs)],
    config,
    log,
    clock: f.clock,
  });
  await s.tick();
  assert.equal(calls, 1);
  assert.equal(runs.length, 1, 'the next job ran');
  assert.ok(lines.some((l) => l.level === 'error' && l.msg === 'job failed'));
  const row = await h.db
    .selectFrom('job_runs')
    .selectAll()
    .where('name', '=', 'failing')
    .executeTakeFirstOrThrow();
  assert.equal(row.error, 'Error: boom');
  f.advance(60 * 60_000);
  await s.tick();
  assert.equal(calls, 2, 'tried again in the next period');
});

test('start() runs on unref’d timers, reschedules to the next period; stop() waits for the running job', async () => {
  const f = fakeClock('2026-03-16T10:59:30Z');
  let release: () => void = () => {};
  const started: Date[] = [];
  let finished = 0;
  const slow: Job = {
    name: 'slow',
    everyMinutes: 60,
    async run(_db, now) {
      started.push(now);
      await new Promise<void>((r) => {
        release = r;
      });
      finished++;
    },
  };
  const s = createScheduler({ db: h.db, jobs: [slow], config, log: memoryLog().log, clock: f.clock });
  s.start();
  assert.equal(f.timers.length, 1);
  assert.equal(f.timers[0]?.ms, 5_000, 'due jobs run shortly after start');
  f.fire();
  // Let the claim go through and the job start.
  while (started.length === 0) await new Promise((r) => setImmediate(r));
  let stopped = false;
  const stopping = s.stop().then(() => {
    stopped = true;
  });
  await new Promise((r) => setImmediate(r));
  assert.equal(stopped, false, 'stop() waits for the job');
  release();
  await stopping;
  assert.equal(finished, 1);
  assert.equal(f.timers.length, 0, 'nothing rescheduled after stop');

  // Rescheduling: 30 s before the hour the next look is 1 s after the hour.
  const g = fakeClock('2026-03-16T10:59:30Z');
  const runs: Date[] = [];
  const s2 = createScheduler({
    db: h.db,
    jobs: [countingJob('hourly', 60, runs)],
    config,
    log: memoryLog().log,
    clock: g.clock,
  });
  s2.start();
  g.fire();
  while (g.timers.length === 0) await new Promise((r) => setImmediate(r));
  assert.equal(runs.length, 1);
  assert.equal(g.timers[0]?.ms, 31_000);
  g.advance(31_000);
  g.fire();
  while (runs.length < 2) await new Promise((r) => setImmediate(r));
  assert.equal(runs[1]?.toISOString(), '2026-03-16T11:00:01.000Z');
  while (g.timers.length === 0) await new Promise((r) => setImmediate(r));
  assert.equal(g.timers[0]?.ms, 60_000, 'never waits longer than a minute');
  await s2.stop();
});

test('the system clock’s timers do not keep the process alive', () => {
  const t = systemClock.setTimeout(() => {}, 60_000) as NodeJS.Timeout;
  assert.equal(t.hasRef(), false);
  systemClock.clearTimeout(t);
});

test('claims older than 30 days are pruned; bad job lists are refused', async () => {
  const runs: Date[] = [];
  const f = fakeClock('2026-01-01T00:00:00Z');
  const s = createScheduler({
    db: h.db,
    jobs: [countingJob('p', 60, runs)],
    config,
    log: memoryLog().log,
    clock: f.clock,
  });
  await s.tick();
  f.advance(31 * 24 * 60 * 60_000);
  await s.tick();
  const keys = (await h.db.selectFrom('job_runs').select('period_key').execute()).map((r) => r.period_key);
  assert.deepEqual(keys, ['2026-02-01T00:00:00.000Z']);

  const job = countingJob('dup', 60, runs);
  assert.throws(() => createScheduler({ db: h.db, jobs: [job, job], config, log: memoryLog().log }));
  assert.throws(() =>
    createScheduler({ db: h.db, jobs: [{ ...job, everyMinutes: 0 }], config, log: memoryLog().log }),
  );
});
