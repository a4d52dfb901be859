/** Saved workbench views (常用筛选) over HTTP: per user, create / rename / replace / delete, audited. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { SAVED_VIEWS_MAX } from './views.ts';

let t: TestApp;
let office: Client;
let handler: Client;

before(async () => {
  t = await createTestApp();
  office = await t.as('t_office');
  handler = await t.as('t_handler');
});
after(() => t.close());

const names = async (c: Client) =>
  (await c.get('/api/requests/views')).json().items.map((v: { name: string }) => v.name);

test('a person saves, renames, changes and deletes their own views; others never see them', async () => {
  const created = await office.send('POST', '/api/requests/views', {
    name: ' 本周到期 ',
    filter: { dueWithin: 5, stage: 'processing', unknownKey: 'dropped' },
  });
  assert.equal(created.statusCode, 200, created.body);
  const view = created.json();
  assert.equal(view.name, '本周到期');
  assert.deepEqual(view.filter, { dueWithin: 5, stage: 'processing' });
  await office.send('POST', '/api/requests/views', { name: '已超期', filter: { overdue: true } });
  assert.deepEqual(await names(office), ['已超期', '本周到期']);
  assert.deepEqual(await names(handler), []);

  const duplicate = await office.send('POST', '/api/requests/views', { name: '已超期', filter: {} });
  assert.equal(duplicate.statusCode, 409);
  assert.equal(duplicate.json().error.code, 'SAVED_VIEW_NAME_TAKEN');
  assert.match(duplicate.json().error.message, /已超期/);
  // Another person may use the same name.
  assert.equal(
    (await handler.send('POST', '/api/requests/views', { name: '已超期', filter: {} })).statusCode,
    200,
  );

  const renamed = await office.send('PATCH', `/api/requests/views/${view.id}`, { name: '五日内到期' });
  assert.equal(renamed.statusCode, 200, renamed.body);
  assert.equal(renamed.json().name, '五日内到期');
  assert.deepEqual(renamed.json().filter, { dueWithin: 5, stage: 'processing' });
  const changed = await office.send('PATCH', `/api/requests/views/${view.id}`, {
    filter: { assistance: 'open' },
  });
  assert.deepEqual(changed.json().filter, { assistance: 'open' });
  const clash = await office.send('PATCH', `/api/requests/views/${view.id}`, { name: '已超期' });
  assert.equal(clash.statusCode, 409);

  assert.equal(
    (await handler.send('PATCH', `/api/requests/views/${view.id}`, { name: 'x' })).statusCode,
    404,
  );
  assert.equal((await handler.send('DELETE', `/api/requests/views/${view.id}`)).statusCode, 404);
  assert.equal((await office.send('DELETE', `/api/requests/views/${view.id}`)).statusCode, 200);
  assert.deepEqual(await names(office), ['已超期']);
  assert.equal((await office.send('DELETE', `/api/requests/views/${view.id}`)).statusCode, 404);

  const audit = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject_type', '=', 'request_saved_view')
    .where('subject_id', '=', String(view.id))
    .orderBy('id')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['request.view_saved', 'request.view_updated', 'request.view_updated', 'request.view_deleted'],
  );
});

test('bad input is refused with Chinese messages; the number of views is bounded', async () => {
  const blank = await office.send('POST', '/api/requests/views', { name: '  ', filter: {} });
  assert.equal(blank.statusCode, 400);
  const badFilter = await office.send('POST', '/api/requests/views', {
    name: 'x',
    filter: { dueWithin: 999 },
  });
  assert.equal(badFilter.statusCode, 400);
  assert.equal((await (await t.anonymous()).get('/api/requests/views')).statusCode, 401);

  const mine = (await names(office)).length;
  for (let i = mine; i < SAVED_VIEWS_MAX; i++) {
    const res = await office.send('POST', '/api/requests/views', { name: `筛选${i}`, filter: { page: i } });
    assert.equal(res.statusCode, 200, res.body);
  }
  const over = await office.send('POST', '/api/requests/views', { name: '再来一个', filter: {} });
  assert.equal(over.statusCode, 409);
  assert.equal(over.json().error.code, 'SAVED_VIEW_LIMIT');
});
