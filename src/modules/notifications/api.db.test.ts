import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { userIdByUsername } from '../../../test/helpers/factories.ts';
import { createNotifications, type NewNotification } from './index.ts';

let t: TestApp;
let handler: Client;
let office: Client;
let handlerId: number;
let officeId: number;

const note = (user: number, n: number, over: Partial<NewNotification> = {}): NewNotification => ({
  userId: user,
  kind: 'request.due.5',
  subjectType: 'request',
  subjectId: String(n),
  title: `申请2026-00000${n}答复期限还有5个工作日（2026年3月23日）`,
  body: '申请内容：测试',
  dueOn: '2026-03-23',
  ...over,
});

before(async () => {
  t = await createTestApp();
  handler = await t.as('t_handler');
  office = await t.as('t_office');
  handlerId = await userIdByUsername(t.db, 't_handler');
  officeId = await userIdByUsername(t.db, 't_office');
});
after(() => t.close());

test('the same notification is created once; a new due date or kind is a new one', async () => {
  assert.equal(await createNotifications(t.db, [note(handlerId, 1), note(handlerId, 2)]), 2);
  assert.equal(await createNotifications(t.db, [note(handlerId, 1), note(handlerId, 2)]), 0);
  assert.equal(
    await createNotifications(t.db, [
      note(handlerId, 1, { dueOn: '2026-04-20' }),
      note(handlerId, 1, { kind: 'request.due.1' }),
      note(officeId, 1),
    ]),
    3,
  );
  // No due date: still once.
  const undated = note(officeId, 2027, {
    kind: 'request.calendar-missing',
    subjectType: 'calendar_year',
    dueOn: null,
  });
  assert.equal(await createNotifications(t.db, [undated, undated]), 1);
  assert.equal(await createNotifications(t.db, [undated]), 0);
  assert.equal(await createNotifications(t.db, []), 0);
});

test('a person sees only their own notifications, newest first, with the unread count', async () => {
  const res = await handler.get('/api/notifications');
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.total, 4);
  assert.equal(body.unread, 4);
  assert.ok(body.items.every((i: { subjectType: string }) => i.subjectType === 'request'));
  const ids = body.items.map((i: { id: number }) => i.id);
  assert.deepEqual(
    ids,
    [...ids].sort((a: number, b: number) => b - a),
  );
  assert.equal(body.items[0].dueOn.length, 10);
  assert.match(body.items.at(-1).title, /^申请2026-000001答复期限还有5个工作日/);

  const officeList = (await office.get('/api/notifications')).json();
  assert.equal(officeList.total, 2);
  assert.ok(officeList.items.every((i: { id: number }) => !ids.includes(i.id)));

  const anonymous = await t.anonymous();
  assert.equal((await anonymous.get('/api/notifications')).statusCode, 401);
});

test('marking read: own only, idempotent, CSRF-protected; unread=1 filters; read-all', async () => {
  const mine = (await handler.get('/api/notifications')).json().items;
  const theirs = (await office.get('/api/notifications')).json().items;
  const first = mine[0].id;

  assert.equal(
    (await handler.send('POST', `/api/notifications/${first}/read`, undefined, { 'x-csrf-token': 'wrong' }))
      .statusCode,
    403,
  );
  const r = await handler.send('POST', `/api/notifications/${first}/read`);
  assert.equal(r.statusCode, 200, r.body);
  const readAt = (await handler.get('/api/notifications')).json().items[0].readAt;
  assert.ok(readAt);
  assert.equal((await handler.send('POST', `/api/notifications/${first}/read`)).statusCode, 200);
  assert.equal(
    (await handler.get('/api/notifications')).json().items[0].readAt,
    readAt,
    'first read time kept',
  );

  assert.equal(
    (await handler.send('POST', `/api/notifications/${theirs[0].id}/read`)).statusCode,
    404,
    'someone else’s notification is not found',
  );
  assert.equal((await office.get('/api/notifications?unread=1')).json().total, 2, 'theirs stays unread');
  assert.equal((await handler.send('POST', '/api/notifications/999999/read')).statusCode, 404);

  const unread = (await handler.get('/api/notifications?unread=1')).json();
  assert.equal(unread.total, 3);
  assert.equal(unread.unread, 3);
  assert.ok(unread.items.every((i: { readAt: string | null }) => i.readAt === null));

  const all = await handler.send('POST', '/api/notifications/read-all');
  assert.equal(all.statusCode, 200, all.body);
  assert.equal(all.json().updated, 3);
  const after = (await handler.get('/api/notifications')).json();
  assert.equal(after.unread, 0);
  assert.equal(after.total, 4);
  assert.equal((await office.get('/api/notifications?unread=1')).json().total, 2, 'read-all is per person');
});
