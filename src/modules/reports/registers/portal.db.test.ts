/** 投诉举报 on the portal: a form without JavaScript, its errors, the register entry, the rate limit. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { type Client, createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { orgIdByName, userIdByUsername } from '../../../../test/helpers/factories.ts';

let t: TestApp;
let citizen: Client;
let education: number;

before(async () => {
  t = await createTestApp();
  citizen = await t.anonymous();
  education = await orgIdByName(t.db, '市教育局');
});
after(() => t.close());

async function csrf(): Promise<string> {
  const res = await citizen.get('/gk/complaint');
  assert.equal(res.statusCode, 200);
  const m = /<input type="hidden" name="_csrf" value="([^"]*)">/.exec(res.body);
  assert.ok(m);
  return m[1] as string;
}

async function post(fields: Record<string, string>): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: '/gk/complaint',
    cookies: { ...citizen.cookies },
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}

test('a complaint on the portal: errors named in Chinese, then registered as 网上 with its due date', async () => {
  const token = await csrf();
  const bad = await post({
    _csrf: token,
    orgId: String(education),
    kind: 'complaint',
    name: '',
    phone: 'abc',
    content: '',
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /姓名或名称：请填写姓名或名称/);
  assert.match(bad.body, /联系电话：请填写联系电话/);
  assert.match(bad.body, /投诉举报内容：请写明投诉举报的事项和理由/);

  const ok = await post({
    _csrf: token,
    orgId: String(education),
    kind: 'report',
    name: '赵六',
    phone: '0537-1234567',
    content: '市教育局网站长期未更新政府信息公开指南',
  });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.match(ok.body, /您的举报已提交/);
  // Received on 2026-03-16 (the tests' today); 15 working days later: 2026-04-07 (清明 04-04 … 04-06 off).
  assert.match(ok.body, /2026年4月7日前/);
  const row = await t.db
    .selectFrom('complaints')
    .selectAll()
    .where('complainant_name', '=', '赵六')
    .executeTakeFirstOrThrow();
  assert.deepEqual(
    [row.org_id, row.kind, row.channel, row.state, row.received_on],
    [education, 'report', 'online', 'received', '2026-03-16'],
  );
  // The office staff of 市教育局's GIO authority (济宁市人民政府: 市政府办公室) are told.
  const told = await t.db
    .selectFrom('notifications')
    .select('user_id')
    .where('kind', '=', 'complaint.assigned')
    .where('subject_id', '=', String(row.id))
    .execute();
  assert.ok(told.map((n) => n.user_id).includes(await userIdByUsername(t.db, 't_office')));
});

test('without the CSRF field the visitor keeps what was typed; after 5 an hour the address is refused', async () => {
  const lost = await post({
    orgId: String(education),
    kind: 'complaint',
    name: '钱七',
    phone: '13800000000',
    content: '内容',
  });
  assert.equal(lost.statusCode, 403);
  assert.match(lost.body, /value="钱七"/);
  const token = await csrf();
  const statuses: number[] = [];
  for (let i = 0; i < 5; i++) statuses.push((await post({ _csrf: token, orgId: 'x' })).statusCode);
  assert.equal(statuses.at(-1), 429, String(statuses));
  assert.match((await post({ _csrf: token, orgId: 'x' })).body, /请求过于频繁/);
});

test('the form is linked where a citizen looks: the guide, the 依申请公开 column; an application fills itself in', async () => {
  for (const path of ['/gk/guide', '/gk/apply']) {
    const page = await citizen.get(path);
    assert.equal(page.statusCode, 200, path);
    assert.match(page.body, /<a href="\/gk\/complaint">在线投诉、举报<\/a>/, path);
  }
  const filled = await citizen.get(
    `/gk/complaint?caseNo=${encodeURIComponent('JN-2025-0001')}&orgId=${education}`,
  );
  assert.equal(filled.statusCode, 200);
  assert.match(filled.body, /name="caseNo"[^>]*value="JN-2025-0001"/);
  assert.match(filled.body, new RegExp(`<option value="${education}" selected`));
  // A malformed query is ignored, never an error.
  const odd = await citizen.get('/gk/complaint?orgId=abc&caseNo=');
  assert.equal(odd.statusCode, 200);
  assert.doesNotMatch(odd.body, /selected/);
});
