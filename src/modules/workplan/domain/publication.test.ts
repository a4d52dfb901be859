import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progressSnapshot } from './publication.ts';

const accepted = (status: string) => ({ status, reviewState: 'accepted' });
const open = (status: string, reviewState = 'none') => ({ status, reviewState });

test('a snapshot counts tasks and the overdue units behind them, with one definition of 逾期', () => {
  const table: {
    name: string;
    due: string | null;
    assignments: { status: string; reviewState: string }[];
    status: string;
    overdue: boolean;
    parts: number;
  }[] = [
    {
      name: 'all accepted done',
      due: '2026-01-31',
      assignments: [accepted('done'), accepted('done')],
      status: 'done',
      overdue: false,
      parts: 0,
    },
    {
      name: 'one unit accepted as standing',
      due: null,
      assignments: [accepted('ongoing')],
      status: 'ongoing',
      overdue: false,
      parts: 0,
    },
    // Reported done but not yet reviewed is not finished: two units late on one task are one task.
    {
      name: 'two units late',
      due: '2026-02-28',
      assignments: [open('done', 'submitted'), open('not_started'), accepted('done')],
      status: 'in_progress',
      overdue: true,
      parts: 2,
    },
    {
      name: 'due today is not late',
      due: '2026-03-16',
      assignments: [open('not_started')],
      status: 'not_started',
      overdue: false,
      parts: 0,
    },
    {
      name: 'no date never late',
      due: null,
      assignments: [open('in_progress')],
      status: 'in_progress',
      overdue: false,
      parts: 0,
    },
    {
      name: 'nobody assigned',
      due: '2026-01-01',
      assignments: [],
      status: 'unassigned',
      overdue: false,
      parts: 0,
    },
  ];
  const s = progressSnapshot(
    table.map((r, i) => ({ id: i + 1, due: r.due, assignments: r.assignments })),
    '2026-03-16',
  );
  assert.equal(s.asOf, '2026-03-16');
  table.forEach((r, i) => {
    assert.deepEqual(s.tasks[i], { taskId: i + 1, status: r.status, overdue: r.overdue }, r.name);
  });
  assert.deepEqual(s.totals, { tasks: 6, done: 2, overdueTasks: 1, overdueParts: 2 });
});
