import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Tree, tsqueryTree, tsvectorLexemes, xapianTerms } from '../bench/xapian/terms.ts';

test('tsvectorLexemes: lexemes with their weights (no letter is D), position-less ones without', {
  timeout: 5_000,
}, () => {
  const cases: [string, [string, string[]][]][] = [
    ['', []],
    ["'政务':2A,9C", [['政务', ['A', 'C']]]],
    [
      "'公开':3 'org:12'",
      [
        ['公开', ['D']],
        ['org:12', []],
      ],
    ],
    [
      "'it''s':1B 'a\\\\b':4",
      [
        ["it's", ['B']],
        ['a\\b', ['D']],
      ],
    ],
  ];
  for (const [text, want] of cases) assert.deepEqual(tsvectorLexemes(text), want, text);
});

test('xapianTerms: weighted wdf, T-prefixed title terms, F-prefixed facets', { timeout: 5_000 }, () => {
  const r = xapianTerms("'通知':1A,20C,31C 'year:2021' '供热':5B,6", "'通知':1A 'org:3'");
  assert.deepEqual(r.terms, [
    ['通知', 14],
    ['供热', 5],
    ['T通知', 1],
  ]);
  assert.deepEqual(r.booleans, ['Fyear:2021']);
});

test('tsqueryTree: & binds tighter than |, parentheses group, prefix on every term', {
  timeout: 5_000,
}, () => {
  const cases: [string, string, Tree][] = [
    ["'通知'", '', { t: '通知' }],
    ["'a' & 'b' | 'c'", '', { or: [{ and: [{ t: 'a' }, { t: 'b' }] }, { t: 'c' }] }],
    ["'a' & ('b' | 'c')", '', { and: [{ t: 'a' }, { or: [{ t: 'b' }, { t: 'c' }] }] }],
    [
      "('政务公开' | '政务' & '公开') & '发改委'",
      'T',
      {
        and: [{ or: [{ t: 'T政务公开' }, { and: [{ t: 'T政务' }, { t: 'T公开' }] }] }, { t: 'T发改委' }],
      },
    ],
    ["'it''s'", '', { t: "it's" }],
  ];
  for (const [literal, prefix, want] of cases) assert.deepEqual(tsqueryTree(literal, prefix), want, literal);
});

test('tsqueryTree: syntax Xapian is not given (not, phrase, prefix, weights, broken) throws', {
  timeout: 5_000,
}, () => {
  for (const literal of ["!'a'", "'a' <-> 'b'", "'a':*", "'a':A", "('a' & 'b'", "'a' &", "'a' 'b'"])
    assert.throws(() => tsqueryTree(literal), /tsquery/, literal);
});
