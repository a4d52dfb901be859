/**
 * 网站纠错: the footer link on every portal page, the no-JS form (errors, CSRF, honeypot, burst), the
 * tracking code; the office assigns, the assigned department (only it) answers; overdue and the counts.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { startTestClock } from '../../../test/helpers/clock.ts';
import { orgIdByName, userIdByUsername } from '../../../test/helpers/factories.ts';
import { setClock } from '../../platform/time.ts';
import { CALENDAR_CHANGED } from '../calendar/index.ts';
import { dutiesModule } from './manifest.ts';
import { dutiesStats } from './stats.ts';

let t: TestApp;
let citizen: Client;
let office: Client;
let education: number;

before(async () => {
  t = await createTestApp();
  citizen = await t.anonymous();
  office = await t.as('t_office');
  education = await orgIdByName(t.db, '市教育局');
});
after(() => t.close());

async function csrf(): Promise<string> {
  const res = await citizen.get('/gk/errata?page=%2Fgk%2Fguide');
  assert.equal(res.statusCode, 200);
  const m = /<input type="hidden" name="_csrf" value="([^"]*)">/.exec(res.body);
  assert.ok(m);
  return m[1] as string;
}

function post(fields: Record<string, string>, ip: string): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: '/gk/errata',
    remoteAddress: ip,
    cookies: { ...citizen.cookies },
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}

test('every portal page links 网站纠错 with its own address; the form captures it', async () => {
  for (const [path, encoded] of [
    ['/', '%2F'],
    ['/gk/guide', '%2Fgk%2Fguide'],
    ['/gk/proposals', '%2Fgk%2Fproposals'],
  ] as const) {
    const res = await citizen.get(path);
    assert.equal(res.statusCode, 200, path);
    assert.ok(res.body.includes(`href="/gk/errata?page=${encoded}"`), path);
  }
  const form = await citizen.get('/gk/errata?page=%2Fgk%2Fguide');
  assert.match(form.body, /<input id="page" name="page" type="text" value="\/gk\/guide"/);
  // Only an address of this site is taken from the link.
  const foreign = await citizen.get('/gk/errata?page=https%3A%2F%2Fevil.example%2F');
  assert.match(foreign.body, /<input id="page" name="page" type="text" value=""/);
});

test('an empty report is refused in Chinese keeping the input; a good one gets its code and due date', async () => {
  const token = await csrf();
  const empty = await post(
    { _csrf: token, page: '/gk/guide', description: '', contact: '13800000000' },
    '10.0.0.1',
  );
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /错误描述：请描述发现的错误/);
  assert.match(empty.body, /value="13800000000"/);
  const long = await post({ _csrf: token, page: '/gk/guide', description: '错'.repeat(1001) }, '10.0.0.1');
  assert.equal(long.statusCode, 400);
  assert.match(long.body, /错误描述不能超过1000字/);

  const ok = await post(
    { _csrf: token, page: '/gk/guide', description: '公开指南的办公电话已停用' },
    '10.0.0.2',
  );
  assert.equal(ok.statusCode, 200, ok.body);
  const code = /查询码为 (JC20260316[A-Z0-9]{6})/.exec(ok.body)?.[1];
  assert.ok(code, ok.body);
  // Received Monday 2026-03-16, answered within 3 working days: Thursday.
  assert.match(ok.body, /2026年3月19日前/);
  const tracked = await citizen.get(`/gk/errata/track?code=${code}`);
  assert.equal(tracked.statusCode, 200);
  assert.match(tracked.body, /待交办/);
  assert.equal((await citizen.get('/gk/errata/track?code=JCNOPE')).statusCode, 404);
});

test('without CSRF the input is kept; the honeypot and a burst from one address are refused', async () => {
  const lost = await post({ page: '/gk/guide', description: '链接打不开了' }, '10.0.0.3');
  assert.equal(lost.statusCode, 403);
  assert.match(lost.body, /链接打不开了/);
  const token = await csrf();
  const trapped = await post(
    { _csrf: token, page: '/', description: '广告广告广告', website: 'x' },
    '10.0.0.4',
  );
  assert.equal(trapped.statusCode, 429);
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++)
    statuses.push(
      (await post({ _csrf: token, page: '/', description: `第${i}处错别字在这里` }, '10.0.0.5')).statusCode,
    );
  assert.deepEqual(statuses, [200, 200, 200, 429]);
  assert.match(
    (await post({ _csrf: token, page: '/', description: '又一处错误' }, '10.0.0.5')).body,
    /提交过多纠错/,
  );
  const saved = await t.db
    .selectFrom('duty_records')
    .select('id')
    .where('register', '=', 'errata')
    .where('title', '=', '/')
    .execute();
  assert.equal(saved.length, 3);
});

test('the office assigns; only the assigned department sees and answers; overdue and the monthly counts', async () => {
  const list = await office.get('/api/duties/errata');
  assert.equal(list.statusCode, 200, list.body);
  const item = list.json().items.find((i: { title: string }) => i.title === '/gk/guide');
  assert.ok(item);
  assert.equal(item.state, 'received');
  assert.equal(item.dueOn, '2026-03-19');
  assert.equal(item.canEdit, true);

  const handler = await t.as('t_handler'); // 市教育局
  const other = await t.as('t_handler2'); // 市财政局
  assert.equal((await handler.get('/api/duties/errata')).json().items.length, 0);
  assert.equal(
    (await handler.send('POST', `/api/duties/errata/${item.id}/answer`, { answer: '已改' })).statusCode,
    404,
  );

  const assigned = await office.send('POST', `/api/duties/errata/${item.id}/assign`, { orgId: education });
  assert.equal(assigned.statusCode, 200, assigned.body);
  assert.equal(assigned.json().assigneeName, '市教育局');
  // The office was told when it came in, the department when it was assigned.
  const told = async (username: string) =>
    (
      await t.db
        .selectFrom('notifications')
        .select('title')
        .where('user_id', '=', await userIdByUsername(t.db, username))
        .where('kind', '=', 'duties.errata')
        .where('subject_id', '=', String(item.id))
        .execute()
    ).map((n) => n.title);
  assert.deepEqual(await told('t_office'), ['收到网站纠错']);
  assert.deepEqual(await told('t_handler'), ['网站纠错已交办']);
  assert.deepEqual(await told('t_handler2'), []);
  const seen = (await handler.get('/api/duties/errata')).json().items;
  assert.deepEqual(
    seen.map((i: { id: number }) => i.id),
    [item.id],
  );
  assert.equal((await other.get('/api/duties/errata')).json().items.length, 0);
  assert.equal(
    (await other.send('POST', `/api/duties/errata/${item.id}/answer`, { answer: '已改' })).statusCode,
    404,
  );
  assert.equal(
    (await handler.send('POST', `/api/duties/errata/${item.id}/assign`, { orgId: education })).statusCode,
    403,
  );
  const blank = await handler.send('POST', `/api/duties/errata/${item.id}/answer`, { answer: ' ' });
  assert.equal(blank.statusCode, 400);
  assert.match(blank.body, /请填写答复内容/);

  // Four days later the others are overdue; the answered one is not.
  setClock(new Date('2026-03-20T02:00:00Z'));
  try {
    const answered = await handler.send('POST', `/api/duties/errata/${item.id}/answer`, {
      answer: '已更新办公电话',
    });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.deepEqual([answered.json().state, answered.json().overdue], ['answered', false]);
    const again = await handler.send('POST', `/api/duties/errata/${item.id}/answer`, { answer: '再答' });
    assert.equal(again.statusCode, 409);
    assert.match(again.json().error.message, /已答复/);
    const others = (await office.get('/api/duties/errata'))
      .json()
      .items.filter((i: { id: number }) => i.id !== item.id);
    assert.ok(others.length > 0 && others.every((i: { overdue: boolean }) => i.overdue));
    const tracked = await citizen.get(`/gk/errata/track?code=${item.code}`);
    assert.match(tracked.body, /已更新办公电话/);
    const [errata] = await dutiesStats(t.db, { year: 2026, tables: ['duties.errata'] });
    const march = errata?.rows.find((r) => r.key === '03');
    // 4 received in March (one answered, after its due day), the other three overdue.
    assert.deepEqual(march?.counts, [4, 1, 0, 3]);
  } finally {
    startTestClock();
  }
});

test('calendar.changed: the due dates of errata awaiting an answer are recounted, answered ones kept', async () => {
  const rows = await t.db
    .selectFrom('duty_records')
    .select(['id', 'state', 'due_on'])
    .where('register', '=', 'errata')
    .execute();
  const open = rows.find((r) => r.state !== 'answered');
  const answered = rows.find((r) => r.state === 'answered');
  assert.ok(open && answered);
  await t.db
    .updateTable('duty_records')
    .set({ due_on: '2026-01-01' })
    .where('id', 'in', [open.id, answered.id])
    .execute();
  // Through the module's handler of the event, as the calendar's save announces it.
  await dutiesModule.on?.[CALENDAR_CHANGED]?.(t.db, { years: [2026], actorId: null });
  const after = await t.db
    .selectFrom('duty_records')
    .select(['id', 'due_on'])
    .where('id', 'in', [open.id, answered.id])
    .execute();
  assert.equal(after.find((r) => r.id === open.id)?.due_on, '2026-03-19');
  assert.equal(after.find((r) => r.id === answered.id)?.due_on, '2026-01-01');
});
