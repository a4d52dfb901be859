import { daysBetween, isCompleted } from '../../modules/workplan/domain/status.ts';

/** How many days ahead 「7日内到期」 looks (the workbench's `dueWithin`). */
export const DUE_SOON_DAYS = 7;

/**
 * A ledger task the unit still has to report on: not completed and not waiting for the office's
 * review, and either returned for more work or due within `DUE_SOON_DAYS` days (overdue included).
 */
export function ledgerTaskToReport(
  a: { status: string; reviewState: string; overdue: boolean; task: { due: string | null } },
  today: string,
): boolean {
  if (isCompleted(a.status, a.reviewState) || a.reviewState === 'submitted') return false;
  if (a.reviewState === 'returned' || a.overdue) return true;
  return a.task.due !== null && daysBetween(today, a.task.due) <= DUE_SOON_DAYS;
}
