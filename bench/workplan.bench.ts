/**
 * Benchmark: the 工作台账 ledger at scale, on a fresh PGlite database with the demo organisations.
 * 1. Import: a generated 2,000-row .xlsx task table (序号 | 工作任务 | 牵头单位 | 责任单位 | 具体要求 | 完成时限,
 *    1 lead + 1–3 responsible units per row out of 50 units, some written in other forms such as
 *    市发展和改革委员会) is parsed, its units matched and the plan saved, as the import preview and save
 *    do. Target < 3 s. Prints `workplan ledger import (2,000-row .xlsx): N ms (parse …, match …, save …)`.
 * 2. Dashboard: a plan of 2,000 tasks each assigned to all 50 units (100,000 assignments, statuses
 *    spread, a third past due) answers `dashboardOf` 200 times after 5 warm-up runs. Target p95 < 200 ms.
 *    Prints `workplan ledger dashboard (2,000 tasks × 50 units): median N ms, p95 N ms`.
 * Both lines also give the process's CPU time (PGlite runs in-process): on a busy machine wall time
 * includes waiting for a core, CPU time is the work itself. Exits non-zero only on error.
 */

import { PGlite } from '@electric-sql/pglite';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { seedDemoOrgs } from '../src/modules/orgs/seeds.ts';
import { distinctUnitNames } from '../src/modules/workplan/domain/units.ts';
import { parsePlanFile } from '../src/modules/workplan/importers/index.ts';
import { dashboardOf, previewUnits, savePlan } from '../src/modules/workplan/service.ts';
import { MODULES } from '../src/modules.ts';
import { prepareData } from '../src/platform/bootstrap.ts';
import { wrapPglite } from '../src/platform/db/client.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { orgIdByName } from '../test/helpers/factories.ts';

export const IMPORT_TARGET_MS = 3_000;
export const DASHBOARD_TARGET_MS = 200;
const ROWS = 2_000;
const UNITS = 50;
const TODAY = '2024-09-01';

const VARIANTS: Record<string, string> = {
  市发展改革委: '市发展和改革委员会',
  市人力资源社会保障局: '市人力资源和社会保障局',
  市卫生健康委: '市卫生健康委员会',
};

