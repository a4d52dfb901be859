/** Statuses of an assigned task, the office's review, and what "completed" and "overdue" mean. */

/** The unit's own report on its part of a task. */
export const WORK_STATUSES = ['not_started', 'in_progress', 'done', 'ongoing'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];
export type Status = WorkStatus;
export const STATUS_LABELS: Readonly<Record<WorkStatus, string>> = {
  not_started: '未开始',
  in_progress: '进行中',
  done: '已完成',
  ongoing: '长期坚持',
};

/** The office's decision on the unit's latest report. */
export const REVIEW_STATES = ['none', 'submitted', 'accepted', 'returned'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export type Review = ReviewState;
export const REVIEW_LABELS: Readonly<Record<ReviewState, string>> = {
  none: '未报送',
  submitted: '待审核',
  accepted: '已通过',
  returned: '已退回',
};

/** What the office decides on one report. */
export const REVIEW_DECISIONS = ['accepted', 'returned'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** A unit's part in a task: the column of the table it is named in. */
export const ASSIGNMENT_ROLES = ['lead', 'responsible'] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];
export const ROLE_LABELS: Readonly<Record<AssignmentRole, string>> = {
  lead: '牵头单位',
  responsible: '责任单位',
};
/** The same, short (beside a unit's name). */
export const ROLE_SHORT_LABELS: Readonly<Record<AssignmentRole, string>> = {
  lead: '牵头',
  responsible: '责任',
};

/** Accepted by the office as done (or as a standing commitment kept). */
export function isCompleted(status: string, reviewState: string): boolean {
  return reviewState === 'accepted' && (status === 'done' || status === 'ongoing');
}

/** Not completed and past its due date; a task without a due date is never overdue. */
export function isOverdue(
  a: { status: string; reviewState: string; due: string | null },
  today: string,
): boolean {
  return a.due !== null && a.due < today && !isCompleted(a.status, a.reviewState);
}

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function completionRate(completed: number, total: number): number {
  return total === 0 ? 0 : Math.round((completed / total) * 10_000) / 10_000;
}
