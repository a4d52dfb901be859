import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDeadlineLine, isUnitLine, splitHeading, splitPassages } from './passages.ts';

test('unit lines, deadline lines and headings, by a table', () => {
  const units: [string, boolean][] = [
    ['市发展改革委', true],
    ['各县（市、区）政府（管委会），市财政局、市税务局', true],
    ['市政府有关部门、单位，各县（市、区）政府，济宁高新区、太白湖新区、济宁经济技术开发区管委会', true],
    ['市文化和旅游局、市商务局等市政府有关部门、单位', true],
    ['加大“互联网+执法”、公共法律服务等信息公开力度。', false],
    ['做好数据开放工作', false],
  ];
  for (const [line, want] of units) assert.equal(isUnitLine(line), want, line);
  const deadlines: [string, boolean][] = [
    ['全年', true],
    ['2022年10月底前完成，长期坚持', true],
    ['2022年底', true],
    ['定期更新', true],
    ['2022年7月底', true],
    ['做好乡村振兴政策、工作进展方面的信息公开。', false],
  ];
  for (const [line, want] of deadlines) assert.equal(isDeadlineLine(line), want, line);
  assert.deepEqual(splitHeading('一、强化组织保障。各级各部门要高度重视'), {
    label: '一、',
    title: '强化组织保障',
    rest: '各级各部门要高度重视',
  });
  assert.equal(splitHeading('第三条 本办法所称政府信息，是指……')?.label, '第三条');
  assert.equal(splitHeading('（二）优化服务。推行网上办')?.title, '优化服务');
  assert.equal(splitHeading('2021年4月28日'), null);
});

const PLAN = [
  '济宁市人民政府办公室关于印发任务分解表的通知',
  '一、强化组织保障。各级各部门要高度重视政务公开工作。',
  '为做好工作，现通知如下。',
  '附件：任务分解表',
  '工作任务',
  '责任单位',
  '具体要求',
  '完成时限',
  '一、深化重点领域信息公开',
  '（一）抓好减税降费信息公开',
  '各县（市、区）政府（管委会），市财政局、市税务局',
  '系统集成、智能推送已出台各项减税降费政策。',
  '2022年10月底前完成，长期坚持',
  '（二）精细化做好疫情防控信息公开',
  '各县（市、区）政府（管委会），市卫生健康委',
  '严格执行疫情防控信息发布各项制度。',
  '全年',
  '进一步规范流调信息发布和管理。',
  '2022年6月底前完成',
  '抄送：市委各部门。',
].join('\n');

test('a notice with its task table: clauses, paragraphs and rows with units and deadlines', () => {
  const ps = splitPassages(PLAN);
  const clause = ps.find((p) => p.kind === 'clause');
  assert.equal(clause?.clause, '一、强化组织保障');
  assert.equal(clause?.body, '各级各部门要高度重视政务公开工作。');
  assert.ok(ps.some((p) => p.kind === 'paragraph' && p.body === '为做好工作，现通知如下。'));
  const rows = ps.filter((p) => p.kind === 'task_row');
  assert.equal(rows.length, 3);
  assert.deepEqual(
    rows.map((r) => [r.heading, r.responsibleUnits, r.deadline]),
    [
      [
        '抓好减税降费信息公开',
        '各县（市、区）政府（管委会），市财政局、市税务局',
        '2022年10月底前完成，长期坚持',
      ],
      ['精细化做好疫情防控信息公开', '各县（市、区）政府（管委会），市卫生健康委', '全年'],
      // The units cell merged over two rows is shared.
      ['精细化做好疫情防控信息公开', '各县（市、区）政府（管委会），市卫生健康委', '2022年6月底前完成'],
    ],
  );
  assert.ok(rows.every((r) => r.clause?.startsWith('任务分解表 一、深化重点领域信息公开')));
  assert.ok(!ps.some((p) => p.body.startsWith('抄送')));
});

test('a table with 牵头部门 and 责任单位: the last unit line is the responsible units, the others lead', () => {
  const ps = splitPassages(
    [
      '工作任务',
      '牵头部门',
      '责任单位',
      '具体要求',
      '（一）推进政务公开',
      '市发展改革委',
      '市自然资源和规划局',
      '市政府有关部门、单位',
      '做好规划公开。',
    ].join('\n'),
  );
  assert.equal(ps.length, 1);
  assert.equal(ps[0]?.leadUnits, '市发展改革委、市自然资源和规划局');
  assert.equal(ps[0]?.responsibleUnits, '市政府有关部门、单位');
});

test('a long paragraph is cut at sentence ends; empty text gives nothing', () => {
  const long = `${'这是一个很长的句子，用来测试切分。'.repeat(60)}`;
  const ps = splitPassages(long);
  assert.ok(ps.length > 1);
  assert.ok(ps.every((p) => p.body.length <= 600));
  assert.deepEqual(splitPassages(''), []);
});
