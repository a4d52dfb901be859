/** The demo consultations: one open, one closed with its campaign grouped and its feedback published. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { seedDemoDecisions } from './seeds.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
  await seedDemoDecisions(t.db);
});
after(() => t.close());

test('demo: an open consultation and a closed one with a group of 15 copies and its feedback report', async () => {
  const office = await t.as('t_office');
  const { items } = (await office.get('/api/decisions/consultations')).json();
  assert.deepEqual(
    items.map((c: { phase: string }) => c.phase),
    ['open', 'closed'],
  );
  const closed = (await office.get(`/api/decisions/consultations/${items[1].id}`)).json();
  assert.deepEqual(
    closed.groups.map((g: { size: number }) => g.size),
    [15],
  );
  assert.ok(closed.consultation.feedbackPublishedAt);
  const citizen = await t.anonymous();
  const column = await citizen.get('/gk/decisions');
  assert.match(column.body, /停车管理办法/);
  const page = await citizen.get(`/gk/decisions/consultations/${items[1].id}`);
  assert.match(page.body, /15人提出相同或相近意见（未采纳）/);
  const catalogue = await citizen.get('/gk/decisions/catalogue');
  assert.match(catalogue.body, /济宁市养老服务设施布局专项规划/);
  const { items: catalogueItems } = (await office.get('/api/decisions/items?year=2026')).json();
  assert.equal(catalogueItems.length, 4);
  // Published early in the year, adjusted later: the adjustments with their reasons on the portal.
  assert.match(catalogue.body, /计划完成时间：2026年第三季度调整为2026年第四季度；风险评估：否调整为是/);
  assert.match(
    catalogue.body,
    /新增“济宁市公共数据开放管理办法”<\/td><td>根据省政府关于加快公共数据开放的部署要求/,
  );
  // Last year's: a decision through every step, decided and published.
  const lastYear = await citizen.get('/gk/decisions/catalogue?year=2025');
  assert.match(lastYear.body, /济宁市城市绿化管理办法<\/a>.*<td>已决策<\/td>/s);
  const { items: lastItems } = (await office.get('/api/decisions/items?year=2025')).json();
  const greening = (await office.get(`/api/decisions/items/${lastItems[0].id}`)).json();
  assert.deepEqual(
    greening.steps.map((x: { step: string }) => x.step),
    ['participation', 'expert', 'legality', 'collective', 'publication', 'implementation'],
  );
  // The open consultation lists its published comments; the closed one its campaign once, with its count.
  const open = await citizen.get(`/gk/decisions/consultations/${items[0].id}`);
  assert.match(open.body, /共3条（相同或相近的意见合并显示）/);
  assert.match(page.body, /<li><p><strong>15人提出相同或相近意见：<\/strong>/);
  // The city's consultations and catalogue are on the city's site, not on a county's (邹城市, 370883).
  const county = await citizen.get('/s/370883/gk/decisions');
  assert.equal(county.statusCode, 200);
  assert.doesNotMatch(county.body, /停车管理办法/);
  assert.equal((await citizen.get(`/s/370883/gk/decisions/consultations/${items[1].id}`)).statusCode, 404);
  assert.doesNotMatch(
    (await citizen.get('/s/370883/gk/decisions/catalogue')).body,
    /济宁市养老服务设施布局专项规划/,
  );
  // Meetings (one held with representatives' opinions), a hearing, open days and evaluations.
  const { items: events } = (await office.get('/api/decisions/events')).json();
  assert.deepEqual(events.map((e: { kind: string; phase: string }) => `${e.kind}:${e.phase}`).sort(), [
    'hearing:upcoming',
    'meeting:held',
    'meeting:signup',
    'open_day:held',
    'open_day:signup',
  ]);
  const held = events.find(
    (e: { kind: string; phase: string }) => e.kind === 'meeting' && e.phase === 'held',
  );
  const meeting = await citizen.get(`/gk/decisions/events/${held.id}`);
  assert.match(meeting.body, /代表意见及答复/);
  assert.match(meeting.body, /抽签种子：<code>JN-DEMO-20261<\/code>/);
  assert.doesNotMatch(meeting.body, /13805371/);
  const participation = await citizen.get('/gk/decisions/participation');
  assert.match(participation.body, /政府开放日：走进市政务服务中心/);
  const evaluations = await citizen.get('/gk/decisions/evaluations');
  assert.match(evaluations.body, /济宁市高层次人才引进办法/);
  // Seeding twice adds nothing.
  await seedDemoDecisions(t.db);
  assert.equal((await office.get('/api/decisions/consultations')).json().items.length, 2);
});
