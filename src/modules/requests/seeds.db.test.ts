import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { seedDemoRequests } from './seeds.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('the demo cases cover every stage and the typical outcomes, and seeding twice adds nothing', async () => {
  const report = await seedDemoRequests(t.db);
  assert.match(report.join(''), /14 件申请/);
  const rows = await t.db
    .selectFrom('requests')
    .select(['stage', 'outcome', 'paused', 'reply_due', 'received_on'])
    .execute();
  const stages = new Set(rows.map((r) => r.stage));
  for (const s of [
    'awaiting-confirmation',
    'registered',
    'processing',
    'awaiting-correction',
    'replied',
    'closed',
    'archived',
  ]) {
    assert.ok(stages.has(s), `a demo case in stage ${s}`);
  }
  const outcomes = new Set(rows.map((r) => r.outcome));
  for (const o of [
    'DISCLOSE',
    'PARTIAL',
    'WITHHOLD',
    'NOT_EXIST',
    'WITHDRAWN_NO_CORRECTION',
    'WITHDRAWN_NO_PAYMENT',
    'OTHER',
  ]) {
    assert.ok(outcomes.has(o), `a demo case with outcome ${o}`);
  }
  const years = new Set(rows.map((r) => r.received_on?.slice(0, 4)).filter(Boolean));
  assert.ok(years.has('2024') && years.has('2025'), 'spread over the years');
  assert.ok(
    rows.some((r) => r.paused && r.stage === 'processing'),
    'paused for a third party',
  );
  const events = await t.db.selectFrom('request_events').select('type').execute();
  for (const e of ['extend', 'fee-notice', 'consult-deliver', 'request-correction', 'archive']) {
    assert.ok(
      events.some((x) => x.type === e),
      `a demo event ${e}`,
    );
  }
  assert.deepEqual(await seedDemoRequests(t.db), []);
});
