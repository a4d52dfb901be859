/**
 * 任务分解到县（市、区） (pure): which tasks of a city plan a county must take on, and the roll-up of
 * a county's progress on a derived task.
 *
 * A task is addressed to the counties when one of its group names (kept verbatim from the table, see
 * work_task_groups) names the counties collectively — 各县（市、区）政府（管委会）, 各县市区, 各区县,
 * 县级政府, 市、县级政府办公室 … — or when the county's own organisation is one of its units.
 */
import { isFinished, isOverdue } from './reminders-due.ts';

/** Bracket and spacing variants folded away: `各县(市、区)` = `各县（市、区）` = `各县市区`. */
export function normalizeGroupName(name: string): string {
  return name.normalize('NFKC').replace(/[\s()（）〔〕[\]【】、，,·.]/g, '');
}

const COUNTY_GROUP = [
  /各县/, // 各县（市、区）…, 各县市区, 各县区
  /县市区/, // 县（市、区）
  /各区县/,
  /各区市县/,
  /县级/, // 县级政府, 市、县级政府办公室
  /各区(?!域)/, // 各区（县）, 各区政府 (districts), not 各区域
];

/** Whether a group name addresses every county (县、市、区) of the city. */
export function addressesCounties(groupName: string): boolean {
  const n = normalizeGroupName(groupName);
  return COUNTY_GROUP.some((re) => re.test(n));
}

export type CascadeSource = {
  id: number;
  seq: number;
  groups: readonly string[];
  assignmentOrgIds: readonly number[];
};

/** The tasks of the city plan that go down to `countyOrgId`, in table order. */
export function selectCountyTasks<T extends CascadeSource>(tasks: readonly T[], countyOrgId: number): T[] {
  return tasks
    .filter((t) => t.assignmentOrgIds.includes(countyOrgId) || t.groups.some(addressesCounties))
    .sort((a, b) => a.seq - b.seq);
}

/**
 * The tasks a derived plan takes: from an external plan (the province's, imported by the city) every task
 * goes to the organisation that imported it — the province's plan is addressed to the cities as a whole;
 * from a city plan, a county's tasks (selectCountyTasks).
 */
export function selectDerivedTasks<T extends CascadeSource>(
  tasks: readonly T[],
  orgId: number,
  parentIsExternal: boolean,
): T[] {
  return parentIsExternal ? [...tasks].sort((a, b) => a.seq - b.seq) : selectCountyTasks(tasks, orgId);
}

export const ROLLUP_STATUSES = ['not_started', 'in_progress', 'done', 'ongoing', 'unassigned'] as const;
export type RollupStatus = (typeof ROLLUP_STATUSES)[number];
export const ROLLUP_LABELS: Record<RollupStatus, string> = {
  not_started: '未开始',
  in_progress: '进行中',
  done: '已完成',
  ongoing: '长期坚持',
  unassigned: '未分解到单位',
};

export type RollupAssignment = { status: string; reviewState: string };

export type Rollup = {
  status: RollupStatus;
  total: number;
  finished: number;
  overdue: number;
};

/**
 * A derived task's status seen from above: finished when every unit's part is finished (长期坚持 when
 * one of them is a standing task), 未开始 when nobody has reported progress, otherwise 进行中.
 */
export function rollup(assignments: readonly RollupAssignment[], due: string | null, today: string): Rollup {
  const total = assignments.length;
  const finished = assignments.filter(isFinished).length;
  const overdue = assignments.filter((a) => isOverdue(a, due, today)).length;
  let status: RollupStatus;
  if (total === 0) status = 'unassigned';
  else if (finished === total) status = assignments.some((a) => a.status === 'ongoing') ? 'ongoing' : 'done';
  else if (assignments.every((a) => a.status === 'not_started' && a.reviewState === 'none'))
    status = 'not_started';
  else status = 'in_progress';
  return { status, total, finished, overdue };
}
