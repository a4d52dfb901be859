import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderLetter } from './render.ts';
import { documentXml, sampleFacts } from './samples.ts';
import { buildLetter, defaultTemplate, LETTER_KINDS, type LetterModel } from './templates.ts';

const model: LetterModel = {
  agencyName: '济宁市人民政府',
  title: '政府信息公开申请答复书',
  docNo: '依申请公开〔2024〕第000123号',
  body: '张三丰：\n本机关于2024年3月5日收到您提出的政府信息公开申请。\n特此告知。',
  remedies: '申请人如对本答复不服，可以……申请行政复议。',
  date: '2024年3月20日',
};

test('a letter is a .docx with letterhead, title, case number, body, remedies, agency and date', async () => {
  const docx = await renderLetter(model);
  assert.equal(docx[0], 0x50, 'zip');
  assert.equal(docx[1], 0x4b);
  const xml = documentXml(docx);
  const order = [
    '济宁市人民政府',
    '政府信息公开申请答复书',
    '依申请公开〔2024〕第000123号',
    '张三丰：',
    '本机关于2024年3月5日收到您提出的政府信息公开申请。',
    '申请人如对本答复不服',
    '2024年3月20日',
  ].map((s) => xml.indexOf(s));
  assert.ok(
    order.every((i) => i >= 0),
    JSON.stringify(order),
  );
  assert.deepEqual(
    order,
    [...order].sort((a, b) => a - b),
    'printed in this order',
  );
  assert.ok(
    xml.lastIndexOf('济宁市人民政府') > xml.indexOf('申请人如对本答复不服'),
    'agency signs at the bottom',
  );
  assert.match(xml, /w:pBdr><w:bottom w:val="single" w:color="E60012"/, 'red rule under the letterhead');
  assert.match(xml, /<w:jc w:val="right"\/>/, 'signature at the right');
});

test('staff text with XML special and control characters stays well-formed', async () => {
  const xml = documentXml(
    await renderLetter({ ...model, body: '甲：\n<a> & "b"\u0001 结束', remedies: null }),
  );
  assert.ok(xml.includes('&lt;a&gt; &amp; &quot;b&quot; 结束'));
  assert.ok(!xml.includes(String.fromCharCode(1)));
  assert.doesNotMatch(xml, /申请人如对本答复不服/);
});

test('the default template of every kind renders to a .docx with its filled text', async () => {
  for (const kind of LETTER_KINDS) {
    const letter = buildLetter(kind, defaultTemplate(kind), sampleFacts(kind));
    const xml = documentXml(await renderLetter(letter));
    assert.ok(xml.includes(letter.title), kind);
    assert.ok(xml.includes('依申请公开〔2024〕第000123号'), kind);
    assert.ok(xml.includes('2024年3月5日收到'), kind);
    assert.doesNotMatch(xml, /\{\{/, kind);
    if (kind.startsWith('reply-')) assert.ok(xml.includes('六十日内'), kind);
  }
});
