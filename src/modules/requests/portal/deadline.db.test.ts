import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../../test/helpers/app.ts';

let t: TestApp;
let citizen: Client;
before(async () => {
  t = await createTestApp();
  citizen = await t.anonymous();
});
after(() => t.close());

test('the 依申请公开 column links to the deadline calculator', async () => {
  const res = await citizen.get('/gk/apply');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /href="\/gk\/apply\/deadline"/);
  assert.match(res.body, /第二十九条/);
});

test('an empty calculator shows the form and no result', async () => {
  const res = await citizen.get('/gk/apply/deadline');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<form class="form" method="get"/);
  assert.doesNotMatch(res.body, /计算结果/);
});

test('received the Friday before Spring Festival 2021: due 2021年3月10日, holidays explained', async () => {
  const res = await citizen.get('/gk/apply/deadline?received=2021-02-05&channel=in-person');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /答复期限<\/dt><dd><strong>2021年3月10日<\/strong>/);
  assert.match(res.body, /2021年4月8日/, 'the date an extension would give');
  assert.match(res.body, /2021年2月20日/, 'correction notice due on the make-up Saturday');
  assert.match(res.body, /法定节假日（春节）/);
  assert.match(res.body, /调休上班日计入/);
  assert.match(res.body, /value="2021-02-05"/, 'the form keeps what the citizen typed');
});

test('with an extension the page shows both dates', async () => {
  const res = await citizen.get('/gk/apply/deadline?received=2024-10-03&channel=online&extended=1');
  assert.match(res.body, /<strong>2024年11月29日<\/strong>（已延长）/);
  assert.match(res.body, /原答复期限<\/dt><dd>2024年11月1日/);
});

test('a date that does not exist gets a clear message and a 400', async () => {
  const res = await citizen.get('/gk/apply/deadline?received=2024-02-30&channel=online');
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /role="alert"/);
  assert.match(res.body, /请填写正确的收到申请日期/);
});

test('a deadline into the year after the last notice is computed provisionally and says so', async () => {
  const res = await citizen.get('/gk/apply/deadline?received=2026-12-15&channel=online');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /计算结果/);
  // 元旦 (Fri 1 Jan 2027) is off by law whatever the notice will say.
  assert.match(
    res.body,
    /2027年1月13日<\/strong> <span class="provisional">暂定（2027年放假安排尚未录入）<\/span>/,
  );
  assert.match(res.body, /国务院办公厅2027年部分节假日安排尚未录入本平台/);
});

test('a deadline in a year too far to estimate is refused loudly, never guessed', async () => {
  const res = await citizen.get('/gk/apply/deadline?received=2098-12-15&channel=online');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /暂时无法计算/);
  assert.match(res.body, /2098年部分节假日安排尚未录入/);
  assert.doesNotMatch(res.body, /计算结果/);
});

test('a repeated or hostile query parameter does not break the page', async () => {
  const res = await citizen.get(
    '/gk/apply/deadline?received=2024-01-02&received=2024-01-03&channel=%3Cscript%3E',
  );
  assert.equal(res.statusCode, 400);
  assert.doesNotMatch(res.body, /<script>/);
});
