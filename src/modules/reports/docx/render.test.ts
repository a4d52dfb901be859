import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import { emptyTable3, type ReportFigures, TABLE3_ROWS } from '../domain/tables.ts';
import { renderReportDocx, SECTION_HEADINGS } from './render.ts';

function part(docx: Uint8Array, name: string): string {
  const file = unzipSync(docx)[name];
  if (!file) throw new Error(`no ${name}`);
  return strFromU8(file);
}

const figures = (): ReportFigures => {
  const table3 = emptyTable3();
  table3.一 = [11, 1, 0, 0, 0, 0, 12];
  table3['三(三)1'] = [7301, 0, 0, 0, 0, 0, 7301];
  return {
    table2: {
      rule: [2, 1, 30],
      normative: [5, 4, 60],
      licensing: 4821,
      penalty: 3702,
      enforcement: 19,
      fees: 12.5,
    },
    table3,
    table4: [1, 0, 0, 2, 3, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0],
  };
};

const model = {
  orgName: '梁山县教育局',
  year: 2025,
  overview: '第一段总体情况。\n第二段总体情况。',
  problems: '存在问题的说明。',
  other: '',
  figures: figures(),
};

/** The cells (<w:tc>) of the table containing `marker`. */
function tableWith(xml: string, marker: string): string {
  const at = xml.indexOf(marker);
  assert.ok(at >= 0, marker);
  const start = xml.lastIndexOf('<w:tbl>', at);
  return xml.slice(start, xml.indexOf('</w:tbl>', at));
}

test('the report is an A4 .docx with the title, the six sections in order and the texts', async () => {
  const docx = await renderReportDocx(model);
  const xml = part(docx, 'word/document.xml');
  assert.match(xml, /<w:pgSz w:w="11906" w:h="16838"/);
  const order = [
    '梁山县教育局2025年政府信息公开工作年度报告',
    SECTION_HEADINGS[0],
    '第一段总体情况。',
    '第二段总体情况。',
    ...SECTION_HEADINGS.slice(1, 5),
    '存在问题的说明。',
    SECTION_HEADINGS[5],
    '无。',
  ].map((s) => xml.indexOf(s));
  assert.ok(
    order.every((i) => i >= 0),
    JSON.stringify(order),
  );
  assert.deepEqual(
    order,
    [...order].sort((a, b) => a - b),
  );
  assert.match(xml, /w:eastAsia="方正小标宋简体"/);
  assert.match(xml, /w:eastAsia="黑体"/);
  const fonts = part(docx, 'word/fontTable.xml');
  assert.match(fonts, /<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
  assert.match(part(docx, 'word/styles.xml'), /w:eastAsia="仿宋_GB2312"/);
});

test('table 三: merged header cells, every row label, the figures right-aligned', async () => {
  const xml = part(await renderReportDocx(model), 'word/document.xml');
  const t3 = tableWith(xml, '申请人情况');
  // The note block: 3 columns wide, 3 rows high (restart, then two continued rows of the same width).
  assert.match(t3, /<w:gridSpan w:val="3"\/><w:vMerge w:val="restart"\/>.{0,600}本列数据的勾稽关系/s);
  assert.equal(t3.match(/<w:gridSpan w:val="3"\/><w:vMerge w:val="continue"\/>/g)?.length, 2);
  assert.match(t3, /<w:gridSpan w:val="7"\/>.{0,600}申请人情况/s);
  assert.match(t3, /<w:gridSpan w:val="5"\/>.{0,600}法人或其他组织/s);
  // 三、本年度办理结果 over 22 rows: 1 restart + 21 continued.
  const restartThen = (label: string) =>
    new RegExp(`<w:vMerge w:val="restart"/>(?:(?!</w:tc>).)*${label}`, 's');
  assert.match(t3, restartThen('三、本年度办理结果'));
  assert.match(t3, restartThen('（三）不予公开'));
  // Continued cells: 2 (note) + 1 (自然人) + 1 (总计) header; 21 (三) + 7 + 2 + 4 + 2 (groups) in the body.
  assert.equal(t3.match(/<w:vMerge w:val="continue"\/>/g)?.length, 2 + 2 + 21 + 7 + 2 + 4 + 2);
  for (const r of TABLE3_ROWS) assert.ok(t3.includes(r.label), r.label);
  for (const c of ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'])
    assert.ok(t3.includes(`>${c}<`), c);
  assert.match(t3, /<w:jc w:val="right"\/>(?:(?!<\/w:p>).)*>7301</s);
  assert.ok(t3.includes('>12<'));
  assert.equal(t3.split('<w:tr>').length - 1, 3 + 25, 'three header rows and 25 rows');
});

test('tables 二 and 四: item headings merged, labels and figures', async () => {
  const xml = part(await renderReportDocx(model), 'word/document.xml');
  const t2 = tableWith(xml, '第二十条第（一）项');
  assert.match(t2, /<w:gridSpan w:val="4"\/>/);
  for (const s of ['规章', '行政规范性文件', '本年制发件数', '本年废止件数', '现行有效件数', '>60<'])
    assert.ok(t2.includes(s), s);
  for (const [marker, figure] of [
    ['行政许可', '4821'],
    ['行政处罚', '3702'],
    ['行政强制', '>19<'],
    ['本年收费金额（单位：万元）', '12.5'],
  ] as const)
    assert.ok(tableWith(xml, marker).includes(figure), marker);
  const t4 = tableWith(xml, '未经复议直接起诉');
  assert.match(t4, /<w:gridSpan w:val="5"\/>(?:(?!<\/w:tc>).)*>行政复议</s);
  assert.match(t4, /<w:gridSpan w:val="10"\/>(?:(?!<\/w:tc>).)*>行政诉讼</s);
  assert.equal(t4.match(/>结果维持</g)?.length, 3);
  assert.equal(t4.match(/<w:vMerge w:val="restart"\/>/g)?.length, 5);
  assert.ok(t4.includes('复议后起诉'));
});

test('a figure not entered shows as —; control characters in the texts are dropped', async () => {
  const f = figures();
  f.table2.fees = null;
  const xml = part(
    await renderReportDocx({ ...model, figures: f, other: 'a\u0001<b>&' }),
    'word/document.xml',
  );
  assert.ok(tableWith(xml, '行政事业性收费').includes('>—<'));
  assert.ok(xml.includes('a&lt;b&gt;&amp;'));
});
