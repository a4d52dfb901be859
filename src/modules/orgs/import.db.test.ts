import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../../test/helpers/app.ts';
import type { CommandContext } from '../../platform/commands.ts';
import { verifyPassword } from '../../platform/http/passwords.ts';
import { ORG_TEMPLATE_HEADERS } from './domain/org-import.ts';
import { USER_TEMPLATE_HEADERS } from './domain/user-import.ts';
import { importCommands } from './import.commands.ts';

let t: TestApp;
let dir: string;
before(async () => {
  t = await createTestApp();
  dir = await mkdtemp(path.join(os.tmpdir(), 'gk-orgimp-'));
});
after(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

async function xlsx(headers: readonly string[], rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  ws.addRow([...headers]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(fileName: string, content: Buffer) {
  const boundary = '----gongkai-orgimp-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(url: string, file: Buffer, name = '机构.xlsx', user = 't_admin') {
  const c = await t.as(user);
  const m = multipart(name, file);
  return c.send('POST', url, m.body, m.headers);
}

const orgCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('orgs')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('the templates download as .xlsx with the header row', async () => {
  const c = await t.as('t_admin');
  for (const [url, headers] of [
    ['/api/orgs/import/template', ORG_TEMPLATE_HEADERS],
    ['/api/users/import/template', USER_TEMPLATE_HEADERS],
  ] as const) {
    const res = await c.get(url);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    assert.deepEqual(((ws as ExcelJS.Worksheet).getRow(1).values as string[]).slice(1), [...headers]);
    assert.ok(ws?.getCell('D2').dataValidation?.formulae, 'a drop-down list');
  }
  assert.equal((await (await t.as('t_handler')).get('/api/orgs/import/template')).statusCode, 403);
});

test('preview lists every row error and saves nothing; the import with errors is refused whole', async () => {
  const file = await xlsx(ORG_TEMPLATE_HEADERS, [
    ['市体育局', '', '济宁市人民政府', '政府部门', '', '', '是'],
    ['市体育中心', '', '不存在的局', '事业单位', '', '', ''],
    ['市体育局', '', '济宁市人民政府', '政府部门', '91350100M000100Y44', '', '也许'],
  ]);
  const before = await orgCount();
  const preview = await upload('/api/orgs/import/preview', file);
  assert.equal(preview.statusCode, 200, preview.body);
  const body = preview.json();
  assert.equal(body.saved, false);
  assert.deepEqual(
    body.rows.map((r: { row: number; action: string }) => [r.row, r.action]),
    [
      [2, 'create'],
      [3, 'error'],
      [4, 'error'],
    ],
  );
  assert.deepEqual(
    body.errors.map((e: { row: number }) => e.row),
    [3, 4, 4, 4],
  );
  const refused = await upload('/api/orgs/import', file);
  assert.equal(refused.statusCode, 422);
  assert.equal(refused.json().error.code, 'ORGS_IMPORT_INVALID');
  assert.match(refused.json().error.message, /4处错误，未保存任何数据/);
  assert.equal(refused.json().error.fields[0].path, '第3行');
  assert.equal(await orgCount(), before, 'nothing saved');
});

test('a good file creates new organisations and updates existing ones by name under their parent', async () => {
  const file = await xlsx(ORG_TEMPLATE_HEADERS, [
    ['鱼台县教育局', '', '鱼台县人民政府', '政府部门', '91350100M000100Y43', 'YT-01', '是'],
    ['鱼台县第一中学', '鱼台一中', '鱼台县教育局', '事业单位', '', '', '否'],
    ['市教育局', '教育局', '济宁市人民政府', '政府部门', '', '', ''],
  ]);
  const res = await upload('/api/orgs/import', file);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual([res.json().created, res.json().updated], [2, 1]);
  const school = await t.db
    .selectFrom('orgs')
    .selectAll()
    .where('name', '=', '鱼台县第一中学')
    .executeTakeFirstOrThrow();
  assert.equal(school.kind, 'institution');
  assert.equal(school.short_name, '鱼台一中');
  assert.equal(school.accepts_requests, false);
  const bureau = await t.db
    .selectFrom('orgs')
    .selectAll()
    .where('name', '=', '市教育局')
    .executeTakeFirstOrThrow();
  assert.equal(bureau.short_name, '教育局');
  const again = await upload('/api/orgs/import/preview', file);
  assert.deepEqual(
    again.json().rows.map((r: { action: string }) => r.action),
    ['unchanged', 'unchanged', 'unchanged'],
    'importing twice changes nothing',
  );
  const audit = await t.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', '=', 'org.import')
    .execute();
  assert.equal(audit.length, 1);
});

test('a file that is not an .xlsx, or lacks columns, gets a clear Chinese error', async () => {
  const txt = await upload('/api/orgs/import/preview', Buffer.from('名称,上级机构\n'), '机构.csv');
  assert.equal(txt.statusCode, 400);
  assert.match(txt.json().error.message, /请上传 \.xlsx 格式/);
  const fake = await upload('/api/orgs/import/preview', Buffer.from('PK\u0003\u0004garbage'), '机构.xlsx');
  assert.equal(fake.statusCode, 400);
  assert.match(fake.json().error.message, /已损坏/);
  const cols = await upload('/api/orgs/import/preview', await xlsx(['名称', '简称'], [['甲', '']]));
  assert.equal(cols.statusCode, 200);
  assert.match(cols.json().errors[0].message, /缺少必填列：“上级机构”、“类型”/);
});

test('users: new accounts get a generated password shown once, existing ones are updated', async () => {
  const file = await xlsx(USER_TEMPLATE_HEADERS, [
    ['zhaoliu', '赵六', '市财政局', '承办人', '13900000000', 'zl@example.cn'],
    ['t_handler2', '财政承办人', '市财政局', '审核人', '', ''],
  ]);
  const res = await upload('/api/users/import', file, '用户.xlsx');
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.deepEqual([body.created, body.updated], [1, 1]);
  assert.equal(body.passwords.length, 1);
  const user = await t.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', 'zhaoliu')
    .executeTakeFirstOrThrow();
  assert.equal(user.phone, '13900000000');
  assert.ok(await verifyPassword(user.password_hash, body.passwords[0].password));
  assert.equal(user.must_change_password, true, 'a generated password is changed at first sign-in');
  const updated = await t.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', 't_handler2')
    .executeTakeFirstOrThrow();
  assert.equal(updated.role, 'reviewer');
  assert.ok(await verifyPassword(updated.password_hash, TEST_PASSWORD), 'password untouched');
  const audits = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'user.create').execute();
  assert.ok(!JSON.stringify(audits).includes(user.password_hash), 'no hash in the audit log');
});

test('users: a bad file is refused whole with every row error', async () => {
  const file = await xlsx(USER_TEMPLATE_HEADERS, [
    ['qianqi', '钱七', '市财政局', '承办人', '', ''],
    ['qianqi', '钱七', '市财政局', '科长', '123', ''],
  ]);
  const res = await upload('/api/users/import', file, '用户.xlsx');
  assert.equal(res.statusCode, 422);
  assert.equal(res.json().error.fields.length, 3);
  assert.equal(
    await t.db.selectFrom('users').select('id').where('username', '=', 'qianqi').executeTakeFirst(),
    undefined,
  );
});

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const ctx = {
    withDb: (work: (db: typeof t.db) => Promise<unknown>) => work(t.db),
  } as unknown as CommandContext;
  const lines: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => lines.push(a.join(' '));
  try {
    const [word, ...rest] = args;
    const code = await (
      importCommands.handlers[word as string] as (a: string[], c: CommandContext) => Promise<number>
    )(rest, ctx);
    return { code, out: lines.join('\n') };
  } finally {
    console.log = log;
  }
}

test('gongkai orgs import FILE [--dry-run] --json prints created, updated and the row errors', async () => {
  const good = path.join(dir, 'orgs.xlsx');
  await writeFile(
    good,
    await xlsx(ORG_TEMPLATE_HEADERS, [['微山县教育局', '', '微山县人民政府', '政府部门', '', '', '']]),
  );
  const dry = await cli(['orgs', 'import', good, '--dry-run', '--json']);
  assert.equal(dry.code, 0);
  assert.deepEqual(JSON.parse(dry.out), { created: 1, updated: 0, errors: [] });
  assert.equal(
    await t.db.selectFrom('orgs').select('id').where('name', '=', '微山县教育局').executeTakeFirst(),
    undefined,
  );
  const real = await cli(['orgs', 'import', good, '--json']);
  assert.deepEqual(JSON.parse(real.out), { created: 1, updated: 0, errors: [] });
  assert.ok(await t.db.selectFrom('orgs').select('id').where('name', '=', '微山县教育局').executeTakeFirst());

  const bad = path.join(dir, 'bad.xlsx');
  await writeFile(bad, await xlsx(ORG_TEMPLATE_HEADERS, [['甲', '', '乙', '政府部门', '', '', '']]));
  const refused = await cli(['orgs', 'import', bad, '--json']);
  assert.equal(refused.code, 1);
  assert.deepEqual(JSON.parse(refused.out), {
    created: 0,
    updated: 0,
    errors: [{ row: 2, message: '上级机构“乙”不存在（表中和系统中都没有）' }],
  });

  const users = path.join(dir, 'users.xlsx');
  await writeFile(
    users,
    await xlsx(USER_TEMPLATE_HEADERS, [['sunba', '孙八', '微山县教育局', '负责人', '', '']]),
  );
  const u = JSON.parse((await cli(['users', 'import', users, '--json'])).out);
  assert.equal(u.created, 1);
  assert.equal(u.passwords[0].username, 'sunba');
  assert.equal(u.passwords[0].password.length, 16);
});
