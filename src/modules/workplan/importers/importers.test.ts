import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import {
  AlignmentType,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  VerticalMergeType,
} from 'docx';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { type SpanCell, type SpanTable, tablesToRawTable } from './grid.ts';
import {
  normaliseDeadline,
  type ParsedPlan,
  PlanParseError,
  parsePlanFile,
  parsePlanText,
  splitUnits,
} from './index.ts';
import { interpretTable } from './table.ts';

const HERE = import.meta.dirname;
const REPO_ROOT = path.resolve(HERE, '../../../..');
const SHARED_SEEDS = path.resolve(REPO_ROOT, '../shared/seeds');
const FIXTURE_SEEDS = path.join(REPO_ROOT, 'demo/sources');
const SEEDS = ['jining-2022', 'laiwu-2021', 'jining-2021'] as const;

/** The committed copy; when the shared seeds exist beside the repository they must be identical. */
function seedBytes(name: (typeof SEEDS)[number]): Buffer {
  const copy = readFileSync(path.join(FIXTURE_SEEDS, `${name}.txt`));
  const shared = path.join(SHARED_SEEDS, `${name}.txt`);
  if (existsSync(shared))
    assert.ok(readFileSync(shared).equals(copy), `${name}: committed copy differs from ${shared}`);
  return copy;
}
const seedText = (name: (typeof SEEDS)[number]) => seedBytes(name).toString('utf8');

const IGNORED = /[\s\u3000、，,；;]/g;

/** Everything the parse produced, as one string (whitespace and unit separators removed). */
function producedText(plan: ParsedPlan): string {
  const parts: string[] = [];
  for (const t of plan.tasks) {
    parts.push(t.section ?? '', t.task, t.leadUnits.join(''), t.responsibleUnits.join(''), t.requirement);
    parts.push(t.deadlineRaw ?? '');
  }
  parts.push(...plan.warnings);
  return parts.join('|').replace(IGNORED, '');
}

/**
 * "Nothing silently lost", checked independently of the parser: every body line of the table
 * (between the header and the 抄送 block; repeated header lines aside) is found, whitespace and
 * unit separators removed, inside a field or a warning.
 */
function assertNothingLost(plan: ParsedPlan, headerWords: readonly string[]) {
  const produced = producedText(plan);
  const lines = plan.sourceText.split('\n');
  const start = lines.findIndex(
    (l) => l.includes('\t') && l.split('\t').some((c) => headerWords.includes(c.replace(/\s/g, ''))),
  );
  assert.ok(start >= 0, 'header found in source text');
  let end = lines.findIndex((l, i) => i > start && /^\s*抄送[：:]/.test(l));
  if (end < 0) end = lines.length;
  for (let i = start; i < end; i++) {
    const cells = (lines[i] as string).split('\t').map((c) => c.replace(IGNORED, ''));
    for (const cell of cells) {
      if (cell === '' || headerWords.includes(cell) || /^\d+$/.test(cell)) continue;
      assert.ok(produced.includes(cell), `line ${i + 1}: "${cell}" not found in any field or warning`);
    }
  }
}

const HEADER_WORDS = [
  '序号',
  '工作任务',
  '牵头部门',
  '牵头单位',
  '责任单位',
  '具体要求',
  '完成时限',
  '时间节点',
];

test('seed jining-2022: 84 tasks, fields checked by hand', () => {
  const plan = parsePlanText(seedText('jining-2022'));
  assert.equal(plan.tasks.length, 84);
  assert.deepEqual(plan.warnings, []);
  assert.deepEqual(plan.doc, {
    title: '关于印发2022年济宁市政务公开工作任务分解表的通知',
    issuer: null,
    docNumber: null,
    issuedDate: null,
    year: 2022,
  });
  assert.deepEqual(
    plan.tasks.map((t) => t.seq),
    Array.from({ length: 84 }, (_, i) => i + 1),
  );
  const t = (seq: number) => plan.tasks[seq - 1] as (typeof plan.tasks)[number];
  assert.equal(t(1).section, '一、深化重点领域信息公开');
  assert.equal(t(1).task, '（一）抓好新旧动能转换信息公开');
  assert.deepEqual(t(1).leadUnits, []);
  assert.deepEqual(t(1).responsibleUnits, [
    '各县（市、区）政府（管委会）',
    '市发展改革委',
    '市工业和信息化局',
  ]);
  assert.deepEqual([t(1).deadlineRaw, t(1).due, t(1).recurring], ['全年', '2022-12-31', true]);
  assert.deepEqual(
    [t(3).deadlineRaw, t(3).due, t(3).recurring],
    ['2022年10月底前完成，长期坚持', '2022-10-31', true],
  );
  assert.deepEqual(t(6).responsibleUnits, [
    '各县（市、区）政府（管委会）',
    '市发展改革委',
    '市行政审批服务局等市政府有关部门、单位',
  ]);
  assert.deepEqual([t(6).deadlineRaw, t(6).due, t(6).recurring], ['2022年10月底', '2022-10-31', false]);
  // Blank task cell: carried down from (六).
  assert.equal(t(7).task, '（六）加强优化营商环境信息公开');
  assert.deepEqual([t(9).deadlineRaw, t(9).due, t(9).recurring], ['定期更新', null, true]);
  // Blank unit cell (merged): carried down from the row above.
  assert.equal(t(16).task, '（七）精细化做好疫情防控信息公开');
  assert.deepEqual(t(16).responsibleUnits, [
    '各县（市、区）政府（管委会）',
    '市卫生健康委等市政府有关部门、单位',
  ]);
  assert.match(t(16).requirement, /^加强疫情防控信息发布工作协调/);
  assert.deepEqual(t(17).responsibleUnits, t(16).responsibleUnits);
  assert.equal(t(17).due, '2022-06-30');
  // A row split by a blank line after its empty task cell.
  assert.deepEqual(t(34).responsibleUnits, ['各县（市、区）政府（管委会）', '市发展改革委']);
  assert.match(t(34).requirement, /^推动县域经济高质量发展/);
  assert.deepEqual([t(34).deadlineRaw, t(34).due], ['2022年底', '2022-12-31']);
  assert.equal(t(48).section, '二、深化优化政策解读、回应关切和公众参与');
  assert.equal(t(48).task, '（十）推进行政决策公开透明');
  // A row split by a blank line between its unit and requirement cells.
  assert.deepEqual(t(49).responsibleUnits, ['各县（市、区）政府（管委会）', '市政府各部门、单位']);
  assert.match(t(49).requirement, /^决策事项向社会公开征求意见的/);
  assert.deepEqual(t(76).responsibleUnits, ['市、县级政府办公室']);
  assert.equal(t(84).section, '五、强化政务公开保障措施');
  assert.equal(t(84).task, '（十八）抓好工作落实');
  assert.deepEqual([t(84).deadlineRaw, t(84).due, t(84).recurring], ['2023年1月底', '2023-01-31', false]);
  // Source line ranges point at the row in the normalised text.
  const [a, b] = t(1).sourceLines as [number, number];
  const rowText = plan.sourceText
    .split('\n')
    .slice(a - 1, b)
    .join('\n');
  assert.match(rowText, /（一）抓好新旧动能转换信息公开/);
  assert.match(rowText, /全年/);
  assert.ok(!plan.sourceText.includes('[bookmark:'));
  assertNothingLost(plan, HEADER_WORDS);
});

