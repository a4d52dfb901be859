import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TEST_TODAY } from '../../../test/helpers/clock.ts';
import { actorOf, createTestUser, orgIdByName } from '../../../test/helpers/factories.ts';
import { now } from '../../platform/time.ts';
import { IMPORT_COLUMNS } from './domain/import.ts';
import { pushPolicy } from './service.ts';
import { enterprisesStats } from './stats.ts';
import { creditCode, insertEnterprise, insertPolicyDocument } from './testing.ts';

let t: TestApp;
let office: Client;
let education: Client; // t_handler, 市教育局
let finance: Client; // t_handler2, 市财政局
let city: number;
let zoucheng: number;
let policy: number;
let factory: number;
let shop: number;

before(async () => {
  t = await createTestApp();
  office = await t.as('t_office');
  education = await t.as('t_handler');
  finance = await t.as('t_handler2');
  city = await orgIdByName(t.db, '济宁市人民政府');
  zoucheng = await orgIdByName(t.db, '邹城市人民政府');
  policy = await insertPolicyDocument(
    t.db,
    await orgIdByName(t.db, '市教育局'),
    '关于支持职业教育校企合作的若干措施',
  );
  const base = { capital: 500, qualifications: [], tags: [] } as const;
  factory = await insertEnterprise(
    t.db,
    101,
    { ...base, industry: 'C', size: 'small', regionId: city, foundedOn: '2015-01-01' },
    { name: '济宁甲制造有限公司', email: 'jia@example.cn' },
  );
  shop = await insertEnterprise(
    t.db,
    102,
    { ...base, industry: 'F', size: 'micro', regionId: zoucheng, foundedOn: '2020-01-01' },
    { name: '邹城乙商贸有限公司' },
  );
});
after(() => t.close());

const body = (over: Record<string, unknown> = {}) => ({
  creditCode: '91350100M000100Y43',
  name: '福州测试有限公司',
  industry: 'I',
  size: 'small',
  regionId: city,
  capital: 300,
  foundedOn: '2019-05-01',
  qualifications: ['tech_sme'],
  tags: ['软件'],
  email: 'fz@example.cn',
  ...over,
});

test('一企一档: the office enters a profile; a bad credit code, a duplicate and a department are refused', async () => {
  const bad = await office.send('POST', '/api/enterprises', body({ creditCode: '91350100M000100Y44' }));
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.code, 'ENTERPRISE_CREDIT_CODE');
  assert.match(bad.json().error.message, /校验位不正确/);
  const created = await office.send('POST', '/api/enterprises', body({ creditCode: '91350100m000100y43' }));
  assert.equal(created.statusCode, 200, created.body);
  assert.equal(created.json().creditCode, '91350100M000100Y43');
  assert.equal(created.json().regionName, '济宁市人民政府');
  const dup = await office.send('POST', '/api/enterprises', body());
  assert.equal(dup.statusCode, 409);
  assert.equal(dup.json().error.code, 'ENTERPRISE_DUPLICATE');
  const future = await office.send(
    'POST',
    '/api/enterprises',
    body({ creditCode: creditCode(900), foundedOn: '2099-01-01' }),
  );
  assert.equal(future.statusCode, 400);
  assert.equal(
    (await education.send('POST', '/api/enterprises', body({ creditCode: creditCode(901) }))).statusCode,
    403,
  );
});

