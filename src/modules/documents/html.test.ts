import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlToText, sanitizeBody } from './html.ts';

test('bodies keep formatting and lose scripts, handlers, styles other than alignment and unsafe links', () => {
  const html = sanitizeBody(
    '<h2>第一章</h2><p style="text-align:center;color:red" onclick="x()">正文&amp;<script>alert(1)</script></p>' +
      '<a href="javascript:alert(1)">坏链接</a><a href="https://www.gov.cn">好链接</a><img src=x onerror=y>' +
      '<table><tr><td colspan="2">单元格</td></tr></table><iframe src="https://evil"></iframe>',
  );
  assert.equal(
    html,
    '<h2>第一章</h2><p style="text-align:center">正文&amp;</p><a rel="noopener noreferrer">坏链接</a>' +
      '<a href="https://www.gov.cn" rel="noopener noreferrer">好链接</a><table><tr><td colspan="2">单元格</td></tr></table>',
  );
});

test('plain text: block ends become line breaks, entities decoded', () => {
  assert.equal(
    htmlToText('<p>第一段</p><p>A&amp;B &lt;C&gt;</p><ul><li>一</li><li>二</li></ul>'),
    '第一段\nA&B <C>\n一\n二',
  );
});