test('seed laiwu-2021: 33 tasks, two task columns, repeated headers, no deadline column', () => {
  const plan = parsePlanText(seedText('laiwu-2021'));
  assert.equal(plan.tasks.length, 33);
  assert.deepEqual(plan.warnings, []);
  assert.deepEqual(plan.doc, {
    title: '2021年莱芜区政务公开工作要点',
    issuer: null,
    docNumber: null,
    issuedDate: null,
    year: 2021,
  });
  const t = (seq: number) => plan.tasks[seq - 1] as (typeof plan.tasks)[number];
  assert.equal(t(1).section, '紧扣重点领域深化政务公开');
  assert.equal(t(1).task, '聚焦重点工作推进政务公开');
  assert.deepEqual(t(1).responsibleUnits, ['各镇（街道）', '区政府有关部门']);
  assert.deepEqual([t(1).deadlineRaw, t(1).due, t(1).recurring], [null, null, false]);
  assert.equal(t(2).task, '聚焦重点工作推进政务公开');
  assert.equal(t(3).task, '聚焦“十四五”规划推进政务公开');
  // Unit cell broken across lines (with a blank line between).
  assert.deepEqual(t(7).responsibleUnits, ['各镇（街道）', '区财政局', '区农业农村局']);
  // After a page break the header repeats and the section cell is filled again.
  assert.equal(t(17).section, '紧扣重点领域深化政务公开');
  assert.equal(t(17).task, '聚焦疫情防控推进政务公开');
  assert.equal(t(20).section, '紧扣解读回应深化政务公开');
  assert.match(t(21).requirement, /^合理选择解读形式/);
  assert.deepEqual(t(21).responsibleUnits, ['各镇（街道）', '区政府有关部门']);
  assert.deepEqual(t(23).responsibleUnits, ['区司法局等有关部门']);
  assert.equal(t(33).section, '紧扣保障落实深化政务公开');
  assert.equal(t(33).task, '抓好工作落实');
  // No deadline column: a date inside the requirement is only a suggestion.
  assert.equal(t(29).due, null);
  assert.equal(t(29).dueSuggested, '2021-12-31');
  assert.equal(t(1).dueSuggested, null);
  assert.ok(plan.tasks.every((x) => x.task !== '工作任务' && !x.requirement.includes('具体要求')));
  assertNothingLost(plan, ['工作任务', '具体要求', '责任单位']);
});

test('seed jining-2021: 66 tasks, lead and responsible columns, notice fields', () => {
  const plan = parsePlanText(seedText('jining-2021'));
  assert.equal(plan.tasks.length, 66);
  assert.deepEqual(plan.warnings, []);
  assert.deepEqual(plan.doc, {
    title: '关于印发2021年济宁市政务公开工作任务分解表的通知',
    issuer: '济宁市人民政府办公室',
    docNumber: '济政办字〔2021〕18号',
    issuedDate: '2021-04-28',
    year: 2021,
  });
  const t = (seq: number) => plan.tasks[seq - 1] as (typeof plan.tasks)[number];
  assert.equal(t(1).section, '一、深化重点领域政府信息公开');
  assert.equal(t(1).task, '（一）立足实施重大战略推进政务公开');
  assert.deepEqual(t(1).leadUnits, ['市发展改革委', '市自然资源和规划局']);
  assert.deepEqual(t(1).responsibleUnits, [
    '市政府有关部门、单位',
    '各县（市、区）政府',
    '济宁高新区',
    '太白湖新区',
    '济宁经济技术开发区管委会',
  ]);
  assert.equal(t(1).deadlineRaw, null);
  assert.equal(t(18).task, '（六）全面推进公共企事业单位信息公开');
  assert.equal(t(18).leadUnits.length, 13);
  assert.equal(t(18).leadUnits.at(-1), '国网济宁供电公司');
  assert.equal(t(18).responsibleUnits[0], '市政府各部门、单位');
  assert.match(t(18).requirement, /^重点公开与人民群众日常生产生活密切相关/);
  assert.equal(
    t(19).task,
    '（七）主动公开2021年重点任务公开承诺事项的工作进展、取得成效、后续举措和落实情况',
  );
  assert.equal(t(19).leadUnits.length, 15);
  // A [bookmark: _GoBack] artefact inside a cell is dropped.
  assert.match(t(27).requirement, /^大幅提升交通枢纽地位/);
  assert.deepEqual(t(32).leadUnits, ['市政府各部门、单位']);
  assert.deepEqual(t(55).leadUnits, ['市、县级政府办公室']);
  assert.equal(t(55).due, null);
  assert.equal(t(55).dueSuggested, '2021-12-31');
  assert.equal(t(66).section, '五、严格政务公开工作保障和落实');
  assert.equal(t(66).task, '（二十一）进一步抓好任务落实');
  assert.ok(plan.tasks.every((x) => !/抄送|印发|bookmark/.test(x.requirement)));
  assertNothingLost(plan, HEADER_WORDS);
});

