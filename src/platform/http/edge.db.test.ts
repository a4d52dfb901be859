/**
 * Input that used to answer 500 answers 4xx with a Chinese message, or is saved with the NUL removed:
 * a NUL in text fields and queries, a date that does not exist, ids beyond PostgreSQL's integer, an
 * unknown unit; and the audit trail an administrator of a department reads is its department's.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TEST_TODAY } from '../../../test/helpers/clock.ts';
import {
  applicationBody,
  createTestUser,
  orgIdByName,
  registerCase,
} from '../../../test/helpers/factories.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const chinese = /[\u4e00-\u9fff]/;

test('ids, dates and NUL that used to answer 500 now answer 4xx in Chinese', {
  timeout: 60_000,
}, async () => {
  const admin = await t.as('t_admin');
  const office = await t.as('t_office');
  const urls = [
    '/api/audit?to=2026-99-99',
    '/api/audit?from=2026-02-30',
    '/api/users/2147483648',
    '/api/files/99999999999',
    '/api/orgs/2147483648',
  ];
  for (const url of urls) {
    const res = await admin.get(url);
    assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${url}: ${res.statusCode}`);
    assert.match(res.json().error.message, chinese, url);
  }
  const caseId = await registerCase(
    office,
    applicationBody(await orgIdByName(t.db, '济宁市人民政府'), { submittedOn: TEST_TODAY }),
  );
  await office.send('POST', `/api/requests/${caseId}/actions`, { action: 'confirm-receipt', on: TEST_TODAY });
  const assign = await office.send('POST', `/api/requests/${caseId}/actions`, {
    action: 'assign',
    on: TEST_TODAY,
    unitId: 2_000_000_000,
  });
  assert.ok(assign.statusCode >= 400 && assign.statusCode < 500, assign.body);
  assert.match(assign.json().error.message, chinese);
});

test('a NUL typed or pasted into text is removed and the rest saved; searches with one answer', {
  timeout: 60_000,
}, async () => {
  const admin = await t.as('t_admin');
  const city = await orgIdByName(t.db, '济宁市人民政府');
  const created = await admin.send('POST', '/api/orgs', {
    parentId: city,
    name: '市测试\u0000局',
    kind: 'department',
  });
  assert.equal(created.statusCode, 200, created.body);
  assert.equal(created.json().name, '市测试局');
  const anon = await t.anonymous();
  for (const url of [
    '/gk/search?q=%00',
    '/gk/apply/track?code=%00ABC',
    `/api/documents?q=${encodeURIComponent('政务\u0000公开')}`,
  ]) {
    const res = await (url.startsWith('/api') ? admin : anon).get(url);
    assert.ok(res.statusCode < 500, `${url}: ${res.statusCode}`);
  }
});

test("a department's administrator reads its department's trail only; the city's reads all", {
  timeout: 60_000,
}, async () => {
  await createTestUser(t.db, { username: 't_edu_admin', role: 'admin', org: '市教育局' });
  const eduAdmin = await t.as('t_edu_admin');
  const handler = await t.as('t_handler');
  const finance = await t.as('t_handler2');
  await handler.send('POST', '/api/documents', {
    title: '教育局的文件',
    orgId: await orgIdByName(t.db, '市教育局'),
    genre: 'notice',
    writtenDate: '2025-04-01',
  });
  await finance.send('POST', '/api/documents', {
    title: '财政局的文件',
    orgId: await orgIdByName(t.db, '市财政局'),
    genre: 'notice',
    writtenDate: '2025-04-01',
  });
  const seen = (await eduAdmin.get('/api/audit?pageSize=200')).json().items as { actorName: string | null }[];
  const names = new Set(seen.map((r) => r.actorName));
  assert.ok(names.has('t_handler'));
  assert.ok(!names.has('t_handler2'), 'nothing of 市财政局');
  assert.ok(!names.has('t_admin'));
  const all = (await (await t.as('t_admin')).get('/api/audit?pageSize=200')).json().items as {
    actorName: string | null;
  }[];
  assert.ok(all.some((r) => r.actorName === 't_handler2'));
});
