/**
 * Learned synonyms: mining the library proposes 12345热线 ↔ 12345政务服务便民热线; only once the office
 * accepts it does 12345热线 find the documents that only say 12345政务服务便民热线.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { actorOf } from '../../../../test/helpers/factories.ts';
import type { Actor } from '../../../platform/http/session.ts';
import { type FixtureDoc, insertFixtureLibrary } from './fixtures.ts';
import { searchDocuments } from './service.ts';
import { mineSynonymCandidates, reviewSynonymCandidate } from './synonyms.ts';

const DOCS: FixtureDoc[] = [
  {
    key: 'defines',
    title: '济宁市12345政务服务便民热线管理办法',
    org: '市政府办公室',
    genre: 'measures',
    written: '2022-03-01',
    body: '为规范全市12345政务服务便民热线（以下简称“12345热线”）运行管理，制定本办法。12345热线实行统一受理。',
  },
  {
    key: 'long-1',
    title: '市城市管理局关于做好供热投诉办理工作的通知',
    org: '市城市管理局',
    genre: 'notice',
    written: '2023-11-20',
    body: '对12345政务服务便民热线转办的供热投诉，各供热单位应当在24小时内联系群众。',
  },
  {
    key: 'long-2',
    title: '市交通运输局关于公交服务诉求办理情况的通报',
    org: '市交通运输局',
    genre: 'bulletin',
    written: '2024-01-10',
    body: '2023年共受理12345政务服务便民热线转办诉求3200件，按时办结率99%。',
  },
  {
    key: 'other',
    title: '市教育局关于义务教育招生入学的通知',
    org: '市教育局',
    genre: 'notice',
    written: '2024-04-01',
    body: '咨询电话：0537-2345678。',
  },
];

let t: TestApp;
let office: Client;
let handler: Client;
let officeActor: Actor;
let ids: Map<string, number>;
const keysOf = async (q: string) => {
  const byId = new Map([...ids].map(([k, v]) => [v, k]));
  const r = await searchDocuments(t.db, { q });
  return r.results.map((x) => byId.get(x.id) ?? String(x.id)).sort();
};

before(async () => {
  t = await createTestApp();
  office = await t.as('t_office');
  handler = await t.as('t_handler');
  officeActor = await actorOf(t.db, 't_office');
  ids = await insertFixtureLibrary(t.db, DOCS);
});
after(() => t.close());

async function candidateId(short: string, long: string): Promise<number> {
  const row = await t.db
    .selectFrom('search_synonym_candidates')
    .select('id')
    .where('short_form', '=', short)
    .where('long_form', '=', long)
    .executeTakeFirstOrThrow();
  return row.id;
}

test('mining proposes the pair; proposed and rejected pairs do not expand, accepted ones do', {
  timeout: 120_000,
}, async () => {
  assert.deepEqual(await keysOf('12345热线'), ['defines'], 'before: only the document using the short form');
  const mined = await mineSynonymCandidates(t.db);
  assert.equal(mined.documents, 4);
  assert.ok(mined.added >= 1, JSON.stringify(mined));
  const id = await candidateId('12345热线', '12345政务服务便民热线');
  const row = await t.db
    .selectFrom('search_synonym_candidates')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(row.status, 'proposed');
  assert.equal(row.source, 'definition');
  assert.equal(row.example_document_id, ids.get('defines'));
  assert.deepEqual(await keysOf('12345热线'), ['defines'], 'a proposed pair does not expand');

  await reviewSynonymCandidate(t.db, officeActor, id, 'rejected');
  assert.deepEqual(await keysOf('12345热线'), ['defines'], 'a rejected pair does not expand');

  const accepted = await reviewSynonymCandidate(t.db, officeActor, id, 'accepted');
  assert.equal(accepted.status, 'accepted');
  assert.equal(accepted.reviewerName, 't_office');
  assert.deepEqual(await keysOf('12345热线'), ['defines', 'long-1', 'long-2']);
  // Mining again refreshes the evidence but keeps the decision.
  const again = await mineSynonymCandidates(t.db);
  assert.equal(again.added, 0);
  const kept = await t.db
    .selectFrom('search_synonym_candidates')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(kept.status, 'accepted');

  const audit = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject_type', '=', 'search_synonym')
    .orderBy('id')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['search_synonym.reject', 'search_synonym.accept'],
  );
});

test('the review API: the office lists and decides, others may not, bad input is a 400 in Chinese', {
  timeout: 120_000,
}, async () => {
  await mineSynonymCandidates(t.db);
  const list = await office.get('/api/documents/search-synonyms?status=accepted');
  assert.equal(list.statusCode, 200, list.body);
  const body = list.json() as {
    items: { id: number; shortForm: string; sourceLabel: string }[];
    counts: Record<string, number>;
  };
  assert.ok(body.items.some((i) => i.shortForm === '12345热线' && i.sourceLabel === '文中“以下简称”'));
  assert.ok((body.counts.accepted ?? 0) >= 1);
  const id = await candidateId('12345热线', '12345政务服务便民热线');

  assert.equal((await handler.get('/api/documents/search-synonyms')).statusCode, 403);
  const forbidden = await handler.send('POST', `/api/documents/search-synonyms/${id}/review`, {
    decision: 'rejected',
  });
  assert.equal(forbidden.statusCode, 403);

  const bad = await office.send('POST', `/api/documents/search-synonyms/${id}/review`, { decision: 'maybe' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /请选择“采用”或“不采用”/);
  const badStatus = await office.get('/api/documents/search-synonyms?status=all');
  assert.equal(badStatus.statusCode, 400);
  const missing = await office.send('POST', '/api/documents/search-synonyms/999999/review', {
    decision: 'accepted',
  });
  assert.equal(missing.statusCode, 404);

  const rejected = await office.send('POST', `/api/documents/search-synonyms/${id}/review`, {
    decision: 'rejected',
  });
  assert.equal(rejected.statusCode, 200, rejected.body);
  assert.equal((rejected.json() as { statusLabel: string }).statusLabel, '不采用');
  assert.deepEqual(await keysOf('12345热线'), ['defines'], 'rejected again: no expansion');
});