test('--year overrides the document year for deadlines without a year', () => {
  const plan = parsePlanText(seedText('jining-2022'), { year: 2030 });
  assert.equal(plan.doc.year, 2030);
  assert.equal(plan.tasks[0]?.due, '2030-12-31');
  assert.equal(plan.tasks[83]?.due, '2023-01-31');
});

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
    else {
      const bytes = map.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

test('hostile: GBK-encoded text parses like the UTF-8 original', async () => {
  const text = seedText('laiwu-2021');
  const gbk = encodeGbk(text);
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk));
  const plan = await parsePlanFile(gbk, '莱芜.txt');
  const original = parsePlanText(text);
  assert.equal(plan.tasks.length, 33);
  assert.deepEqual(plan.tasks, original.tasks);
  assert.deepEqual(plan.doc, original.doc);
});

test('hostile: UTF-8 with BOM and CRLF line ends', async () => {
  const text = `\uFEFF${seedText('jining-2022').replace(/\n/g, '\r\n')}`;
  const plan = await parsePlanFile(new TextEncoder().encode(text), 'plan.txt');
  assert.equal(plan.tasks.length, 84);
  assert.deepEqual(plan.tasks, parsePlanText(seedText('jining-2022')).tasks);
  assert.equal(plan.doc.title, '关于印发2022年济宁市政务公开工作任务分解表的通知');
});

const para = (text: string) => new Paragraph({ text, alignment: AlignmentType.LEFT });
const docxCell = (text: string | string[], opts: Record<string, unknown> = {}) =>
  new TableCell({ children: (Array.isArray(text) ? text : [text]).map(para), ...opts });

