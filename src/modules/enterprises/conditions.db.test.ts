import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';
import { CASE_CONDITIONS, CASE_PROFILES } from './domain/conditions.cases.ts';
import { matchPolicy } from './domain/conditions.ts';
import { matchesSql, matchingIds } from './store.ts';
import { insertEnterprise } from './testing.ts';

let t: TestApp;
const ids = new Map<string, number>();
let region: Record<number, number>;

before(async () => {
  t = await createTestApp();
  region = { 1: await orgIdByName(t.db, '济宁市人民政府'), 2: await orgIdByName(t.db, '邹城市人民政府') };
  let n = 1;
  for (const [key, p] of Object.entries(CASE_PROFILES))
    ids.set(key, await insertEnterprise(t.db, n++, { ...p, regionId: region[p.regionId] as number }));
});
after(() => t.close());

const mapRegions = <T extends { regionIds?: number[] }>(c: T): T =>
  c.regionIds ? { ...c, regionIds: c.regionIds.map((r) => region[r] as number) } : c;

test('the SQL filter and the domain matcher agree on the table of cases', async () => {
  for (const c of CASE_CONDITIONS) {
    const conditions = mapRegions(c.conditions);
    const expected = c.matches.map((k) => ids.get(k)).sort((a, b) => (a ?? 0) - (b ?? 0));
    assert.deepEqual(await matchingIds(t.db, conditions), expected, `SQL: ${c.name}`);
    const domain = Object.entries(CASE_PROFILES)
      .filter(
        ([, p]) => matchPolicy({ ...p, regionId: region[p.regionId] as number }, conditions, String).matched,
      )
      .map(([k]) => ids.get(k));
    assert.deepEqual(domain, expected, `domain: ${c.name}`);
  }
});

test('the filter over a stored jsonb column (per policy) answers as over a parameter', async () => {
  for (const c of CASE_CONDITIONS) {
    const conditions = JSON.stringify(mapRegions(c.conditions));
    const r = await sql<{ id: number }>`
      select e.id from enterprises e, (select ${conditions}::jsonb as conditions) pc
      where ${matchesSql(sql`pc.conditions`)} order by e.id`.execute(t.db);
    assert.deepEqual(
      r.rows.map((x) => x.id),
      await matchingIds(t.db, mapRegions(c.conditions)),
      c.name,
    );
  }
});
