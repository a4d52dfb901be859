import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import { type AuditLabels, installAuditLabels } from './audit/labels.ts';
import type { Benchmark } from './benchmarks.ts';
import type { ModuleCommands } from './commands.ts';
import type { Database } from './db/database.ts';
import type { Emit } from './events.ts';
import { type ErrorCatalog, installErrorCatalogs } from './http/errors.ts';
import type { Sessions } from './http/session.ts';
import type { Job } from './jobs/scheduler.ts';
import type { StatsQuery, StatsRecord, StatsRecordsQuery, StatsTable } from './stats.ts';

/** What every module is given: the database, the configuration and the session mechanics. */
export type ModuleContext = {
  db: Kysely<Database>;
  /**
   * For the portal's page reads and searches only: the read replicas when configured (`DbHandle.readDb`),
   * else `db`. Never for writes, nor in the console (staff must see what they just saved).
   */
  readDb: Kysely<Database>;
  config: Config;
  sessions: Sessions;
  siteName: string;
  /** Announce a change to the modules that handle it (`platform/events.ts`). */
  emit: Emit;
};

/** A line printed to the operator after seeding (e.g. a demo account and its password). */
export type SeedReport = string[];

/**
 * A module's manifest: everything the platform needs from a module, so that `app.ts`, `cli.ts` and
 * `bench/run.ts` register manifests only, without knowing what is inside: `api` under `/api`, `portal`
 * at the site root, `seed` once on an empty database, `jobs` on the scheduler, `errors` in the error
 * catalog, `commands` on the command line, `benchmarks` in `npm run bench`, `stats` on dashboards
 * and in the annual report.
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
  /**
   * Around demo seeding (`bootstrap.ts`): `before` may keep every module's `seed` from running (false,
   * e.g. the demo was removed or the database holds data already); `after` runs once they all ran.
   */
  seedGuard?: { before(db: Kysely<Database>): Promise<boolean>; after(db: Kysely<Database>): Promise<void> };
  /** Periodic jobs, run by the server's scheduler (at most once per period across a cluster). */
  jobs?: Job[];
  /** Handlers of other modules' events, by event name, run inside the announcing transaction. */
  on?: Record<string, (db: Kysely<Database>, payload: unknown) => Promise<void>>;
  /**
   * The module's error codes with their HTTP status and Chinese message (its `errors.ts`, which also
   * adds the codes to `ErrorCodes` for the compiler). Merged with the platform's and the other
   * modules' catalogs by `registerModules`; a code defined twice is refused.
   */
  errors?: ErrorCatalog;
  /**
   * The Chinese names of the audit actions it records and of their subject types (its `audit.ts`), so
   * the audit page says 合并机构 rather than `org.merge` (`platform/audit/labels.ts`).
   */
  auditLabels?: AuditLabels;
  /** `gongkai` commands (`gongkai <word> …`) with their lines of `gongkai help` (`platform/commands.ts`). */
  commands?: ModuleCommands;
  /**
   * Tables the database derives from the module's others by triggers (a search index's postings): left
   * out of a backup (`gongkai backup`); a restore empties them and the triggers fill them again as the
   * rows come back.
   */
  derivedTables?: string[];
  /** Benchmarks `npm run bench` runs after the platform's own (`platform/benchmarks.ts`). */
  benchmarks?: Benchmark[];
  /**
   * Counts the module contributes to dashboards and to the annual report, for one year and optionally
   * some organisations (`platform/stats.ts`): e.g. documents issued, repealed and in force per genre.
   */
  stats?: (db: Kysely<Database>, q: StatsQuery) => Promise<StatsTable[]>;
  /**
   * The records behind one cell of one of its `stats` tables (the drill-down of a figure): as many as the
   * cell counts. Null when the table, row or column is not one it lists.
   */
  statsRecords?: (db: Kysely<Database>, q: StatsRecordsQuery) => Promise<StatsRecord[] | null>;
};

/**
 * Assembles the module list (`src/modules.ts`) at start-up: refuses a module listed twice, a command
 * two modules declare or an error code defined twice, and installs every module's error catalog.
 * Returns the list.
 */
export function registerModules(modules: readonly ModuleManifest[]): readonly ModuleManifest[] {
  const names = new Set<string>();
  const commands = new Map<string, string>();
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`module ${m.name} is listed twice`);
    names.add(m.name);
    for (const command of Object.keys(m.commands?.handlers ?? {})) {
      const other = commands.get(command);
      if (other) throw new Error(`command ${command} is declared twice: by ${other} and by ${m.name}`);
      commands.set(command, m.name);
    }
  }
  installErrorCatalogs(modules.map((m) => ({ owner: m.name, errors: m.errors ?? {} })));
  installAuditLabels(
    modules.flatMap((m) => (m.auditLabels ? [{ owner: m.name, labels: m.auditLabels }] : [])),
  );
  return modules;
}
