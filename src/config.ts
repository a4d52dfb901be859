import path from 'node:path';
import { parseClockStart } from './platform/time.ts';

/** Typed runtime configuration, read once from the environment. */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** When set, a real PostgreSQL server is used; otherwise PGlite in `dataDir/pglite`. */
  databaseUrl: string | null;
  /**
   * `DATABASE_REPLICA_URLS`: streaming replicas of that server (comma-separated `postgres://…`), which
   * serve the portal's anonymous page reads and searches, round-robin, falling back to the primary while
   * one is down. Empty: every read goes to `databaseUrl`. Refused without DATABASE_URL.
   */
  databaseReplicaUrls: string[];
  uploadLimitBytes: number;
  publicUrl: string;
  /** Seed the demo city on first start of an empty database. */
  seedDemo: boolean;
  sessionIdleMinutes: number;
  logLevel: string;
  /** SMTP server for notification e-mail (`smtp://user:pass@host:587`, `smtps://…`); null: in-app only. */
  smtpUrl: string | null;
  /** Sender address of notification e-mail. */
  mailFrom: string;
  /** Working days before a reply deadline on which reminders go out (the due day itself always does). */
  reminderDays: number[];
  /** Working days before a ledger task's due date on which its units are reminded (the due day always). */
  workplanReminderDays: number;
  /**
   * `GONGKAI_CLOCK`: run the platform's clock from this instant instead of the system time (tests,
   * demonstrations, a staging server rehearsing a date). Null: the system clock.
   */
  clockStart: Date | null;
  /**
   * `GONGKAI_TRUST_PROXY`: the reverse proxies whose X-Forwarded-For is believed (addresses or CIDR
   * ranges, comma-separated, e.g. "127.0.0.1,10.0.0.0/8"). Unset: none — the client address is the
   * connection's, so per-address limits cannot be dodged with a forged header.
   */
  trustProxy: string[] | false;
  /**
   * The public page cache (`platform/http/page-cache.ts`): `GONGKAI_PAGE_CACHE_MB` (default 64; 0 turns
   * it off) and `GONGKAI_PAGE_CACHE_SECONDS`, the longest a cached page is served (default 60: changes
   * made by another process, e.g. the CLI, show within it). Null: off.
   */
  pageCache: { maxBytes: number; ttlMs: number } | null;
};

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`Environment variable ${name} must be a whole number, got "${raw}"`);
  return n;
}

function daysFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: string): number[] {
  const raw = env[name] || fallback;
  const days = raw.split(',').map((p) => Number(p.trim()));
  if (days.some((n) => !Number.isInteger(n) || n < 1 || n > 60))
    throw new Error(`Environment variable ${name} must list working days 1–60, e.g. "5,1", got "${raw}"`);
  return [...new Set(days)].sort((a, b) => b - a);
}

/** Lenient: a value that is not a whole number 0–60 means the default (as the job always read it). */
function windowFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 60 ? n : fallback;
}

function proxiesFromEnv(env: NodeJS.ProcessEnv): string[] | false {
  const list = (env.GONGKAI_TRUST_PROXY ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const bad = list.find((p) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(p));
  if (bad !== undefined)
    throw new Error(
      `Environment variable GONGKAI_TRUST_PROXY must list addresses or CIDR ranges, got "${bad}"`,
    );
  return list.length ? list : false;
}

function replicasFromEnv(env: NodeJS.ProcessEnv): string[] {
  const list = (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
  if (list.length === 0) return [];
  if (!env.DATABASE_URL)
    throw new Error(
      '设置了只读副本 DATABASE_REPLICA_URLS，但没有设置主库 DATABASE_URL；只读副本只用于 PostgreSQL。 / ' +
        'DATABASE_REPLICA_URLS needs DATABASE_URL (replicas are for PostgreSQL, not the embedded PGlite)',
    );
  const bad = list.find((u) => !/^postgres(ql)?:\/\//.test(u));
  if (bad !== undefined)
    throw new Error(
      `Environment variable DATABASE_REPLICA_URLS must list postgres:// addresses, got "${bad.replace(/\/\/[^@/]*@/, '//…@')}"`,
    );
  return list;
}

function clockFromEnv(env: NodeJS.ProcessEnv): Date | null {
  const raw = env.GONGKAI_CLOCK;
  if (!raw) return null;
  const start = parseClockStart(raw);
  if (!start)
    throw new Error(
      `Environment variable GONGKAI_CLOCK must be a date (2026-03-16) or an ISO date-time with a zone, got "${raw}"`,
    );
  return start;
}

function pageCacheFromEnv(env: NodeJS.ProcessEnv): Config['pageCache'] {
  const megabytes = intFromEnv(env, 'GONGKAI_PAGE_CACHE_MB', 64);
  const seconds = intFromEnv(env, 'GONGKAI_PAGE_CACHE_SECONDS', 60);
  if (megabytes === 0 || seconds === 0) return null;
  return { maxBytes: megabytes * 1024 * 1024, ttlMs: seconds * 1000 };
}

function defaultMailFrom(publicUrl: string): string {
  try {
    return `no-reply@${new URL(publicUrl).hostname}`;
  } catch {
    return 'no-reply@localhost';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intFromEnv(env, 'PORT', 8080);
  const dataDir = path.resolve(env.GONGKAI_DATA || 'data');
  const publicUrl = env.GONGKAI_PUBLIC_URL || `http://localhost:${port}`;
  return {
    port,
    host: env.HOST || '::',
    dataDir,
    databaseUrl: env.DATABASE_URL || null,
    databaseReplicaUrls: replicasFromEnv(env),
    uploadLimitBytes: intFromEnv(env, 'GONGKAI_UPLOAD_LIMIT_MB', 50) * 1024 * 1024,
    publicUrl,
    seedDemo: env.GONGKAI_SEED_DEMO !== '0',
    trustProxy: proxiesFromEnv(env),
    sessionIdleMinutes: intFromEnv(env, 'GONGKAI_SESSION_IDLE_MINUTES', 480),
    logLevel: env.LOG_LEVEL || 'warn',
    smtpUrl: env.GONGKAI_SMTP_URL || null,
    mailFrom: env.GONGKAI_MAIL_FROM || defaultMailFrom(publicUrl),
    reminderDays: daysFromEnv(env, 'GONGKAI_REMINDER_DAYS', '5,1'),
    workplanReminderDays: windowFromEnv(env, 'GONGKAI_WORKPLAN_REMINDER_DAYS', 5),
    clockStart: clockFromEnv(env),
    pageCache: pageCacheFromEnv(env),
  };
}
