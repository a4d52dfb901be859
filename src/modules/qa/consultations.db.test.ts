/**
 * 咨询记录 over HTTP: entered one by one, imported from .xlsx (every bad row named, nothing saved), the
 * frequent questions (near-identical ones grouped) suggested into 政策问答库, hot topics per month, stats.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { type Client, createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { TEST_TODAY } from '../../../test/helpers/clock.ts';
import { createTestUser, orgIdByName } from '../../../test/helpers/factories.ts';
import { forgetIndex } from './service.ts';

let t: TestApp;
let office: Client;
let docId: number;

before(async () => {
  t = await createTestApp();
  forgetIndex();
  office = await t.as('t_office');
  const row = await t.db
    .insertInto('documents')
    .values({
      title: '济宁市养老服务补贴发放办法',
      index_number: 'QA-CONSULT-1',
      org_id: await orgIdByName(t.db, '市政府办公室'),
      genre: 'normative',
      written_date: '2025-01-10',
      published_date: '2025-01-12',
      body_text: '第一条 养老服务补贴由户籍所在地街道（乡镇）受理申请。',
      status: 'published',
      attribute: 'proactive',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  docId = row.id;
});
after(() => t.close());

async function xlsx(header: string[], rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('咨询记录');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(bytes: Buffer, filename: string) {
  const boundary = '----gongkai-qa';
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

const HEADER = ['渠道', '日期', '问题', '答复', '承办单位', '主题'];

test('records entered and imported: bad input refused in Chinese, a bad sheet names every bad row and saves nothing', async () => {
  const entered = await office.send('POST', '/api/qa/consultations', {
    channel: 'hall',
    askedOn: '2026-02-10',
    question: '养老服务补贴怎么申请？',
    answer: '到户籍所在地街道（乡镇）申请。',
    orgId: await orgIdByName(t.db, '市政府办公室'),
    topic: '养老',
  });
  assert.equal(entered.statusCode, 200, entered.body);
  assert.equal(entered.json().orgName, '市政府办公室');
  const future = await office.send('POST', '/api/qa/consultations', {
    channel: 'hall',
    askedOn: '2026-12-31',
    question: '   ',
  });
  assert.equal(future.statusCode, 400);
  assert.match(future.json().error.message, /日期不能晚于今天；问题为空/);
  const handler = await t.as('t_handler');
  assert.equal(
    (
      await handler.send('POST', '/api/qa/consultations', {
        channel: 'hall',
        askedOn: '2026-02-10',
        question: '问',
      })
    ).statusCode,
    403,
  );

  const bad = multipart(
    await xlsx(HEADER, [
      ['12345热线转办', '2026-01-05', '养老服务补贴如何申请', '', '', '养老'],
      ['微信', '2026-01-06', '公积金怎么提取', '', '', '住房'],
      ['一号答', '2026/01/07', '', '', '不存在的局', ''],
    ]),
    '咨询记录.xlsx',
  );
  const refused = await office.send('POST', '/api/qa/consultations/import', bad.body, bad.headers);
  assert.equal(refused.statusCode, 400);
  const message = refused.json().error.message;
  assert.match(message, /第3行：渠道应为/);
  assert.match(message, /第4行：日期应为 YYYY-MM-DD；问题为空；承办单位“不存在的局”不在组织机构中/);
  assert.match(message, /未导入任何记录/);
  assert.doesNotMatch(message, /第2行/);
  assert.equal((await office.get('/api/qa/consultations')).json().items.length, 1);

  const notXlsx = multipart(Buffer.from('渠道,日期,问题\n'), '咨询记录.csv');
  const wrong = await office.send('POST', '/api/qa/consultations/import', notXlsx.body, notXlsx.headers);
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.json().error.message, /\.xlsx/);

  const good = multipart(
    await xlsx(HEADER, [
      ['12345热线转办', '2026-01-05', '养老服务补贴如何申请', '', '', '养老'],
      ['一号答', '2026-01-20', '养老服务补贴怎么申请', '', '', '养老'],
      ['政务服务大厅', '2026-02-03', '养老服务补贴怎么申请呢', '街道受理', '', '养老'],
      ['12345', '2026-02-04', '住房公积金怎么提取', '', '', '住房'],
      ['一号答', '2026-03-02', '<script>alert(1)</script>', '', '', ''],
    ]),
    '咨询记录.xlsx',
  );
  const imported = await office.send('POST', '/api/qa/consultations/import', good.body, good.headers);
  assert.equal(imported.statusCode, 200, imported.body);
  assert.deepEqual(imported.json(), { imported: 5 });
  const hotline = (await office.get('/api/qa/consultations?channel=hotline')).json().items;
  assert.equal(hotline.length, 2);
});

test('frequent questions grouped and suggested into 政策问答库 once; hot topics per month; stats per channel', async () => {
  const insights = (await office.get('/api/qa/consultations/insights')).json();
  assert.equal(insights.frequent.length, 1);
  const group = insights.frequent[0];
  assert.equal(group.size, 4);
  assert.equal(group.pairId, null);
  assert.deepEqual(insights.topics.months, ['2026-01', '2026-02', '2026-03']);
  assert.deepEqual(insights.topics.topics[0], { topic: '养老', counts: [2, 2, 0], total: 4 });

  const body = {
    consultationIds: group.ids,
    question: '养老服务补贴怎么申请？',
    answer: '向户籍所在地街道（乡镇）申请。',
    documentId: docId,
    topic: '养老',
  };
  const pair = await office.send('POST', '/api/qa/consultations/suggest', body);
  assert.equal(pair.statusCode, 200, pair.body);
  assert.equal(pair.json().status, 'draft');
  assert.deepEqual(pair.json().topics, ['养老']);
  const again = await office.send('POST', '/api/qa/consultations/suggest', body);
  assert.equal(again.statusCode, 409);
  assert.match(again.json().error.message, /请勿重复推荐/);
  assert.equal(
    (await office.get('/api/qa/consultations/insights')).json().frequent[0].pairId,
    pair.json().id,
  );

  const { qaModule } = await import('./index.ts');
  const tables = await qaModule.stats?.(t.db, {
    year: Number(TEST_TODAY.slice(0, 4)),
    tables: ['qa.consultations'],
  });
  assert.deepEqual(
    tables?.[0]?.rows.map((r) => [r.key, r.counts[0]]),
    [
      ['total', 6],
      ['hotline', 2],
      ['hall', 2],
      ['yihaoda', 2],
    ],
  );
  const audit = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', 'like', 'qa.consultation.%')
    .execute();
  assert.deepEqual(
    new Set(audit.map((a) => a.action)),
    new Set(['qa.consultation.create', 'qa.consultation.import', 'qa.consultation.suggest']),
  );
});

// Last: it adds a record, which the counts of the tests above do not expect.
test('a department office records consultations for the units it sees only, entered or imported', async () => {
  await createTestUser(t.db, { username: 'qa_dept_office', role: 'office', org: '市教育局' });
  const dept = await t.as('qa_dept_office');
  const count = async () =>
    Number(
      (
        await t.db
          .selectFrom('qa_consultations')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const before = await count();
  const record = async (unit: string) =>
    dept.send('POST', '/api/qa/consultations', {
      channel: 'hall',
      askedOn: '2026-02-10',
      question: '学费怎么减免？',
      orgId: await orgIdByName(t.db, unit),
    });
  const other = await record('市财政局');
  assert.equal(other.statusCode, 403, other.body);
  assert.match(other.json().error.message, /承办单位“市财政局”不在您管理的范围内/);
  const own = await record('市教育局');
  assert.equal(own.statusCode, 200, own.body);
  const sheet = multipart(
    await xlsx(HEADER, [['一号答', '2026-01-05', '助学金怎么申请', '', '市财政局', '教育']]),
    '咨询记录.xlsx',
  );
  const imported = await dept.send('POST', '/api/qa/consultations/import', sheet.body, sheet.headers);
  assert.equal(imported.statusCode, 400, imported.body);
  assert.match(imported.json().error.message, /第2行：承办单位“市财政局”不在您管理的范围内/);
  assert.equal(await count(), before + 1, 'only the record for its own unit is saved');
});
