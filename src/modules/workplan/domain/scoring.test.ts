import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  checkRules,
  computeRanking,
  DEFAULT_RULES,
  nextState,
  periodOf,
  rank,
  type ScoreRules,
  scoreUnit,
  type UnitAssignment,
  type UnitRecords,
  type UnitReport,
} from './scoring.ts';

const RULES: ScoreRules = {
  base: 100,
  onTimePoints: 2,
  evidencePoints: 1,
  overduePenalty: 3,
  returnedPenalty: 1,
  bonusCap: null,
  penaltyCap: null,
};
const H1 = periodOf('midyear', 2026);

const a = (due: string | null, status: string, reviewState: string, acceptedOn: string | null = null) =>
  ({ due, status, reviewState, acceptedOn }) satisfies UnitAssignment;
const r = (decision: UnitReport['decision'], reviewedOn: string, hasEvidence = false) =>
  ({ decision, reviewedOn, hasEvidence }) satisfies UnitReport;
const unit = (assignments: UnitAssignment[], reports: UnitReport[] = [], orgId = 1, orgName = '市教育局') =>
  ({ orgId, orgName, assignments, reports }) satisfies UnitRecords;

test('periods: month, first half-year, year', () => {
  assert.deepEqual(periodOf('monthly', 2024, 2), {
    kind: 'monthly',
    start: '2024-02-01',
    end: '2024-02-29',
    label: '2024年2月',
  });
  assert.deepEqual(periodOf('midyear', 2026), {
    kind: 'midyear',
    start: '2026-01-01',
    end: '2026-06-30',
    label: '2026年上半年',
  });
  assert.equal(periodOf('annual', 2026).end, '2026-12-31');
  assert.throws(() => periodOf('monthly', 2026, 13), RangeError);
});

test('scoring table: each record type counts once, by its date', () => {
  const asOf = '2026-07-15';
  const table: [
    string,
    UnitRecords,
    { onTime: number; evidence: number; overdue: number; returned: number; score: number },
  ][] = [
    ['nothing due', unit([]), { onTime: 0, evidence: 0, overdue: 0, returned: 0, score: 100 }],
    [
      'accepted on the due date: on time',
      unit([a('2026-03-31', 'done', 'accepted', '2026-03-31')]),
      { onTime: 1, evidence: 0, overdue: 0, returned: 0, score: 102 },
    ],
    [
      '长期坚持 accepted before due: on time',
      unit([a('2026-05-31', 'ongoing', 'accepted', '2026-05-01')]),
      { onTime: 1, evidence: 0, overdue: 0, returned: 0, score: 102 },
    ],
    [
      'accepted a day late: overdue',
      unit([a('2026-03-31', 'done', 'accepted', '2026-04-01')]),
      { onTime: 0, evidence: 0, overdue: 1, returned: 0, score: 97 },
    ],
    [
      'open and past due: overdue',
      unit([a('2026-03-31', 'in_progress', 'submitted')]),
      { onTime: 0, evidence: 0, overdue: 1, returned: 0, score: 97 },
    ],
    [
      'due outside the period: ignored',
      unit([
        a('2026-09-30', 'in_progress', 'none'),
        a('2025-12-31', 'not_started', 'none'),
        a(null, 'ongoing', 'none'),
      ]),
      { onTime: 0, evidence: 0, overdue: 0, returned: 0, score: 100 },
    ],
    [
      'reports: accepted with evidence, accepted without, returned, reviewed after the period',
      unit(
        [],
        [
          r('accepted', '2026-02-01', true),
          r('accepted', '2026-02-02'),
          r('returned', '2026-03-01'),
          r('returned', '2026-07-02'),
        ],
      ),
      { onTime: 0, evidence: 1, overdue: 0, returned: 1, score: 100 },
    ],
  ];
  for (const [name, u, want] of table) {
    const s = scoreUnit(RULES, H1, asOf, u);
    assert.deepEqual(
      { onTime: s.onTime, evidence: s.evidence, overdue: s.overdue, returned: s.returned, score: s.score },
      want,
      name,
    );
  }
});

