import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { createTestDb } from '../../../test/helpers/db.ts';
import { actorOf, createTestUser } from '../../../test/helpers/factories.ts';
import type { DbHandle } from '../../platform/db/client.ts';
import { findOrgByName, seedDemoOrgs } from '../orgs/index.ts';
import { planWorkbook } from './export.ts';
import { parsePlanFile } from './importers/index.ts';
import { createLaiwuTree } from './laiwu.fixtures.ts';
import { seedWorkplan } from './seeds.ts';
import { dashboardOf, importParsedPlan, planForExport, planTitleOf } from './service.ts';

let h: DbHandle;
before(async () => {
  h = await createTestDb();
  await seedDemoOrgs(h.db);
});
after(() => h.close());

test('demo ledger: two 济宁 plans, units mapped, progress in every state, idempotent', async () => {
  const lines = await seedWorkplan(h.db);
  assert.equal(lines.filter((l) => l.startsWith('工作台账演示：')).length, 2);
  const plans = await h.db
    .selectFrom('work_plans as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.year', 'p.title', 'o.name as org', 'p.doc_number'])
    .select((eb) =>
      eb
        .selectFrom('work_tasks')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('plan_id', '=', 'p.id')
        .as('tasks'),
    )
    .orderBy('p.id')
    .execute();
  assert.deepEqual(
    plans.map((p) => [p.org, p.year, Number(p.tasks)]),
    [
      ['济宁市人民政府', 2021, 66],
      ['济宁市人民政府', 2022, 84],
    ],
  );
  assert.equal(plans[0]?.title, '2021年济宁市政务公开工作任务分解表');
  assert.equal(plans[0]?.doc_number, '济政办字〔2021〕18号');

  // The demo is one city: no organisation outside the 济宁市 tree (莱芜区 belongs to 济南市).
  const roots = await h.db.selectFrom('orgs').select('name').where('parent_id', 'is', null).execute();
  assert.deepEqual(
    roots.map((r) => r.name),
    ['济宁市人民政府'],
  );
  assert.equal(await findOrgByName(h.db, '莱芜区人民政府'), undefined);

  // Every state is present, with dates in the plan's year.
  const states = await h.db
    .selectFrom('work_assignments')
    .select(['status', 'review_state'])
    .distinct()
    .execute();
  const keys = new Set(states.map((s) => `${s.status}/${s.review_state}`));
  for (const k of [
    'not_started/none',
    'in_progress/submitted',
    'done/returned',
    'done/accepted',
    'ongoing/accepted',
  ]) {
    assert.ok(keys.has(k), k);
  }
  const dated = await h.db
    .selectFrom('work_progress as w')
    .innerJoin('work_assignments as a', 'a.id', 'w.assignment_id')
    .innerJoin('work_tasks as t', 't.id', 'a.task_id')
    .innerJoin('work_plans as p', 'p.id', 't.plan_id')
    .select(['w.submitted_at', 'p.year', 'w.decision', 'w.review_comment'])
    .execute();
  assert.ok(dated.length > 100);
  assert.ok(dated.every((d) => d.submitted_at.getUTCFullYear() === d.year));
  assert.ok(dated.some((d) => d.decision === 'returned' && d.review_comment));

  assert.deepEqual(await seedWorkplan(h.db), []);
});

