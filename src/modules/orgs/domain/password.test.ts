import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkNewPassword } from './password.ts';

test('a chosen password: 10 characters or more, letters and digits, not the username', () => {
  const rows: [string, string, string, boolean][] = [
    ['letters and digits, 10 characters', 'abcdefgh12', 'lsadmin', true],
    ['long with symbols', 'Liangshan-2026-gk!', 'lsadmin', true],
    ['9 characters', 'abcdefg12', 'lsadmin', false],
    ['letters only', 'abcdefghijkl', 'lsadmin', false],
    ['digits only', '123456789012', 'lsadmin', false],
    ['the username', 'lsadmin2026', 'lsadmin2026', false],
    ['the username in capitals', 'LSADMIN2026', 'lsadmin2026', false],
    ['over 200 characters', `a1${'x'.repeat(199)}`, 'lsadmin', false],
  ];
  for (const [name, password, username, ok] of rows) {
    const answer = checkNewPassword(password, username);
    if (ok) assert.equal(answer, null, name);
    else assert.equal(typeof answer, 'string', name);
  }
});
