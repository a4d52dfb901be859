import { completionRate, daysBetween, isCompleted, type ReviewState, type Status } from './status.ts';

/** Assignments counted by unit, reported status, review state and whether the task is past due. */
export type StatusCount = { orgId: number; status: string; reviewState: string; past: boolean; n: number };

/** Fold the grouped counts into per-unit figures (definitions: domain/status.ts). */
export function unitCounts(rows: readonly StatusCount[], names: ReadonlyMap<number, string>): UnitCounts[] {
  const units = new Map<number, UnitCounts>();
  for (const r of rows) {
    let u = units.get(r.orgId);
    if (!u) {
      u = {
        orgId: r.orgId,
        orgName: names.get(r.orgId) ?? '',
        total: 0,
        done: 0,
        inProgress: 0,
        notStarted: 0,
        ongoing: 0,
        reportedDone: 0,
        reportedInProgress: 0,
        submitted: 0,
        completed: 0,
        overdue: 0,
      };
      units.set(r.orgId, u);
    }
    const completed = isCompleted(r.status, r.reviewState);
    u.total += r.n;
    if (completed) u.completed += r.n;
    if (r.past && !completed) u.overdue += r.n;
    if (r.reviewState === 'submitted') u.submitted += r.n;
    if (r.status === 'done') {
      u.reportedDone += r.n;
      if (r.reviewState === 'accepted') u.done += r.n;
      else u.inProgress += r.n;
    } else if (r.status === 'in_progress') {
      u.reportedInProgress += r.n;
      u.inProgress += r.n;
    } else if (r.status === 'ongoing') u.ongoing += r.n;
    else u.notStarted += r.n;
  }
  return [...units.values()];
}

/** Per-unit counts as the store aggregates them (definitions: domain/status.ts). */
export type UnitCounts = {
  orgId: number;
  orgName: string;
  total: number;
  /** Reported done and accepted. */
  done: number;
  /** Reported in progress, or reported done but not (yet) accepted. */
  inProgress: number;
  notStarted: number;
  ongoing: number;
  /** Raw reported statuses. */
  reportedDone: number;
  reportedInProgress: number;
  submitted: number;
  /** Accepted done or ongoing. */
  completed: number;
  overdue: number;
};

export type OverdueItem = {
  assignmentId: number;
  taskId: number;
  seq: number;
  task: string;
  orgId: number;
  orgName: string;
  due: string;
  status: Status;
  reviewState: ReviewState;
};

export type Dashboard = {
  today: string;
  totals: {
    tasks: number;
    assignments: number;
    done: number;
    /**
     * 逾期 counts tasks, as the portal does: a task is overdue when one of its units has not finished
     * its part by the due date (`status.ts` isOverdue). `overdue` counts those units' parts (单位次).
     */
    overdueTasks: number;
    overdue: number;
    completionRate: number;
  };
  byStatus: Record<Status, number>;
  byUnit: {
    orgId: number;
    orgName: string;
    total: number;
    done: number;
    inProgress: number;
    notStarted: number;
    ongoing: number;
    overdue: number;
    submitted: number;
    completionRate: number;
  }[];
  overdue: (OverdueItem & { daysOverdue: number })[];
  /** True when `overdue` lists fewer items than `totals.overdue`. */
  overdueTruncated: boolean;
};

/** A plan's dashboard from per-unit counts, the (oldest-first) overdue items and the task counts. */
export function assembleDashboard(
  units: readonly UnitCounts[],
  overdue: readonly OverdueItem[],
  tasks: { total: number; overdue: number },
  today: string,
): Dashboard {
  const byStatus: Record<Status, number> = { not_started: 0, in_progress: 0, done: 0, ongoing: 0 };
  let assignments = 0;
  let completed = 0;
  let overdueCount = 0;
  for (const u of units) {
    assignments += u.total;
    completed += u.completed;
    overdueCount += u.overdue;
    byStatus.not_started += u.notStarted;
    byStatus.in_progress += u.reportedInProgress;
    byStatus.done += u.reportedDone;
    byStatus.ongoing += u.ongoing;
  }
  const byUnit = units
    .map((u) => ({
      orgId: u.orgId,
      orgName: u.orgName,
      total: u.total,
      done: u.done,
      inProgress: u.inProgress,
      notStarted: u.notStarted,
      ongoing: u.ongoing,
      overdue: u.overdue,
      submitted: u.submitted,
      completionRate: completionRate(u.completed, u.total),
    }))
    .sort((a, b) => b.completionRate - a.completionRate || a.orgName.localeCompare(b.orgName, 'zh-CN'));
  return {
    today,
    totals: {
      tasks: tasks.total,
      assignments,
      done: completed,
      overdueTasks: tasks.overdue,
      overdue: overdueCount,
      completionRate: completionRate(completed, assignments),
    },
    byStatus,
    byUnit,
    overdue: overdue
      .map((o) => ({ ...o, daysOverdue: daysBetween(o.due, today) }))
      .sort((a, b) => b.daysOverdue - a.daysOverdue || a.seq - b.seq || a.orgId - b.orgId),
    overdueTruncated: overdue.length < overdueCount,
  };
}
