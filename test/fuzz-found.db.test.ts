/**
 * The 500s and English answers the generated fuzz test (test/fuzz-routes-*.db.test.ts) found, each
 * pinned by a plain case: a path the router refuses (invalid percent-encoding, an overlong parameter)
 * and a PATCH of nothing but unknown fields.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from './helpers/app.ts';
import { orgIdByName, userIdByUsername } from './helpers/factories.ts';

let t: TestApp;
let admin: Client;
before(async () => {
  t = await createTestApp();
  admin = await t.as('t_admin');
});
after(() => t.close());

const chinese = /[\u4e00-\u9fff]/;

test('a path the router refuses is answered in Chinese: JSON under /api/, a page on the portal', {
  timeout: 60_000,
}, async () => {
  const cases: [string, number][] = [
    // A lone surrogate, percent-encoded as a hostile client sends it: not UTF-8.
    ['/api/qa/pairs/1/x%ED%A0%80y', 400],
    ['/gk/documents/1/interpretations/x%ED%A0%80y', 400],
    // A path parameter longer than the router takes.
    [`/api/workplan/plans/${'9'.repeat(600)}`, 414],
    [`/gk/documents/genre/${'政'.repeat(200)}`, 414],
  ];
  for (const [url, status] of cases) {
    const res = await admin.get(url);
    assert.equal(res.statusCode, status, `${url}: ${res.body.slice(0, 200)}`);
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/, url);
    if (url.startsWith('/api/')) {
      assert.match(String(res.headers['content-type']), /^application\/json/);
      assert.match(res.json().error.message, chinese);
    } else {
      assert.match(String(res.headers['content-type']), /^text\/html/);
      assert.match(res.body, /<h1|<title>请求未能完成/);
      assert.doesNotMatch(res.body, /FST_ERR|is not a valid url|exceeding the max param length/);
    }
  }
});

test('a PATCH of unknown fields only changes nothing and answers 200 (users, document settings, plans)', {
  timeout: 60_000,
}, async () => {
  const id = await userIdByUsername(t.db, 't_handler');
  const before = (await admin.get(`/api/users/${id}`)).json();
  const office = await t.as('t_office');
  const created = await office.send('POST', '/api/workplan/plans', {
    orgId: await orgIdByName(t.db, '济宁市人民政府'),
    year: 2026,
    title: '2026年政务公开工作要点',
    tasks: [
      {
        seq: 1,
        section: '一、重点工作',
        task: '主动公开',
        leadUnits: ['市教育局'],
        responsibleUnits: [],
        requirement: '及时发布',
        deadlineRaw: null,
        due: null,
        recurring: false,
      },
    ],
  });
  assert.equal(created.statusCode, 200, created.body);
  const planId = created.json().id as number;
  for (const body of [{}, { 未知字段: 1 }]) {
    const user = await admin.send('PATCH', `/api/users/${id}`, body);
    assert.equal(user.statusCode, 200, user.body);
    assert.deepEqual(user.json(), before);
    const settings = await admin.send('PATCH', '/api/documents/settings', body);
    assert.equal(settings.statusCode, 200, settings.body);
    const plan = await admin.send('PATCH', `/api/workplan/plans/${planId}`, body);
    assert.equal(plan.statusCode, 200, plan.body);
  }
  // A form-encoded body reaches the same schema.
  const form = await t.app.inject({
    method: 'PATCH',
    url: `/api/users/${id}`,
    cookies: admin.cookies,
    headers: {
      'x-csrf-token': admin.cookies.gk_csrf ?? '',
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: 'a=1&b=2',
  });
  assert.equal(form.statusCode, 200, form.body);
});
