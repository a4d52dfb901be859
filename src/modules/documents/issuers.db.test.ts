/** Joint issuers (联合发文) come from the issuing organisation's tree: an organisation of another tree is refused. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

test('a joint issuer outside the tree is refused with the field named; one inside is accepted', {
  timeout: 60_000,
}, async () => {
  const handler = await t.as('t_handler');
  const education = await orgIdByName(t.db, '市教育局');
  const finance = await orgIdByName(t.db, '市财政局');
  // A tree of its own (as a detached organisation once was).
  const stray = await t.db
    .insertInto('orgs')
    .values({ name: '外部机构', kind: 'government', parent_id: null, sort_order: 99 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const body = (issuerOrgIds: number[]) => ({
    title: '关于联合开展校园食品安全检查的通知',
    orgId: education,
    issuerOrgIds,
    genre: 'notice',
    topic: 'scitech',
    bodyHtml: '<p>各学校：</p>',
    writtenDate: '2025-03-03',
  });
  const refused = await handler.send('POST', '/api/documents', body([stray.id]));
  assert.equal(refused.statusCode, 400, refused.body);
  assert.deepEqual(
    refused.json().error.fields.map((f: { path: string }) => f.path),
    ['issuerOrgIds'],
  );
  const ok = await handler.send('POST', '/api/documents', body([finance]));
  assert.equal(ok.statusCode, 200, ok.body);
});