async function xlsx(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业');
  ws.addRow(Object.values(IMPORT_COLUMNS));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(bytes: Buffer, filename: string) {
  const boundary = '----gongkai-enterprises';
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

test('an .xlsx import names every bad row and saves nothing; a clean one saves all', async () => {
  const count = async () =>
    Number(
      (
        await t.db
          .selectFrom('enterprises')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const before = await count();
  const row = (n: number, over: Partial<Record<number, string>> = {}) => {
    const r = [
      creditCode(n),
      `导入企业${n}`,
      'C',
      '小型',
      '邹城市人民政府',
      '100',
      '2020-01-01',
      '',
      '',
      '',
      '',
    ];
    for (const [i, v] of Object.entries(over)) r[Number(i)] = v as string;
    return r;
  };
  const bad = multipart(
    await xlsx([
      row(201),
      row(202, { 0: '91370800MA00002020' }),
      row(203),
      row(204, { 4: '火星', 6: '2030-01-01' }),
      row(101),
    ]),
    '企业.xlsx',
  );
  const r = await office.send('POST', '/api/enterprises/import', bad.body, bad.headers);
  assert.equal(r.statusCode, 422, r.body);
  assert.equal(r.json().error.code, 'ENTERPRISE_IMPORT_INVALID');
  const fields = r.json().error.fields as { path: string; message: string }[];
  assert.deepEqual(
    fields.map((f) => f.path),
    ['第3行', '第5行'],
  );
  assert.match(fields[1]?.message ?? '', /所在地区“火星”.*；成立日期不能晚于今天/);
  assert.equal(await count(), before, 'nothing saved');
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('企业');
  sheet.addRow(['企业名称', '统一社会信用代码']);
  sheet.addRow(['某企业', creditCode(205)]);
  const noColumns = multipart(Buffer.from(await wb.xlsx.writeBuffer()), '企业.xlsx');
  const h = await office.send('POST', '/api/enterprises/import', noColumns.body, noColumns.headers);
  assert.equal(h.statusCode, 400);
  assert.equal(
    h.json().error.message,
    '无法导入：表头缺少以下列：所属行业、企业规模、所在地区、成立日期。未保存任何企业。',
  );
  // A row whose code is already on file is named too (after the rows' own checks pass).
  const taken = multipart(await xlsx([row(201), row(101)]), '企业.xlsx');
  const t2 = await office.send('POST', '/api/enterprises/import', taken.body, taken.headers);
  assert.equal(t2.statusCode, 422);
  assert.deepEqual(t2.json().error.fields, [
    { path: '第3行', message: `统一社会信用代码${creditCode(101)}的企业已建档` },
  ]);
  assert.equal(await count(), before);
  const good = multipart(await xlsx([row(201), row(203)]), '企业.xlsx');
  const ok = await office.send('POST', '/api/enterprises/import', good.body, good.headers);
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual(ok.json(), { imported: 2 });
  assert.equal(await count(), before + 2);
});

test('conditions by the issuing department; a push reaches each enterprise once; data seen only by office and matching departments', async () => {
  const conditions = { industries: ['C'], sizes: ['small', 'micro'] };
  assert.equal(
    (await finance.send('PUT', `/api/enterprises/policies/${policy}`, { conditions })).statusCode,
    403,
  );
  const empty = await education.send('PUT', `/api/enterprises/policies/${policy}`, {
    conditions: { industries: [] },
  });
  assert.equal(empty.statusCode, 400);
  const saved = await education.send('PUT', `/api/enterprises/policies/${policy}`, { conditions });
  assert.equal(saved.statusCode, 200, saved.body);
  // factory (C, small) and the imported C/small enterprises match; the shop (F) does not.
  const matching = saved.json().items[0].matching;
  assert.equal(matching, 3);

  const first = await education.send('POST', `/api/enterprises/policies/${policy}/push`);
  assert.equal(first.statusCode, 200, first.body);
  assert.deepEqual(first.json(), { reached: 3, alreadyReached: 0, emailed: 1 });
  const again = await education.send('POST', `/api/enterprises/policies/${policy}/push`);
  assert.deepEqual(again.json(), { reached: 0, alreadyReached: 3, emailed: 0 });
  const outbox = await t.db
    .selectFrom('enterprise_messages')
    .selectAll()
    .where('purpose', '=', 'push')
    .execute();
  assert.deepEqual(
    outbox.map((m) => [m.recipient, m.subject]),
    [['jia@example.cn', '政策推送：关于支持职业教育校企合作的若干措施']],
  );
  // The database itself refuses a second push of the same policy to the same enterprise.
  await assert.rejects(
    t.db
      .insertInto('policy_pushes')
      .values({ document_id: policy, enterprise_id: factory, org_id: city, pushed_at: now() })
      .execute(),
    /policy_pushes_once|unique/,
  );

  // Visibility: the office sees all; 市教育局 only what its policy matches; 市财政局 nothing.
  const all = await office.get('/api/enterprises');
  assert.ok(all.json().total >= 5);
  const mine = await education.get('/api/enterprises');
  assert.equal(mine.json().total, 3);
  assert.ok(!mine.json().items.some((e: { id: number }) => e.id === shop));
  assert.equal((await education.get(`/api/enterprises/${factory}`)).statusCode, 200);
  assert.equal((await education.get(`/api/enterprises/${shop}`)).statusCode, 404);
  assert.equal((await finance.get('/api/enterprises')).json().total, 0);
  assert.equal((await finance.get(`/api/enterprises/${factory}`)).statusCode, 404);
  const detail = (await office.get(`/api/enterprises/${shop}`)).json();
  assert.equal(detail.matches[0].matched, false);
  assert.equal(detail.matches[0].results[0].text, '要求属于制造业（C）；本企业属于批发和零售业（F）');

  // Another department's office and administrator, and a county's administrator: not their policy, not
  // their register — except the county's own enterprises.
  await createTestUser(t.db, { username: 'ent_fin_office', role: 'office', org: '市财政局' });
  await createTestUser(t.db, { username: 'ent_fin_admin', role: 'admin', org: '市财政局' });
  await createTestUser(t.db, { username: 'ent_zc_admin', role: 'admin', org: zoucheng });
  for (const username of ['ent_fin_office', 'ent_fin_admin', 'ent_zc_admin']) {
    const c = await t.as(username);
    assert.equal(
      (await c.send('POST', `/api/enterprises/policies/${policy}/push`)).statusCode,
      403,
      username,
    );
    assert.equal((await c.get(`/api/enterprises/policies/${policy}/pushes`)).statusCode, 403, username);
    assert.equal((await c.get(`/api/enterprises/${factory}`)).statusCode, 404, username);
    const listed = (await c.get('/api/enterprises')).json().items as { id: number }[];
    assert.ok(!listed.some((e) => e.id === factory), username);
  }
  const county = await t.as('ent_zc_admin');
  assert.equal((await county.get(`/api/enterprises/${shop}`)).statusCode, 200);
  const countyList = (await county.get('/api/enterprises')).json().items as {
    id: number;
    regionId: number;
  }[];
  assert.ok(countyList.some((e) => e.id === shop));
  assert.ok(
    countyList.every((e) => e.regionId !== city),
    'not the city’s register',
  );
});

test('the funnel: applied, granted, 免申即享; per policy and per department; the stats feed', async () => {
  const pushes = (await education.get(`/api/enterprises/policies/${policy}/pushes`)).json().items as {
    id: number;
    enterpriseId: number;
  }[];
  assert.equal(pushes.length, 3);
  const [a, b, c] = pushes.map((p) => p.id);
  const outcome = (id: number | undefined, o: string, who = education) =>
    who.send('POST', `/api/enterprises/pushes/${id}/outcome`, { outcome: o });
  assert.equal((await outcome(a, 'granted')).statusCode, 409);
  assert.equal((await outcome(a, 'applied', finance)).statusCode, 403);
  assert.equal((await outcome(a, 'applied')).statusCode, 200);
  assert.equal((await outcome(a, 'granted_auto')).statusCode, 409);
  assert.equal((await outcome(a, 'granted')).statusCode, 200);
  assert.equal((await outcome(a, 'granted')).statusCode, 409);
  assert.equal((await outcome(b, 'granted_auto')).statusCode, 200);
  await t.db
    .updateTable('policy_pushes')
    .set({ opened_at: now() })
    .where('id', 'in', [a as number, c as number])
    .execute();

  const funnel = (await finance.get('/api/enterprises/funnel')).json();
  assert.deepEqual(
    funnel.policies.map((p: Record<string, unknown>) => [
      p.title,
      p.orgName,
      p.reached,
      p.opened,
      p.applied,
      p.granted,
      p.withoutApplication,
    ]),
    [['关于支持职业教育校企合作的若干措施', '市教育局', 3, 2, 1, 2, 1]],
  );
  assert.deepEqual(
    funnel.departments.map((d: Record<string, unknown>) => [d.orgName, d.reached]),
    [['市教育局', 3]],
  );

  const year = Number(TEST_TODAY.slice(0, 4));
  const [table] = await enterprisesStats(t.db, { year });
  assert.deepEqual(
    table?.rows.map((r) => [r.key, r.counts[0]]),
    [
      ['policies', 1],
      ['reached', 3],
      ['opened', 2],
      ['applied', 1],
      ['granted', 2],
      ['without_application', 1],
    ],
  );
  const [other] = await enterprisesStats(t.db, { year, orgIds: [await orgIdByName(t.db, '市财政局')] });
  assert.equal(other?.rows.find((r) => r.key === 'reached')?.counts[0], 0);
  const [lastYear] = await enterprisesStats(t.db, { year: year - 1 });
  assert.equal(lastYear?.rows.find((r) => r.key === 'reached')?.counts[0], 0);
});

test('policy packages: documents and published Q&A pairs by id; the office only', async () => {
  const pkg = {
    theme: '稳岗补贴',
    title: '稳岗补贴政策包',
    documentIds: [policy],
    qaPairIds: [],
    published: true,
  };
  assert.equal((await education.send('POST', '/api/enterprises/packages', pkg)).statusCode, 403);
  const missing = await office.send('POST', '/api/enterprises/packages', { ...pkg, qaPairIds: [999999] });
  assert.equal(missing.statusCode, 400);
  const saved = await office.send('POST', '/api/enterprises/packages', pkg);
  assert.equal(saved.statusCode, 200, saved.body);
  assert.deepEqual(
    saved.json().items[0].documents.map((d: { title: string }) => d.title),
    ['关于支持职业教育校企合作的若干措施'],
  );
});

test('SMS behind its adapter: used for a profile with a phone only once configured; the e-mail channel stays first', async () => {
  const dept = await orgIdByName(t.db, '市教育局');
  const doc = await insertPolicyDocument(t.db, dept, '关于鼓励中小商贸企业发展的通知');
  const phoneOnly = await insertEnterprise(
    t.db,
    301,
    {
      industry: 'F',
      size: 'small',
      regionId: zoucheng,
      foundedOn: '2021-01-01',
      capital: 10,
      qualifications: [],
      tags: ['商贸'],
    },
    { phone: '13800000001' },
  );
  await insertEnterprise(
    t.db,
    302,
    {
      industry: 'F',
      size: 'small',
      regionId: zoucheng,
      foundedOn: '2021-01-01',
      capital: 10,
      qualifications: [],
      tags: ['商贸'],
    },
    { phone: '13800000002', email: 'c@example.cn' },
  );
  assert.equal(
    (await education.send('PUT', `/api/enterprises/policies/${doc}`, { conditions: { tags: ['商贸'] } }))
      .statusCode,
    200,
  );
  const texts: [string, string][] = [];
  const log = { debug() {}, info() {}, warn() {}, error() {} };
  const channels = {
    email: { enabled: false, async send() {} },
    sms: {
      enabled: true,
      async send(to: string, _s: string, text: string) {
        texts.push([to, text]);
      },
    },
  };
  const r = await pushPolicy(t.db, await actorOf(t.db, 't_handler'), doc, {
    channels,
    publicUrl: 'https://gk.example.cn',
    log,
  });
  assert.deepEqual(r, { reached: 2, alreadyReached: 0, emailed: 1 });
  assert.deepEqual(texts, [
    [
      '13800000001',
      '【政策找人】测试企业301：《关于鼓励中小商贸企业发展的通知》可能适用于贵企业，详见 https://gk.example.cn/gk/enterprise',
    ],
  ]);
  const sent = await t.db
    .selectFrom('enterprise_messages')
    .select(['channel', 'recipient', 'sent'])
    .where('enterprise_id', '=', phoneOnly)
    .execute();
  assert.deepEqual(sent, [{ channel: 'sms', recipient: '13800000001', sent: true }]);
});
