import assert from 'node:assert/strict';
import { test } from 'node:test';
import { docNumberKey, findDocNumbers, normalizeDocNumberText, parseDocNumber } from './doc-number.ts';

test('valid 文号 in many typings parse to the canonical form', () => {
  const table: [string, string, string, number | null, number][] = [
    ['济政办字〔2021〕18号', '济政办字〔2021〕18号', '济政办字', 2021, 18],
    ['济政办字[2021]18号', '济政办字〔2021〕18号', '济政办字', 2021, 18],
    ['济政办字(2021)18号', '济政办字〔2021〕18号', '济政办字', 2021, 18],
    ['济政办字（2021）18号', '济政办字〔2021〕18号', '济政办字', 2021, 18],
    ['济政办字［２０２１］１８号', '济政办字〔2021〕18号', '济政办字', 2021, 18],
    ['济政办字【2021】18号', '济政办字〔2021〕18号', '济政办字', 2021, 18],
    [' 鲁政办发 〔2021〕 5 号 ', '鲁政办发〔2021〕5号', '鲁政办发', 2021, 5],
    ['国办公开办函〔2021〕30号', '国办公开办函〔2021〕30号', '国办公开办函', 2021, 30],
    ['济政发〔2019〕第3号', '济政发〔2019〕3号', '济政发', 2019, 3],
  ];
  for (const [input, normalized, issuerCode, year, serial] of table) {
    const r = parseDocNumber(input);
    assert.ok(r.ok, `${input} should parse`);
    assert.deepEqual(r.value, { issuerCode, year, serial, normalized }, input);
  }
});

test('政府令 numbers have no year', () => {
  const r = parseDocNumber('济宁市人民政府令 第109号');
  assert.ok(r.ok);
  assert.deepEqual(r.value, {
    issuerCode: '济宁市人民政府令',
    year: null,
    serial: 109,
    normalized: '济宁市人民政府令第109号',
  });
  assert.equal(docNumberKey('济宁市人民政府令第109号'), '济宁市人民政府令第109号');
});

test('invalid 文号 give a specific Chinese error', () => {
  const table: [string, string][] = [
    ['', 'EMPTY'],
    ['   ', 'EMPTY'],
    ['济政办字2021年18号', 'YEAR_MISSING'],
    ['〔2021〕18号', 'ISSUER_MISSING'],
    ['济政办字〔21〕18号', 'YEAR_INVALID'],
    ['济政办字〔1900〕18号', 'YEAR_INVALID'],
    ['济政办字〔2021〕号', 'SERIAL_MISSING'],
    ['济政办字〔2021〕018号', 'SERIAL_INVALID'],
    ['济政办字〔2021〕0号', 'SERIAL_INVALID'],
    ['济政办字〔2021〕18', 'SUFFIX_MISSING'],
    ['济政办字〔2021〕十八号', 'SERIAL_INVALID'],
    ['济政-办〔2021〕18号', 'ISSUER_INVALID'],
    ['济政办字〕2021〔18号', 'MALFORMED'],
    ['通知', 'MALFORMED'],
    [`${'济'.repeat(60)}〔2021〕1号`, 'TOO_LONG'],
  ];
  for (const [input, code] of table) {
    const r = parseDocNumber(input);
    assert.equal(r.ok, false, input);
    if (!r.ok) {
      assert.equal(r.error.code, code, input);
      assert.match(r.error.message, /文号|机关代字|序号|年份/);
    }
  }
});

test('docNumberKey unifies brackets, digits, spaces and leading zeros', () => {
  const key = '济政办字〔2021〕18号';
  for (const v of [
    '济政办字[2021]18号',
    '济政办字（2021）18号',
    '济政办字 〔２０２１〕 018号',
    '济政办字〔2021〕第18号',
  ])
    assert.equal(docNumberKey(v), key, v);
  assert.equal(docNumberKey(''), null);
  assert.equal(docNumberKey(null), null);
  assert.equal(docNumberKey('某 文 号'), '某文号');
  assert.equal(normalizeDocNumberText('Ａ（1）'), 'A〔1〕');
});

test('findDocNumbers lists the 文号 in a text', () => {
  const text =
    '按照《通知》（鲁政办发〔2021〕5号）要求，根据济政办字[2021]18号，再次引用鲁政办发〔2021〕5号。';
  assert.deepEqual(findDocNumbers(text), ['鲁政办发〔2021〕5号', '济政办字〔2021〕18号']);
});
