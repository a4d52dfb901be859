/**
 * 落实情况 as published: what the portal shows of a plan's progress is a snapshot the office publishes,
 * taken on one day, not the live state (a report not yet reviewed, a deadline passed this morning). One
 * definition of 逾期 for the console and the portal: a task is overdue when one of its units has not
 * finished its part (accepted as 已完成 or 长期坚持) by the task's due date; the units' parts behind it
 * are counted too (单位次).
 */
import { type RollupAssignment, type RollupStatus, rollup } from './cascade.ts';

export type PublishedTask = { taskId: number; status: RollupStatus; overdue: boolean };

export type ProgressTotals = {
  tasks: number;
  /** Finished tasks: every unit's part accepted as 已完成 or 长期坚持. */
  done: number;
  overdueTasks: number;
  /** The overdue units' parts (单位次). */
  overdueParts: number;
};

export type ProgressSnapshot = { asOf: string; tasks: PublishedTask[]; totals: ProgressTotals };

/** The snapshot of a plan's tasks as of `today`, in task order. */
export function progressSnapshot(
  tasks: readonly { id: number; due: string | null; assignments: readonly RollupAssignment[] }[],
  today: string,
): ProgressSnapshot {
  const totals: ProgressTotals = { tasks: tasks.length, done: 0, overdueTasks: 0, overdueParts: 0 };
  const published = tasks.map((t) => {
    const r = rollup(t.assignments, t.due, today);
    if (r.status === 'done' || r.status === 'ongoing') totals.done++;
    if (r.overdue > 0) totals.overdueTasks++;
    totals.overdueParts += r.overdue;
    return { taskId: t.id, status: r.status, overdue: r.overdue > 0 };
  });
  return { asOf: today, tasks: published, totals };
}