async function xlsx(units: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分解表');
  ws.addRow(['2024年政务公开工作任务分解表']);
  ws.addRow(['序号', '工作任务', '牵头单位', '责任单位', '具体要求', '完成时限']);
  for (let i = 1; i <= ROWS; i++) {
    const lead = units[i % units.length] as string;
    const resp = Array.from(
      { length: 1 + (i % 3) },
      (_, k) => units[(i * 7 + k * 13 + 1) % units.length] as string,
    ).filter((u) => u !== lead);
    const written = (u: string) => (i % 4 === 0 ? (VARIANTS[u] ?? u) : u);
    ws.addRow([
      i,
      `第${i}项工作任务：做好重点领域信息公开`,
      written(lead),
      [...new Set(resp)].map(written).join('、'),
      `围绕重点领域第${i}项工作，及时公开政策文件、工作进展和落实成效，做好政策解读和回应关切。`,
      i % 3 === 0 ? '长期坚持' : `2024年${1 + (i % 12)}月底前`,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const ms = (n: number) => n.toFixed(0);

/** CPU time (user + system) of this process in ms: PGlite runs in-process, so this is the work done. */
function cpuMs(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1000;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const pg = await PGlite.create();
const h = wrapPglite(pg);
try {
  await migrate(h.db);
  await prepareData(h.db, MODULES, false);
  await seedDemoOrgs(h.db);
  const city = await orgIdByName(h.db, '济宁市人民政府');
  // 50 departments: the demo's 32 and 18 more.
  const existing = await h.db
    .selectFrom('orgs')
    .select('name')
    .where('parent_id', '=', city)
    .where('kind', '=', 'department')
    .orderBy('sort_order')
    .execute();
  const extra = Array.from({ length: UNITS - existing.length }, (_, i) => `市测试事业发展中心${i + 1}`);
  if (extra.length > 0) {
    await h.db
      .insertInto('orgs')
      .values(extra.map((name, i) => ({ parent_id: city, name, kind: 'department', sort_order: 500 + i })))
      .execute();
  }
  const units = [...existing.map((o) => o.name), ...extra].slice(0, UNITS);
  const office = await h.db
    .insertInto('users')
    .values({
      username: 'bench_office',
      display_name: '公开办 测试',
      password_hash: '!',
      role: 'office',
      org_id: await orgIdByName(h.db, '市政府办公室'),
    })
    .returning(['id', 'username', 'display_name', 'role', 'org_id'])
    .executeTakeFirstOrThrow();
  const actor = {
    id: office.id,
    username: office.username,
    displayName: office.display_name,
    role: office.role,
    orgId: office.org_id,
  };
  const bytes = await xlsx(units);

  // 1. Import.
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const parsed = await parsePlanFile(bytes, 'bench.xlsx', {});
  const t1 = performance.now();
  const preview = await previewUnits(h.db, actor, city, parsed.tasks);
  const unknown = preview.units.filter((u) => u.orgId === null && !u.group);
  const t2 = performance.now();
  const { id: importedId } = await savePlan(h.db, actor, {
    orgId: city,
    year: 2024,
    title: '2024年政务公开工作任务分解表（基准）',
    docNumber: null,
    issuer: null,
    issuedDate: null,
    sourceName: 'bench.xlsx',
    sourceText: parsed.sourceText,
    tasks: parsed.tasks.map((t) => ({ ...t, dueSuggested: t.dueSuggested ?? null })),
    unitMappings: [],
    createUnits: [],
    parentPlanId: null,
  });
  const t3 = performance.now();
  const importCpu = cpuMs(process.cpuUsage(cpu0));
  if (parsed.tasks.length !== ROWS) throw new Error(`parsed ${parsed.tasks.length} rows, expected ${ROWS}`);
  if (unknown.length > 0) throw new Error(`unmatched units: ${unknown.map((u) => u.name).join(', ')}`);
  const imported = await h.db
    .selectFrom('work_assignments as a')
    .innerJoin('work_tasks as t', 't.id', 'a.task_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('t.plan_id', '=', importedId)
    .executeTakeFirstOrThrow();
  const unitNames = distinctUnitNames(parsed.tasks).length;
  console.log(
    `workplan ledger import (2,000-row .xlsx): ${ms(t3 - t0)} ms (parse ${ms(t1 - t0)}, match ${ms(t2 - t1)}, ` +
      `save ${ms(t3 - t2)}; CPU ${ms(importCpu)} ms; ${unitNames} unit names, ${Number(imported.n)} assignments)`,
  );

  // 2. Dashboard: 2,000 tasks × 50 units.
  const plan = await h.db
    .insertInto('work_plans')
    .values({ org_id: city, year: 2024, title: '仪表盘基准', created_by: office.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`
    insert into work_tasks (plan_id, seq, task, requirement, due, recurring)
    select ${plan.id}, g, '任务' || g, '要求' || g,
      case when g % 5 = 0 then null else date '2024-01-31' + ((g % 12) * 30) end, g % 5 = 0
    from generate_series(1, ${ROWS}) g`.execute(h.db);
  await sql`
    insert into work_assignments (task_id, org_id, role, status, review_state, sort_order)
    select t.id, o.id, case when o.rn = 1 then 'lead' else 'responsible' end,
      (array['not_started', 'in_progress', 'done', 'ongoing', 'done'])[1 + ((t.seq + o.rn) % 5)],
      (array['none', 'submitted', 'accepted', 'returned', 'accepted'])[1 + ((t.seq * 3 + o.rn) % 5)],
      o.rn
    from work_tasks t
    cross join (
      select id, row_number() over (order by sort_order, id) as rn
      from orgs where parent_id = ${city} and kind = 'department'
      order by sort_order, id limit ${UNITS}
    ) o
    where t.plan_id = ${plan.id}`.execute(h.db);
  await sql`analyze`.execute(h.db);
  for (let i = 0; i < 5; i++) await dashboardOf(h.db, plan.id, TODAY);
  const times: number[] = [];
  const cpu: number[] = [];
  let last = await dashboardOf(h.db, plan.id, TODAY);
  for (let i = 0; i < 200; i++) {
    const c = process.cpuUsage();
    const s = performance.now();
    last = await dashboardOf(h.db, plan.id, TODAY);
    times.push(performance.now() - s);
    cpu.push(cpuMs(process.cpuUsage(c)));
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const t = last.totals;
  console.log(
    `workplan ledger dashboard (2,000 tasks × 50 units): median ${percentile(times, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(times, 95).toFixed(1)} ms (CPU median ${percentile(cpu, 50).toFixed(1)} ms, ` +
      `p95 ${percentile(cpu, 95).toFixed(1)} ms; ${t.assignments} assignments, ${last.byUnit.length} units, ` +
      `${t.overdue} overdue; 200 runs, PGlite)`,
  );
} finally {
  await h.close();
}
