/** The demo city's annual reports on 2025, computed from the demo cases and documents: they reconcile. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { documentsModule } from '../documents/index.ts';
import { requestsModule } from '../requests/index.ts';
import { seedDemoReports } from './seeds.ts';

let t: TestApp;
let report: string[];

before(async () => {
  t = await createTestApp();
  await requestsModule.seed?.(t.db);
  await documentsModule.seed?.(t.db);
  report = await seedDemoReports(t.db);
});
after(() => t.close());

test('the government’s and every department’s 2025 report reconcile and are published', async () => {
  assert.deepEqual(report.slice(1), [], report.join('\n'));
  const rows = await t.db
    .selectFrom('reports')
    .innerJoin('orgs', 'orgs.id', 'reports.org_id')
    .select(['orgs.name', 'reports.state', 'reports.year', 'reports.figures', 'reports.checks'])
    .execute();
  assert.ok(rows.length > 20, `${rows.length} reports`);
  assert.ok(rows.every((r) => r.state === 'published' && r.year === 2025));
  assert.ok(!rows.some((r) => r.name === '市政府办公室'), 'the office counts in the government’s report');
  const city = rows.find((r) => r.name === '济宁市人民政府');
  assert.ok(city?.figures && city.checks);
  assert.ok(
    city.checks.every((c) => c.ok || c.level === 'warning'),
    JSON.stringify(city.checks),
  );
  // The demo cases addressed to the city in 2025 are in its table 三, and documents in its table 二.
  assert.ok((city.figures.table3.一?.[6] ?? 0) > 0);
  assert.ok(city.figures.table2.normative[0] > 0);
  assert.deepEqual(city.figures.table4.slice(0, 5), [1, 0, 0, 0, 1]);
  assert.deepEqual(city.figures.table4.slice(5, 10), [0, 0, 0, 1, 1]);
  assert.deepEqual(await seedDemoReports(t.db), [], 'seeds once');

  const page = await (await t.anonymous()).get('/gk/reports');
  assert.match(page.body, /济宁市人民政府2025年政府信息公开工作年度报告/);
});
