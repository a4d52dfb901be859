/** The demo seeds: each register filled once; the stats per group of organisations. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';
import { seedDemoDuties } from './seeds.ts';
import { dutiesStats } from './stats.ts';

let t: TestApp;
let education: number;

before(async () => {
  t = await createTestApp();
  education = await orgIdByName(t.db, '市教育局');
});
after(() => t.close());

const count = async (register: 'errata' | 'opinions' | 'proposals' | 'accounts') =>
  (await t.db.selectFrom('duty_records').select('id').where('register', '=', register).execute()).length;

test('the demo seeds fill each register; stats answer per group', async () => {
  const lines = await seedDemoDuties(t.db);
  assert.match(lines[0] ?? '', /日常工作台账/);
  for (const register of ['errata', 'opinions', 'proposals', 'accounts'] as const)
    assert.ok((await count(register)) > 0, register);
  assert.deepEqual(await seedDemoDuties(t.db), []);
  const [proposals] = await dutiesStats(t.db, { year: 2025, tables: ['duties.proposals'] });
  // Assigned 120 days before 2026-03-16, in 2025. 市教育局: one suggestion, replied, the deputy satisfied, published in full.
  assert.deepEqual(proposals?.rows.find((r) => r.key === String(education))?.counts, [1, 0, 1, 1, 1, 0]);
  const groups = await dutiesStats(t.db, { year: 2026, groups: [{ key: 'edu', orgIds: [education] }] });
  assert.deepEqual(
    groups.map((g) => [g.key, g.group]),
    [
      ['duties.errata', 'edu'],
      ['duties.opinions', 'edu'],
      ['duties.proposals', 'edu'],
      ['duties.accounts', 'edu'],
    ],
  );
});
