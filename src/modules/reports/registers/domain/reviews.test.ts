/** The review/litigation register's rules (table 四; 行政复议法 Art. 64, 66; 行政诉讼法 Art. 70, 72), as tables. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  countedYear,
  decisionFileErrors,
  movesCountedEntry,
  type ReviewFacts,
  reopensCase,
  reportOpen,
  reviewErrors,
} from './reviews.ts';

const TODAY = '2026-06-15';
const base: ReviewFacts = {
  kind: 'review',
  filedOn: '2026-03-02',
  result: 'pending',
  decidedOn: null,
  ordersNewReply: false,
  requestId: null,
};

test('an entry’s fields: result and decided date go together, dates in order, a reopening needs its case', () => {
  const rows: [string, Partial<ReviewFacts>, string[]][] = [
    ['pending, no date', {}, []],
    ['decided with a date', { result: 'upheld', decidedOn: '2026-05-06' }, []],
    ['pending with a date', { decidedOn: '2026-05-06' }, ['decidedOn']],
    ['decided without a date', { result: 'other' }, ['decidedOn']],
    ['decided before received', { result: 'upheld', decidedOn: '2026-03-01' }, ['decidedOn']],
    ['decided on the day received', { result: 'upheld', decidedOn: '2026-03-02' }, []],
    ['received in the future', { filedOn: '2026-06-16' }, ['filedOn']],
    ['decided in the future', { result: 'upheld', decidedOn: '2026-06-16' }, ['decidedOn']],
    [
      'upheld cannot order a new reply',
      { result: 'upheld', decidedOn: '2026-05-06', ordersNewReply: true, requestId: 7 },
      ['ordersNewReply'],
    ],
    [
      'corrected, new reply, no case',
      { result: 'corrected', decidedOn: '2026-05-06', ordersNewReply: true },
      ['requestCaseNo'],
    ],
    [
      'corrected, new reply, its case',
      { result: 'corrected', decidedOn: '2026-05-06', ordersNewReply: true, requestId: 7 },
      [],
    ],
  ];
  for (const [what, patch, paths] of rows)
    assert.deepEqual(
      reviewErrors({ ...base, ...patch }, TODAY).map((e) => e.path),
      paths,
      what,
    );
});

test('a case is reopened once: when a 纠正 ordering a new reply is first recorded', () => {
  const corrected = { result: 'corrected' as const, ordersNewReply: true, requestId: 7 };
  const rows: [string, Parameters<typeof reopensCase>[0], Parameters<typeof reopensCase>[1], boolean][] = [
    ['registered as corrected with a new reply', null, corrected, true],
    ['pending → corrected with a new reply', { result: 'pending', ordersNewReply: false }, corrected, true],
    [
      'corrected → corrected with a new reply',
      { result: 'corrected', ordersNewReply: false },
      corrected,
      true,
    ],
    ['already recorded: editing again', { result: 'corrected', ordersNewReply: true }, corrected, false],
    ['corrected without a new reply', null, { ...corrected, ordersNewReply: false }, false],
    ['no case linked', null, { ...corrected, requestId: null }, false],
    ['upheld', null, { result: 'upheld', ordersNewReply: false, requestId: 7 }, false],
  ];
  for (const [what, before, after, expected] of rows)
    assert.equal(reopensCase(before, after), expected, what);
});

test('the report that counts an entry: the year received; deleting needs it open, moving keeps kind and year', () => {
  assert.equal(countedYear('2025-12-31'), 2025);
  assert.deepEqual(([null, 'draft', 'submitted', 'accepted', 'published'] as const).map(reportOpen), [
    true,
    true,
    false,
    false,
    false,
  ]);
  assert.equal(
    movesCountedEntry({ kind: 'review', filedOn: '2025-03-01' }, { kind: 'review', filedOn: '2025-12-01' }),
    false,
  );
  assert.equal(
    movesCountedEntry({ kind: 'review', filedOn: '2025-03-01' }, { kind: 'review', filedOn: '2026-01-01' }),
    true,
  );
  assert.equal(
    movesCountedEntry(
      { kind: 'review', filedOn: '2025-03-01' },
      { kind: 'direct-suit', filedOn: '2025-03-01' },
    ),
    true,
  );
});

test('the decision document: PDF, OFD, Word or a scan, at most 20 MB', () => {
  const rows: [string, string, number, string[]][] = [
    ['pdf', 'application/pdf', 1000, []],
    ['scan', 'image/jpeg', 1000, []],
    [
      'docx at the limit',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      20 * 1024 * 1024,
      [],
    ],
    ['too large', 'application/pdf', 20 * 1024 * 1024 + 1, ['fileId']],
    ['a spreadsheet', 'application/vnd.ms-excel', 1000, ['fileId']],
    ['plain text', 'text/plain', 10, ['fileId']],
  ];
  for (const [what, mime, size, paths] of rows)
    assert.deepEqual(
      decisionFileErrors({ mime, size }).map((e) => e.path),
      paths,
      what,
    );
});
