import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from './db/database.ts';
import type { Emit } from './events.ts';
import type { Sessions } from './http/session.ts';
import type { Job } from './jobs/scheduler.ts';

/** What every module is given: the database, the configuration and the session mechanics. */
export type ModuleContext = {
  db: Kysely<Database>;
  config: Config;
  sessions: Sessions;
  siteName: string;
  /** Announce a change to the modules that handle it (`platform/events.ts`). */
  emit: Emit;
};

/** A line printed to the operator after seeding (e.g. a demo account and its password). */
export type SeedReport = string[];

/**
 * A module's manifest. `app.ts` registers manifests only, without knowing what is inside:
 * `api` under `/api`, `portal` at the site root, `seed` once on an empty database, `jobs` on the
 * scheduler.
 */
export type ModuleManifest = {
  name: string;
  api?: (app: FastifyInstance, ctx: ModuleContext) => Promise<void>;
  portal?: (app: FastifyInstance, ctx: ModuleContext) => Promise<void>;
  /** Portal column pages (e.g. `/gk/apply`) this module serves instead of the shell's placeholder. */
  portalPages?: string[];
  /** Idempotent reference data, run on every start (e.g. the bundled holiday calendar). */
  reference?: (db: Kysely<Database>, emit: Emit) => Promise<void>;
  /** Demo data, run once on a fresh database when demo seeding is on. */
  seed?: (db: Kysely<Database>) => Promise<SeedReport>;
  /** Periodic jobs, run by the server's scheduler (at most once per period across a cluster). */
  jobs?: Job[];
  /** Handlers of other modules' events, by event name, run inside the announcing transaction. */
  on?: Record<string, (db: Kysely<Database>, payload: unknown) => Promise<void>>;
};
