/** Statuses of an assigned task, the office's review, and what "completed" and "overdue" mean. */
export const STATUS_LABELS = {
  not_started: '未开始',
  in_progress: '进行中',
  done: '已完成',
  ongoing: '长期坚持',
} as const;
export type Status = keyof typeof STATUS_LABELS;

export const REVIEW_LABELS = {
  none: '未报送',
  submitted: '待审核',
  accepted: '已通过',
  returned: '已退回',
} as const;
export type Review = keyof typeof REVIEW_LABELS;

export const ROLE_LABELS = { lead: '牵头单位', responsible: '责任单位' } as const;

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