test('莱芜区 (test data, not demo): its table imported into its own 济南市 tree, kept from 济宁', async () => {
  const { laiwuId, officeId } = await createLaiwuTree(h.db);
  await createTestUser(h.db, { username: 'laiwu', role: 'office', org: officeId });
  const bytes = await readFile(
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../demo/sources/laiwu-2021.txt'),
  );
  const parsed = await parsePlanFile(bytes, 'laiwu-2021.txt', { year: 2021 });
  const imported = await importParsedPlan(h.db, {
    parsed,
    fileName: 'laiwu-2021.txt',
    orgRef: '莱芜区人民政府',
    year: 2021,
  });
  assert.ok(imported.ok);
  const plans = [{ id: imported.ok ? imported.id : 0 }];
  const laiwu = await h.db
    .selectFrom('orgs as c')
    .innerJoin('orgs as p', 'p.id', 'c.parent_id')
    .select(['c.id', 'p.name as parent'])
    .where('c.id', '=', laiwuId)
    .executeTakeFirstOrThrow();
  // 莱芜区 sits under 济南市, and its table's short names matched its departments' official names.
  assert.equal(laiwu.parent, '济南市人民政府');
  const laiwuUnits = await h.db
    .selectFrom('work_assignments as a')
    .innerJoin('work_tasks as t', 't.id', 'a.task_id')
    .innerJoin('orgs as o', 'o.id', 'a.org_id')
    .select(['o.name', 'a.unit_text', 'o.parent_id'])
    .where('t.plan_id', '=', plans[0]?.id as number)
    .execute();
  assert.ok(laiwuUnits.every((u) => u.parent_id === laiwu.id));
  assert.ok(laiwuUnits.some((u) => u.name === '莱芜区发展和改革局' && u.unit_text === '区发展改革局'));

  // 莱芜区's office manages its plan; its export has no deadline column, as its table had none.
  const laiwuOffice = await actorOf(h.db, 'laiwu');
  const laiwuPlan = plans[0]?.id as number;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    (await planWorkbook(
      await planForExport(h.db, laiwuOffice, laiwuPlan, '2022-01-15'),
    )) as unknown as ArrayBuffer,
  );
  const sheet = wb.getWorksheet('工作台账');
  assert.ok(sheet);
  const header = (sheet.getRow(2).values as unknown[]).slice(1);
  assert.deepEqual(header, ['序号', '工作任务', '责任单位', '具体要求', '状态', '进展情况', '佐证材料']);
  const dash = await dashboardOf(h.db, laiwuPlan, '2022-01-15');
  assert.equal(dash.totals.tasks, 33);
  assert.ok(dash.totals.assignments > 0);
  // The 济宁 office does not see 莱芜区 (another city).
  const jiningOffice = await actorOf(h.db, 'office');
  await assert.rejects(planForExport(h.db, jiningOffice, laiwuPlan, '2022-01-15'), { code: 'NOT_FOUND' });
});

test('command-line import: by organisation name, refuses unknown units and organisations', async () => {
  await createLaiwuTree(h.db);
  const bytes = await readFile(
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../demo/sources/laiwu-2021.txt'),
  );
  const parsed = await parsePlanFile(bytes, 'laiwu-2021.txt', { year: 2023 });
  const ok = await importParsedPlan(h.db, {
    parsed,
    fileName: 'laiwu-2021.txt',
    orgRef: '莱芜区人民政府',
    year: 2023,
  });
  assert.deepEqual(ok.ok && [ok.orgName, ok.year, ok.tasks, ok.title], [
    '莱芜区人民政府',
    2023,
    33,
    '2021年莱芜区政务公开工作要点',
  ]);
  assert.deepEqual(await importParsedPlan(h.db, { parsed, fileName: 'x.txt', orgRef: '不存在的机构' }), {
    ok: false,
    reason: 'org',
  });
  const table = [
    '附件',
    '序号\t工作任务\t责任单位\t完成时限',
    '1\t做好公开\t区新设机构、区财政局\t2023年底',
  ].join('\n');
  const unknown = await parsePlanFile(Buffer.from(table), 't.txt', { year: 2023 });
  assert.deepEqual(
    await importParsedPlan(h.db, { parsed: unknown, fileName: 't.txt', orgRef: '莱芜区人民政府' }),
    {
      ok: false,
      reason: 'units',
      names: ['区新设机构'],
    },
  );
  assert.equal(
    planTitleOf('关于印发《2022年济宁市政务公开工作要点》的通知', 2022),
    '2022年济宁市政务公开工作要点',
  );
  assert.equal(planTitleOf(null, 2022), '2022年工作任务分解表');
});
