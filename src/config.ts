import path from 'node:path';

/** Typed runtime configuration, read once from the environment. */
export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** When set, a real PostgreSQL server is used; otherwise PGlite in `dataDir/pglite`. */
  databaseUrl: string | null;
  uploadLimitBytes: number;
  publicUrl: string;
  /** Seed the demo city on first start of an empty database. */
  seedDemo: boolean;
  sessionIdleMinutes: number;
  logLevel: string;
};

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`Environment variable ${name} must be a whole number, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intFromEnv(env, 'PORT', 8080);
  const dataDir = path.resolve(env.GONGKAI_DATA || 'data');
  return {
    port,
    host: env.HOST || '::',
    dataDir,
    databaseUrl: env.DATABASE_URL || null,
    uploadLimitBytes: intFromEnv(env, 'GONGKAI_UPLOAD_LIMIT_MB', 50) * 1024 * 1024,
    publicUrl: env.GONGKAI_PUBLIC_URL || `http://localhost:${port}`,
    seedDemo: env.GONGKAI_SEED_DEMO !== '0',
    sessionIdleMinutes: intFromEnv(env, 'GONGKAI_SESSION_IDLE_MINUTES', 480),
    logLevel: env.LOG_LEVEL || 'warn',
  };
}
