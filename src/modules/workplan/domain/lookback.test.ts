import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planCarryOver, shiftToYear, unfinishedTasks } from './lookback.ts';

const as = (status: string, reviewState: string, orgId = 1) => ({
  orgId,
  role: 'responsible',
  status,
  reviewState,
});

test('unfinished: any open assignment, or none at all; 长期坚持 accepted is finished', () => {
  const tasks = [
    { id: 1, seq: 1, due: '2025-12-31', recurring: false, assignments: [as('done', 'accepted')] },
    { id: 2, seq: 2, due: null, recurring: true, assignments: [as('ongoing', 'accepted')] },
    {
      id: 3,
      seq: 3,
      due: '2025-06-30',
      recurring: false,
      assignments: [as('done', 'accepted', 1), as('done', 'submitted', 2)],
    },
    { id: 4, seq: 4, due: null, recurring: false, assignments: [] },
    { id: 5, seq: 5, due: null, recurring: true, assignments: [as('ongoing', 'returned')] },
    { id: 6, seq: 6, due: null, recurring: false, assignments: [as('not_started', 'none')] },
  ];
  const open = unfinishedTasks(tasks);
  assert.deepEqual(
    open.map((t) => t.id),
    [3, 4, 5, 6],
  );
  assert.deepEqual(
    open[0]?.openAssignments.map((a) => a.orgId),
    [2],
  );
});

test('a due date moves to the same day of the new year', () => {
  assert.equal(shiftToYear('2025-10-31', 2026), '2026-10-31');
  assert.equal(shiftToYear('2024-02-29', 2025), '2025-02-28');
  assert.equal(shiftToYear(null, 2026), null);
});

test('carried tasks are numbered after the last task, in table order, with overrides', () => {
  const t = (id: number, seq: number, due: string | null) => ({
    id,
    seq,
    section: '一、',
    task: `任务${id}`,
    requirement: '要求',
    deadline_raw: due ? '年底前' : null,
    due,
    recurring: false,
  });
  const carried = planCarryOver(
    [t(9, 7, '2025-12-31'), t(3, 2, null), t(5, 4, '2025-06-30')],
    2026,
    40,
    new Map([[5, '2026-03-31']]),
  );
  assert.deepEqual(
    carried.map((c) => [c.seq, c.carriedFromId, c.due, c.sourceSeq]),
    [
      [41, 3, null, 2],
      [42, 5, '2026-03-31', 4],
      [43, 9, '2026-12-31', 7],
    ],
  );
});