async function buildDocx(withTable = true): Promise<Uint8Array> {
  const rows = [
    new TableRow({
      children: ['序号', '工 作 任 务', '牵头单位', '责任单位', '具体要求', '完成时限'].map((h) =>
        docxCell(h),
      ),
    }),
    new TableRow({ children: [docxCell('一、深化重点领域信息公开', { columnSpan: 6 })] }),
    new TableRow({
      children: [
        docxCell('1'),
        docxCell('（一）抓好减税降费信息公开', { verticalMerge: VerticalMergeType.RESTART }),
        docxCell(['市财政局', '市税务局'], { verticalMerge: VerticalMergeType.RESTART }),
        docxCell('各县（市、区）政府（管委会）'),
        docxCell('系统集成、智能推送已出台各项减税降费政策。'),
        docxCell('2022年10月底前完成，长期坚持'),
      ],
    }),
    new TableRow({
      children: [
        docxCell('2'),
        docxCell('', { verticalMerge: VerticalMergeType.CONTINUE }),
        docxCell('', { verticalMerge: VerticalMergeType.CONTINUE }),
        docxCell('市政府各部门、单位'),
        docxCell('及时公开减税降费政策落实情况。'),
        docxCell('12月底前'),
      ],
    }),
    new TableRow({ children: [docxCell('二、强化政务公开保障措施', { columnSpan: 6 })] }),
    new TableRow({
      children: [
        docxCell('3'),
        docxCell('（二）强化工作保障'),
        docxCell('市政府办公室'),
        docxCell('市、县级政府办公室'),
        docxCell(['各级要加强组织领导。', '定期通报进展。']),
        docxCell('全年'),
      ],
    }),
  ];
  const doc = new Document({
    sections: [
      {
        children: [
          para('济政办字〔2022〕9号'),
          para('济宁市人民政府办公室'),
          para('关于印发2022年政务公开工作任务分解表的通知'),
          para('各县（市、区）人民政府，市政府各部门、单位：'),
          para('现将任务分解表印发给你们，请认真贯彻落实。'),
          para('济宁市人民政府办公室'),
          para('2022年5月6日'),
          para('附件'),
          ...(withTable ? [new Table({ rows })] : [para('（无表格）')]),
          para('抄送：市委各部门。'),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

test('hostile: .docx with merged cells (vertical merge of the task and lead cells, section rows)', async () => {
  const plan = await parsePlanFile(await buildDocx(), '分解表.docx');
  assert.deepEqual(plan.doc, {
    title: '关于印发2022年政务公开工作任务分解表的通知',
    issuer: '济宁市人民政府办公室',
    docNumber: '济政办字〔2022〕9号',
    issuedDate: '2022-05-06',
    year: 2022,
  });
  assert.deepEqual(plan.warnings, []);
  assert.equal(plan.tasks.length, 3);
  const [a, b, c] = plan.tasks as [
    ParsedPlan['tasks'][number],
    ParsedPlan['tasks'][number],
    ParsedPlan['tasks'][number],
  ];
  assert.equal(a.section, '一、深化重点领域信息公开');
  assert.equal(a.task, '（一）抓好减税降费信息公开');
  assert.deepEqual(a.leadUnits, ['市财政局', '市税务局']);
  assert.deepEqual(a.responsibleUnits, ['各县（市、区）政府（管委会）']);
  assert.deepEqual([a.due, a.recurring], ['2022-10-31', true]);
  assert.equal(b.task, '（一）抓好减税降费信息公开');
  assert.deepEqual(b.leadUnits, ['市财政局', '市税务局']);
  assert.deepEqual(b.responsibleUnits, ['市政府各部门、单位']);
  assert.deepEqual([b.deadlineRaw, b.due], ['12月底前', '2022-12-31']);
  assert.equal(c.section, '二、强化政务公开保障措施');
  assert.deepEqual(c.responsibleUnits, ['市、县级政府办公室']);
  assert.equal(c.requirement, '各级要加强组织领导。定期通报进展。');
  const [s, e] = b.sourceLines as [number, number];
  assert.match(
    plan.sourceText
      .split('\n')
      .slice(s - 1, e)
      .join('\n'),
    /及时公开减税降费政策落实情况/,
  );
  assertNothingLost(plan, [...HEADER_WORDS, '工作任务']);
});

test('hostile: .xlsx export with a merged title row, a merged section row and merged task cells', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务表');
  ws.addRow(['2023年某县政务公开工作任务分解表']);
  ws.mergeCells('A1:F1');
  ws.addRow(['序号', '工作任务', '具体要求', '责任单位', '牵头单位', '时间节点']);
  ws.addRow(['一、提升公开质量']);
  ws.mergeCells('A3:F3');
  ws.addRow([
    1,
    '（一）规范主动公开',
    '更新主动公开目录。',
    '各乡镇（街道）、县直各部门',
    '县政府办公室',
    '2023年6月底',
  ]);
  ws.addRow([2, null, '每季度开展专项检查。', '县直各部门、单位', null, '定期检查']);
  ws.mergeCells('B4:B5');
  ws.mergeCells('E4:E5');
  ws.addRow([
    3,
    '（二）做好解读回应',
    '重要政策同步解读。',
    '县发展改革局 县财政局',
    '县政府办公室',
    new Date(Date.UTC(2023, 11, 31)),
  ]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const plan = await parsePlanFile(bytes, 'export.xlsx');
  assert.equal(plan.doc.title, '2023年某县政务公开工作任务分解表');
  assert.equal(plan.doc.year, 2023);
  assert.deepEqual(plan.warnings, []);
  assert.equal(plan.tasks.length, 3);
  const [a, b, c] = plan.tasks as [
    ParsedPlan['tasks'][number],
    ParsedPlan['tasks'][number],
    ParsedPlan['tasks'][number],
  ];
  assert.equal(a.section, '一、提升公开质量');
  assert.equal(a.task, '（一）规范主动公开');
  assert.deepEqual(a.leadUnits, ['县政府办公室']);
  assert.deepEqual(a.responsibleUnits, ['各乡镇（街道）', '县直各部门']);
  assert.equal(a.due, '2023-06-30');
  assert.equal(b.task, '（一）规范主动公开');
  assert.deepEqual(b.leadUnits, ['县政府办公室']);
  assert.deepEqual(b.responsibleUnits, ['县直各部门、单位']);
  assert.deepEqual([b.deadlineRaw, b.due, b.recurring], ['定期检查', null, true]);
  assert.deepEqual(c.responsibleUnits, ['县发展改革局', '县财政局']);
  assert.deepEqual([c.deadlineRaw, c.due], ['2023年12月31日', '2023-12-31']);
});

test('hostile: a document with no task table is refused with a clear Chinese error', async () => {
  const notice =
    '关于做好2022年政务公开工作的通知\n\n各县（市、区）人民政府：\n一、提高思想认识。\n二、抓好落实。\n';
  assert.throws(
    () => parsePlanText(notice),
    (e: unknown) =>
      e instanceof PlanParseError &&
      e.code === 'PLAN_NOT_A_TASK_TABLE' &&
      /没有找到工作任务分解表/.test(e.message),
  );
  await assert.rejects(parsePlanFile(await buildDocx(false), 'notice.docx'), {
    code: 'PLAN_NOT_A_TASK_TABLE',
  });
  await assert.rejects(parsePlanFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.doc'), {
    code: 'PLAN_FILE_TYPE',
  });
  await assert.rejects(parsePlanFile(new TextEncoder().encode('%PDF-1.7\n'), 'plan.pdf'), {
    code: 'PLAN_FILE_TYPE',
  });
  await assert.rejects(parsePlanFile(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), 'broken.docx'), {
    code: 'PLAN_FILE_UNREADABLE',
  });
  await assert.rejects(parsePlanFile(new Uint8Array([1, 2, 0, 4]), 'x.bin'), { code: 'PLAN_FILE_TYPE' });
  // A header with no rows under it is not a task table either.
  assert.throws(() => parsePlanText('附件\n\t工作任务\n\t责任单位\n\t具体要求\n'), {
    code: 'PLAN_NOT_A_TASK_TABLE',
  });
});

test('hostile: 序号, spaced header words and 牵头单位 + 责任单位 in a different order', () => {
  const text = [
    '2022年某市政务公开工作任务清单',
    '附件',
    '\t序 号',
    '\t责任单位',
    '\t工 作 任 务',
    '\t具体要求',
    '\t牵头单位',
    '\t时间节点',
    '',
    '\t1',
    '\t市政府各部门、单位',
    '\t（一）公开财政预决算',
    '\t按时公开预决算信息。',
    '\t市财政局',
    '\t2022年底',
    '',
    '\t2',
    '\t',
    '\t',
    '\t公开专项资金分配结果。',
    '\t',
    '\t全年',
  ].join('\n');
  const plan = parsePlanText(text);
  assert.equal(plan.tasks.length, 2);
  assert.deepEqual(plan.warnings, []);
  const [a, b] = plan.tasks as [ParsedPlan['tasks'][number], ParsedPlan['tasks'][number]];
  assert.deepEqual(
    { task: a.task, lead: a.leadUnits, resp: a.responsibleUnits, req: a.requirement, due: a.due },
    {
      task: '（一）公开财政预决算',
      lead: ['市财政局'],
      resp: ['市政府各部门、单位'],
      req: '按时公开预决算信息。',
      due: '2022-12-31',
    },
  );
  assert.deepEqual(
    {
      task: b.task,
      lead: b.leadUnits,
      resp: b.responsibleUnits,
      req: b.requirement,
      due: b.due,
      rec: b.recurring,
    },
    {
      task: '（一）公开财政预决算',
      lead: ['市财政局'],
      resp: ['市政府各部门、单位'],
      req: '公开专项资金分配结果。',
      due: '2022-12-31',
      rec: true,
    },
  );
});

test('hostile (withheld-style): one row per line with tabs, repeated headers, broken cells, 抄送 block', () => {
  const text = [
    '某县人民政府办公室',
    '某政办发〔2023〕3号',
    '关于印发2023年政务公开',
    '工作要点的通知',
    '各乡镇人民政府，县政府各部门：',
    '现印发给你们，请抓好落实。',
    '2023年3月1日',
    '附件',
    '2023年政务公开工作任务分解表',
    '序号\t工作任务\t具体要求\t牵头单位\t责任单位\t完成时限',
    '一、推进重点领域公开',
    '1\t（一）财政信息公开\t公开预决算。\t县财政局\t各乡镇、县直各部门\t2023年6月底',
    '2\t\t公开政府债务信息，',
    '按季度更新。\t县财政局\t县直有关部门、单位\t每季度',
    '序号\t工作任务\t具体要求\t牵头单位\t责任单位\t完成时限',
    '3\t（二）重大项目公开\t公开项目批准和实施信息。\t县发展改革局\t县自然资源局\n县住房城乡建设局\t12月底前',
    '二、加强平台建设',
    '4\t（三）政府网站\t加强内容保障。\t县政府办公室\t\t全年',
    '',
    '抄送：县委办公室。',
    '某县人民政府办公室          2023年3月2日印发',
  ].join('\n');
  const plan = parsePlanText(text);
  assert.deepEqual(plan.doc, {
    title: '关于印发2023年政务公开工作要点的通知',
    issuer: '某县人民政府办公室',
    docNumber: '某政办发〔2023〕3号',
    issuedDate: '2023-03-01',
    year: 2023,
  });
  assert.equal(plan.tasks.length, 4);
  const t = (n: number) => plan.tasks[n - 1] as ParsedPlan['tasks'][number];
  assert.equal(t(1).section, '一、推进重点领域公开');
  assert.deepEqual(t(1).responsibleUnits, ['各乡镇', '县直各部门']);
  assert.equal(t(2).task, '（一）财政信息公开');
  assert.equal(t(2).requirement, '公开政府债务信息，按季度更新。');
  assert.deepEqual(t(2).responsibleUnits, ['县直有关部门、单位']);
  assert.deepEqual([t(2).due, t(2).recurring], [null, true]);
  assert.deepEqual(t(3).responsibleUnits, ['县自然资源局', '县住房城乡建设局']);
  assert.equal(t(3).due, '2023-12-31');
  assert.equal(t(4).section, '二、加强平台建设');
  assert.deepEqual(t(4).leadUnits, ['县政府办公室']);
  // The blank responsible cell is carried only within a section: after a section row it is empty.
  assert.deepEqual(t(4).responsibleUnits, []);
  assert.deepEqual(plan.warnings, []);
  assert.ok(plan.tasks.every((x) => !x.requirement.includes('抄送')));
  assertNothingLost(plan, HEADER_WORDS);
});

test('re-exports: splitUnits and normaliseDeadline', () => {
  assert.deepEqual(splitUnits('市、县级政府办公室'), ['市、县级政府办公室']);
  assert.deepEqual(normaliseDeadline('全年', 2022), { due: '2022-12-31', recurring: true });
});

test('property: generated tables in both text layouts lose nothing and keep every row', () => {
  const chars = fc.constantFrom(...'政务公开信息平台建设推进落实加强完善规范发布解读回应决策服务监管数据');
  const words = (min: number, max: number) =>
    fc.array(chars, { minLength: min, maxLength: max }).map((a) => a.join(''));
  const cn = ['一', '二', '三', '四', '五'];
  const table = fc.record({
    layout: fc.constantFrom('cells', 'rows'),
    sections: fc.array(
      fc.record({
        title: words(4, 10),
        tasks: fc.array(
          fc.record({
            title: words(4, 12),
            rows: fc.array(
              fc.record({
                units: fc.uniqueArray(
                  words(2, 5).map((w) => `市${w}局`),
                  { minLength: 0, maxLength: 3 },
                ),
                req: words(6, 40),
                deadline: fc.constantFrom('全年', '2022年底', '12月底前', '定期更新', ''),
              }),
              { minLength: 1, maxLength: 3 },
            ),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  });
  fc.assert(
    fc.property(table, (spec) => {
      const lines: string[] = ['附件', '2022年任务分解表'];
      const header = ['工作任务', '责任单位', '具体要求', '完成时限'];
      if (spec.layout === 'cells') lines.push(...header.map((h) => `\t${h}`), '');
      else lines.push(header.join('\t'));
      let expected = 0;
      spec.sections.forEach((s, si) => {
        const section = `${cn[si]}、${s.title}`;
        lines.push(spec.layout === 'cells' ? `\t${section}` : section);
        if (spec.layout === 'cells') lines.push('');
        s.tasks.forEach((task, ti) => {
          task.rows.forEach((row, ri) => {
            expected++;
            const cells = [
              ri === 0 ? `（${cn[ti]}）${task.title}` : '',
              row.units.join('、'),
              row.req,
              row.deadline,
            ];
            if (spec.layout === 'cells') lines.push(...cells.map((c) => `\t${c}`), '');
            else lines.push(cells.join('\t'));
          });
        });
      });
      const plan = parsePlanText(lines.join('\n'));
      assert.equal(plan.tasks.length, expected);
      const produced = producedText(plan);
      for (const l of lines.slice(2)) {
        for (const cell of l.split('\t').map((c) => c.replace(IGNORED, ''))) {
          if (cell === '' || header.includes(cell)) continue;
          assert.ok(produced.includes(cell), `"${cell}" lost`);
        }
      }
    }),
    { numRuns: 200 },
  );
});

test('a unit named twice in one cell is reported in a warning, not silently dropped', () => {
  const plan = parsePlanText(
    '附件\n\t工作任务\n\t责任单位\n\t具体要求\n\n\t（一）公开预算\n\t市财政局、市财政局\n\t按时公开。\n',
  );
  assert.deepEqual(plan.tasks[0]?.responsibleUnits, ['市财政局']);
  assert.ok(plan.warnings.some((w) => w.includes('未能归入任何字段') && w.endsWith('市财政局')));
});

test('hostile: the seeds without any blank line between rows parse to the same tasks', () => {
  const strip = (plan: ParsedPlan) => plan.tasks.map(({ sourceLines: _, ...t }) => t);
  for (const name of SEEDS) {
    const text = seedText(name);
    const squeezed = text
      .split('\n')
      .filter((l) => l.includes('\t') || l.trim() !== '')
      .join('\n');
    const plan = parsePlanText(squeezed);
    assert.deepEqual(strip(plan), strip(parsePlanText(text)), name);
    assert.deepEqual(plan.warnings, [], name);
  }
});

test('hostile: an unknown header column is kept and its content reported; section rows with empty cells', () => {
  const text = [
    '附件',
    '序号\t重点任务\t工作措施\t责任部门（单位）\t考核分值\t完成期限',
    '一、公开重点领域信息\t\t\t\t\t',
    '1\t（一）财政公开\t公开预决算。\t县财政局\t5分\t2024年6月底前',
    '2\t\t公开政府债务。\t县财政局\t\t长期坚持',
    '二、优化公开平台',
    '3\t（二）网站建设\t做好网站集约化。\t县政府办公室\t3分\t全年',
  ].join('\n');
  const plan = parsePlanText(text, { year: 2024 });
  assert.equal(plan.tasks.length, 3);
  const [a, b, c] = plan.tasks as [
    ParsedPlan['tasks'][number],
    ParsedPlan['tasks'][number],
    ParsedPlan['tasks'][number],
  ];
  assert.equal(a.section, '一、公开重点领域信息');
  assert.equal(a.task, '（一）财政公开');
  assert.deepEqual(a.responsibleUnits, ['县财政局']);
  assert.equal(a.due, '2024-06-30');
  assert.equal(b.task, '（一）财政公开');
  assert.deepEqual([b.due, b.recurring], [null, true]);
  assert.equal(c.section, '二、优化公开平台');
  assert.deepEqual(plan.warnings, ['第1项（第4行）“考核分值”列：5分', '第3项（第7行）“考核分值”列：3分']);
});

test('hostile: .docx with a two-row header (责任单位 over 牵头单位 | 配合单位)', async () => {
  const rows = [
    new TableRow({
      children: [
        docxCell('序号', { rowSpan: 2 }),
        docxCell('工作任务', { rowSpan: 2 }),
        docxCell('责任单位', { columnSpan: 2 }),
        docxCell('完成时限', { rowSpan: 2 }),
      ],
    }),
    new TableRow({ children: [docxCell('牵头单位'), docxCell('配合单位')] }),
    new TableRow({
      children: [
        docxCell('1'),
        docxCell('做好政策解读工作'),
        docxCell('市司法局'),
        docxCell('市政府各部门、单位'),
        docxCell('全年'),
      ],
    }),
  ];
  const doc = new Document({ sections: [{ children: [para('2024年政务公开任务表'), new Table({ rows })] }] });
  const plan = await parsePlanFile(new Uint8Array(await Packer.toBuffer(doc)), 'two-row-header.docx');
  assert.equal(plan.tasks.length, 1);
  const t = plan.tasks[0] as ParsedPlan['tasks'][number];
  assert.equal(t.task, '做好政策解读工作');
  assert.deepEqual(t.leadUnits, ['市司法局']);
  assert.deepEqual(t.responsibleUnits, ['市政府各部门、单位']);
  assert.deepEqual([t.due, t.recurring], ['2024-12-31', true]);
});

/** Round trip: a seed's tasks written as a real table with merged cells, read back the same. */
test('hostile: laiwu-2021 as .xlsx and .docx (工作任务 over two columns, vertically merged cells) reads back the same', async () => {
  const original = parsePlanText(seedText('laiwu-2021'));
  const strip = (plan: ParsedPlan) => plan.tasks.map(({ sourceLines: _, ...t }) => t);
  const runs = (key: (t: ParsedPlan['tasks'][number]) => string) => {
    // n > 0 starts a merged run of n rows, 0 continues the run above.
    const out: number[] = [];
    for (let i = 0; i < original.tasks.length; i++) {
      if (
        i > 0 &&
        key(original.tasks[i - 1] as ParsedPlan['tasks'][number]) ===
          key(original.tasks[i] as ParsedPlan['tasks'][number])
      )
        out.push(0);
      else {
        let n = 1;
        while (
          i + n < original.tasks.length &&
          key(original.tasks[i + n] as ParsedPlan['tasks'][number]) ===
            key(original.tasks[i] as ParsedPlan['tasks'][number])
        )
          n++;
        out.push(n);
      }
    }
    return out;
  };
  const sectionRuns = runs((t) => t.section ?? '');
  const taskRuns = runs((t) => `${t.section}|${t.task}`);

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('分解表');
  ws.addRow(['2021年莱芜区政务公开重点工作任务分解表']);
  ws.mergeCells('A1:D1');
  ws.addRow(['工作任务', '', '具体要求', '责任单位']);
  ws.mergeCells('A2:B2');
  for (const t of original.tasks)
    ws.addRow([t.section, t.task, t.requirement, t.responsibleUnits.join('、')]);
  original.tasks.forEach((_, i) => {
    const r = i + 3;
    if ((sectionRuns[i] as number) > 1) ws.mergeCells(r, 1, r + (sectionRuns[i] as number) - 1, 1);
    if ((taskRuns[i] as number) > 1) ws.mergeCells(r, 2, r + (taskRuns[i] as number) - 1, 2);
  });
  const fromXlsx = await parsePlanFile(new Uint8Array(await wb.xlsx.writeBuffer()), 'laiwu.xlsx', {
    year: 2021,
  });
  assert.deepEqual(fromXlsx.warnings, []);
  assert.equal(JSON.stringify(strip(fromXlsx)), JSON.stringify(strip(original)), 'xlsx round trip');

  const merge = (n: number | undefined) =>
    n === 0
      ? { verticalMerge: VerticalMergeType.CONTINUE }
      : n !== undefined && n > 1
        ? { verticalMerge: VerticalMergeType.RESTART }
        : {};
  const rows = [
    new TableRow({
      children: [docxCell('工作任务', { columnSpan: 2 }), docxCell('具体要求'), docxCell('责任单位')],
    }),
    ...original.tasks.map(
      (t, i) =>
        new TableRow({
          children: [
            docxCell(sectionRuns[i] === 0 ? '' : (t.section ?? ''), merge(sectionRuns[i])),
            docxCell(taskRuns[i] === 0 ? '' : t.task, merge(taskRuns[i])),
            docxCell(t.requirement),
            docxCell(t.responsibleUnits.join('、')),
          ],
        }),
    ),
  ];
  const doc = new Document({
    sections: [{ children: [para('2021年莱芜区政务公开工作要点'), para('附件'), new Table({ rows })] }],
  });
  const fromDocx = await parsePlanFile(new Uint8Array(await Packer.toBuffer(doc)), 'laiwu.docx');
  assert.deepEqual(fromDocx.warnings, []);
  assert.equal(JSON.stringify(strip(fromDocx)), JSON.stringify(strip(original)), 'docx round trip');
  assert.equal(fromDocx.doc.title, '2021年莱芜区政务公开工作要点');
});

test('hostile: a row with a stray extra cell keeps the columns of the others and reports the extra text', () => {
  const text = [
    '附件',
    '工作任务\t责任单位\t具体要求\t完成时限',
    '（一）公开预算\t市财政局\t按时公开预算。\t全年',
    '（二）公开决算\t市财政局\t按时公开决算。\t2022年8月底\t多余的文字',
    '（三）公开债务\t市财政局\t定期公开债务。\t定期更新',
  ].join('\n');
  const plan = parsePlanText(text, { year: 2022 });
  assert.equal(plan.tasks.length, 3);
  assert.deepEqual(
    plan.tasks.map((t) => [t.task, t.responsibleUnits.join(), t.deadlineRaw]),
    [
      ['（一）公开预算', '市财政局', '全年'],
      ['（二）公开决算', '市财政局', '2022年8月底'],
      ['（三）公开债务', '市财政局', '定期更新'],
    ],
  );
  assert.deepEqual(plan.warnings, ['第4行有文字未能归入任何字段，请核对：多余的文字']);
});

test('plain text, one row per line: a header label over two columns (工作任务 then an empty cell) is two levels', () => {
  const text = [
    '关于印发2025年政务公开工作要点的通知',
    '附件',
    '序号\t工作任务\t\t具体要求\t责任单位\t完成时限',
    '1\t一、深化重点领域信息公开\t（一）推进财政信息公开\t按规定公开预决算\t市财政局\t2025年6月底前',
    '2\t一、深化重点领域信息公开\t（二）推进教育信息公开\t公开招生政策\t市教育局\t2025年9月底前',
    '3\t二、加强平台建设\t（三）优化政府网站\t完善栏目设置\t市大数据中心\t长期坚持',
  ].join('\n');
  const plan = parsePlanText(text);
  assert.deepEqual(
    plan.tasks.map((t) => [t.section, t.task, t.requirement, t.responsibleUnits.join('、')]),
    [
      ['一、深化重点领域信息公开', '（一）推进财政信息公开', '按规定公开预决算', '市财政局'],
      ['一、深化重点领域信息公开', '（二）推进教育信息公开', '公开招生政策', '市教育局'],
      ['二、加强平台建设', '（三）优化政府网站', '完善栏目设置', '市大数据中心'],
    ],
  );
});

test('the red header (发文机关标志 “…人民政府办公室文件”) is not the notice’s title', () => {
  for (const red of [
    '济宁市人民政府办公室文件',
    '济 宁 市 人 民 政 府 办 公 室 文 件',
    '济宁市人民政府文件',
  ]) {
    const text = [
      red,
      '济政办字〔2025〕12号',
      '济宁市人民政府办公室',
      '关于印发济宁市2025年政务公开工作要点的通知',
      '各县（市、区）人民政府，市政府各部门：',
      '附件',
      '序号\t工作任务\t具体要求\t责任单位\t完成时限',
      '1\t推进财政信息公开\t按规定公开预决算\t市财政局\t2025年6月底前',
    ].join('\n');
    const plan = parsePlanText(text);
    assert.equal(plan.doc.title, '关于印发济宁市2025年政务公开工作要点的通知', red);
    assert.equal(plan.doc.docNumber, '济政办字〔2025〕12号');
    // Without a 关于… title line, the red header is still not taken for one.
    const bare = text.replace('关于印发济宁市2025年政务公开工作要点的通知', '济宁市2025年政务公开工作要点');
    assert.equal(parsePlanText(bare).doc.title, '济宁市2025年政务公开工作要点', `${red} (no 关于)`);
  }
});

test('a blank 完成时限 continues the one above only within a merge (tables) or the same task (text)', {
  timeout: 10_000,
}, () => {
  const cell = (text: string, rowspan = 1): SpanCell => ({ text, colspan: 1, rowspan });
  const header = ['序号', '工作任务', '具体要求', '完成时限'].map((t) => cell(t));
  const cases: {
    what: string;
    source: string | SpanTable;
    deadlines: (string | null)[];
    flagged: number[];
  }[] = [
    {
      what: 'text: a row of the same task (序号 and 工作任务 merged, so blank) continues it',
      source: ['序号\t工作任务\t具体要求\t完成时限', '1\t做好数据开放\t要求一\t6月底前', '\t\t要求二\t'].join(
        '\n',
      ),
      deadlines: ['6月底前', '6月底前'],
      flagged: [],
    },
    {
      what: 'text: the same 序号 again is the same task',
      source: ['序号\t工作任务\t具体要求\t完成时限', '1\t做好数据开放\t要求一\t全年', '1\t\t要求二\t'].join(
        '\n',
      ),
      deadlines: ['全年', '全年'],
      flagged: [],
    },
    {
      what: 'text: a new 序号 with a blank deadline does not take the task above’s',
      source: [
        '序号\t工作任务\t具体要求\t完成时限',
        '1\t做好数据开放\t要求一\t全年',
        '2\t\t要求二\t',
        '3\t做好政策解读\t要求三\t',
      ].join('\n'),
      deadlines: ['全年', null, null],
      flagged: [2, 3],
    },
    {
      what: 'text without 序号: a new 工作任务 ends the deadline, a blank task cell keeps it',
      source: ['工作任务\t具体要求\t完成时限', '任务甲\t要求一\t全年', '\t要求二\t', '任务乙\t要求三\t'].join(
        '\n',
      ),
      deadlines: ['全年', '全年', null],
      flagged: [3],
    },
    {
      what: 'text without 序号 or 工作任务: every row is a task of its own',
      source: ['具体要求\t责任单位\t完成时限', '要求一\t市财政局\t全年', '要求二\t市教育局\t'].join('\n'),
      deadlines: ['全年', null],
      flagged: [2],
    },
    {
      what: 'text: a first task without a deadline is flagged',
      source: ['序号\t工作任务\t具体要求\t完成时限', '1\t做好数据开放\t要求一\t'].join('\n'),
      deadlines: [null],
      flagged: [1],
    },
    {
      what: 'table: a 完成时限 merged over two tasks is both tasks’ deadline',
      source: [
        header,
        [cell('1'), cell('任务甲'), cell('要求一'), cell('长期坚持', 2)],
        [cell('2'), cell('任务乙'), cell('要求二')],
      ],
      deadlines: ['长期坚持', '长期坚持'],
      flagged: [],
    },
    {
      what: 'table: a blank 完成时限 that is not merged stays blank, even within the same task',
      source: [
        header,
        [cell('1', 2), cell('任务甲', 2), cell('要求一'), cell('全年')],
        [cell('要求二'), cell('')],
      ],
      deadlines: ['全年', null],
      flagged: [2],
    },
  ];
  for (const c of cases) {
    const plan =
      typeof c.source === 'string'
        ? parsePlanText(c.source, { year: 2025 })
        : interpretTable(tablesToRawTable([], [c.source], []), 2025);
    assert.deepEqual(
      plan.tasks.map((t) => t.deadlineRaw),
      c.deadlines,
      c.what,
    );
    const flagged = plan.warnings.flatMap((w) => {
      const m = /^第(\d+)项（第\d+行）未填写完成时限，请补充。$/.exec(w);
      return m ? [Number(m[1])] : [];
    });
    assert.deepEqual(flagged, c.flagged, c.what);
  }
});
