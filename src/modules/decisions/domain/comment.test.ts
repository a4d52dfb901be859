import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkComment } from './comment.ts';

const ok = { name: '', contact: '13800000000', content: '建议延长夜间免费停车时段。', article: '' };

test('comment checks: empty, too long, contact missing, unknown article; name optional', () => {
  const rows: [string, Partial<typeof ok>, string[]][] = [
    ['a valid comment without a name', {}, []],
    ['empty content', { content: '  ' }, ['content']],
    ['2001 characters', { content: '停'.repeat(2001) }, ['content']],
    ['2000 characters are fine', { content: '停'.repeat(2000) }, []],
    ['no contact', { contact: '' }, ['contact']],
    ['article out of range', { article: '9' }, ['article']],
    ['article not a number', { article: 'x' }, ['article']],
    ['article in range', { article: '3' }, []],
  ];
  for (const [why, over, fields] of rows) {
    const r = checkComment({ ...ok, ...over }, 3);
    assert.deepEqual(r.ok ? [] : r.errors.map((e) => e.field), fields, why);
  }
  const r = checkComment({ ...ok, article: '2' }, 3);
  assert.ok(r.ok);
  assert.deepEqual(r.value, {
    name: null,
    contact: '13800000000',
    content: '建议延长夜间免费停车时段。',
    article: 2,
  });
});
