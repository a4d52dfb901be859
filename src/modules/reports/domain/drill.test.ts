import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isDrillable, statsCellOf, table4CellOf } from './drill.ts';
import { TABLE3_ROW_KEYS } from './tables.ts';

test('table 二: the documents module’s genre rows and columns; the hand-entered rows are not drillable', () => {
  const rows: [row: string, column: number, expected: string | null][] = [
    ['rule', 0, 'documents.genres rule issued'],
    ['rule', 1, 'documents.genres rule repealed'],
    ['normative', 2, 'documents.genres normative inForce'],
    ['normative', 3, null],
    ['licensing', 0, null],
    ['fees', 0, null],
  ];
  for (const [row, column, expected] of rows) {
    const c = statsCellOf({ table: 'table2', row, column });
    assert.equal(c && `${c.table} ${c.row} ${c.column}`, expected, `${row} ${column}`);
  }
});

test('table 三: each row from requests.report (三（七） all concluded), each column an applicant type or 总计', () => {
  const rows: [row: string, column: number, expected: string | null][] = [
    ['一', 0, 'requests.report received natural'],
    ['一', 6, 'requests.report received total'],
    ['二', 1, 'requests.report carriedIn commercial'],
    ['三(一)', 6, 'requests.report 3.1 total'],
    ['三(三)1', 6, 'requests.report 3.3.1 total'],
    ['三(七)', 6, 'requests.report concluded total'],
    ['四', 5, 'requests.report carriedForward other'],
    ['四', 7, null],
    ['五', 0, null],
  ];
  for (const [row, column, expected] of rows) {
    const c = statsCellOf({ table: 'table3', row, column });
    assert.equal(c && `${c.table} ${c.row} ${c.column}`, expected, `${row} ${column}`);
  }
  // Every row of table 三 can be opened.
  for (const key of TABLE3_ROW_KEYS) assert.ok(statsCellOf({ table: 'table3', row: key, column: 6 }), key);
});

test('table 四: each kind a row, each of its five cells a result or the group’s 总计; nothing else', () => {
  const rows: [row: string, column: number, expected: string | null][] = [
    ['review', 0, 'review upheld'],
    ['review', 1, 'review corrected'],
    ['direct-suit', 2, 'direct-suit other'],
    ['suit-after-review', 3, 'suit-after-review pending'],
    ['suit-after-review', 4, 'suit-after-review all'],
    ['review', 5, null],
    ['lawsuit', 0, null],
    ['一', 0, null],
  ];
  for (const [row, column, expected] of rows) {
    const c = table4CellOf({ table: 'table4', row, column });
    assert.equal(c && `${c.kind} ${c.result ?? 'all'}`, expected, `${row} ${column}`);
    assert.equal(isDrillable({ table: 'table4', row, column }), expected !== null, `${row} ${column}`);
  }
  // Table 四's rows are not stats cells, and other tables' rows are not register cells.
  assert.equal(statsCellOf({ table: 'table4', row: 'review', column: 0 }), null);
  assert.equal(table4CellOf({ table: 'table3', row: '一', column: 0 }), null);
});
