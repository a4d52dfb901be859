/** The report as .docx: staff download (as they may view it), the portal's link and download once published. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { orgIdByName } from '../../../../test/helpers/factories.ts';
import { insertCaseRow } from '../../../../test/helpers/request-cases.ts';

let t: TestApp;
let education: number;

before(async () => {
  t = await createTestApp();
  education = await orgIdByName(t.db, '市教育局');
  await insertCaseRow(t.db, {
    orgId: education,
    applicantType: 'commercial',
    receivedOn: '2025-03-02',
    concluded: { outcome: 'DISCLOSE', event: 'reply', on: '2025-03-12' },
  });
});
after(() => t.close());

const documentXml = (payload: Buffer) => {
  const xml = unzipSync(new Uint8Array(payload))['word/document.xml'];
  assert.ok(xml, 'a .docx');
  return strFromU8(xml);
};

test('staff download the report as .docx; another department does not see it', async () => {
  const approver = await t.as('t_approver');
  await approver.send('PUT', `/api/reports/${education}/2025/narrative`, {
    overview: '本年度总体情况的说明。',
    problems: '',
    other: '',
  });
  const res = await approver.get(`/api/reports/${education}/2025/docx`);
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /wordprocessingml/);
  assert.match(String(res.headers['content-disposition']), /attachment/);
  const xml = documentXml(res.rawPayload);
  assert.ok(xml.includes('市教育局2025年政府信息公开工作年度报告'));
  assert.ok(xml.includes('本年度总体情况的说明。'));
  // 一、本年新收 … : 0 natural persons, 1 commercial enterprise, … total 1 (live figures of the draft).
  const rowOne = xml.slice(xml.indexOf('一、本年新收政府信息公开申请数量'), xml.indexOf('二、上年结转'));
  assert.deepEqual(
    [...rowOne.matchAll(/<w:t xml:space="preserve">(\d+)<\/w:t>/g)].map((m) => m[1]),
    ['0', '1', '0', '0', '0', '0', '1'],
  );
  const other = await t.as('t_handler2');
  assert.equal((await other.get(`/api/reports/${education}/2025/docx`)).statusCode, 404);
  assert.equal((await approver.get(`/api/reports/${education}/20x5/docx`)).statusCode, 400);
});

test('the portal links the .docx of a published report and serves it; a draft has none', async () => {
  const visitor = await t.anonymous();
  const draft = await t.db
    .selectFrom('reports')
    .select('id')
    .where('org_id', '=', education)
    .executeTakeFirstOrThrow();
  assert.equal((await visitor.get(`/gk/reports/${draft.id}/report.docx`)).statusCode, 404);

  const approver = await t.as('t_approver');
  const base = `/api/reports/${education}/2025`;
  await approver.send('PUT', `${base}/figures`, { licensing: 1, penalty: 2, enforcement: 0, fees: 0 });
  assert.equal((await approver.send('POST', `${base}/submit`)).statusCode, 200);
  const office = await t.as('t_office');
  assert.equal((await office.send('POST', `${base}/accept`)).statusCode, 200);
  assert.equal((await office.send('POST', `${base}/publish`)).statusCode, 200);

  const page = await visitor.get(`/gk/reports/${draft.id}`);
  assert.ok(page.body.includes(`<a href="/gk/reports/${draft.id}/report.docx">下载本报告（Word 文档）</a>`));
  const res = await visitor.get(`/gk/reports/${draft.id}/report.docx`);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /wordprocessingml/);
  assert.ok(documentXml(res.rawPayload).includes('本年度总体情况的说明。'));
  assert.equal((await visitor.get('/gk/reports/abc/report.docx')).statusCode, 404);
});
