/**
 * 舆情回应, 建议提案办理, 政务新媒体: entry with the registers' rules, .xlsx imports that name every bad
 * row and save nothing, a department's view of its own records, the portal's faces, the silent-account
 * check, the stats and the demo seeds.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { createTestUser, orgIdByName } from '../../../test/helpers/factories.ts';
import { checkSilentAccounts } from './service.ts';
import { dutiesStats } from './stats.ts';

let t: TestApp;
let office: Client;
let handler: Client; // 市教育局
let other: Client; // 市财政局
let education: number;

before(async () => {
  t = await createTestApp();
  office = await t.as('t_office');
  handler = await t.as('t_handler');
  other = await t.as('t_handler2');
  education = await orgIdByName(t.db, '市教育局');
});
after(() => t.close());

async function xlsx(header: string[], rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(client: Client, url: string, bytes: Buffer) {
  const boundary = '----gongkai-duties';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="台账.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return client.send('POST', url, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
}

const count = async (register: string) =>
  Number(
    (
      await t.db
        .selectFrom('duty_records')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('register', '=', register as never)
        .executeTakeFirstOrThrow()
    ).n,
  );

const proposal = (over: Record<string, unknown> = {}) => ({
  orgId: education,
  title: '关于增加城区学位的建议',
  occurredOn: '2026-02-02',
  kind: 'suggestion',
  number: '第0001号',
  deputy: '王某某',
  dueOn: '2026-05-02',
  ...over,
});

test('a proposal: the publication rule in Chinese, the department edits its own, the portal column', async () => {
  const bad = await handler.send(
    'POST',
    '/api/duties/proposals',
    proposal({
      reply: '已增加学位',
      repliedOn: '2026-03-10',
      publication: 'summary',
      publishedOn: '2026-03-12',
    }),
  );
  assert.equal(bad.statusCode, 400, bad.body);
  assert.deepEqual(
    bad.json().error.fields.map((f: { message: string }) => f.message),
    ['摘要公开的，应当说明不全文公开的理由', '摘要公开的，请填写公开的摘要'],
  );
  const created = await handler.send('POST', '/api/duties/proposals', proposal());
  assert.equal(created.statusCode, 200, created.body);
  const id = created.json().id;
  assert.deepEqual([created.json().state, created.json().stateLabel], ['handling', '办理中']);
  // Another department neither sees nor edits it; nor enters records for 市教育局.
  assert.equal((await other.get('/api/duties/proposals')).json().items.length, 0);
  // Nor its administrator (a department's administrator administers its own subtree); the city's does.
  await createTestUser(t.db, { username: 't_duties_dept_admin', role: 'admin', org: '市财政局' });
  const otherAdmin = await t.as('t_duties_dept_admin');
  assert.equal((await otherAdmin.get('/api/duties/proposals')).json().items.length, 0);
  const cityAdmin = await t.as('t_admin');
  assert.ok(
    (await cityAdmin.get('/api/duties/proposals')).json().items.some((i: { id: number }) => i.id === id),
  );
  assert.equal((await other.send('PUT', `/api/duties/proposals/${id}`, proposal())).statusCode, 404);
  assert.equal((await other.send('POST', '/api/duties/proposals', proposal())).statusCode, 403);

  const published = await handler.send(
    'PUT',
    `/api/duties/proposals/${id}`,
    proposal({
      reply: '今年新建学校两所。\n新增学位1800个。',
      repliedOn: '2026-03-10',
      satisfaction: 'satisfied',
      publication: 'full',
      publishedOn: '2026-03-12',
    }),
  );
  assert.equal(published.statusCode, 200, published.body);
  assert.equal(published.json().state, 'published');
  const citizen = await t.anonymous();
  const column = await citizen.get('/gk/proposals');
  assert.match(column.body, /<a href="\/gk\/proposals\/\d+">关于增加城区学位的建议<\/a>/);
  assert.match(column.body, /全文公开/);
  const detail = await citizen.get(`/gk/proposals/${id}`);
  assert.equal(detail.statusCode, 200);
  assert.match(detail.body, /<p>新增学位1800个。<\/p>/);
  // A record still in hand is not on the portal.
  const inHand = await handler.send('POST', '/api/duties/proposals', proposal({ number: '第0002号' }));
  assert.equal((await citizen.get(`/gk/proposals/${inHand.json().id}`)).statusCode, 404);
});

test('the 舆情 import names every bad row and saves nothing; a good file is imported with response hours', async () => {
  const header = [
    '责任单位',
    '舆情主题',
    '发生日期',
    '舆情来源',
    '发现时间',
    '回应方式',
    '回应时间',
    '回应链接',
  ];
  const before = await count('opinions');
  const bad = await upload(
    office,
    '/api/duties/opinions/import',
    await xlsx(header, [
      ['市教育局', '学区划分', '2026-03-01', '微博', '2026-03-01 08:00', '政策解读', '2026-03-01 12:30', ''],
      ['不存在的局', '停车收费', '2026-03-02', '论坛', '2026-03-02 08:00', '', '', ''],
      ['市财政局', '', '2026-03-03', '微信', '昨天上午', '', '', ''],
      [
        '市财政局',
        '补贴发放',
        '2026-03-04',
        '微信',
        '2026-03-04 08:00',
        '发布信息',
        '2026-03-03 08:00',
        'ftp:x',
      ],
    ]),
  );
  assert.equal(bad.statusCode, 400, bad.body);
  const fields = bad
    .json()
    .error.fields.map((f: { path: string; message: string }) => `${f.path} ${f.message}`);
  assert.deepEqual(fields, [
    '第3行 责任单位：“不存在的局”不存在或您无权为其录入',
    '第4行 舆情主题：请填写舆情主题',
    '第4行 发现时间：时间格式应为 YYYY-MM-DD HH:mm',
    '第5行 回应链接：链接应以 http:// 或 https:// 开头',
  ]);
  assert.match(bad.json().error.message, /未导入任何记录/);
  assert.equal(await count('opinions'), before);

  const good = await upload(
    office,
    '/api/duties/opinions/import',
    await xlsx(header, [
      ['市教育局', '学区划分', '2026-03-01', '微博', '2026-03-01 08:00', '政策解读', '2026-03-01 12:30', ''],
      ['市财政局', '补贴发放', '2026-03-04', '微信', '2026-03-04 08:00', '', '', ''],
    ]),
  );
  assert.equal(good.statusCode, 200, good.body);
  assert.deepEqual(good.json(), { imported: 2 });
  const items = (await office.get('/api/duties/opinions?year=2026')).json().items;
  const school = items.find((i: { title: string }) => i.title === '学区划分');
  assert.deepEqual([school.state, school.responseHours], ['responded', 4.5]);
  // The department sees its own only.
  assert.deepEqual(
    (await handler.get('/api/duties/opinions')).json().items.map((i: { title: string }) => i.title),
    ['学区划分'],
  );
  const [table] = await dutiesStats(t.db, { year: 2026, tables: ['duties.opinions'] });
  assert.deepEqual(table?.rows.find((r) => r.key === String(education))?.counts, [1, 1, 1, 4.5]);
});

test('the proposals import refuses a file without its columns and a bad publication, naming the row', async () => {
  const noColumn = await upload(office, '/api/duties/proposals/import', await xlsx(['标题'], [['x']]));
  assert.equal(noColumn.statusCode, 400);
  assert.match(noColumn.json().error.message, /缺少列：责任单位、建议提案标题/);
  const header = [
    '责任单位',
    '建议提案标题',
    '交办日期',
    '类别',
    '建议提案编号',
    '代表委员',
    '办理期限',
    '答复内容',
    '答复日期',
    '公开方式',
    '公开日期',
  ];
  const bad = await upload(
    office,
    '/api/duties/proposals/import',
    await xlsx(header, [
      [
        '市财政局',
        '融资担保',
        '2026-01-10',
        '人大代表建议',
        '第0031号',
        '张某某',
        '2026-04-10',
        '',
        '',
        '全文公开',
        '2026-03-01',
      ],
    ]),
  );
  assert.equal(bad.statusCode, 400, bad.body);
  assert.deepEqual(
    bad.json().error.fields.map((f: { path: string; message: string }) => `${f.path} ${f.message}`),
    ['第2行 公开方式：答复后才能公开办理结果'],
  );
  const ok = await upload(
    office,
    '/api/duties/proposals/import',
    await xlsx(header, [
      [
        '市财政局',
        '融资担保',
        '2026-01-10',
        '人大代表建议',
        '第0031号',
        '张某某',
        '2026-04-10',
        '',
        '',
        '',
        '',
      ],
      [
        '市财政局',
        '社区养老',
        '2026-01-12',
        '政协委员提案',
        '第0105号',
        '李某某',
        '2026-04-12',
        '',
        '',
        '未公开',
        '',
      ],
    ]),
  );
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json(), { imported: 2 });
});

test('accounts: a silent one is flagged by the check, a closure needs its approval; the public list', async () => {
  const account = {
    orgId: education,
    title: '济宁教育发布',
    occurredOn: '2025-06-01',
    platform: 'wechat',
    accountId: 'jnjyfb',
    person: '陈某',
    approvalRef: '济教字〔2025〕1号',
    lastUpdateOn: '2026-03-10',
  };
  const created = await handler.send('POST', '/api/duties/accounts', account);
  assert.equal(created.statusCode, 200, created.body);
  assert.equal(created.json().flagged, false);
  const noRef = await handler.send('PUT', `/api/duties/accounts/${created.json().id}`, {
    ...account,
    closedOn: '2026-03-12',
  });
  assert.equal(noRef.statusCode, 400);
  assert.match(noRef.body, /注销账号应当填写注销审批文号/);
  const closed = await handler.send('POST', '/api/duties/accounts', {
    ...account,
    title: '济宁招生',
    accountId: 'jnzs',
    closedOn: '2026-03-01',
    closureRef: '济教字〔2026〕9号',
  });
  assert.equal(closed.json().state, 'closed');

  // 21 days without an update on the day of the check: flagged; an update clears it on the next check.
  assert.deepEqual(await checkSilentAccounts(t.db, '2026-03-31'), { flagged: 1, cleared: 0 });
  assert.deepEqual(await checkSilentAccounts(t.db, '2026-03-31'), { flagged: 0, cleared: 0 });
  assert.equal(
    (await handler.get('/api/duties/accounts?year=2026'))
      .json()
      .items.find((i: { title: string }) => i.title === '济宁教育发布').flagged,
    true,
  );
  const [table] = await dutiesStats(t.db, { year: 2026, tables: ['duties.accounts'] });
  // active 1, opened this year 0, closed this year 1, flagged 1
  assert.deepEqual(table?.rows.find((r) => r.key === String(education))?.counts, [1, 0, 1, 1]);
  assert.deepEqual(await checkSilentAccounts(t.db, '2026-03-20'), { flagged: 0, cleared: 1 });

  const list = await (await t.anonymous()).get('/gk/new-media');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /<td>微信公众号<\/td><td>济宁教育发布<\/td><td>jnjyfb<\/td>/);
  assert.match(list.body, /已注销的账号[\s\S]*济宁招生/);
});
