import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';
import type { Actor } from '../../platform/http/session.ts';
import { documentsModule } from '../documents/index.ts';
import { qaModule } from './index.ts';
import { ask } from './service.ts';

let t: TestApp;
let report: string[];
before(async () => {
  t = await createTestApp();
  await documentsModule.seed?.(t.db);
  report = (await qaModule.seed?.(t.db)) ?? [];
});
after(() => t.close());

test('the demo 政策问答库: ten published pairs on the 济宁 plans, ranked above passages, seeded once', async () => {
  console.log(report.join('\n'));
  const pairs = await t.db.selectFrom('qa_pairs').selectAll().where('status', '=', 'published').execute();
  assert.equal(pairs.length, 10);
  assert.ok(pairs.every((p) => !p.flagged));
  const r = await ask(t.db, '部门预算决算要不要公开', { channel: 'cli', log: false });
  assert.equal(r.answers[0]?.curated, true);
  assert.match(r.answers[0]?.text ?? '', /预决算公开范围/);
  assert.match(r.answers[0]?.document.title ?? '', /2021年济宁市政务公开工作任务分解表/);
  assert.deepEqual(await qaModule.seed?.(t.db), []);
});

test('the demo routed questions (sent, with the unit, awaiting review, overdue) and consultation records', async () => {
  const { listRoutedFor } = await import('./routing.service.ts');
  const { consultationInsights } = await import('./consultations.service.ts');
  // The city's disclosure office (市政府办公室): it sees the routed questions of the whole city.
  const office: Actor = {
    id: 0,
    username: 'demo-office',
    displayName: '公开办',
    role: 'office',
    orgId: await orgIdByName(t.db, '市政府办公室'),
  };
  const routed = await listRoutedFor(t.db, office, {});
  assert.deepEqual(routed.items.map((e) => e.row.status).sort(), [
    'answered',
    'assigned',
    'received',
    'sent',
  ]);
  assert.equal(routed.overdue, 1);
  assert.equal(routed.items.find((e) => e.overdue)?.row.status, 'received');
  const insights = await consultationInsights(t.db, office, {});
  assert.deepEqual(
    insights.frequent.map((g) => [g.size, g.pairId !== null]),
    [
      [4, false],
      [3, true],
    ],
  );
  const draft = await t.db.selectFrom('qa_pairs').selectAll().where('status', '=', 'draft').execute();
  assert.equal(draft.length, 1);
  assert.equal(insights.frequent[1]?.pairId, draft[0]?.id);
  assert.ok(insights.topics.topics.length >= 4);
});
