/**
 * 申请台账导入 end to end: a ledger spreadsheet made here (12 applications over 2024–2025, the six applicant
 * types, outcomes by wording and by code, cases still open) gives, through `report compute`'s service,
 * exactly the figures counted by hand from its rows; every bad input imports nothing; imported cases are
 * read-only; the API's preview and import; `gongkai requests import --json`.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts';
import { createTestUser, orgIdByName } from '../../../../test/helpers/factories.ts';
import { type CommandContext, UsageError } from '../../../platform/commands.ts';
import { findAgency, type reportToJson, runCompute } from '../../reports/index.ts';
import { ledgerImportCommands } from './commands.ts';
import { LEDGER_HEADERS } from './domain/ledger.ts';

let t: TestApp;
let dir: string;
let justice: number;

before(async () => {
  t = await createTestApp();
  dir = await mkdtemp(path.join(os.tmpdir(), 'gk-ledger-'));
  justice = await orgIdByName(t.db, '市司法局');
  await createTestUser(t.db, { username: 't_sfj_office', role: 'office', org: justice });
});
after(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

type Cell = string | number | Date;
async function xlsx(rows: Cell[][], headers: readonly string[] = LEDGER_HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow([...headers]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(fileName: string, content: Buffer) {
  const boundary = '----gongkai-ledger-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(url: string, file: Buffer, user = 't_sfj_office', name = '台账.xlsx') {
  const c = await t.as(user);
  const m = multipart(name, file);
  return c.send('POST', url, m.body, m.headers);
}

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const ctx = {
    withDb: (work: (db: typeof t.db) => Promise<unknown>) => work(t.db),
  } as unknown as CommandContext;
  const lines: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => lines.push(a.join(' '));
  try {
    const [word, ...rest] = args;
    const handler = ledgerImportCommands.handlers[word as string];
    assert.ok(handler);
    return { code: await handler(rest, ctx), out: lines.join('\n') };
  } finally {
    console.log = log;
  }
}

const importedCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('requests')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('imported', '=', true)
        .executeTakeFirstOrThrow()
    ).n,
  );

// The ledger: 12 applications to 市司法局. Comments: what each row counts in, by hand.
const LEDGER: Cell[][] = [
  // 2024: 一 自然人; 三(一)
  [
    'SF-2024-01',
    '张一',
    '自然人',
    '2024-03-05',
    '2023年行政复议案件统计',
    '市司法局',
    '2024-03-20',
    '予以公开',
  ],
  // 2024: 一 法律服务机构; 三(二)
  [
    'SF-2024-02',
    '某律师事务所',
    '法律服务机构',
    '2024年6月3日',
    '律师执业监管文件',
    '',
    '2024/6/28',
    '部分公开',
  ],
  // 2024: 一 自然人, 四 | 2025: 二, 三(三)1
  ['SF-2024-03', '王二', '自然人', '2024-11-25', '某专项工作方案', '', '2025-01-08', '属于国家秘密'],
  // 2024: 一 科研机构, 四 | 2025: 二, 四 (still open; an Excel date)
  ['SF-2024-04', '某研究院', '科研机构', new Date(Date.UTC(2024, 11, 20)), '普法经费数据', '', '', ''],
  // 2024: 一 商业企业, 四 | 2025: 二, 三(四)1 (receipt as Excel's serial number 45656 = 2024-12-30; outcome by code)
  ['SF-2024-05', '某科技有限公司', '商业企业', 45656, '公证机构名录', '', '2025-01-15', '三(四)1'],
  // 2025: 一 自然人; 三(五)2
  ['SF-2025-01', '李三', '自然人', '2025-02-10', '同上', '', '2025-02-12', '重复申请'],
  // 2025: 一 社会公益组织; 三(四)1
  [
    'SF-2025-02',
    '某公益协会',
    '社会公益组织',
    '2025-03-01',
    '法律援助名单',
    '',
    '2025-03-28',
    '本机关不掌握相关政府信息',
  ],
  // 2025: 一 自然人; 三(六)1
  [
    'SF-2025-03',
    '赵四',
    '自然人',
    '2025-05-06',
    '内容不明',
    '',
    '2025-06-30',
    '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  ],
  // 2025: 一 商业企业; 三(一)
  [
    'SF-2025-04',
    '某科技有限公司',
    '商业企业',
    '2025-07-07',
    '采购合同',
    '市司法局',
    '2025-07-20',
    '予以公开',
  ],
  // 2025: 一 其他; 三(三)4
  ['SF-2025-05', '某村民委员会', '其他', '2025-09-01', '调解协议', '', '2025-09-15', '三（三）4'],
  // 2025: 一 自然人, 四 (still open)
  ['SF-2025-06', '钱五', '自然人', '2025-12-22', '社区矫正规定', '', '', ''],
  // 2025: 一 自然人, 四 (concluded in 2026)
  ['SF-2025-07', '孙六', '自然人', '2025-12-29', '人民调解员名单', '', '2026-01-10', '其他'],
];

const nonZero = (table3: Record<string, number[]>) =>
  Object.fromEntries(Object.entries(table3).filter(([, counts]) => counts.some((n) => n !== 0)));

test('bad ledgers are refused by row, and nothing is imported', async () => {
  const good = LEDGER[0] as Cell[];
  const table: [string, Cell[][], { row: number; includes: string }][] = [
    [
      'unknown outcome wording',
      [good, ['X-1', '甲', '自然人', '2025-01-02', 'x', '', '2025-01-03', '同意公开']],
      {
        row: 3,
        includes: '处理结果“同意公开”无法识别',
      },
    ],
    [
      'applicant type not in the format',
      [good, ['X-1', '甲', '个人', '2025-01-02', 'x', '', '', '']],
      {
        row: 3,
        includes: '申请人类型“个人”不在格式中',
      },
    ],
    [
      'conclusion before receipt',
      [good, ['X-1', '甲', '自然人', '2025-01-02', 'x', '', '2025-01-01', '予以公开']],
      {
        row: 3,
        includes: '办结日期（2025-01-01）早于收到申请日期（2025-01-02）',
      },
    ],
    ['duplicate number within the file', [good, good], { row: 3, includes: '编号“SF-2024-01”与第2行重复' }],
  ];
  for (const [name, rows, want] of table) {
    const res = await upload(`/api/requests/import?orgId=${justice}`, await xlsx(rows));
    assert.equal(res.statusCode, 422, name);
    const err = res.json().error;
    assert.match(err.message, /未导入任何申请/, name);
    assert.deepEqual(err.fields.length, 1, `${name}: ${JSON.stringify(err.fields)}`);
    assert.equal(err.fields[0].path, `第${want.row}行`, name);
    assert.ok(err.fields[0].message.includes(want.includes), `${name}: ${err.fields[0].message}`);
    assert.equal(await importedCount(), 0, `${name}: nothing imported`);
  }
});

test('the preview lists every case with its table 三 row and saves nothing; only the agency’s office imports', async () => {
  const file = await xlsx(LEDGER);
  const forbidden = await upload(`/api/requests/import/preview?orgId=${justice}`, file, 't_handler');
  assert.equal(forbidden.statusCode, 403);
  const res = await upload(`/api/requests/import/preview?orgId=${justice}`, file);
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.deepEqual([body.saved, body.imported, body.valid, body.errors], [false, 0, 12, []]);
  assert.equal(body.rows[4].receivedOn, '2024-12-30');
  assert.equal(body.rows[3].receivedOn, '2024-12-20');
  assert.equal(body.rows[4].reportRow, '三(四)1 1.本机关不掌握相关政府信息');
  assert.equal(body.rows[3].reportRow, null);
  assert.equal(await importedCount(), 0);
  const template = await (await t.as('t_sfj_office')).get('/api/requests/import/template');
  assert.equal(template.statusCode, 200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  assert.ok(sheet);
  assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), [...LEDGER_HEADERS]);
});

test('an imported ledger: report compute gives the figures counted by hand from its rows', async () => {
  const res = await upload(`/api/requests/import?orgId=${justice}`, await xlsx(LEDGER));
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual([res.json().saved, res.json().imported], [true, 12]);
  assert.equal(await importedCount(), 12);
  const agency = await findAgency(t.db, justice);
  assert.ok(agency);

  // 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计 — counted by hand from LEDGER.
  const y2024 = JSON.parse((await runCompute(t.db, '市司法局', 2024, true)).out ?? '');
  assert.deepEqual(nonZero(y2024.table3), {
    一: [2, 1, 1, 0, 1, 0, 5],
    '三(一)': [1, 0, 0, 0, 0, 0, 1],
    '三(二)': [0, 0, 0, 0, 1, 0, 1],
    '三(七)': [1, 0, 0, 0, 1, 0, 2],
    四: [1, 1, 1, 0, 0, 0, 3],
  });
  const y2025 = JSON.parse((await runCompute(t.db, String(justice), 2025, true)).out ?? '');
  assert.deepEqual(nonZero(y2025.table3), {
    一: [4, 1, 0, 1, 0, 1, 7],
    二: [1, 1, 1, 0, 0, 0, 3],
    '三(一)': [0, 1, 0, 0, 0, 0, 1],
    '三(三)1': [1, 0, 0, 0, 0, 0, 1],
    '三(三)4': [0, 0, 0, 0, 0, 1, 1],
    '三(四)1': [0, 1, 0, 1, 0, 0, 2],
    '三(五)2': [1, 0, 0, 0, 0, 0, 1],
    '三(六)1': [1, 0, 0, 0, 0, 0, 1],
    '三(七)': [3, 2, 0, 1, 0, 1, 7],
    四: [2, 0, 1, 0, 0, 0, 3],
  });
  const errors = (y2025 as ReturnType<typeof reportToJson>).checks.filter(
    (c) => !c.ok && c.message.startsWith('表三'),
  );
  assert.deepEqual(errors, [], 'the balances of table 三 hold');

  // The same file again: every number is taken now.
  const again = await upload(`/api/requests/import?orgId=${justice}`, await xlsx(LEDGER.slice(0, 2)));
  assert.equal(again.statusCode, 422);
  assert.deepEqual(
    again.json().error.fields.map((f: { path: string }) => f.path),
    ['第2行', '第3行'],
  );
  assert.match(again.json().error.fields[0].message, /已有申请使用/);
  assert.equal(await importedCount(), 12);
});

test('imported cases are listed, marked, and read-only', async () => {
  const office = await t.as('t_sfj_office');
  const list = await office.get('/api/requests?pageSize=50');
  assert.equal(list.statusCode, 200, list.body);
  const items = list.json().items as { id: number; caseNo: string; imported: boolean; stage: string }[];
  const open = items.find((i) => i.caseNo === 'SF-2025-06');
  const replied = items.find((i) => i.caseNo === 'SF-2024-01');
  assert.ok(open?.imported && replied?.imported);
  assert.equal(replied?.stage, 'replied');
  assert.equal(items.find((i) => i.caseNo === 'SF-2025-03')?.stage, 'closed');
  const detail = await office.get(`/api/requests/${open?.id}`);
  assert.equal(detail.statusCode, 200, detail.body);
  assert.equal(detail.json().case.imported, true);
  assert.deepEqual(detail.json().allowedActions, []);
  for (const [id, body] of [
    [open?.id, { action: 'note', on: '2026-03-16', text: '补记' }],
    [open?.id, { action: 'reply', on: '2026-03-16', outcome: 'DISCLOSE', text: '予以公开' }],
    [replied?.id, { action: 'archive', on: '2026-03-16' }],
  ] as const) {
    const res = await office.send('POST', `/api/requests/${id}/actions`, body);
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().error.code, 'REQUEST_IMPORTED_READ_ONLY');
    assert.match(res.json().error.message, /台账导入的历史记录，只能查看/);
  }
  const flag = await office.send('POST', `/api/requests/${replied?.id}/release-flag`, {});
  assert.equal(flag.json().error?.code, 'REQUEST_IMPORTED_READ_ONLY');
});

test('gongkai requests import FILE --org ORG [--dry-run] --json', async () => {
  const rows: Cell[][] = [
    ['CLI-1', '周七', '自然人', '2025-04-01', '政府信息', '', '2025-04-10', '予以公开'],
    ['CLI-2', '某律师事务所', '法律服务机构', '2025-04-02', '政府信息', '', '', ''],
  ];
  const good = path.join(dir, 'ledger.xlsx');
  await writeFile(good, await xlsx(rows));
  const dry = await cli(['requests', 'import', good, '--org', '市司法局', '--dry-run', '--json']);
  assert.equal(dry.code, 0);
  assert.deepEqual(JSON.parse(dry.out), { imported: 0, errors: [], valid: 2 });
  const before = await importedCount();
  assert.equal(before, 12, 'a dry run saves nothing');
  const real = await cli(['requests', 'import', good, '--org', String(justice), '--json']);
  assert.equal(real.code, 0);
  assert.deepEqual(JSON.parse(real.out), { imported: 2, errors: [] });
  assert.equal(await importedCount(), 14);

  const bad = path.join(dir, 'bad.xlsx');
  await writeFile(
    bad,
    await xlsx([
      ['CLI-3', '吴八', '自然人', '2025-05-01', '政府信息', '', '2025-04-01', '予以公开'],
      ['CLI-1', '吴八', '个体户', '2025-05-01', '政府信息', '', '', ''],
    ]),
  );
  const refused = await cli(['requests', 'import', bad, '--org', '市司法局', '--json']);
  assert.equal(refused.code, 1);
  assert.deepEqual(JSON.parse(refused.out), {
    imported: 0,
    errors: [
      { row: 2, message: '办结日期（2025-04-01）早于收到申请日期（2025-05-01）' },
      { row: 3, message: '编号“CLI-1”已有申请使用，不能重复导入' },
      {
        row: 3,
        message:
          '申请人类型“个体户”不在格式中，应为自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他之一',
      },
    ],
  });
  assert.equal(await importedCount(), 14);

  await assert.rejects(cli(['requests', 'import', good, '--json']), UsageError);
  await assert.rejects(cli(['requests', 'import', good, '--org', '不存在的机关']), /找不到机构/);
  await assert.rejects(
    cli(['requests', 'import', path.join(dir, 'missing.xlsx'), '--org', '市司法局']),
    /无法读取文件/,
  );
  const txt = path.join(dir, 'ledger.txt');
  await writeFile(txt, '编号,申请人');
  const notXlsx = await cli(['requests', 'import', txt, '--org', '市司法局', '--json']);
  assert.equal(notXlsx.code, 1);
  assert.match(JSON.parse(notXlsx.out).errors[0].message, /请上传 \.xlsx 格式/);
});
