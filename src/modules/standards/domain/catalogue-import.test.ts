import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { areaFromTitle, parseCatalogueSheet, type SheetRow } from './catalogue-import.ts';

const rows = (...cells: string[][]): SheetRow[] => cells.map((c, i) => ({ row: i + 1, cells: c }));

describe('reading a 政务公开事项标准目录 spreadsheet', { timeout: 10_000 }, () => {
  it('reads the flat layout', () => {
    const r = parseCatalogueSheet(
      rows(
        [
          '领域',
          '公开事项',
          '公开内容（要素）',
          '公开依据',
          '公开时限',
          '公开主体',
          '公开渠道和载体',
          '公开对象',
          '公开方式',
          '公开层级',
        ],
        [
          '城乡规划',
          '控制性详细规划',
          '规划批前公示、批后公告',
          '《城乡规划法》',
          '批准后20个工作日内',
          '县自然资源局',
          '政府网站',
          '全社会',
          '主动',
          '县级',
        ],
      ),
    );
    assert.deepEqual(r.errors, []);
    assert.equal(r.items.length, 1);
    assert.equal(r.items[0]?.area, '城乡规划');
    assert.equal(r.items[0]?.audience, '全社会');
    assert.equal(r.items[0]?.row, 2);
  });

  it('reads the national two-level layout with its title row, ticks and merged 一级事项', () => {
    const r = parseCatalogueSheet(
      rows(
        ['涉农补贴领域基层政务公开标准目录'],
        [
          '序号',
          '公开事项',
          '',
          '公开内容（要素）',
          '公开依据',
          '公开时限',
          '公开主体',
          '公开渠道和载体',
          '公开对象',
          '',
          '公开方式',
          '',
          '公开层级',
          '',
        ],
        [
          '',
          '一级事项',
          '二级事项',
          '',
          '',
          '',
          '',
          '',
          '全社会',
          '特定群体',
          '主动',
          '依申请',
          '县级',
          '乡级',
        ],
        [
          '1',
          '惠农补贴政策',
          '耕地地力保护补贴',
          '补贴对象、标准',
          '财政部文件',
          '每年',
          '县农业农村局',
          '政府网站、公开栏',
          '√',
          '',
          '√',
          '',
          '√',
          '√',
        ],
        [
          '2',
          '',
          '农机购置补贴',
          '补贴机具、额度',
          '财政部文件',
          '信息形成之日起20个工作日内',
          '县农业农村局',
          '政府网站',
          '',
          '√',
          '√',
          '',
          '√',
          '',
        ],
      ),
    );
    assert.deepEqual(r.errors, []);
    assert.deepEqual(
      r.items.map((i) => [i.area, i.matter, i.subMatter, i.audience, i.manner, i.level]),
      [
        ['涉农补贴', '惠农补贴政策', '耕地地力保护补贴', '全社会', '主动', '县级、乡级'],
        ['涉农补贴', '惠农补贴政策', '农机购置补贴', '特定群体', '主动', '县级'],
      ],
    );
    assert.deepEqual(
      r.items.map((i) => i.row),
      [4, 5],
    );
  });

  const bad: [string, string[][], RegExp][] = [
    ['no header', [['abc', 'def']], /未找到表头/],
    [
      'no content column',
      [
        ['公开事项', '公开依据'],
        ['甲', '乙'],
      ],
      /公开内容/,
    ],
    [
      'empty matter',
      [
        ['领域', '公开事项', '公开内容'],
        ['就业', '', '岗位信息'],
      ],
      /第|公开事项”为空/,
    ],
    [
      'bad audience',
      [
        ['领域', '公开事项', '公开内容', '公开对象'],
        ['就业', '招聘', '岗位', '内部'],
      ],
      /公开对象/,
    ],
    [
      'duplicate',
      [
        ['领域', '公开事项', '公开内容'],
        ['就业', '招聘', '岗位'],
        ['就业', '招聘', '岗位'],
      ],
      /与第2行的事项重复/,
    ],
    [
      'no area',
      [
        ['公开事项', '公开内容'],
        ['招聘', '岗位'],
      ],
      /领域/,
    ],
  ];
  for (const [name, sheet, message] of bad)
    it(`names the bad row: ${name}`, () => {
      const r = parseCatalogueSheet(rows(...sheet));
      assert.ok(r.errors.length > 0);
      assert.match(r.errors.map((e) => e.message).join('\n'), message);
    });

  it('takes the area chosen at import when the sheet has none', () => {
    const r = parseCatalogueSheet(rows(['公开事项', '公开内容'], ['招聘', '岗位']), '就业');
    assert.deepEqual(r.errors, []);
    assert.equal(r.items[0]?.area, '就业');
  });

  it('reads the area from a title row', () => {
    assert.equal(areaFromTitle('城乡规划领域基层政务公开标准目录'), '城乡规划');
    assert.equal(areaFromTitle('目录'), null);
  });
});
