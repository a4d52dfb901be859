/**
 * 回头看 (pure): which tasks of last year's plan are unfinished, and how a task carried into this
 * year's plan looks.
 *
 * A task is unfinished when one of its assignments is not finished — finished means accepted as 已完成,
 * or accepted as 长期坚持 (a standing task whose accepted report says it is being kept up). A task with
 * no assignment at all is unfinished too (nobody ever reported on it).
 */
import { daysInMonth, isIsoDate } from '../../calendar/domain/dates.ts';
import { isFinished } from './reminders-due.ts';

export type LookbackAssignment = { orgId: number; role: string; status: string; reviewState: string };
export type LookbackTask = {
  id: number;
  seq: number;
  due: string | null;
  recurring: boolean;
  assignments: readonly LookbackAssignment[];
};

export type UnfinishedTask<T extends LookbackTask> = T & {
  /** The units whose part is still open. */
  openAssignments: LookbackAssignment[];
};

export function unfinishedTasks<T extends LookbackTask>(tasks: readonly T[]): UnfinishedTask<T>[] {
  const out: UnfinishedTask<T>[] = [];
  for (const t of tasks) {
    const open = t.assignments.filter((a) => !isFinished(a));
    if (t.assignments.length === 0 || open.length > 0) out.push({ ...t, openAssignments: open });
  }
  return out.sort((a, b) => a.seq - b.seq);
}

/** The same month and day in `year` (29 February becomes 28 February in a common year). */
export function shiftToYear(date: string | null, year: number): string | null {
  if (date === null || !isIsoDate(date)) return null;
  const month = Number(date.slice(5, 7));
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type CarryTask = {
  seq: number;
  section: string | null;
  task: string;
  requirement: string;
  deadline_raw: string | null;
  due: string | null;
  recurring: boolean;
};

export type CarriedTask = CarryTask & { carriedFromId: number; sourceSeq: number };

/**
 * The new tasks for `targetYear`, numbered after `lastSeq` in the order of the originals. A due date
 * moves to the same day of the target year unless `dueOverrides` gives one (null: no date).
 */
export function planCarryOver(
  originals: readonly (CarryTask & { id: number })[],
  targetYear: number,
  lastSeq: number,
  dueOverrides: ReadonlyMap<number, string | null> = new Map(),
): CarriedTask[] {
  return [...originals]
    .sort((a, b) => a.seq - b.seq)
    .map((t, i) => ({
      seq: lastSeq + i + 1,
      section: t.section,
      task: t.task,
      requirement: t.requirement,
      deadline_raw: t.deadline_raw,
      due: dueOverrides.has(t.id) ? (dueOverrides.get(t.id) ?? null) : shiftToYear(t.due, targetYear),
      recurring: t.recurring,
      carriedFromId: t.id,
      sourceSeq: t.seq,
    }));
}
