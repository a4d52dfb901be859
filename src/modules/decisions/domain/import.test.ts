import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCommentSheet } from './import.ts';

const o = { articleCount: 5, defaultDate: '2026-03-16' };

test('the column 意见内容 is required and named in the error', () => {
  const r = parseCommentSheet({ header: ['姓名', '内容'], rows: [{ row: 2, cells: ['张三', '同意'] }] }, o);
  assert.deepEqual(r, { ok: false, errors: ['缺少“意见内容”列（表头应在第一行）'] });
});

test('all or nothing: every bad row named; blank rows skipped; optional columns read', () => {
  const sheet = {
    header: ['序号', '姓名', '联系方式', '意见内容', '条款', '收到日期'],
    rows: [
      { row: 2, cells: ['1', '王芳', '0537-1234567', '建议保留夜间免费停车。', '第3条', '2026-03-10'] },
      { row: 3, cells: ['', '', '', '', '', ''] },
      { row: 4, cells: ['2', '', '', '同意。', '', ''] },
    ],
  };
  const r = parseCommentSheet(sheet, o);
  assert.ok(r.ok);
  assert.deepEqual(r.comments, [
    {
      row: 2,
      name: '王芳',
      contact: '0537-1234567',
      content: '建议保留夜间免费停车。',
      article: 3,
      receivedOn: '2026-03-10',
    },
    { row: 4, name: null, contact: null, content: '同意。', article: null, receivedOn: '2026-03-16' },
  ]);
  const bad = parseCommentSheet(
    {
      header: sheet.header,
      rows: [
        ...sheet.rows,
        { row: 5, cells: ['3', '', '', '', '', ''] },
        { row: 6, cells: ['4', '', '', '反对', '9', ''] },
        { row: 7, cells: ['5', '', '', '长'.repeat(2001), '', '3月1日'] },
      ],
    },
    o,
  );
  assert.deepEqual(bad, {
    ok: false,
    errors: [
      '第5行：意见内容为空',
      '第6行：条款“9”不存在',
      '第7行：意见内容超过2000字',
      '第7行：收到日期应为 YYYY-MM-DD',
    ],
  });
});
