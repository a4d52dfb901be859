import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { documentsModule } from '../documents/index.ts';
import { QUALITY_CASES, REFUSED_CASES } from './quality.cases.ts';
import { ask, refreshIndex } from './service.ts';

/** The share of the quality set answered (the expected passage in the top 3) must stay at or above this. */
const FLOOR = 0.95;

let t: TestApp;
before(async () => {
  t = await createTestApp();
  await documentsModule.seed?.(t.db);
  await refreshIndex(t.db);
  // The quality set measures the passages alone: the curated pairs are seeded by qaModule.seed only.
});
after(() => t.close());

test(`quality: the expected passage is in the top 3 for at least ${FLOOR * 100}% of ${QUALITY_CASES.length} questions`, async () => {
  assert.ok(QUALITY_CASES.length >= 60);
  const misses: string[] = [];
  for (const c of QUALITY_CASES) {
    const r = await ask(t.db, c.q, { channel: 'cli', limit: 3, log: false });
    if (!r.answers.slice(0, 3).some((a) => a.text.includes(c.expect)))
      misses.push(
        `${c.q} → ${r.refused ? '（拒答）' : r.answers.map((a) => a.text.slice(0, 40)).join(' / ')}`,
      );
  }
  const share = (QUALITY_CASES.length - misses.length) / QUALITY_CASES.length;
  console.log(
    `qa quality: ${QUALITY_CASES.length - misses.length}/${QUALITY_CASES.length} = ${(share * 100).toFixed(1)}% in the top 3`,
  );
  for (const m of misses) console.log(`  miss: ${m}`);
  assert.ok(share >= FLOOR, `share ${share} below ${FLOOR}`);
});

test('never an answer from a repealed or expired document: the document in force that replaced it is cited', async () => {
  const replaced = await t.db
    .selectFrom('document_relations as r')
    .innerJoin('documents as old', 'old.id', 'r.target_id')
    .innerJoin('documents as n', 'n.id', 'r.document_id')
    .select(['old.id as oldId', 'old.title as oldTitle', 'n.id as newId', 'old.body_text as oldBody'])
    .where('r.kind', 'in', ['repeals', 'replaces'])
    .where('r.applied', '=', true)
    .where('old.status', '=', 'published')
    .where('old.attribute', '=', 'proactive')
    .where('n.validity', 'in', ['valid', 'amended'])
    .where('n.status', '=', 'published')
    .where('n.attribute', '=', 'proactive')
    .limit(5)
    .execute();
  assert.ok(replaced.length > 0, 'the demo library has replaced documents');
  const inForce = new Set(
    (
      await t.db.selectFrom('documents').select('id').where('validity', 'in', ['valid', 'amended']).execute()
    ).map((d) => d.id),
  );
  for (const d of replaced) {
    const r = await ask(t.db, d.oldTitle, { channel: 'cli', limit: 3, log: false });
    assert.equal(r.refused, false, d.oldTitle);
    for (const a of r.answers)
      assert.ok(inForce.has(a.document.id), `${d.oldTitle} cited ${a.document.title}`);
    assert.ok(!r.answers.some((a) => a.document.id === d.oldId));
  }
});

test('questions the library cannot answer are refused, pointing to the office', async () => {
  for (const q of REFUSED_CASES) {
    const r = await ask(t.db, q, { channel: 'cli', log: false });
    assert.equal(r.refused, true, q);
    assert.deepEqual(r.answers, []);
    assert.match(r.message ?? '', /公开指南/);
  }
});
