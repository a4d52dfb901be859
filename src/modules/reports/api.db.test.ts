/** 年度报告 API: hand-entered figures, the checks gating submission, frozen figures, who may do what. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';
import { insertCaseRow } from '../../../test/helpers/request-cases.ts';

let t: TestApp;
let education: number;

before(async () => {
  t = await createTestApp();
  education = await orgIdByName(t.db, '市教育局');
  await insertCaseRow(t.db, {
    orgId: education,
    applicantType: 'natural',
    receivedOn: '2025-03-02',
    concluded: { outcome: 'DISCLOSE', event: 'reply', on: '2025-03-12' },
  });
});
after(() => t.close());

const url = (year = 2025) => `/api/reports/${education}/${year}`;

test('hand-entered figures: negative or non-numeric values are refused with the fields named', async () => {
  const approver = await t.as('t_approver');
  const res = await approver.send('PUT', `${url()}/figures`, { licensing: -1, fees: 'abc', penalty: 1.5 });
  assert.equal(res.statusCode, 400, res.body);
  const { error } = res.json();
  assert.equal(error.code, 'VALIDATION_FAILED');
  const fields = Object.fromEntries(
    error.fields.map((f: { path: string; message: string }) => [f.path, f.message]),
  );
  assert.deepEqual(fields, {
    licensing: '行政许可本年处理决定数量不能为负数',
    fees: '行政事业性收费金额应为数字',
    penalty: '行政处罚本年处理决定数量应为整数',
  });
});

test('submission is refused while a check fails, and freezes the figures once they pass', async () => {
  const approver = await t.as('t_approver');
  const refused = await approver.send('POST', `${url()}/submit`);
  assert.equal(refused.statusCode, 409, refused.body);
  assert.equal(refused.json().error.code, 'REPORT_CHECKS_FAIL');
  assert.match(refused.json().error.message, /“行政许可”的本年处理决定数量尚未填报/);

  const saved = await approver.send('PUT', `${url()}/figures`, {
    licensing: 120,
    penalty: 8,
    enforcement: 0,
    fees: 3.25,
  });
  assert.equal(saved.statusCode, 200, saved.body);
  const draft = (await approver.get(url())).json();
  assert.equal(draft.state, 'draft');
  assert.deepEqual(
    draft.manual
      .map((m: { key: string; value: number; enteredBy: string }) => [m.key, m.value, m.enteredBy])
      .sort(),
    [
      ['enforcement', 0, 't_approver'],
      ['fees', 3.25, 't_approver'],
      ['licensing', 120, 't_approver'],
      ['penalty', 8, 't_approver'],
    ],
  );
  assert.match(draft.narrative.overview, /本年新收政府信息公开申请1件/);
  assert.ok(draft.checks.every((c: { ok: boolean }) => c.ok));
  assert.deepEqual(draft.actions, ['edit', 'submit']);

  const submitted = await approver.send('POST', `${url()}/submit`);
  assert.equal(submitted.statusCode, 200, submitted.body);
  assert.equal(submitted.json().state, 'submitted');

  // A case registered afterwards does not change the submitted figures.
  await insertCaseRow(t.db, { orgId: education, applicantType: 'commercial', receivedOn: '2025-06-01' });
  const frozen = (await approver.get(url())).json();
  assert.deepEqual(frozen.figures.table3.一, [1, 0, 0, 0, 0, 0, 1]);
  const edit = await approver.send('PUT', `${url()}/figures`, { licensing: 1 });
  assert.equal(edit.json().error.code, 'REPORT_FROZEN');

  const audit = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject_type', '=', 'report')
    .orderBy('id')
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['report.figures', 'report.submit'],
  );
});

test('Art. 49: the city’s GIO authority accepts; the department publishes; others may not', async () => {
  const handler = await t.as('t_handler');
  assert.equal((await handler.send('POST', `${url()}/accept`)).statusCode, 403);
  const approver = await t.as('t_approver');
  assert.equal((await approver.send('POST', `${url()}/accept`)).statusCode, 403);
  const office = await t.as('t_office');
  const accepted = await office.send('POST', `${url()}/accept`);
  assert.equal(accepted.json().state, 'accepted');
  const again = await office.send('POST', `${url()}/accept`);
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.message, '该年度报告当前为“已审核”状态，不能审核通过。');
  assert.equal((await office.send('POST', `${url()}/publish`)).json().state, 'published');
  const finance = await t.as('t_handler2');
  assert.equal((await finance.get(url())).statusCode, 404, 'another department does not see it');
});

test('the year’s list: each agency the person sees with its state and failing checks', async () => {
  const office = await t.as('t_office');
  const res = await office.get('/api/reports?year=2025');
  assert.equal(res.statusCode, 200, res.body);
  const items = res.json().items as { orgName: string; state: string; errors: number }[];
  const edu = items.find((i) => i.orgName === '市教育局');
  assert.deepEqual([edu?.state, edu?.errors], ['published', 0]);
  const finance = items.find((i) => i.orgName === '市财政局');
  assert.deepEqual([finance?.state, finance?.errors], ['none', 4]);
  assert.ok(!items.some((i) => i.orgName === '市政府办公室'), 'the office reports within the city’s report');
  const bad = await office.get('/api/reports?year=abc');
  assert.equal(bad.statusCode, 400);
});

test('the review register feeds table 四; inconsistent dates are refused', async () => {
  const approver = await t.as('t_approver');
  const bad = await approver.send('POST', '/api/report-reviews', {
    orgId: education,
    kind: 'review',
    filedOn: '2026-02-01',
    organ: '济宁市人民政府',
    result: 'upheld',
  });
  assert.equal(bad.statusCode, 400);
  assert.deepEqual(bad.json().error.fields, [{ path: 'decidedOn', message: '请填写审结日期' }]);
  for (const body of [
    { kind: 'review', result: 'upheld', decidedOn: '2026-03-01', requestCaseNo: '测试-1' },
    { kind: 'direct-suit', result: 'pending' },
  ]) {
    const res = await approver.send('POST', '/api/report-reviews', {
      orgId: education,
      filedOn: '2026-02-01',
      organ: body.kind === 'review' ? '济宁市人民政府' : '济宁市任城区人民法院',
      ...body,
    });
    assert.equal(res.statusCode, 200, res.body);
  }
  const draft = (await approver.get(url(2026))).json();
  assert.deepEqual(draft.figures.table4, [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
  assert.equal(draft.reviews.length, 2);
});

test('the portal: published reports by year, the tables with captions and header scopes, the .xlsx', async () => {
  const visitor = await t.anonymous();
  const list = await visitor.get('/gk/reports');
  assert.equal(list.statusCode, 200);
  const link = /<a href="\/gk\/reports\/(\d+)">市教育局2025年政府信息公开工作年度报告<\/a>/.exec(list.body);
  assert.ok(link, list.body);
  assert.match(list.body, /<h2 id="year-2025">2025年度<\/h2>/);
  const page = await visitor.get(`/gk/reports/${link[1]}`);
  assert.equal(page.statusCode, 200);
  const body = page.body;
  assert.equal((body.match(/<h1[\s>]/g) ?? []).length, 1);
  for (const heading of [
    '一、总体情况',
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    '六、其他需要报告的事项',
  ])
    assert.ok(body.includes(`>${heading}</h2>`), heading);
  assert.ok(body.includes('<caption>收到和处理政府信息公开申请情况</caption>'));
  assert.ok(body.includes('<th scope="rowgroup" rowspan="22">三、本年度办理结果</th>'));
  assert.ok(
    body.includes('<th scope="rowgroup" rowspan="8">（三）不予公开</th><th scope="row">1.属于国家秘密</th>'),
  );
  assert.match(
    body,
    /<th scope="row" colspan="2">（一）予以公开<\/th><td>1<\/td><td>0<\/td><td>0<\/td><td>0<\/td><td>0<\/td><td>0<\/td><td>1<\/td>/,
  );
  assert.match(body, /<th scope="row">行政事业性收费<\/th><td>3.25<\/td>/);
  assert.ok(!/<script/.test(body), 'no JavaScript needed');
  const rows = (table: string) =>
    (body.split(`<caption>${table}</caption>`)[1] ?? '').split('</table>')[0] ?? '';
  assert.equal((rows('收到和处理政府信息公开申请情况').match(/<tr>/g) ?? []).length, 3 + 25);

  const xlsx = await visitor.get(`/gk/reports/${link[1]}/figures.xlsx`);
  assert.equal(xlsx.statusCode, 200);
  assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('表三 依申请公开');
  assert.ok(sheet);
  const disclosed = sheet.getRow(7).values as unknown[];
  assert.deepEqual(disclosed.slice(1), ['三、本年度办理结果', '（一）予以公开', '', 1, 0, 0, 0, 0, 0, 1]);

  // A draft has no page.
  const approver = await t.as('t_approver');
  const saved = await approver.send('PUT', `${url(2026)}/narrative`, {
    overview: '草稿',
    problems: '',
    other: '',
  });
  assert.equal(saved.statusCode, 200, saved.body);
  const draft = await t.db
    .selectFrom('reports')
    .select('id')
    .where('year', '=', 2026)
    .executeTakeFirstOrThrow();
  assert.equal((await visitor.get(`/gk/reports/${draft.id}`)).statusCode, 404);
  assert.equal((await visitor.get('/gk/reports/999999')).statusCode, 404);
});
