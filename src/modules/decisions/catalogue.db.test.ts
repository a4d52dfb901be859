/** 决策事项目录 and the statutory steps: 已决策 refused with the missing step named; the portal timeline. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { orgIdByName } from '../../../test/helpers/factories.ts';

let t: TestApp;
let office: Client;
let city: number;

before(async () => {
  t = await createTestApp();
  office = await t.as('t_office');
  city = await orgIdByName(t.db, '济宁市人民政府');
});
after(() => t.close());

test('catalogue item → steps → 已决策 (refused while a step is missing) → portal timeline', async () => {
  const created = await office.send('POST', '/api/decisions/items', {
    orgId: city,
    year: 2026,
    subject: '济宁市中心城区生活垃圾中转站布局规划',
    undertaker: '市城市管理局',
    plannedTime: '2026年第二季度',
    riskPlanned: true,
    partyConsentOn: '2026-02-10',
    partyConsentNote: '经市委常委会会议同意',
    published: true,
  });
  assert.equal(created.statusCode, 200, created.body);
  const id = created.json().item.id as number;
  assert.deepEqual(created.json().required, ['participation', 'risk', 'legality', 'collective']);
  assert.equal(
    (
      await (
        await t.as('t_handler')
      ).send('POST', '/api/decisions/items', { orgId: city, year: 2026, subject: 'x' })
    ).statusCode,
    403,
  );

  const step = (body: Record<string, unknown>) =>
    office.send('POST', `/api/decisions/items/${id}/steps`, body);
  assert.equal(
    (
      await step({
        step: 'participation',
        startedOn: '2026-03-02',
        finishedOn: '2026-04-01',
        materials: 'https://example.gov.cn/zqyj/1',
      })
    ).statusCode,
    200,
  );
  assert.equal(
    (await step({ step: 'legality', startedOn: '2026-04-09', finishedOn: '2026-04-20', unit: '市司法局' }))
      .statusCode,
    200,
  );
  assert.equal(
    (
      await step({
        step: 'collective',
        startedOn: '2026-04-28',
        finishedOn: '2026-04-28',
        unit: '市政府常务会议',
      })
    ).statusCode,
    200,
  );
  const backwards = await step({ step: 'risk', startedOn: '2026-03-10', finishedOn: '2026-03-01' });
  assert.equal(backwards.statusCode, 400);

  const refused = await office.send('POST', `/api/decisions/items/${id}/decide`);
  assert.equal(refused.statusCode, 409, refused.body);
  assert.match(
    refused.json().error.message,
    /尚未完成“风险评估”（《重大行政决策程序暂行条例》第二十二条至第二十四条）/,
  );
  await step({ step: 'risk', startedOn: '2026-03-10', finishedOn: '2026-03-25', unit: '市城市管理局' });
  const decided = await office.send('POST', `/api/decisions/items/${id}/decide`);
  assert.equal(decided.statusCode, 200, decided.body);
  assert.deepEqual([decided.json().item.status, decided.json().item.decidedOn], ['decided', '2026-04-28']);

  const citizen = await t.anonymous();
  const list = await citizen.get('/gk/decisions/catalogue?year=2026');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /济宁市中心城区生活垃圾中转站布局规划/);
  const page = await citizen.get(`/gk/decisions/items/${id}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /合法性审查/);
  assert.match(page.body, /2026年4月9日至2026年4月20日；承办：市司法局/);
  assert.match(page.body, /已于2026年4月28日决策/);

  const hidden = await office.send('POST', '/api/decisions/items', {
    orgId: city,
    year: 2026,
    subject: '未公布事项',
  });
  assert.equal((await citizen.get(`/gk/decisions/items/${hidden.json().item.id}`)).statusCode, 404);
  assert.doesNotMatch((await citizen.get('/gk/decisions/catalogue?year=2026')).body, /未公布事项/);
});
