import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type Row = { name: string; via: string | null; officeName: string | null };

test('受理方式: the administrator designates an office; the list names who receives for whom', async () => {
  const admin = await t.as('t_admin');
  const byName = async () =>
    new Map(
      ((await admin.get('/api/orgs/receivers')).json().items as Row[]).map((r) => [r.name, r] as const),
    );
  let rows = await byName();
  assert.deepEqual(rows.get('市教育局'), {
    ...rows.get('市教育局'),
    via: 'fallback',
    officeName: '市政府办公室',
  });
  assert.equal(rows.has('济宁市人民政府'), false, 'the government has its own office');

  const justice = await orgIdByName(t.db, '市司法局');
  const office = await orgIdByName(t.db, '市政府办公室');
  const res = await admin.send('PATCH', `/api/orgs/${justice}`, { receivingOfficeId: office });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().receivingOfficeId, office);
  rows = await byName();
  assert.equal(rows.get('市司法局')?.via, 'designated');

  const self = await admin.send('PATCH', `/api/orgs/${justice}`, { receivingOfficeId: justice });
  assert.equal(self.statusCode, 400);
  assert.equal(self.json().error.fields[0].path, 'receivingOfficeId');
  assert.equal(
    (await admin.send('PATCH', `/api/orgs/${justice}`, { receivingOfficeId: null })).statusCode,
    200,
  );
});
