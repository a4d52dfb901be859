import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDb } from '../../../test/helpers/db.ts';
import type { DbHandle } from '../../platform/db/client.ts';
import type { StatsTable } from '../../platform/stats.ts';
import { seedDemoOrgs } from '../orgs/index.ts';
import { documentsModule } from './manifest.ts';

let h: DbHandle;
let city: number;
let county: number;

before(async () => {
  h = await createTestDb();
  await seedDemoOrgs(h.db);
  const idOf = async (name: string) =>
    (await h.db.selectFrom('orgs').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  city = await idOf('济宁市人民政府');
  county = await idOf('邹城市人民政府');
  let n = 0;
  const doc = (
    org: number,
    genre: string,
    written: string,
    more: {
      status?: 'draft' | 'published';
      validity?: 'valid' | 'amended' | 'repealed' | 'expired';
      changed?: string;
      effective?: string;
    } = {},
  ) => ({
    title: `文件${++n}`,
    index_number: `TEST-${n}`,
    org_id: org,
    genre,
    written_date: written,
    status: more.status ?? 'published',
    validity: more.validity ?? 'valid',
    validity_changed_on: more.changed ?? null,
    effective_date: more.effective ?? null,
  });
  await h.db
    .insertInto('documents')
    .values([
      // 规章: two written in 2025 (one later amended: still in force), one from 2023 repealed in 2025.
      doc(city, 'rule', '2025-03-01'),
      doc(city, 'rule', '2025-06-01', { validity: 'amended', changed: '2026-01-10' }),
      doc(city, 'rule', '2023-05-01', { validity: 'repealed', changed: '2025-09-30' }),
      // 行政规范性文件: in force at the end of 2025 though repealed in 2026; one not in effect before 2026.
      doc(city, 'normative', '2024-02-01', { validity: 'repealed', changed: '2026-02-01' }),
      doc(city, 'normative', '2025-12-20', { effective: '2026-01-01' }),
      // Not counted: a draft, an expired (not repealed) one, and a county's document when only the city is asked.
      doc(city, 'normative', '2025-04-01', { status: 'draft' }),
      doc(city, 'notice', '2022-01-01', { validity: 'expired', changed: '2025-03-01' }),
      doc(county, 'rule', '2025-07-01'),
    ])
    .execute();
});
after(() => h.close());

const cells = (table: StatsTable | undefined, row: string) => {
  const r = table?.rows.find((x) => x.key === row);
  assert.ok(r, row);
  return Object.fromEntries(table?.columns.map((c, i) => [c.key, r.counts[i]]) ?? []);
};

test('documents issued, repealed and in force per genre in a year, by the issuing organisation', async () => {
  const stats = documentsModule.stats;
  assert.ok(stats, 'the manifest declares stats');
  const [table, ...more] = await stats(h.db, { year: 2025, orgIds: [city] });
  assert.equal(more.length, 0);
  assert.equal(table?.key, 'documents.genres');
  assert.deepEqual(
    table?.columns.map((c) => c.label),
    ['本年制发件数', '本年废止件数', '现行有效件数'],
  );
  assert.equal(table?.rows[0]?.label, '规章');
  assert.deepEqual(cells(table, 'rule'), { issued: 2, repealed: 1, inForce: 2 });
  assert.deepEqual(cells(table, 'normative'), { issued: 1, repealed: 0, inForce: 1 });
  assert.deepEqual(cells(table, 'notice'), { issued: 0, repealed: 0, inForce: 0 });
  assert.deepEqual(cells(table, 'letter'), { issued: 0, repealed: 0, inForce: 0 }, 'every genre has its row');

  const [all] = await stats(h.db, { year: 2025 });
  assert.deepEqual(cells(all, 'rule'), { issued: 3, repealed: 1, inForce: 3 }, 'all organisations');

  const [y2024] = await stats(h.db, { year: 2024, orgIds: [city] });
  assert.deepEqual(cells(y2024, 'rule'), { issued: 0, repealed: 0, inForce: 1 });
  assert.deepEqual(cells(y2024, 'normative'), { issued: 1, repealed: 0, inForce: 1 });
  assert.deepEqual(cells(y2024, 'notice'), { issued: 0, repealed: 0, inForce: 1 });
});
