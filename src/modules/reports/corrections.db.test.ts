/** 更正: a published report is corrected by a new published version; the old one stays visible, marked. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';
import * as store from './store.ts';

let t: TestApp;
let city: number;

before(async () => {
  t = await createTestApp();
  city = await orgIdByName(t.db, '济宁市人民政府');
});
after(() => t.close());

const at = () => `/api/reports/${city}/2025`;

async function publish(office: Awaited<ReturnType<TestApp['as']>>) {
  for (const step of ['submit', 'accept', 'publish']) {
    const res = await office.send('POST', `${at()}/${step}`);
    assert.equal(res.statusCode, 200, `${step}: ${res.body}`);
  }
}

test('a report not yet published cannot be corrected; nor by someone else', async () => {
  const office = await t.as('t_office');
  const none = await office.send('POST', `${at()}/correct`, { reason: '数据有误' });
  assert.equal(none.statusCode, 409, none.body);
  assert.equal(none.json().error.code, 'REPORT_NOT_PUBLISHED');
  assert.match(none.json().error.message, /济宁市人民政府2025年度报告尚未公开，不能更正/);
  const approver = await t.as('t_approver');
  assert.equal((await approver.send('POST', `${at()}/correct`, { reason: '数据有误' })).statusCode, 404);
});

test('the whole cycle: correction drafted, submitted, accepted, published; the portal shows both', async () => {
  const office = await t.as('t_office');
  const saved = await office.send('PUT', `${at()}/figures`, {
    licensing: 5,
    penalty: 1,
    enforcement: 0,
    fees: 0,
  });
  assert.equal(saved.statusCode, 200, saved.body);
  await publish(office);
  const first = (await office.get(at())).json();
  assert.equal(first.state, 'published');
  assert.ok(first.actions.includes('correct'));

  const blank = await office.send('POST', `${at()}/correct`, { reason: '  ' });
  assert.equal(blank.statusCode, 400, blank.body);
  assert.deepEqual(blank.json().error.fields, [{ path: 'reason', message: '请填写更正说明' }]);

  const opened = await office.send('POST', `${at()}/correct`, { reason: '表二行政许可数量填报有误' });
  assert.equal(opened.statusCode, 200, opened.body);
  assert.equal(opened.json().state, 'draft');
  const twice = await office.send('POST', `${at()}/correct`, { reason: '再次更正' });
  assert.equal(twice.statusCode, 409);
  assert.equal(twice.json().error.code, 'REPORT_CORRECTION_OPEN');

  // The correction is worked on in the console; the published version stays the one shown.
  const draft = (await office.get(at())).json();
  assert.deepEqual(
    [draft.state, draft.version, draft.correctionReason],
    ['draft', 2, '表二行政许可数量填报有误'],
  );
  assert.equal(draft.narrative.overview, first.narrative.overview, 'the texts are copied');
  assert.equal(draft.versions.length, 2);
  const shown = (await store.reportsOfYear(t.db, 2025)).find((r) => r.org_id === city);
  assert.deepEqual(
    [shown?.id, shown?.state],
    [first.id, 'published'],
    'board and summary keep the published one',
  );
  const visitor = await t.anonymous();
  const before = await visitor.get(`/gk/reports/${first.id}`);
  assert.doesNotMatch(before.body, /已更正/);

  const fixed = await office.send('PUT', `${at()}/figures`, { licensing: 6 });
  assert.equal(fixed.statusCode, 200, fixed.body);
  await publish(office);
  const second = (await office.get(at())).json();
  assert.deepEqual([second.state, second.version, second.figures.table2.licensing], ['published', 2, 6]);
  const now = (await store.reportsOfYear(t.db, 2025)).find((r) => r.org_id === city);
  assert.equal(now?.id, second.id, 'the published correction is the report shown');

  const list = await visitor.get('/gk/reports');
  assert.match(list.body, new RegExp(`href="/gk/reports/${second.id}">济宁市人民政府2025年`));
  assert.doesNotMatch(list.body, new RegExp(`href="/gk/reports/${first.id}"`));
  const current = await visitor.get(`/gk/reports/${second.id}`);
  assert.match(
    current.body,
    /<strong>更正<\/strong>：本报告于\d{4}年\d{1,2}月\d{1,2}日更正。更正说明：表二行政许可数量填报有误/,
  );
  assert.match(current.body, new RegExp(`<a href="/gk/reports/${first.id}">原报告</a>`));
  const old = await visitor.get(`/gk/reports/${first.id}`);
  assert.equal(old.statusCode, 200);
  assert.match(old.body, /<strong>已更正<\/strong>/);
  assert.match(old.body, new RegExp(`<a href="/gk/reports/${second.id}">查看现行报告</a>`));
  assert.equal((await visitor.get(`/gk/reports/${first.id}/figures.xlsx`)).statusCode, 200);

  // Corrected again: a third version may start once the second is published.
  const third = await office.send('POST', `${at()}/correct`, { reason: '补充说明' });
  assert.equal(third.statusCode, 200, third.body);

  const audit = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', '=', 'report.correct')
    .execute();
  assert.equal(audit.length, 2);
});
