import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDb } from '../../../test/helpers/db.ts';
import { MODULES } from '../../modules.ts';
import { prepareData } from '../../platform/bootstrap.ts';
import type { DbHandle } from '../../platform/db/client.ts';
import { checkCreditCode } from './domain/credit-code.ts';
import { seedEnterprisesDemo } from './seeds.ts';
import { matchesOf, packagesWithContent } from './service.ts';

let h: DbHandle;
let report: string[];
before(async () => {
  h = await createTestDb();
  report = await prepareData(h.db, MODULES, true);
});
after(() => h.close());

test('the demo: profiles with valid credit codes, policies with conditions they match, pushes, a package', async () => {
  assert.ok(
    report.some((l) => /政策找人：企业档案 12 户，设置申报条件的政策 4 项/.test(l)),
    report.join('\n'),
  );
  const rows = await h.db.selectFrom('enterprises').selectAll().orderBy('id').execute();
  assert.equal(rows.length, 12);
  for (const r of rows) assert.equal(checkCreditCode(r.credit_code).ok, true, r.credit_code);
  const matched = await Promise.all(rows.map((r) => matchesOf(h.db, r, { matchedOnly: true })));
  assert.ok(matched.filter((m) => m.length > 0).length >= 8, 'most demo enterprises match a policy');
  const funnel = await h.db
    .selectFrom('policy_pushes')
    .select((eb) => [eb.fn.countAll<number>().as('reached'), eb.fn.count<number>('granted_at').as('granted')])
    .executeTakeFirstOrThrow();
  assert.ok(Number(funnel.reached) >= 5);
  assert.equal(Number(funnel.granted), 2);
  const [pkg] = await packagesWithContent(h.db, true);
  assert.equal(pkg?.theme, '企业开办');
  assert.ok((pkg?.documents.length ?? 0) > 0);
  assert.ok((pkg?.qaPairs.length ?? 0) > 0);
  assert.deepEqual(await seedEnterprisesDemo(h.db), [], 'seeded once');
});
