import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  dateWalkRows,
  driverLexemes,
  estimatedTotal,
  estimateMatch,
  type PostingsPlan,
  postingsPlan,
  queryLexemes,
  roundEstimate,
  type TermFrequencies,
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

test('estimateMatch: & multiplies (independent) or backs off over the words (rarest, next^1/2, next^1/4 …), a facet multiplies, | takes the larger, an untracked lexeme is unknown', {
  timeout: 5_000,
}, () => {
  // [query, independent share, backoff share, known]
  const table: [string, number | null, number | null, boolean | null][] = [
    ["'工作'", 0.9, 0.9, true],
    ["'工作' & '通知'", 0.18, 0.2 * 0.9 ** (1 / 2), true],
    ["'通知' & '工作'", 0.18, 0.2 * 0.9 ** (1 / 2), true],
    ["'通知' & ('政务' & '工作')", 0.072, 0.2 * 0.4 ** (1 / 2) * 0.9 ** (1 / 4), true],
    // Backoff: 政务 & 公开 is 0.4 × 0.5^1/2 ≈ 0.283 < 0.3, so the whole word's share; then with 通知.
    ["('政务公开' | '政务' & '公开') & '通知'", 0.06, 0.2 * 0.3 ** (1 / 2), true],
    // A facet multiplies in both.
    ["('工作') & 'org:7'", 0.09, 0.09, true],
    ["('通知' & '政务' & '工作') & 'org:7'", 0.0072, 0.2 * 0.4 ** (1 / 2) * 0.9 ** (1 / 4) * 0.1, true],
    ["'量子计算机'", 0, 0, false],
    ["'工作' & '量子计算机'", 0, 0, false],
    ["'量子计算机' | '通知'", 0.2, 0.2, true],
    ["'it''s'", 0.05, 0.05, true],
    ["'it\\'s'", 0.05, 0.05, true],
    ["!'工作'", 0.1, 0.1, false],
    ["'工作' &", null, null, null],
    ["('工作'", null, null, null],
    ['工作', null, null, null],
    ['', null, null, null],
  ];
  for (const [q, independent, backoff, known] of table) {
    for (const [words, share] of [
      ['independent', independent],
      ['backoff', backoff],
    ] as const) {
      const e = estimateMatch(q, df, words);
      if (share === null) assert.equal(e, null, q);
      else {
        assert.ok(e, q);
        assert.ok(Math.abs(e.share - share) < 1e-9, `${q} ${words}: ${e.share}`);
        assert.equal(e.known, known, q);
      }
    }
  }
  // Independent unless asked.
  assert.deepEqual(estimateMatch("'工作' & '通知'", df), estimateMatch("'工作' & '通知'", df, 'independent'));
});

test('estimatedTotal: backoff, only known estimates above the threshold, rounded', { timeout: 5_000 }, () => {
  const table: [string, number, number | null][] = [
    ["'工作'", 2_000, 90_000],
    ["'工作' & '通知'", 2_000, 19_000],
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

test('driverLexemes: lexemes every match holds, the rarer side of an &', { timeout: 5_000 }, () => {
  const table: [string, string[] | null][] = [
    ["'通知'", ['通知']],
    // Either alternative: the compound, or the rarer of its parts (政务 0.4 against 公开 0.5).
    ["'政务公开' | '政务' & '公开'", ['政务公开', '政务']],
    // The rarer side of the &: 通知 (0.2) against 政务公开 and 政务 (0.7).
    ["('政务公开' | '政务' & '公开') & '通知'", ['通知']],
    // An untracked lexeme is rarer than any tracked one.
    ["'工作' & '量子计算机'", ['量子计算机']],
    ["'工作' & !'通知'", ['工作']],
    // A facet is a filter, not a title word.
    ["'工作' & 'org:7'", ['工作']],
    ["'org:7'", null],
    ["'通知' | '通知' & '工作'", ['通知']],
    ["!'工作'", null],
    ["'工作' | !'通知'", null],
    ["'工作' &", null],
  ];
  for (const [q, drivers] of table) assert.deepEqual(driverLexemes(q, df), drivers, q);
});

test('postingsPlan: the postings, read no further than the index’s matches', { timeout: 5_000 }, () => {
  // 100,000 documents.
  const table: [string, number, PostingsPlan | null][] = [
    // 20,000 matches; 100 from 100 postings.
    ["'通知'", 100, { drivers: ['通知'], bound: 200 }],
    // 30,000 matches; 100 × 0.7 ÷ 0.3 = 234 postings.
    ["'政务公开' | '政务' & '公开'", 100, { drivers: ['政务公开', '政务'], bound: 468 }],
    // A facet is no driver. 2,000 matches; 100 × 0.2 ÷ 0.02 = 1,000 postings.
    ["'通知' & 'org:7'", 100, { drivers: ['通知'], bound: 2_000 }],
    // 2,000 matches; 10,000 postings expected for 1,000: read no more than 2,000 (the index's).
    ["'通知' & 'org:7'", 1_000, { drivers: ['通知'], bound: 2_000 }],
    // Fewer matches than asked for: the index.
    ["'通知' & 'org:7'", 5_000, null],
    // An untracked driver: few postings, read.
    ["'工作' & '量子计算机'", 50, { drivers: ['量子计算机'], bound: 200 }],
    ["!'工作'", 10, null],
  ];
  for (const [q, n, plan] of table) assert.deepEqual(postingsPlan(q, df, n), plan, `${q} ${n}`);
});
