import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placeholdersToCodes, placeholdersToLabels } from './placeholder-names.ts';

// Names as letters/templates.ts PLACEHOLDER_LABELS gives them (templates.test.ts checks they are unique).
const ALL = [
  { name: 'applicantName', label: '申请人姓名或名称' },
  { name: 'receivedOn', label: '收到申请的日期' },
  { name: 'amount', label: '信息处理费金额（元）' },
];

test('placeholders are shown by their Chinese names and stored by their codes', { timeout: 5_000 }, () => {
  const table: [string, string][] = [
    ['{{applicantName}}：', '{{申请人姓名或名称}}：'],
    ['收到日期{{ receivedOn }}', '收到日期{{收到申请的日期}}'],
    ['应缴{{amount}}元', '应缴{{信息处理费金额（元）}}元'],
    ['{{unknown}}不变', '{{unknown}}不变'],
    ['没有占位符', '没有占位符'],
  ];
  for (const [codes, labels] of table) {
    assert.equal(placeholdersToLabels(codes, ALL), labels, codes);
    assert.equal(
      placeholdersToCodes(labels, ALL),
      codes.replace('{{ receivedOn }}', '{{receivedOn}}'),
      labels,
    );
  }
  assert.equal(
    placeholdersToCodes('{{申请人}}', ALL),
    '{{申请人}}',
    'a Chinese word that names no placeholder stays',
  );
});
