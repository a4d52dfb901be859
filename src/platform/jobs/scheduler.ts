import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { Database } from '../db/database.ts';
import { deferPublicBumps } from '../http/page-cache-versions.ts';
import { now as platformNow } from '../time.ts';

/**
 * In-process scheduler for periodic jobs (reminder sweeps, e-mail delivery), safe to run in every
 * server process of a cluster: each job runs at most once per period across all processes sharing one
 * database.
 *
 * How: time is cut into periods of `everyMinutes` (aligned to the Unix epoch, so every process computes
 * the same period keys). Before running a job a process claims its period with
 * `insert into job_runs (name, period_key) … on conflict do nothing`; only the process whose insert
 * went in runs it. A plain unique-key insert behaves the same on PGlite and PostgreSQL (concurrent
 * inserters on PostgreSQL wait for the first to commit and then see the conflict).
 * Advisory locks were rejected: `pg_try_advisory_xact_lock` only keeps two runs from overlapping, not a
 * second run later in the same period; and on PGlite every pool client shares one backend session
 * (pool size 1), so the lock never conflicts and a transaction held open for the lock would block the
 * job's own queries.
 *
 * At most once: a process that crashes mid-run loses that period; the next period runs again, so jobs
 * must be idempotent (the reminder sweep is: notifications have a unique key).
 */

export interface JobRunsTable {
  name: string;
  period_key: string;
  started_at: Date | string;
  finished_at: Date | string | null;
  error: string | null;
}

declare module '../db/database.ts' {
  interface Database {
    job_runs: JobRunsTable;
  }
}

/** What a job may log through (pino's logger, e.g. `app.log`, fits). */
export type JobLogger = {
  debug(obj: unknown, msg?: string): void;
  info(obj: unknown, msg?: string): void;
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
};

export type JobContext = { config: Config; log: JobLogger };

export type Job = {
  /** Unique, stable (it is the claim key), e.g. `requests.reminders`. */
  name: string;
  everyMinutes: number;
  /** `now` is the scheduler's clock at the start of the tick (a fake one in tests). */
  run(db: Kysely<Database>, now: Date, ctx: JobContext): Promise<unknown>;
};

