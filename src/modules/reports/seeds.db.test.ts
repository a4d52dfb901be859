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
  // The register: a review upheld and one corrected, a lawsuit pending; the department's review pending.
  assert.deepEqual(city.figures.table4.slice(0, 5), [1, 1, 0, 0, 2]);
  assert.deepEqual(city.figures.table4.slice(5, 10), [0, 0, 0, 1, 1]);
  const land = rows.find((r) => r.name === '市自然资源和规划局');
  assert.deepEqual(land?.figures?.table4.slice(0, 5), [0, 0, 0, 1, 1]);
  const linked = await t.db
    .selectFrom('report_reviews')
    .innerJoin('requests', 'requests.id', 'report_reviews.request_id')
    .select(['report_reviews.result', 'report_reviews.request_case_no', 'requests.case_no'])
    .execute();
  assert.deepEqual(
    linked.map((r) => r.result).sort(),
    ['corrected', 'upheld'],
    'two entries name their application',
  );
  assert.ok(linked.every((r) => r.request_case_no === r.case_no));
  // Section 六 of the city's report: the complaints and reports of 2025; one of 2026 still awaits its answer.
  const texts = await t.db
    .selectFrom('reports')
    .select(['other', 'overview'])
    .where(
      'org_id',
      '=',
      (
        await t.db
          .selectFrom('orgs')
          .select('id')
          .where('name', '=', '济宁市人民政府')
          .executeTakeFirstOrThrow()
      ).id,
    )
    .executeTakeFirstOrThrow();
  assert.match(texts.other, /2025年，共收到涉及政府信息公开工作的投诉1件、举报1件，已答复2件。/);
  assert.match(texts.overview, /本年因政府信息公开工作被申请行政复议2件、提起行政诉讼1件。/);
  const waiting = await t.db
    .selectFrom('complaints')
    .select(['state', 'received_on'])
    .where('state', '=', 'assigned')
    .execute();
  assert.equal(waiting.length, 1);
  assert.ok((waiting[0]?.received_on ?? '') > '2025-12-31');
  assert.deepEqual(await seedDemoReports(t.db), [], 'seeds once');

  const page = await (await t.anonymous()).get('/gk/reports');
  assert.match(page.body, /济宁市人民政府2025年政府信息公开工作年度报告/);
});
