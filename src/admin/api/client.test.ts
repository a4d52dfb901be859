import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dispositionFileName } from './client.ts';

test('reads the file name of a download, UTF-8 form first', () => {
  assert.equal(
    dispositionFileName(`attachment; filename*=UTF-8''${encodeURIComponent('案卷-2026-000012.zip')}`),
    '案卷-2026-000012.zip',
  );
  assert.equal(dispositionFileName('attachment; filename="case.zip"'), 'case.zip');
  assert.equal(dispositionFileName('attachment'), undefined);
  assert.equal(dispositionFileName(null), undefined);
});
