import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentDisposition } from './content-disposition.ts';

test('the real name as RFC 5987 UTF-8, after the ASCII fallback when there is one', () => {
  assert.equal(
    contentDisposition('依申请公开统计2026.xlsx', 'analytics-2026.xlsx'),
    `attachment; filename="analytics-2026.xlsx"; filename*=UTF-8''${encodeURIComponent('依申请公开统计2026.xlsx')}`,
  );
  assert.equal(
    contentDisposition("答复书(1)'s*.docx"),
    "attachment; filename*=UTF-8''%E7%AD%94%E5%A4%8D%E4%B9%A6%281%29%27s%2A.docx",
  );
  assert.equal(
    contentDisposition('公报.pdf', 'gazette.pdf', true),
    `inline; filename="gazette.pdf"; filename*=UTF-8''${encodeURIComponent('公报.pdf')}`,
  );
});