test('before the period ends only what is due before today is overdue', () => {
  const u = unit([a('2026-03-31', 'not_started', 'none'), a('2026-06-30', 'not_started', 'none')]);
  assert.equal(scoreUnit(RULES, H1, '2026-04-10', u).overdue, 1);
  assert.equal(scoreUnit(RULES, H1, '2026-07-01', u).overdue, 2);
  // accepted after the cut-off does not count yet
  const late = unit([a('2026-03-31', 'done', 'accepted', '2026-04-20')]);
  assert.equal(scoreUnit(RULES, H1, '2026-04-10', late).onTime, 0);
});

test('caps limit bonus and penalty; fractional points round to two decimals', () => {
  const rules: ScoreRules = { ...RULES, onTimePoints: 1.5, overduePenalty: 2.25, bonusCap: 2, penaltyCap: 4 };
  const u = unit([
    a('2026-01-31', 'done', 'accepted', '2026-01-20'),
    a('2026-02-28', 'done', 'accepted', '2026-02-20'),
    a('2026-03-31', 'in_progress', 'none'),
    a('2026-04-30', 'in_progress', 'none'),
  ]);
  const s = scoreUnit(rules, H1, '2026-07-01', u);
  assert.deepEqual([s.onTime, s.overdue, s.bonus, s.penalty, s.score], [2, 2, 2, 4, 98]);
  const uncapped = scoreUnit({ ...rules, bonusCap: null, penaltyCap: null }, H1, '2026-07-01', u);
  assert.deepEqual([uncapped.bonus, uncapped.penalty, uncapped.score], [3, 4.5, 98.5]);
});

test('ranking: best first, equal scores share a rank, ties by name', () => {
  const ranked = rank([
    {
      orgId: 1,
      orgName: '乙局',
      onTime: 0,
      evidence: 0,
      overdue: 0,
      returned: 0,
      bonus: 0,
      penalty: 0,
      score: 95,
    },
    {
      orgId: 2,
      orgName: '甲局',
      onTime: 0,
      evidence: 0,
      overdue: 0,
      returned: 0,
      bonus: 0,
      penalty: 0,
      score: 100,
    },
    {
      orgId: 3,
      orgName: '丙局',
      onTime: 0,
      evidence: 0,
      overdue: 0,
      returned: 0,
      bonus: 0,
      penalty: 0,
      score: 95,
    },
    {
      orgId: 4,
      orgName: '丁局',
      onTime: 0,
      evidence: 0,
      overdue: 0,
      returned: 0,
      bonus: 0,
      penalty: 0,
      score: 90,
    },
  ]);
  assert.deepEqual(
    ranked.map((x) => [x.rank, x.orgId]),
    [
      [1, 2],
      [2, 3],
      [2, 1],
      [4, 4],
    ],
  );
});

test('computeRanking with the default rules', () => {
  const ranked = computeRanking(DEFAULT_RULES, periodOf('annual', 2026), '2027-01-05', [
    unit([a('2026-03-31', 'done', 'accepted', '2026-03-01')], [r('accepted', '2026-03-01', true)], 1, 'A'),
    unit([a('2026-03-31', 'in_progress', 'returned')], [r('returned', '2026-04-01')], 2, 'B'),
  ]);
  assert.deepEqual(
    ranked.map((x) => [x.orgId, x.rank, x.score]),
    [
      [1, 1, 103],
      [2, 2, 96],
    ],
  );
});

test('rules are checked', () => {
  assert.deepEqual(checkRules(DEFAULT_RULES), []);
  assert.deepEqual(checkRules({ ...DEFAULT_RULES, overduePenalty: -1, base: -5 }), [
    '逾期扣分不能为负数',
    '基础分不能为负数',
  ]);
});

test('workflow: draft → submitted → approved → published; nothing skips approval', () => {
  assert.equal(nextState('draft', 'submit'), 'submitted');
  assert.equal(nextState('submitted', 'approve'), 'approved');
  assert.equal(nextState('approved', 'publish'), 'published');
  assert.equal(nextState('draft', 'publish'), null);
  assert.equal(nextState('submitted', 'publish'), null);
  assert.equal(nextState('draft', 'approve'), null);
  assert.equal(nextState('submitted', 'return'), 'draft');
  assert.equal(nextState('published', 'return'), null);
  assert.equal(nextState('submitted', 'recompute'), null);
  assert.equal(nextState('published', 'publish'), null);
});