/** Timers and time, injectable so tests drive the scheduler without waiting. */
export type SchedulerClock = {
  now(): Date;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export const systemClock: SchedulerClock = {
  now: () => platformNow(),
  setTimeout(fn, ms) {
    const t = setTimeout(fn, ms);
    // A scheduled job never keeps the process alive by itself.
    t.unref();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

const MINUTE = 60_000;
/** Look again at least this often (system sleep, clock changes). */
const MAX_WAIT_MS = MINUTE;
/** Land this long after a period starts, so the new period is current on a slightly slow clock too. */
const AFTER_BOUNDARY_MS = 1_000;
const FIRST_RUN_DELAY_MS = 5_000;
/** Claims older than this are deleted when a job claims a new period. */
const KEEP_RUNS_DAYS = 30;

function periodMs(job: Job): number {
  return job.everyMinutes * MINUTE;
}

/** Start of the period `now` falls in, as an ISO timestamp (UTC): the same on every process. */
export function periodKey(job: Job, now: Date): string {
  const p = periodMs(job);
  return new Date(Math.floor(now.getTime() / p) * p).toISOString();
}

/** Claim `job`'s period for this process; false when another process (or an earlier tick) has it. */
export async function claimPeriod(db: Kysely<Database>, job: Job, now: Date): Promise<boolean> {
  const key = periodKey(job, now);
  const claimed = await db
    .insertInto('job_runs')
    .values({ name: job.name, period_key: key, started_at: now, finished_at: null, error: null })
    .onConflict((oc) => oc.doNothing())
    .returning('period_key')
    .executeTakeFirst();
  if (!claimed) return false;
  await db
    .deleteFrom('job_runs')
    .where('name', '=', job.name)
    .where('started_at', '<', new Date(now.getTime() - KEEP_RUNS_DAYS * 24 * 60 * MINUTE))
    .execute();
  return true;
}

async function finishRun(db: Kysely<Database>, job: Job, key: string, at: Date, error: string | null) {
  await db
    .updateTable('job_runs')
    .set({ finished_at: at, error })
    .where('name', '=', job.name)
    .where('period_key', '=', key)
    .execute();
}

export type Scheduler = {
  /** Run due jobs shortly (after `firstRunDelayMs`), then keep checking on timers (unref'd). */
  start(): void;
  /** Stop the timers and wait for a job that is running to finish. */
  stop(): Promise<void>;
  /** Run every job whose current period this process has not yet seen (claiming it first). */
  tick(): Promise<void>;
};

export type SchedulerOptions = {
  db: Kysely<Database>;
  jobs: readonly Job[];
  config: Config;
  log: JobLogger;
  clock?: SchedulerClock;
  /** Wait before the first look after `start()`, so start-up (first requests) comes first. */
  firstRunDelayMs?: number;
};

export function createScheduler(opts: SchedulerOptions): Scheduler {
  const { db, jobs, config, log } = opts;
  const clock = opts.clock ?? systemClock;
  const names = new Set<string>();
  for (const job of jobs) {
    if (names.has(job.name)) throw new Error(`Duplicate job name: ${job.name}`);
    names.add(job.name);
    if (!Number.isInteger(job.everyMinutes) || job.everyMinutes < 1)
      throw new Error(`Job ${job.name}: everyMinutes must be a whole number ≥ 1`);
  }
  /** The period each job was last looked at in this process: at most one claim attempt per period. */
  const seen = new Map<string, string>();
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let started = false;
  let stopped = false;

  async function runOne(job: Job, now: Date): Promise<void> {
    const key = periodKey(job, now);
    if (seen.get(job.name) === key) return;
    let claimed: boolean;
    try {
      claimed = await claimPeriod(db, job, now);
    } catch (err) {
      // Database unavailable: try again on the next tick.
      log.error({ err, job: job.name }, 'job claim failed');
      return;
    }
    seen.set(job.name, key);
    if (!claimed) {
      log.debug({ job: job.name, period: key }, 'job period already claimed by another process');
      return;
    }
    const t0 = performance.now();
    let error: string | null = null;
    try {
      // Public pages the job changed are refreshed once it is over (its writes committed).
      await deferPublicBumps(() => job.run(db, now, { config, log }));
      log.debug({ job: job.name, period: key, ms: Math.round(performance.now() - t0) }, 'job done');
    } catch (err) {
      error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      log.error({ err, job: job.name, period: key }, 'job failed');
    }
    try {
      await finishRun(db, job, key, clock.now(), error);
    } catch (err) {
      log.error({ err, job: job.name }, 'job run record could not be updated');
    }
  }

  async function tick(): Promise<void> {
    const now = clock.now();
    for (const job of jobs) {
      if (stopped) return;
      await runOne(job, now);
    }
  }

  function nextDelay(): number {
    const now = clock.now().getTime();
    let wait = MAX_WAIT_MS;
    for (const job of jobs) {
      const p = periodMs(job);
      const untilNext = p - (now % p) + AFTER_BOUNDARY_MS;
      wait = Math.min(wait, untilNext);
    }
    return Math.max(wait, 0);
  }

  function schedule(ms: number): void {
    timer = clock.setTimeout(() => {
      timer = null;
      running = tick()
        .catch((err) => log.error({ err }, 'scheduler tick failed'))
        .finally(() => {
          running = null;
          if (!stopped) schedule(nextDelay());
        });
    }, ms);
  }

  return {
    start() {
      if (started) throw new Error('Scheduler already started');
      started = true;
      if (jobs.length > 0) schedule(opts.firstRunDelayMs ?? FIRST_RUN_DELAY_MS);
    },
    async stop() {
      stopped = true;
      if (timer !== null) clock.clearTimeout(timer);
      timer = null;
      await running;
    },
    tick,
  };
}
