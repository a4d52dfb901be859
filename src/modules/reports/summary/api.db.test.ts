/**
 * 汇总: 邹城市's summary adds its two accepted department reports; the city's summary adds 邹城市's; the
 * agencies with no report or not accepted are listed; only the office of that government (or admin) sees it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { actorOf, createTestUser, orgIdByName } from '../../../../test/helpers/factories.ts';
import { insertCaseRow } from '../../../../test/helpers/request-cases.ts';
import { saveManualFigures, transition } from '../service.ts';

let t: TestApp;
let county: number;
let education: number;
let justice: number;

before(async () => {
  t = await createTestApp();
  county = await orgIdByName(t.db, '邹城市人民政府');
  education = await orgIdByName(t.db, '邹城市教育局');
  justice = await orgIdByName(t.db, '邹城市司法局');
  await createTestUser(t.db, { username: 'zc_office', role: 'office', org: '邹城市政府办公室' });
  await createTestUser(t.db, { username: 'zc_edu', role: 'approver', org: education });
  await createTestUser(t.db, { username: 'zc_justice', role: 'approver', org: justice });
  await createTestUser(t.db, { username: 'cz_admin', role: 'admin', org: '市财政局' });
  const disclosed = { outcome: 'DISCLOSE', event: 'reply', on: '2025-04-10' } as const;
  // 邹城市教育局: two natural persons, one disclosed, one carried forward; 邹城市司法局: a company, disclosed.
  await insertCaseRow(t.db, {
    orgId: education,
    applicantType: 'natural',
    receivedOn: '2025-04-01',
    concluded: disclosed,
  });
  await insertCaseRow(t.db, { orgId: education, applicantType: 'natural', receivedOn: '2025-12-28' });
  await insertCaseRow(t.db, {
    orgId: justice,
    applicantType: 'commercial',
    receivedOn: '2025-04-01',
    concluded: disclosed,
  });
  const office = await actorOf(t.db, 'zc_office');
  for (const [user, orgId, licensing, fees] of [
    ['zc_edu', education, 3, 1.25],
    ['zc_justice', justice, 4, 0.5],
  ] as const) {
    const approver = await actorOf(t.db, user);
    await saveManualFigures(t.db, approver, orgId, 2025, { licensing, penalty: 1, enforcement: 0, fees });
    await transition(t.db, approver, orgId, 2025, 'submit');
    await transition(t.db, office, orgId, 2025, 'accept');
  }
});
after(() => t.close());

test('a county’s summary: its accepted reports added, checks on the sum, the agencies still pending', async () => {
  const office = await t.as('zc_office');
  const res = await office.get(`/api/report-summaries/${county}/2025`);
  assert.equal(res.statusCode, 200, res.body);
  const s = res.json();
  assert.equal(s.include, 'accepted');
  assert.deepEqual(s.figures.table3.一, [2, 1, 0, 0, 0, 0, 3]);
  assert.deepEqual(s.figures.table3['三(一)'], [1, 1, 0, 0, 0, 0, 2]);
  assert.deepEqual(s.figures.table3['三(七)'], [1, 1, 0, 0, 0, 0, 2]);
  assert.deepEqual(s.figures.table3.四, [1, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(
    [
      s.figures.table2.licensing,
      s.figures.table2.penalty,
      s.figures.table2.enforcement,
      s.figures.table2.fees,
    ],
    [7, 2, 0, 1.75],
  );
  assert.ok(
    s.checks.every((c: { ok: boolean }) => c.ok),
    JSON.stringify(s.checks),
  );
  const byName = Object.fromEntries(
    s.agencies.map((a: { orgName: string; state: string; counted: boolean }) => [
      a.orgName,
      [a.state, a.counted],
    ]),
  );
  assert.deepEqual(byName.邹城市教育局, ['accepted', true]);
  assert.deepEqual(byName.邹城市司法局, ['accepted', true]);
  assert.deepEqual(byName.邹城市人民政府, ['none', false]);
  assert.equal(s.agencies[0].orgName, '邹城市人民政府', 'the government’s own report first');
  assert.ok(!('邹城市政府办公室' in byName), 'the office reports within the county’s report');
  const pending = s.pending.map((p: { orgName: string }) => p.orgName);
  assert.ok(pending.includes('邹城市人民政府') && pending.includes('太平镇人民政府'), pending.join());
  assert.ok(!pending.includes('邹城市教育局'));
  assert.deepEqual(s.governments, []);
});

test('a city’s summary adds each county’s summary and lists the counties’ pending agencies', async () => {
  const office = await t.as('t_office');
  const city = await orgIdByName(t.db, '济宁市人民政府');
  const res = await office.get(`/api/report-summaries/${city}/2025`);
  assert.equal(res.statusCode, 200, res.body);
  const s = res.json();
  assert.deepEqual(s.figures.table3.一, [2, 1, 0, 0, 0, 0, 3]);
  const zc = s.governments.find((g: { orgName: string }) => g.orgName === '邹城市人民政府');
  assert.equal(zc.accepted, 2);
  assert.equal(zc.errors, 0);
  assert.ok(zc.agencies > 2);
  assert.ok(
    s.pending.some(
      (p: { orgName: string; government: string }) =>
        p.orgName === '太平镇人民政府' && p.government === '邹城市人民政府',
    ),
  );
  assert.ok(s.agencies.some((a: { orgName: string }) => a.orgName === '市教育局'));
  // The city's departments have no figures entered: counted with all current figures, the sum's 表二 is unknown.
  const all = (await office.get(`/api/report-summaries/${city}/2025?include=all`)).json();
  assert.equal(all.include, 'all');
  assert.equal(all.figures.table2.licensing, null);
  assert.ok(
    all.checks.some((c: { ok: boolean; message: string }) => !c.ok && c.message.startsWith('汇总数据：表二')),
  );
  assert.equal((await office.get(`/api/report-summaries/${city}/2025?include=some`)).statusCode, 400);
});

test('only the office of that government, or admin; a department has no summary', async () => {
  const status = async (user: string, orgId: number) =>
    (await (await t.as(user)).get(`/api/report-summaries/${orgId}/2025`)).statusCode;
  assert.equal(await status('t_office', county), 403, 'the city’s office: not the county’s summary');
  assert.equal(await status('t_county', county), 403, 'the county’s 负责人 is not its office');
  assert.equal(await status('zc_edu', county), 404, 'a department does not even see the county');
  assert.equal(await status('t_admin', county), 200);
  assert.equal(await status('cz_admin', county), 404, 'the administrator of a department: not the county');
  const admin = await t.as('t_admin');
  const dept = await admin.get(`/api/report-summaries/${education}/2025`);
  assert.equal(dept.statusCode, 400);
  assert.equal(
    dept.json().error.message,
    '“邹城市教育局”不是人民政府，没有年度报告汇总；请选择县级或市级人民政府。',
  );
  const choices = (await (await t.as('zc_office')).get('/api/report-summaries')).json().items;
  assert.deepEqual(choices, [{ orgId: county, orgName: '邹城市人民政府' }]);
  assert.ok((await admin.get('/api/report-summaries')).json().items.length > 2);
});

test('the summary as .xlsx: the agencies and the summed tables', async () => {
  const office = await t.as('zc_office');
  const res = await office.get(`/api/report-summaries/${county}/2025/xlsx`);
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const list = wb.getWorksheet('汇总情况');
  assert.ok(list);
  assert.equal(list.getRow(1).getCell(1).value, '邹城市人民政府2025年政府信息公开工作年度报告汇总');
  const rows = list.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : []));
  assert.ok(rows.some((r) => r[0] === '邹城市教育局' && r[1] === '已审核' && r[2] === '是'));
  assert.ok(rows.some((r) => r[0] === '邹城市人民政府' && r[1] === '未起草' && r[2] === '否'));
  const t3 = wb.getWorksheet('表三 依申请公开');
  assert.ok(t3);
  assert.deepEqual((t3.getRow(5).values as unknown[]).slice(1), [
    '一、本年新收政府信息公开申请数量',
    '',
    '',
    2,
    1,
    0,
    0,
    0,
    0,
    3,
  ]);
});
