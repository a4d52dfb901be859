import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkImport, IMPORT_COLUMNS, normaliseDate } from './import.ts';

const HEADER = Object.values(IMPORT_COLUMNS);
const regions = new Map([
  ['任城区人民政府', 11],
  ['曲阜市人民政府', 12],
]);
const opts = { regions, today: '2026-03-05' };
const good = [
  '91350100M000100Y43',
  '福州测试有限公司',
  'C',
  '小型',
  '任城区人民政府',
  '1200',
  '2018-04-16',
  '高新技术企业、专精特新中小企业',
  '智能制造',
  '13912345678',
  'a@example.cn',
];

test('a good sheet becomes profiles; labels and codes both accepted', () => {
  const r = checkImport(
    HEADER,
    [
      { line: 2, cells: good },
      {
        line: 3,
        cells: [
          '91110108551385082Q',
          '北京测试科技有限公司',
          '信息传输、软件和信息技术服务业',
          'micro',
          '曲阜市人民政府',
          '',
          '2010/3/5',
          '',
          '',
          '',
          '',
        ],
      },
    ],
    opts,
  );
  assert.equal(r.ok, true);
  if (!r.ok) return;
  assert.deepEqual(
    r.rows.map((x) => [x.creditCode, x.industry, x.size, x.regionId, x.capital, x.foundedOn]),
    [
      ['91350100M000100Y43', 'C', 'small', 11, 1200, '2018-04-16'],
      ['91110108551385082Q', 'I', 'micro', 12, null, '2010-03-05'],
    ],
  );
  assert.deepEqual(r.ok && r.rows[0]?.qualifications, ['high_tech', 'specialized']);
});

test('every bad row is named with all its problems, and nothing passes', () => {
  const r = checkImport(
    HEADER,
    [
      { line: 2, cells: good },
      {
        line: 3,
        cells: [
          '91350100M000100Y44',
          '',
          'Z',
          '特大型',
          '火星',
          '-5',
          '2030-01-01',
          '未知资质',
          '',
          '123',
          'bad',
        ],
      },
      { line: 4, cells: [...good] },
    ],
    opts,
  );
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(
    r.errors.map((e) => e.line),
    [3, 4],
  );
  const row3 = r.errors[0]?.messages.join('|') ?? '';
  for (const m of [
    '校验位',
    '请填写企业名称',
    '所属行业“Z”',
    '企业规模“特大型”',
    '所在地区“火星”',
    '注册资本“-5”',
    '成立日期不能晚于今天',
    '企业资质“未知资质”',
    '联系电话“123”',
    '电子邮箱“bad”',
  ])
    assert.ok(row3.includes(m), m);
  assert.deepEqual(r.errors[1]?.messages, ['统一社会信用代码与第2行重复']);
});

test('a sheet without the required columns, or empty, is refused as a whole', () => {
  const r = checkImport(['企业名称', '统一社会信用代码'], [{ line: 2, cells: ['x', 'y'] }], opts);
  assert.equal(r.ok, false);
  assert.match(
    !r.ok ? (r.headerProblem ?? '') : '',
    /表头缺少以下列：所属行业、企业规模、所在地区、成立日期/,
  );
  const empty = checkImport(HEADER, [], opts);
  assert.equal(!empty.ok && empty.headerProblem, '表格中没有企业数据');
});

test('dates as people write them', () => {
  const cases: [string, string][] = [
    ['2020-03-05', '2020-03-05'],
    ['2020/3/5', '2020-03-05'],
    ['2020年3月5日', '2020-03-05'],
    ['2020.03.05', '2020-03-05'],
    ['三月', '三月'],
  ];
  for (const [input, out] of cases) assert.equal(normaliseDate(input), out);
});
