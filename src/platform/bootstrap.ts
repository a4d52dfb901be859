import type { Kysely } from 'kysely';
import type { Database } from './db/database.ts';
import { emitterFor } from './events.ts';
import type { ModuleManifest, SeedReport } from './module.ts';

/** Reference data on every start; demo data once, on a database that has no data yet. */
export async function prepareData(
  db: Kysely<Database>,
  modules: readonly ModuleManifest[],
  seedDemo: boolean,
): Promise<SeedReport> {
  const emit = emitterFor(modules);
  for (const m of modules) if (m.reference) await m.reference(db, emit);
  const lines: SeedReport = [];
  if (!seedDemo) return lines;
  const guards = modules.flatMap((m) => (m.seedGuard ? [m.seedGuard] : []));
  for (const g of guards) if (!(await g.before(db))) return lines;
  for (const m of modules) if (m.seed) lines.push(...(await m.seed(db)));
  for (const g of guards) await g.after(db);
  return lines;
}
