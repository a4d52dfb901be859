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

test('a published catalogue: every change has a reason and keeps the earlier version; the portal shows 调整记录', async () => {
  const item = {
    orgId: city,
    year: 2025,
    subject: '济宁市养老服务设施布局专项规划',
    undertaker: '市民政局',
    plannedTime: '2025年第三季度',
    published: true,
  };
  const { orgId: _o, year: _y, ...editable } = item;
  const created = await office.send('POST', '/api/decisions/items', item);
  assert.equal(created.statusCode, 200, created.body);
  const id = created.json().item.id as number;
  assert.equal(created.json().item.everPublished, true);
  // Published on the catalogue's first day: part of the original catalogue, no adjustment.
  assert.deepEqual(created.json().versions, []);

  // An edit of the published item without a reason: refused, nothing changed.
  const put = (itemId: number, body: Record<string, unknown>) =>
    office.send('PUT', `/api/decisions/items/${itemId}`, body);
  const refused = await put(id, { ...editable, plannedTime: '2025年第四季度' });
  assert.equal(refused.statusCode, 400, refused.body);
  assert.equal(refused.json().error.code, 'DECISION_ITEM_REASON');
  assert.match(refused.json().error.message, /调整事项内容须填写调整原因.*调整原因将与调整记录一并公开/);
  assert.deepEqual(refused.json().error.fields, [{ path: 'reason', message: '请填写调整原因' }]);
  const blank = await put(id, { ...editable, plannedTime: '2025年第四季度', reason: '   ' });
  assert.equal(blank.statusCode, 400, blank.body);
  const unchanged = await office.get(`/api/decisions/items/${id}`);
  assert.equal(unchanged.json().item.plannedTime, '2025年第三季度');
  assert.deepEqual(unchanged.json().versions, []);

  // With a reason: changed, the earlier version kept.
  const reason = '规划选址需与国土空间总体规划衔接，计划完成时间相应顺延。';
  const edited = await put(id, { ...editable, plannedTime: '2025年第四季度', reason });
  assert.equal(edited.statusCode, 200, edited.body);
  const [v1] = edited.json().versions;
  assert.deepEqual(
    [v1.version, v1.change, v1.reason, v1.fields, v1.before.plannedTime, v1.after.plannedTime],
    [1, 'edit', reason, ['plannedTime'], '2025年第三季度', '2025年第四季度'],
  );
  // Saved again unchanged: no adjustment, no reason needed.
  assert.equal((await put(id, { ...editable, plannedTime: '2025年第四季度' })).statusCode, 200);

  // A draft item is edited freely.
  const draft = await office.send('POST', '/api/decisions/items', {
    ...item,
    subject: '草拟事项',
    published: false,
  });
  const draftId = draft.json().item.id as number;
  const freeEdit = await put(draftId, { ...editable, subject: '草拟事项（修改）', published: false });
  assert.equal(freeEdit.statusCode, 200, freeEdit.body);
  assert.deepEqual(freeEdit.json().versions, []);

  // The catalogue was published on an earlier day: an item published into it now is an addition.
  await t.db
    .updateTable('decision_items')
    .set({ first_published_at: '2025-01-20T09:00:00+08:00' })
    .where('id', '=', id)
    .execute();
  const addNoReason = await office.send('POST', '/api/decisions/items', { ...item, subject: '新增事项甲' });
  assert.equal(addNoReason.statusCode, 400, addNoReason.body);
  assert.match(addNoReason.json().error.message, /新增事项须填写调整原因：2025年度决策事项目录已经公布/);
  const catalogueRows = await t.db
    .selectFrom('decision_items')
    .select('id')
    .where('subject', '=', '新增事项甲')
    .execute();
  assert.deepEqual(catalogueRows, [], 'the refused addition is not half-saved');
  const publishDraft = await put(draftId, { ...editable, subject: '草拟事项（修改）', published: true });
  assert.equal(
    publishDraft.statusCode,
    400,
    'publishing a draft into the published catalogue is an addition',
  );
  const addReason = '根据省政府部署增列入本年度目录。';
  const addedItem = await put(draftId, {
    ...editable,
    subject: '草拟事项（修改）',
    published: true,
    reason: addReason,
  });
  assert.equal(addedItem.statusCode, 200, addedItem.body);
  assert.equal(addedItem.json().versions[0].change, 'add');
  assert.equal(addedItem.json().versions[0].before, null);

  // Withdrawn from the catalogue, with its reason: off the list, on the record.
  const withdrawn = await put(id, {
    ...editable,
    plannedTime: '2025年第四季度',
    published: false,
    reason: '上级出台统一规划，本事项不再单独决策。',
  });
  assert.equal(withdrawn.statusCode, 200, withdrawn.body);
  assert.deepEqual(
    withdrawn.json().versions.map((v: { version: number; change: string }) => [v.version, v.change]),
    [
      [2, 'withdraw'],
      [1, 'edit'],
    ],
  );
  const audit = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', '=', 'decision.item.adjust')
    .execute();
  assert.equal(audit.length, 3);

  const citizen = await t.anonymous();
  const page = await citizen.get('/gk/decisions/catalogue?year=2025');
  assert.equal(page.statusCode, 200);
  const table = page.body.slice(0, page.body.indexOf('id="adjustments"'));
  assert.doesNotMatch(table, /<td><a href="\/gk\/decisions\/items\/\d+">济宁市养老服务设施布局专项规划/);
  assert.match(table, /草拟事项（修改）/);
  const record = page.body.slice(page.body.indexOf('id="adjustments"'));
  assert.match(
    record,
    /撤销事项<\/td><td>“济宁市养老服务设施布局专项规划”不再列入目录<\/td><td>上级出台统一规划/,
  );
  assert.match(
    record,
    /计划完成时间：2025年第三季度调整为2025年第四季度<\/td><td>规划选址需与国土空间总体规划衔接/,
  );
  assert.match(record, new RegExp(`新增事项</td><td>新增“草拟事项（修改）”</td><td>${addReason}`));
  assert.match(record, /<td>2026年3月16日<\/td>/);
  const link =
    /href="(\/gk\/decisions\/catalogue\/changes\/\d+)">查看第1次调整[^<]*<span class="visually-hidden">（济宁市养老/.exec(
      record,
    )?.[1];
  assert.ok(link, 'the earlier version is linked');
  const earlier = await citizen.get(link);
  assert.equal(earlier.statusCode, 200);
  assert.match(
    earlier.body,
    /计划完成时间<strong>（已调整）<\/strong><\/th><td>2025年第三季度<\/td><td>2025年第四季度<\/td>/,
  );
  assert.equal((await citizen.get('/gk/decisions/catalogue/changes/999999')).statusCode, 404);
  assert.equal((await citizen.get('/gk/decisions/catalogue/changes/x')).statusCode, 404);
});
