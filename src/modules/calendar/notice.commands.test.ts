// `calendar parse-notice FILE [--json]` on the fixture notices (domain/notices/20XX.txt).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { Document, Packer, Paragraph } from 'docx';
import { calendarCommand } from './commands.ts';
import { bundledCalendarYears as years } from './index.ts';
import { parseNoticeCommand, readNoticeTextSync, runParseNotice } from './notice.commands.ts';

const fixture = (year: number) => path.join(import.meta.dirname, 'domain', 'notices', `${year}.txt`);
const dir = mkdtempSync(path.join(tmpdir(), 'gongkai-notice-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** A GBK encoder built from Node's GBK decoder (tests only). */
function encodeGbk(text: string): Uint8Array {
  const map = new Map<string, number[]>();
  const dec = new TextDecoder('gbk');
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [hi, lo]);
    }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code < 0x80) out.push(code);
    else out.push(...(map.get(ch) ?? assert.fail(`not in GBK: ${ch}`)));
  }
  return new Uint8Array(out);
}

const EXPECTED_2023 = {
  year: 2023,
  daysOff: [
    '2022-12-31',
    '2023-01-01',
    '2023-01-02',
    ...['21', '22', '23', '24', '25', '26', '27'].map((d) => `2023-01-${d}`),
    '2023-04-05',
    '2023-04-29',
    '2023-04-30',
    '2023-05-01',
    '2023-05-02',
    '2023-05-03',
    '2023-06-22',
    '2023-06-23',
    '2023-06-24',
    '2023-09-29',
    '2023-09-30',
    ...['01', '02', '03', '04', '05', '06'].map((d) => `2023-10-${d}`),
  ],
  workdays: [
    '2023-01-28',
    '2023-01-29',
    '2023-04-23',
    '2023-05-06',
    '2023-06-25',
    '2023-10-07',
    '2023-10-08',
  ],
  notice: { number: '国办发明电〔2022〕16号', date: '2022-12-08' },
};

test('--json prints exactly year, daysOff (with 2022-12-31), workdays and notice', () => {
  const r = parseNoticeCommand([fixture(2023), '--json'], years);
  assert.equal(r.exitCode, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.deepEqual(JSON.parse(r.stdout), EXPECTED_2023);
  assert.deepEqual(Object.keys(JSON.parse(r.stdout)), ['year', 'daysOff', 'workdays', 'notice']);
});

test('without --json: a Chinese summary, nothing saved', () => {
  const r = parseNoticeCommand([fixture(2026)], years);
  assert.equal(r.exitCode, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.equal(
    lines[0],
    '已读取《国务院办公厅关于2026年部分节假日安排的通知》（国办发明电〔2025〕7号，2025年11月4日），未保存。',
  );
  assert.equal(lines[1], '放假共33天，调休上班共6天：');
  assert.equal(lines[2], '  元旦：放假 1月1日至3日，共3天；调休上班：1月4日（星期日）');
  assert.equal(lines[3], '  春节：放假 2月15日至23日，共9天；调休上班：2月14日（星期六）、2月28日（星期六）');
  assert.ok(
    r.stdout.includes(
      '  七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。',
    ),
  );
  const y2023 = parseNoticeCommand([fixture(2023)], years).stdout;
  assert.ok(y2023.includes('  元旦：放假 2022年12月31日至2023年1月2日，共3天'));
  assert.ok(y2023.includes('其中2022年12月31日属于2022年，保存时并入2022年的日历。'));
});

test('the calendar command dispatches parse-notice', () => {
  const r = calendarCommand(['parse-notice', fixture(2023), '--json'], years);
  assert.equal(r.exitCode, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), EXPECTED_2023);
  assert.match(calendarCommand(['--help'], years).stdout, /parse-notice/);
});

test('a GBK-encoded .txt reads like the UTF-8 original', () => {
  const text = readFileSync(fixture(2023), 'utf8');
  const gbk = encodeGbk(text);
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk));
  const file = write('2023-gbk.txt', gbk);
  assert.deepEqual(readNoticeTextSync(file), { ok: true, text });
  assert.deepEqual(JSON.parse(parseNoticeCommand([file, '--json'], years).stdout), EXPECTED_2023);
});

test('a .docx notice (async path used by the gongkai CLI)', async () => {
  const lines = readFileSync(fixture(2023), 'utf8').split('\n');
  const doc = new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] });
  const file = write('通知.docx', new Uint8Array(await Packer.toBuffer(doc)));
  const r = await runParseNotice([file, '--json']);
  assert.equal(r.exitCode, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), EXPECTED_2023);
  // The synchronous reader cannot open .docx and says so.
  const sync = parseNoticeCommand([file], years);
  assert.equal(sync.exitCode, 2);
  assert.match(
    sync.stderr,
    /^错误：“.*通知\.docx”是Word文件（\.docx），请在命令行使用 gongkai calendar parse-notice 读取/,
  );
  const broken = write('坏.docx', new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9, 9]));
  const bad = await runParseNotice([broken]);
  assert.equal(bad.exitCode, 2);
  assert.match(bad.stderr, /无法读取Word文件“.*坏\.docx”（\.docx），文件可能已损坏/);
});

test('an unreadable notice: exit 2, the Chinese messages quote the sentence', async () => {
  const text = readFileSync(fixture(2026), 'utf8').replace(
    '4月4日（周六）至6日（周一）',
    '4月4日（周日）至6日（周一）',
  );
  const file = write('2026-bad.txt', text);
  for (const r of [parseNoticeCommand([file, '--json'], years), await runParseNotice([file, '--json'])]) {
    assert.equal(r.exitCode, 2);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      '错误：无法读取放假安排通知：\n' +
        '错误：第三项“清明节”中的“4月4日（周日）至6日（周一）放假，共3天。”无法读取：2026年4月4日是星期六，括号中却写作“周日”。\n' +
        'Error: the holiday notice could not be read (see the Chinese messages above)\n',
    );
  }
  const other = write('plan.txt', '关于印发2024年政务公开工作要点的通知\n一、总体要求：坚持公开为常态。');
  const notNotice = parseNoticeCommand([other], years);
  assert.equal(notNotice.exitCode, 2);
  assert.match(notNotice.stderr, /错误：这不是国务院办公厅节假日安排通知/);
});

test('bad arguments, a missing file, a PDF, --help', async () => {
  const none = parseNoticeCommand([], years);
  assert.equal(none.exitCode, 2);
  assert.match(none.stderr, /^错误：请给出通知文件/);
  const missing = await runParseNotice([path.join(dir, 'nope.txt')]);
  assert.equal(missing.exitCode, 2);
  assert.match(missing.stderr, /^错误：无法打开文件“.*nope\.txt”：文件不存在或没有读取权限。/);
  const flag = parseNoticeCommand([fixture(2026), '--save'], years);
  assert.equal(flag.exitCode, 2);
  assert.match(flag.stderr, /^错误：参数无效/);
  const pdf = parseNoticeCommand([write('a.pdf', '%PDF-1.7\n')], years);
  assert.match(pdf.stderr, /是PDF文件，请复制通知全文另存为 \.txt/);
  const help = await runParseNotice(['--help']);
  assert.equal(help.exitCode, 0);
  assert.match(help.stdout, /^用法：gongkai calendar parse-notice 文件 \[--json\]/);
});
