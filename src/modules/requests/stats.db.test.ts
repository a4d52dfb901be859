import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { insertCaseRow } from '../../../test/helpers/request-cases.ts';
import type { StatsTable } from '../../platform/stats.ts';
import { reportRowOf } from './domain/analytics.ts';
import { APPLICANT_TYPES } from './domain/applicant.ts';
import { REPORT_ROW_KEYS } from './domain/outcomes.ts';
import { requestsModule } from './manifest.ts';
import { seedDemoRequests } from './seeds.ts';

let t: TestApp;
let city: number;
let finance: number;
let justice: number;

before(async () => {
  t = await createTestApp();
  await seedDemoRequests(t.db);
  const id = async (name: string) =>
    (await t.db.selectFrom('orgs').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  city = await id('济宁市人民政府');
  finance = await id('市财政局');
  justice = await id('市司法局');
});
after(() => t.close());

const tableOf = async (key: string, year: number, orgIds?: number[]): Promise<StatsTable> => {
  assert.ok(requestsModule.stats, 'the manifest declares stats');
  const tables = await requestsModule.stats(t.db, orgIds ? { year, orgIds } : { year });
  assert.deepEqual(
    tables.map((x) => x.key),
    ['requests.applications', 'requests.report'],
  );
  return tables.find((x) => x.key === key) as StatsTable;
};
const stats = (year: number, orgIds?: number[]) => tableOf('requests.applications', year, orgIds);
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

test('table 三 as the annual report counts it: received, carried in, concluded by conclusion date, carried forward', async () => {
  const c = (
    applicantType: string,
    receivedOn: string | null,
    concluded?: Parameters<typeof insertCaseRow>[1]['concluded'],
  ) =>
    insertCaseRow(t.db, { orgId: justice, applicantType, receivedOn, ...(concluded ? { concluded } : {}) });
  // received late 2024, answered in January 2025: 2024 一 and 四; 2025 二 and 三(一)
  await c('natural', '2024-11-20', { outcome: 'DISCLOSE', event: 'reply', on: '2025-01-10' });
  // received and answered in 2024: nothing in 2025
  await c('natural', '2024-06-01', { outcome: 'DISCLOSE', event: 'reply', on: '2024-06-20' });
  // 2025, withheld to protect a third party: 三(三)4
  await c('commercial', '2025-03-01', {
    outcome: 'WITHHOLD',
    ground: 'THIRD_PARTY_RIGHTS',
    event: 'reply',
    on: '2025-03-20',
  });
  // received at the end of 2025 and still open: 2025 一 and 四, 2026 二
  await c('research', '2025-12-20');
  // received in 2025, answered in 2026 (not held): 2025 一 and 四; 2026 二 and 三(四)1
  await c('legal-service', '2025-12-28', { outcome: 'NOT_EXIST', event: 'reply', on: '2026-01-15' });
  // withdrawn by the applicant in 2025: 三(六)3
  await c('natural', '2025-05-01', { outcome: 'OTHER', event: 'withdraw', on: '2025-05-03' });
  // received in 2023 and never concluded: carried in and forward every year since
  await c('public-interest', '2023-12-30');
  // awaiting confirmation of receipt: no date of receipt, never counted
  await c('other', null);

  const y2025 = await tableOf('requests.report', 2025, [justice]);
  assert.deepEqual(
    y2025.rows.map((r) => r.key),
    ['received', 'carriedIn', ...REPORT_ROW_KEYS, 'unmapped', 'carriedForward'],
  );
  const nonZero = (table: StatsTable) =>
    Object.fromEntries(table.rows.filter((r) => r.counts.some((n) => n !== 0)).map((r) => [r.key, r.counts]));
  // columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计
  assert.deepEqual(nonZero(y2025), {
    received: [1, 1, 1, 0, 1, 0, 4],
    carriedIn: [1, 0, 0, 1, 0, 0, 2],
    '3.1': [1, 0, 0, 0, 0, 0, 1],
    '3.3.4': [0, 1, 0, 0, 0, 0, 1],
    '3.6.3': [1, 0, 0, 0, 0, 0, 1],
    carriedForward: [0, 0, 1, 1, 1, 0, 3],
  });
  assert.deepEqual(nonZero(await tableOf('requests.report', 2024, [justice])), {
    received: [2, 0, 0, 0, 0, 0, 2],
    carriedIn: [0, 0, 0, 1, 0, 0, 1],
    '3.1': [1, 0, 0, 0, 0, 0, 1],
    carriedForward: [1, 0, 0, 1, 0, 0, 2],
  });
  assert.deepEqual(nonZero(await tableOf('requests.report', 2026, [justice])), {
    carriedIn: [0, 0, 1, 1, 1, 0, 3],
    '3.4.1': [0, 0, 0, 0, 1, 0, 1],
    carriedForward: [0, 0, 1, 1, 0, 0, 2],
  });
});
