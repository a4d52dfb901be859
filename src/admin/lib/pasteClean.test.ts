import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanPastedHtml, keptStyle } from './pasteClean.ts';

const T = { timeout: 5_000 };

/** What Word (and WPS, which copies Word's clipboard format) puts on the clipboard for a small table. */
const WORD_TABLE = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15">
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm;} --></style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
</head><body lang=ZH-CN style='tab-interval:21.0pt'>
<!--StartFragment-->
<p class=MsoNormal align=center style='text-align:center;mso-line-height-rule:exactly'><b><span style='font-size:16.0pt;font-family:黑体;mso-ascii-font-family:"Times New Roman"'>重点任务分解表</span></b><o:p></o:p></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=284 valign=top style='width:213.05pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt'><p class=MsoNormal><span lang=EN-US>序号<o:p></o:p></span></p></td>
  <td width=284 valign=top style='width:213.05pt'><p class=MsoNormal><span style='font-family:宋体'>工作任务</span></p></td>
 </tr>
 <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
  <td colspan=2 valign=top><p class=MsoNormal style='text-indent:2em;mso-char-indent-count:2.0'><span lang=EN-US>1</span>、推进教育领域信息公开<o:p>&nbsp;</o:p></p></td>
 </tr>
</table>
<!--EndFragment-->
</body></html>`;

test('a table pasted from Word keeps its rows, cells, bold and alignment, and nothing of Office', T, () => {
  const out = cleanPastedHtml(WORD_TABLE);
  for (const junk of [
    'mso-',
    'Mso',
    '<span',
    '<o:p',
    '<!--',
    '<style',
    '<xml',
    'lang=',
    'width',
    'font-family',
  ]) {
    assert.ok(!out.includes(junk), `${junk} left in: ${out}`);
  }
  assert.match(out, /<p style="text-align: center"><b>重点任务分解表<\/b><\/p>/);
  assert.match(out, /<table>\s*<tr>\s*<td><p>序号<\/p><\/td>\s*<td><p>工作任务<\/p><\/td>/);
  assert.match(out, /<td colspan="2"><p style="text-indent: 2em">1、推进教育领域信息公开&nbsp;<\/p><\/td>/);
});

test('only alignment and first-line indent survive of inline styles', T, () => {
  const cases: [string, string][] = [
    ['text-align:center;mso-line-height-rule:exactly', 'text-align: center'],
    ['mso-bidi-font-weight:normal', ''],
    ['TEXT-INDENT: 2em; color: red', 'text-indent: 2em'],
    ['color', ''],
    ['', ''],
  ];
  for (const [style, kept] of cases) assert.equal(keptStyle(style), kept, style);
});

test('links keep their address; attributes are re-quoted safely', T, () => {
  assert.equal(
    cleanPastedHtml(`<a href='https://example.gov.cn/a?x="1"' class=MsoHyperlink target=_blank>链接</a>`),
    '<a href="https://example.gov.cn/a?x=&quot;1&quot;">链接</a>',
  );
  assert.equal(cleanPastedHtml('<p>第一行<br class=x>第二行</p>'), '<p>第一行<br>第二行</p>');
});
