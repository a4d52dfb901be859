import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractMetadata, parseChineseDate } from './metadata.ts';

test('dates in the usual forms', () => {
  assert.equal(parseChineseDate('2021年3月5日'), '2021-03-05');
  assert.equal(parseChineseDate('２０２１年３月５日'), '2021-03-05');
  assert.equal(parseChineseDate('2021-03-05'), '2021-03-05');
  assert.equal(parseChineseDate('2021/3/5'), '2021-03-05');
  assert.equal(parseChineseDate('2021.3.5'), '2021-03-05');
  assert.equal(parseChineseDate('二〇二一年三月五日'), '2021-03-05');
  assert.equal(parseChineseDate('二〇二一年十二月三十一日'), '2021-12-31');
  assert.equal(parseChineseDate('二〇二一年十月二十日'), '2021-10-20');
  assert.equal(parseChineseDate('2021年2月30日'), null);
  assert.equal(parseChineseDate('三月五日'), null);
  assert.equal(parseChineseDate(''), null);
});

test('title over two lines, 文号 line and signature date are read from a document text', () => {
  const text = [
    ' 济政办字〔2021〕18号',
    '',
    '济宁市人民政府办公室',
    '[bookmark: BKsubject]关于印发2021年济宁市政务公开工作任务',
    '分解表的通知',
    '',
    '各县（市、区）人民政府，市政府各部门、单位：',
    '按照《山东省人民政府办公厅关于印发2021年山东省政务公开工作要点的通知》（鲁政办发〔2021〕5号）要求，现印发。',
    '',
    '                        济宁市人民政府办公室      ',
    '  2021年4月28日        ',
  ].join('\n');
  assert.deepEqual(extractMetadata(text), {
    title: '关于印发2021年济宁市政务公开工作任务分解表的通知',
    docNumber: '济政办字〔2021〕18号',
    writtenDate: '2021-04-28',
    orgName: '济宁市人民政府办公室',
  });
});

test('a text without 文号 or date: the cited numbers in the body are not taken for its own', () => {
  const m = extractMetadata(
    '2021年莱芜区政务公开工作要点\n\n2021年政务公开工作的总体要求是：根据国办发〔2021〕12号……',
  );
  assert.equal(m.title, '2021年莱芜区政务公开工作要点');
  assert.equal(m.docNumber, null);
  assert.equal(m.writtenDate, null, 'no date of its own (2021年 alone is not a date)');
});
