/**
 * Who may do what with the duty registers. Pure: the service computes the facts (the actor's agencies,
 * the organisations it sees, the record's unit and assignee) and turns `false` into FORBIDDEN/NOT_FOUND.
 *
 * - `view`: whoever sees the record's unit (an administrator: within the subtree it administers), and the unit a report
 *   was assigned to (DERIVED: a department sees its own assignments, nothing else of the register).
 * - `edit` (register, correct, import, assign an error report): the disclosure office and its approver
 *   acting for the record's unit, the office for every unit it sees (条例第四条: the office organises the
 *   government's disclosure work), and
 *   the unit's own staff for its own records (DERIVED: the unit replies to the proposals it handles).
 * - `answer` (an error report): those who may edit, and the handlers, approvers and office of the unit
 *   it was assigned to.
 */
import type { Role } from '../../../platform/roles.ts';

export const DUTY_ACTIONS = ['view', 'edit', 'answer'] as const;
export type DutyAction = (typeof DUTY_ACTIONS)[number];

export interface DutyActor {
  role: Role;
  orgId: number;
  /** The agencies this person acts for as disclosure office. */
  agencyIds: readonly number[];
  /** The organisations whose records this person sees. */
  visibleOrgIds: readonly number[];
}

export interface DutySubject {
  orgId: number;
  assigneeOrgId?: number | null;
}

const staff = (role: Role) => role === 'office' || role === 'approver' || role === 'handler';

function mayEdit(a: DutyActor, s: DutySubject): boolean {
  if ((a.role === 'office' || a.role === 'approver') && a.agencyIds.includes(s.orgId)) return true;
  // The office registers and assigns the records of the units it sees (proposals assigned to departments).
  if (a.role === 'office' && a.visibleOrgIds.includes(s.orgId)) return true;
  return staff(a.role) && a.orgId === s.orgId;
}

export function can(a: DutyActor, action: DutyAction, s: DutySubject): boolean {
  const assignee = s.assigneeOrgId != null && a.orgId === s.assigneeOrgId && staff(a.role);
  switch (action) {
    case 'view':
      return a.visibleOrgIds.includes(s.orgId) || assignee || mayEdit(a, s);
    case 'edit':
      return mayEdit(a, s);
    case 'answer':
      return mayEdit(a, s) || assignee;
  }
}
