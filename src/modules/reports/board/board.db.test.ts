/** 报送情况: the agencies a government's GIO authority receives reports from, their states, due dates, overdue. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { orgIdByName } from '../../../../test/helpers/factories.ts';

let t: TestApp;
let city: number;
let education: number;
let finance: number;

type Row = { orgId: number; orgName: string; state: string; dueOn: string; overdue: string | null };

before(async () => {
  t = await createTestApp();
  city = await orgIdByName(t.db, '济宁市人民政府');
  education = await orgIdByName(t.db, '市教育局');
  finance = await orgIdByName(t.db, '市财政局');
  // 市教育局 submits its 2025 report (the hand-entered figures first, so that the checks pass).
  const approver = await t.as('t_approver');
  const base = `/api/reports/${education}/2025`;
  const saved = await approver.send('PUT', `${base}/figures`, {
    licensing: 1,
    penalty: 0,
    enforcement: 0,
    fees: 0,
  });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal((await approver.send('POST', `${base}/submit`)).statusCode, 200);
  // 市财政局 submits too, and the city's office sends it back.
  const approver2 = await t.as('t_approver2');
  const base2 = `/api/reports/${finance}/2025`;
  await approver2.send('PUT', `${base2}/figures`, { licensing: 1, penalty: 0, enforcement: 0, fees: 0 });
  assert.equal((await approver2.send('POST', `${base2}/submit`)).statusCode, 200);
  const office = await t.as('t_office');
  assert.equal((await office.send('POST', `${base2}/return`)).statusCode, 200);
});
after(() => t.close());

test('the city office sees the city and its departments, with Art. 49 dates and overdue flags (today 2026-03-16)', async () => {
  const office = await t.as('t_office');
  const res = await office.get('/api/report-board?year=2025');
  assert.equal(res.statusCode, 200, res.body);
  const board = res.json();
  assert.equal(board.government.name, '济宁市人民政府');
  const rows: Row[] = board.rows;
  const byId = new Map(rows.map((r) => [r.orgId, r]));
  // The city itself: Art. 49(2), 31 March, not yet due.
  assert.deepEqual(
    { ...byId.get(city), orgId: 0 },
    { ...byId.get(city), orgId: 0, state: 'none', dueOn: '2026-03-31', overdue: null },
  );
  // Departments: Art. 49(1), 31 January, past.
  assert.equal(byId.get(education)?.state, 'submitted');
  assert.equal(byId.get(education)?.dueOn, '2026-01-31');
  assert.equal(byId.get(education)?.overdue, 'not-published');
  assert.equal(byId.get(finance)?.state, 'returned');
  assert.equal(byId.get(finance)?.overdue, 'not-submitted');
  // Neither the counties (they publish their own, Art. 49(2)) nor the city's office (it reports in the city's).
  assert.ok(!rows.some((r) => r.orgName.endsWith('区人民政府') || r.orgName === '邹城市人民政府'));
  assert.ok(!rows.some((r) => r.orgName === '市政府办公室'));
  assert.equal(board.counts.total, rows.length);
  assert.equal(board.counts.byState.submitted, 1);
  assert.equal(board.counts.byState.returned, 1);
  assert.equal(board.counts.overdue, rows.length - 1);
});

test('a county’s office opens its own board; a government it does not see is not found', async () => {
  const county = await t.as('t_county');
  const board = (await county.get('/api/report-board?year=2025')).json();
  assert.equal(board.government.name, '邹城市人民政府');
  assert.ok(board.rows.every((r: Row) => r.dueOn === '2026-01-31' || r.orgName === '邹城市人民政府'));
  const res = await county.get(`/api/report-board?year=2025&orgId=${city}`);
  assert.equal(res.statusCode, 404);
  const bad = await county.get('/api/report-board?year=abc');
  assert.equal(bad.statusCode, 400);
  assert.match(JSON.stringify(bad.json().error.fields), /年度/);
});
