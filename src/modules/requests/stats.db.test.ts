import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import type { StatsTable } from '../../platform/stats.ts';
import { reportRowOf } from './domain/analytics.ts';
import { APPLICANT_TYPES } from './domain/applicant.ts';
import { REPORT_ROW_KEYS } from './domain/outcomes.ts';
import { requestsModule } from './manifest.ts';
import { seedDemoRequests } from './seeds.ts';

let t: TestApp;
let city: number;
let finance: number;

before(async () => {
  t = await createTestApp();
  await seedDemoRequests(t.db);
  const id = async (name: string) =>
    (await t.db.selectFrom('orgs').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  city = await id('济宁市人民政府');
  finance = await id('市财政局');
});
after(() => t.close());

const stats = async (year: number, orgIds?: number[]): Promise<StatsTable> => {
  assert.ok(requestsModule.stats, 'the manifest declares stats');
  const tables = await requestsModule.stats(t.db, orgIds ? { year, orgIds } : { year });
  assert.equal(tables.length, 1);
  return tables[0] as StatsTable;
};
const row = (table: StatsTable, key: string) => {
  const r = table.rows.find((x) => x.key === key);
  assert.ok(r, key);
  return r.counts;
};

test('applications received and answered per outcome row of table 三, by applicant type', async () => {
  for (const year of [2024, 2025, 2026]) {
    const table = await stats(year, [city]);
    assert.equal(table.key, 'requests.applications');
    assert.deepEqual(
      table.columns.map((c) => c.label),
      ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'],
    );
    assert.deepEqual(
      table.rows.map((r) => r.key),
      ['received', ...REPORT_ROW_KEYS, 'pending'],
    );
    const cases = await t.db
      .selectFrom('requests')
      .select(['applicant_type', 'outcome', 'outcome_ground'])
      .where('org_id', '=', city)
      .where(sql<boolean>`received_on between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date`)
      .execute();
    assert.ok(cases.length > 0, `demo cases in ${year}`);
    const expected = (keep: (c: (typeof cases)[number]) => boolean) => {
      const byType = APPLICANT_TYPES.map(
        (type) => cases.filter((c) => c.applicant_type === type && keep(c)).length,
      );
      return [...byType, byType.reduce((s, n) => s + n, 0)];
    };
    assert.deepEqual(
      row(table, 'received'),
      expected(() => true),
      `received ${year}`,
    );
    assert.deepEqual(
      row(table, 'pending'),
      expected((c) => c.outcome === null),
      `pending ${year}`,
    );
    for (const key of REPORT_ROW_KEYS)
      assert.deepEqual(
        row(table, key),
        expected((c) => c.outcome !== null && reportRowOf(c.outcome, c.outcome_ground) === key),
        `${key} ${year}`,
      );
  }
  const y2024 = await stats(2024, [city]);
  assert.equal(row(y2024, '3.1').at(-1), 1, 'the demo case disclosed');
  assert.equal(row(y2024, '3.3.6').at(-1), 1, 'the withheld meeting minutes (过程性信息)');
  assert.equal(y2024.rows.find((r) => r.key === '3.3.6')?.label, '（三）不予公开 6.属于四类过程性信息');
  assert.equal(row(y2024, '3.6.1').at(-1), 1, 'deemed withdrawn without correction');
});

test('only the cases addressed to the agencies asked for; all agencies when none is named', async () => {
  const finance2024 = await stats(2024, [finance]);
  assert.ok(finance2024.rows.every((r) => r.counts.every((n) => n === 0)));
  const all = await stats(2024);
  const total = await t.db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(sql<boolean>`received_on between '2024-01-01'::date and '2024-12-31'::date`)
    .executeTakeFirstOrThrow();
  assert.equal(row(all, 'received').at(-1), Number(total.n));
});
