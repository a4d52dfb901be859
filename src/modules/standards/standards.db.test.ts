/**
 * 标准目录 and 定向公开 through the API and the portal: the catalogue imported from a spreadsheet (every
 * bad row named, nothing saved), items tied to a column with their staleness, authorization; a targeted
 * notice whose uploaded list keeps no identity number anywhere (database, API, portal, print), its
 * period on the portal, postings, and the stats.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TEST_TODAY } from '../../../test/helpers/clock.ts';
import { createTestUser, orgIdByName } from '../../../test/helpers/factories.ts';
import { MODULES } from '../../modules.ts';
import { addCalendarDays } from '../calendar/index.ts';

let t: TestApp;
let office: Client;
let handler: Client;
let city: number;

before(async () => {
  t = await createTestApp();
  office = await t.as('t_office');
  handler = await t.as('t_handler');
  city = await orgIdByName(t.db, '济宁市人民政府');
});
after(() => t.close());

async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('目录');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(bytes: Buffer, filename: string) {
  const boundary = '----gongkai-standards';
  return {
    body: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const HEADER = [
  '一级事项',
  '二级事项',
  '公开内容（要素）',
  '公开依据',
  '公开时限',
  '公开主体',
  '公开渠道和载体',
  '公开对象',
];

test('a catalogue import with bad rows names each and saves nothing; a good one saves every item', {
  timeout: 60_000,
}, async () => {
  const bad = multipart(
    await xlsx([
      ['就业领域基层政务公开标准目录'],
      HEADER,
      ['就业服务', '招聘信息', '岗位、人数、条件', '就业促进法', '实时', '人社局', '网站', '全社会'],
      ['就业服务', '', '', '', '', '', '', '全社会'],
      ['就业服务', '职业培训', '培训项目', '', '每季度', '人社局', '网站', '内部人员'],
    ]),
    '就业.xlsx',
  );
  const refused = await office.send('POST', `/api/standards/import?orgId=${city}`, bad.body, bad.headers);
  assert.equal(refused.statusCode, 422, refused.body);
  const messages = refused.json().error.fields.map((f: { message: string }) => f.message);
  assert.deepEqual(messages.length, 2);
  assert.match(messages[0], /^第4行：.*公开内容”为空/);
  assert.match(messages[1], /^第5行：.*公开对象/);
  assert.equal((await office.get(`/api/standards/items?orgId=${city}`)).json().items.length, 0);

  const good = multipart(
    await xlsx([
      ['就业领域基层政务公开标准目录'],
      HEADER,
      ['就业服务', '招聘信息', '岗位、人数、条件', '就业促进法', '实时', '人社局', '网站', '全社会'],
      ['就业服务', '职业培训', '培训项目', '', '每季度', '人社局', '网站', '全社会'],
    ]),
    '就业.xlsx',
  );
  const ok = await office.send('POST', `/api/standards/import?orgId=${city}`, good.body, good.headers);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().imported, 2);
  const items = (await office.get(`/api/standards/items?orgId=${city}`)).json().items;
  assert.deepEqual(
    items.map((i: { area: string; subMatter: string }) => [i.area, i.subMatter]),
    [
      ['就业', '招聘信息'],
      ['就业', '职业培训'],
    ],
  );
  assert.ok(items.every((i: { problem: string }) => i.problem === 'unlinked'));

  const again = await office.send('POST', `/api/standards/import?orgId=${city}`, good.body, good.headers);
  assert.equal(again.statusCode, 422);
  assert.match(again.body, /目录中已有该事项/);
});

test('an item tied to a page is fresh while checked within its period, stale after; a handler cannot edit', {
  timeout: 60_000,
}, async () => {
  const today = TEST_TODAY;
  const body = {
    orgId: city,
    area: '财政预决算',
    matter: '财政预决算',
    subMatter: '政府预算',
    content: '一般公共预算',
    timeLimit: '每月',
    linkPath: '/gk/documents?topic=finance',
    verifiedOn: addCalendarDays(today, -10),
  };
  const created = await office.send('POST', '/api/standards/items', body);
  assert.equal(created.statusCode, 200, created.body);
  assert.equal(created.json().stale, false);
  assert.equal(created.json().timeLimitLabel, '每月');
  const old = await office.send('PUT', `/api/standards/items/${created.json().id}`, {
    ...body,
    verifiedOn: addCalendarDays(today, -40),
  });
  assert.equal(old.json().problem, 'overdue');
  const dup = await office.send('POST', '/api/standards/items', body);
  assert.equal(dup.statusCode, 409);
  assert.match(dup.json().error.message, /已存在/);
  const bad = await office.send('POST', '/api/standards/items', {
    ...body,
    subMatter: 'x',
    linkPath: 'javascript:alert(1)',
  });
  assert.equal(bad.statusCode, 400);
  const denied = await handler.send('POST', '/api/standards/items', { ...body, subMatter: '部门预算' });
  assert.ok([403, 404].includes(denied.statusCode));
  // A county's administrator lists its own subtree's items, not the city's; the city's administrator all.
  await createTestUser(t.db, { username: 't_standards_county_admin', role: 'admin', org: '邹城市人民政府' });
  const countyAdmin = await t.as('t_standards_county_admin');
  const ids = async (c: Client) =>
    ((await c.get('/api/standards/items')).json().items as { id: number }[]).map((i) => i.id);
  assert.ok(!(await ids(countyAdmin)).includes(created.json().id));
  assert.ok((await ids(await t.as('t_admin'))).includes(created.json().id));

  const portal = await (await t.anonymous()).get(
    '/gk/standards?area=%E8%B4%A2%E6%94%BF%E9%A2%84%E5%86%B3%E7%AE%97',
  );
  assert.equal(portal.statusCode, 200);
  assert.match(portal.body, /财政预决算领域政务公开事项标准目录/);
  assert.match(portal.body, /超期未更新/);
});

test('a targeted notice keeps no identity number anywhere, shows its list only in its period, and counts', {
  timeout: 60_000,
}, async () => {
  const owner = city;
  const today = TEST_TODAY;
  const created = await office.send('POST', '/api/targeted', {
    orgId: owner,
    title: '张庄村耕地地力保护补贴发放名单公示',
    place: '太平镇张庄村',
    periodStart: addCalendarDays(today, -1),
    periodEnd: addCalendarDays(today, 5),
    contact: '0537-5461234',
  });
  assert.equal(created.statusCode, 200, created.body);
  const id = created.json().id;
  const early = await office.send('POST', `/api/targeted/${id}/publish`);
  assert.equal(early.statusCode, 409);
  assert.match(early.json().error.message, /名单为空/);

  const list = multipart(
    await xlsx([
      ['户主姓名', '身份证号码', '补贴面积（亩）', '联系电话', '备注'],
      ['张建国', '370883196503121234', '8.6', '13905371234', ''],
      ['王秀英', '370883196211204567', '6.8', '', '代领人370883199001011111'],
    ]),
    '名单.xlsx',
  );
  const uploaded = await office.send('POST', `/api/targeted/${id}/list`, list.body, list.headers);
  assert.equal(uploaded.statusCode, 200, uploaded.body);
  assert.deepEqual(uploaded.json().columns, ['户主姓名', '补贴面积（亩）', '联系电话', '备注']);
  assert.deepEqual(uploaded.json().rows[0], ['张*国', '8.6', '139****1234', '']);
  assert.equal((await office.send('POST', `/api/targeted/${id}/publish`)).statusCode, 200);
  const posting = await handler.send('POST', `/api/targeted/${id}/postings`, {
    location: '张庄村村务公开栏',
    postedOn: today,
  });
  assert.ok([403, 404].includes(posting.statusCode), 'a handler of another unit records nothing');
  const posted = await office.send('POST', `/api/targeted/${id}/postings`, {
    location: '张庄村村务公开栏',
    postedOn: today,
  });
  assert.equal(posted.statusCode, 200, posted.body);

  const anon = await t.anonymous();
  const outputs = [
    JSON.stringify(await t.db.selectFrom('targeted_notices').selectAll().execute()),
    JSON.stringify(await t.db.selectFrom('audit_log').select(['before', 'after']).execute()),
    (await office.get(`/api/targeted/${id}`)).body,
    (await office.get(`/api/targeted/${id}/print`)).body,
    (await anon.get(`/gk/targeted/${id}`)).body,
    (await anon.get(`/gk/targeted/${id}/print`)).body,
  ];
  for (const o of outputs) {
    assert.doesNotMatch(o, /370883196|37088319900|张建国|13905371234/);
  }
  const page = await anon.get(`/gk/targeted/${id}`);
  assert.match(page.body, /张\*国/);
  assert.match(page.body, /身份证号码不予公开/);
  assert.match(page.body, /张庄村村务公开栏/);

  // After the period the portal keeps the notice but no longer the list.
  await t.db
    .updateTable('targeted_notices')
    .set({ period_start: addCalendarDays(today, -30), period_end: addCalendarDays(today, -20) })
    .where('id', '=', id)
    .execute();
  const ended = await anon.get(`/gk/targeted/${id}`);
  assert.match(ended.body, /公示期已于.*结束/);
  assert.doesNotMatch(ended.body, /张\*国/);
  assert.equal((await anon.get(`/gk/targeted/${id}/print`)).statusCode, 404);

  const stats = MODULES.find((m) => m.name === 'standards')?.stats;
  assert.ok(stats);
  const tables = await stats(t.db, {
    year: Number(addCalendarDays(today, -30).slice(0, 4)),
    orgIds: [owner],
  });
  const targeted = tables.find((x) => x.key === 'standards.targeted');
  assert.deepEqual(targeted?.rows[0]?.counts, [1, 1]);
});

test('the demo seeds reconcile: catalogue items and notices exist, the village list is masked', {
  timeout: 60_000,
}, async () => {
  const seed = MODULES.find((m) => m.name === 'standards')?.seed;
  assert.ok(seed);
  // The seeds write into a catalogue of their own (the tests above left theirs).
  await t.db.deleteFrom('standard_items').execute();
  await seed(t.db);
  const taiping = await orgIdByName(t.db, '太平镇人民政府');
  const notices = await t.db
    .selectFrom('targeted_notices')
    .selectAll()
    .where('org_id', '=', taiping)
    .where('place', '=', '太平镇张庄村')
    .execute();
  assert.equal(notices.length, 1);
  assert.doesNotMatch(JSON.stringify(notices), /37088319/);
  const page = await (await t.anonymous()).get('/s/370883/gk/targeted');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /太平镇张庄村/);
  const items = await t.db.selectFrom('standard_items').select('area').where('org_id', '=', city).execute();
  assert.ok(items.some((i) => i.area === '涉农补贴'));
});
