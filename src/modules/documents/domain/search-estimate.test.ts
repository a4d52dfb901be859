import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  dateWalkRows,
  estimatedTotal,
  estimateMatch,
  queryLexemes,
  roundEstimate,
  type TermFrequencies,
  walkByDate,
} from './search-estimate.ts';

const df: TermFrequencies = {
  documents: 100_000,
  shares: new Map([
    ['工作', 0.9],
    ['通知', 0.2],
    ['政务', 0.4],
    ['公开', 0.5],
    ['政务公开', 0.3],
    ['org:7', 0.1],
    ["it's", 0.05],
  ]),
};

test('estimateMatch: & multiplies, | takes the larger, an untracked lexeme is unknown', {
  timeout: 5_000,
}, () => {
  const table: [string, number | null, boolean | null][] = [
    ["'工作'", 0.9, true],
    ["'工作' & '通知'", 0.18, true],
    ["('政务公开' | '政务' & '公开') & '通知'", 0.06, true],
    ["('工作') & 'org:7'", 0.09, true],
    ["'量子计算机'", 0, false],
    ["'工作' & '量子计算机'", 0, false],
    ["'量子计算机' | '通知'", 0.2, true],
    ["'it''s'", 0.05, true],
    ["'it\\'s'", 0.05, true],
    ["!'工作'", 0.1, false],
    ["'工作' &", null, null],
    ["('工作'", null, null],
    ['工作', null, null],
    ['', null, null],
  ];
  for (const [q, share, known] of table) {
    const e = estimateMatch(q, df);
    if (share === null) assert.equal(e, null, q);
    else {
      assert.ok(e, q);
      assert.ok(Math.abs(e.share - share) < 1e-9, `${q}: ${e.share}`);
      assert.equal(e.known, known, q);
    }
  }
});

test('estimatedTotal: only known estimates above the threshold, rounded', { timeout: 5_000 }, () => {
  const table: [string, number, number | null][] = [
    ["'工作'", 2_000, 90_000],
    ["'工作' & '通知'", 2_000, 18_000],
    ["'通知' & 'org:7'", 2_000, null], // 2,000 is not above 2,000: counted
    ["'通知' & 'org:7'", 1_999, 2_000],
    ["'工作' & '量子计算机'", 0, null],
    ["'量子计算机'", 0, null],
  ];
  for (const [q, atLeast, total] of table) assert.equal(estimatedTotal(q, df, atLeast), total, q);
});

test('roundEstimate: two significant digits', { timeout: 5_000 }, () => {
  const table: [number, number][] = [
    [45_678, 46_000],
    [2_345, 2_300],
    [999_510, 1_000_000],
    [150, 150],
    [57.4, 57],
  ];
  for (const [n, r] of table) assert.equal(roundEstimate(n), r, String(n));
});

test('walkByDate: a common word walks the date order, a rare one uses the index', {
  timeout: 5_000,
}, () => {
  const table: [string, number, boolean][] = [
    ["'通知'", 100, true], // 100 ÷ 0.2 = 500 rows
    ["'通知'", 1_000, false], // 5,000 rows
    ["'通知' & 'org:7'", 100, false], // 100 ÷ 0.02 = 5,000 rows
    ["'通知' & 'org:7'", 50, true], // 2,500 rows
    ["'量子计算机'", 20, false],
    ["'工作' & '量子计算机'", 20, false],
  ];
  for (const [q, n, walk] of table) assert.equal(walkByDate(q, df, n, 3_000), walk, `${q} ${n}`);
});

test('queryLexemes: each quoted lexeme once', { timeout: 5_000 }, () => {
  assert.deepEqual(queryLexemes("('政务公开' | '政务' & '公开') & '公开' & 'it''s'"), [
    '政务公开',
    '政务',
    '公开',
    "it's",
  ]);
  assert.deepEqual(queryLexemes('工作'), []);
});

test('dateWalkRows: the walk when its vector reads cost less than the index’s postings', {
  timeout: 5_000,
}, () => {
  // 100,000 documents; a vector read costs 250 postings.
  const table: [string, number, number | null][] = [
    // share 0.27 → 371 rows (92,750); postings (0.3 + 0.4 + 0.5 + 0.9) × 100,000 = 210,000
    ["('政务公开' | '政务' & '公开') & '工作'", 100, 371],
    // share 0.18 → 556 rows (139,000); postings 110,000
    ["'工作' & '通知'", 100, null],
    ["'工作' & '通知'", 10, 56],
    // one word: its postings (20,000) are cheaper than 500 vector reads
    ["'通知'", 100, null],
    ["'工作' & '量子计算机'", 10, null],
    ["'工作' &", 10, null],
  ];
  for (const [q, n, rows] of table) assert.equal(dateWalkRows(q, df, n, 250), rows, `${q} ${n}`);
});
