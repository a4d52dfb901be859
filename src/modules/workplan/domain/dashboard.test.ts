import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assembleDashboard, type UnitCounts, unitCounts } from './dashboard.ts';
import { completionRate, daysBetween, isOverdue } from './status.ts';

test('overdue: past due and not accepted; no due date is never overdue', () => {
  assert.equal(
    isOverdue({ status: 'in_progress', reviewState: 'none', due: '2022-06-30' }, '2022-07-01'),
    true,
  );
  assert.equal(
    isOverdue({ status: 'done', reviewState: 'submitted', due: '2022-06-30' }, '2022-07-01'),
    true,
  );
  assert.equal(
    isOverdue({ status: 'done', reviewState: 'accepted', due: '2022-06-30' }, '2022-07-01'),
    false,
  );
  assert.equal(
    isOverdue({ status: 'ongoing', reviewState: 'accepted', due: '2022-06-30' }, '2022-07-01'),
    false,
  );
  assert.equal(
    isOverdue({ status: 'in_progress', reviewState: 'none', due: '2022-07-01' }, '2022-07-01'),
    false,
  );
  assert.equal(isOverdue({ status: 'not_started', reviewState: 'none', due: null }, '2030-01-01'), false);
  assert.equal(daysBetween('2022-06-30', '2022-07-03'), 3);
  assert.equal(completionRate(1, 3), 0.3333);
  assert.equal(completionRate(0, 0), 0);
});

const unit = (p: Partial<UnitCounts> & Pick<UnitCounts, 'orgId' | 'total'>): UnitCounts => ({
  orgName: `单位${p.orgId}`,
  done: 0,
  inProgress: 0,
  notStarted: 0,
  ongoing: 0,
  reportedDone: 0,
  reportedInProgress: 0,
  submitted: 0,
  completed: 0,
  overdue: 0,
  ...p,
});

test('dashboard totals, per-unit rates (best first), overdue days and truncation', () => {
  const d = assembleDashboard(
    [
      unit({ orgId: 2, total: 2, inProgress: 1, notStarted: 1, reportedInProgress: 1, overdue: 1 }),
      unit({
        orgId: 1,
        total: 3,
        done: 1,
        inProgress: 1,
        ongoing: 1,
        reportedDone: 2,
        submitted: 1,
        completed: 2,
        overdue: 1,
      }),
    ],
    [
      {
        assignmentId: 4,
        taskId: 4,
        seq: 4,
        task: '乙',
        orgId: 2,
        orgName: '单位2',
        due: '2022-08-01',
        status: 'in_progress',
        reviewState: 'returned',
      },
      {
        assignmentId: 2,
        taskId: 2,
        seq: 2,
        task: '甲',
        orgId: 1,
        orgName: '单位1',
        due: '2022-06-30',
        status: 'done',
        reviewState: 'submitted',
      },
    ],
    { total: 4, overdue: 2 },
    '2022-09-01',
  );
  assert.deepEqual(d.totals, {
    tasks: 4,
    assignments: 5,
    done: 2,
    overdueTasks: 2,
    overdue: 2,
    completionRate: 0.4,
  });
  assert.deepEqual(d.byStatus, { not_started: 1, in_progress: 1, done: 2, ongoing: 1 });
  assert.deepEqual(
    d.byUnit.map((u) => [u.orgId, u.completionRate]),
    [
      [1, 0.6667],
      [2, 0],
    ],
  );
  assert.deepEqual(
    d.overdue.map((o) => [o.assignmentId, o.daysOverdue]),
    [
      [2, 63],
      [4, 31],
    ],
  );
  assert.equal(d.overdueTruncated, false);
  assert.equal(
    assembleDashboard([unit({ orgId: 1, total: 5, overdue: 3 })], [], { total: 5, overdue: 3 }, '2022-09-01')
      .overdueTruncated,
    true,
  );
});

test('grouped counts fold into per-unit figures', () => {
  const [u] = unitCounts(
    [
      { orgId: 7, status: 'done', reviewState: 'accepted', past: true, n: 2 },
      { orgId: 7, status: 'done', reviewState: 'submitted', past: true, n: 1 },
      { orgId: 7, status: 'ongoing', reviewState: 'accepted', past: false, n: 1 },
      { orgId: 7, status: 'in_progress', reviewState: 'returned', past: false, n: 3 },
      { orgId: 7, status: 'not_started', reviewState: 'none', past: true, n: 4 },
    ],
    new Map([[7, '市教育局']]),
  );
  assert.deepEqual(u, {
    orgId: 7,
    orgName: '市教育局',
    total: 11,
    done: 2,
    inProgress: 4,
    notStarted: 4,
    ongoing: 1,
    reportedDone: 3,
    reportedInProgress: 3,
    submitted: 1,
    completed: 3,
    overdue: 5,
  });
});
