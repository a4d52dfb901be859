import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ExtractError, extractText, textToHtml } from './extract.ts';
import { BROKEN_PDF, makeDocx, makePdf, makeXlsx } from './testing.ts';

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
