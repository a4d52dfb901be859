import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bodyHtmlOf, ExtractError, extractText, markTableHeaders, textToHtml } from './extract.ts';
import { htmlToText, sanitizeBody } from './html.ts';
import { BROKEN_PDF, makeDocx, makeDocxWithTable, makePdf, makeXlsx } from './testing.ts';

test('text of docx, pdf (NFKC), xlsx and GBK/UTF-8 txt', async () => {
  assert.match(
    await extractText('a.docx', await makeDocx(['关于印发办法的通知', '第一条'])),
    /关于印发办法的通知\n+第一条/,
  );
  assert.match(await extractText('a.pdf', await makePdf(['政务公开工作要点'])), /政务公开工作要点/);
  assert.equal(
    await extractText(
      'a.xlsx',
      await makeXlsx([
        ['标题', '文号'],
        ['通知', '济教发〔2025〕3号'],
      ]),
    ),
    '标题\t文号\n通知\t济教发〔2025〕3号',
  );
  assert.equal(await extractText('a.txt', new Uint8Array(Buffer.from('政务公开', 'utf8'))), '政务公开');
  const gbk = new Uint8Array([0xd5, 0xfe, 0xce, 0xf1, 0xb9, 0xab, 0xbf, 0xaa]); // 政务公开 in GBK
  assert.equal(await extractText('a.txt', gbk), '政务公开');
});

test('malformed or mislabelled files give a clear Chinese reason', async () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ['坏.pdf', BROKEN_PDF, /PDF文件已损坏/],
    ['坏.docx', new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9, 9]), /Word文件已损坏/],
    ['坏.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 9, 9, 9, 9]), /Excel文件已损坏/],
    ['假.pdf', new TextEncoder().encode('MZ not a pdf'), /内容与扩展名不符/],
    ['空.txt', new Uint8Array(0), /文件为空/],
    ['程序.exe', new TextEncoder().encode('MZ'), /类型不受支持/],
  ];
  for (const [name, bytes, re] of cases) {
    await assert.rejects(
      extractText(name, bytes),
      (err: unknown) => err instanceof ExtractError && re.test(err.reason),
      name,
    );
  }
});

test('plain text to safe paragraphs', () => {
  assert.equal(textToHtml('第一段\n\n<b>第二段</b>'), '<p>第一段</p>\n<p>&lt;b&gt;第二段&lt;/b&gt;</p>');
});

test('a .docx body keeps its table, the first row as column headers, sanitised', {
  timeout: 30000,
}, async () => {
  const bytes = await makeDocxWithTable(
    ['关于印发任务分解表的通知', '附件：任务分解表'],
    [
      ['工作任务', '牵头部门', '具体要求'],
      ['推进预决算公开', '市财政局', '扩大公开范围'],
    ],
  );
  const html = sanitizeBody(await bodyHtmlOf('表.docx', bytes, await extractText('表.docx', bytes)));
  assert.match(html, /<p>附件：任务分解表<\/p>/);
  assert.match(html, /<table><thead><tr><th scope="col">(<p>)?工作任务(<\/p>)?<\/th>/);
  assert.match(html, /<tbody><tr><td>(<p>)?推进预决算公开(<\/p>)?<\/td><td>(<p>)?市财政局/);
  // The text for search and the policy Q&A: one cell per line.
  assert.match(htmlToText(html), /工作任务\n牵头部门\n具体要求\n/);
});

test('plain-text tables become accessible HTML tables; text is escaped', { timeout: 5000 }, () => {
  assert.equal(
    textToHtml('说明<1>\n\t任务\n\t单位\n\n\t一、公开\n\n\t做好A&B\n\t市局\n甲办'),
    '<p>说明&lt;1&gt;</p>\n<table><thead><tr><th scope="col">任务</th><th scope="col">单位</th></tr></thead>' +
      '<tbody><tr><td colspan="2">一、公开</td></tr><tr><td>做好A&amp;B</td><td>市局<br>甲办</td></tr></tbody></table>',
  );
  // A Word table whose header row is marked keeps its own header.
  const marked = '<table><thead><tr><th>甲</th></tr></thead><tbody><tr><td>乙</td></tr></tbody></table>';
  assert.equal(markTableHeaders(marked), marked);
});
