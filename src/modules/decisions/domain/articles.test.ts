/** The draft is published article by article (713 Art. 15) so a comment can point at one. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitArticles } from './articles.ts';

test('a draft in articles: one per 第…条, chapter headings kept, continuation lines joined', () => {
  const draft = `第一章 总则
第一条 为了规范城区停车管理，制定本办法。
第二条 本办法适用于本市城区范围内的停车设施。
前款所称停车设施包括公共停车场和道路停车泊位。
第二章 收费
第三条 道路停车泊位实行分时段收费。`;
  const a = splitArticles(draft);
  assert.equal(a.length, 3);
  assert.deepEqual(a[0], {
    no: 1,
    heading: '第一章 总则',
    text: '第一条 为了规范城区停车管理，制定本办法。',
  });
  assert.equal(
    a[1]?.text,
    '第二条 本办法适用于本市城区范围内的停车设施。\n前款所称停车设施包括公共停车场和道路停车泊位。',
  );
  assert.equal(a[2]?.heading, '第二章 收费');
});

test('a draft without articles: numbered paragraphs; blank lines and CRLF ignored', () => {
  const a = splitArticles('一、总体要求\r\n\r\n二、主要任务\r\n三、保障措施');
  assert.deepEqual(
    a.map((x) => [x.no, x.text]),
    [
      [1, '一、总体要求'],
      [2, '二、主要任务'],
      [3, '三、保障措施'],
    ],
  );
  assert.deepEqual(splitArticles('  \n '), []);
});
