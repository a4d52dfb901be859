/**
 * Who may do what in the work-plan ledger (工作台账). Pure: answers are booleans; the services turn
 * `false` into FORBIDDEN, or NOT_FOUND where the record may not even be seen (outside the actor's
 * scope), and the portal into its 404.
 *
 * `can(actor, action)` without a subject answers whether the actor's role may ever do the action (the
 * service's FORBIDDEN); `can(actor, action, subject)` whether they may do it to that record. `actor`
 * null is the public (the portal). The actor's scope comes from orgs: `visible` = its visible
 * organisations (own subtree for admin/office/approver, an office's served agency's subtree; own
 * organisation only for handler/reviewer), `agencyIds` = its own organisation and the agency its
 * organisation serves as disclosure office.
 *
 * - Managers — `admin` and `office` whose scope holds the plan's organisation — keep the ledger: the
 *   GIO authority and the disclosure office (政府信息公开工作主管部门 / 工作机构, docs/law/ogi-regulation.md
 *   Art. 3–4) "梳理形成本地、本系统工作台账，明确责任主体和时限要求，逐项推动落实" (2022年济宁市政务公开
 *   工作任务分解表（十八）, demo/sources/jining-2022.txt). They import and publish plans, review the units'
 *   reports, look back at last year's plan ("对上一年度工作要点落实情况开展‘回头看’", ibid.), derive
 *   the counties' plans ("制定本区域、本部门年度政务公开工作方案", jining-2022 四) and keep the assessment
 *   (考核: Art. 46; "加大政务公开工作考核力度", ibid.).
 * - Viewers — managers and `approver` (负责人) whose subtree holds the plan's organisation — read the
 *   whole ledger, its dashboard and its export ("主要负责人要定期听取政务公开工作汇报", jining-2022 三).
 * - Units: everyone sees the assignments of the organisations in their scope; only people of the
 *   assigned organisation itself report progress on it (platform rule: the 责任单位 answers for its own
 *   task, docs/workplan.md "Who may do what").
 * - A ranking is approved by the 负责人 of the assessing organisation (or of the agency its office
 *   serves) before it is published: "向社会公开发布排名结果或问题通报的，要按程序报本级行政机关主要负责
 *   同志批准" (jining-2022（十七）).
 * - Reminders ("通过建立台账、跟踪调度、重点督查等形式，定期对任务落实情况进行通报", 2021年济宁市政务公开
 *   工作要点 三, demo/sources/jining-2021.txt): every staff member of the assigned unit except
 *   administrators (who keep the system, not the unit's tasks; platform rule), and a daily overdue digest
 *   to the disclosure office of the plan's organisation or of the agency it serves (Art. 3–4).
 * - The public sees a plan once it is published ("在政府网站政务公开专栏向社会公开发布", jining-2022 四)
 *   and a ranking once it is published after that approval.
 */
import type { Role } from '../../../platform/roles.ts';
import { scopeMode } from '../../orgs/domain/policies.ts';

export interface WorkplanActor {
  role: Role;
  /** The actor's own organisation. */
  orgId: number;
  /** The organisations in the actor's scope (computed by the service; empty when not needed). */
  visible: ReadonlySet<number>;
  /** Its own organisation and the agency that organisation serves as disclosure office. */
  agencyIds: readonly number[];
}

/** A plan, an assessment or a unit, by the organisation it belongs to. */
export type OrgRef = { orgId: number };
/** A unit's assignment: the assigned organisation and the organisation owning the plan. */
export type AssignmentRef = { orgId: number; planOrgId: number };

type Subjects = {
  /** Import and save a plan owned by the organisation. */
  'plan.import': OrgRef;
  /** Read a whole plan (all tasks and units), its dashboard and export; list the plans one's organisations own. */
  'plan.view': OrgRef;
  /** Rename, publish on the portal, see the source text. */
  'plan.manage': OrgRef;
  /** 回头看: last year's unfinished tasks, carrying them into this year's plan. */
  'plan.lookback': OrgRef;
  /** 分解到县: derive a county's plan (subject: the county), map its units, the city's roll-up (the city). */
  'plan.cascade': OrgRef;
  /** List the assignments of that organisation (my tasks). */
  'assignment.list': OrgRef;
  /** Open an assignment with its reports and evidence files. */
  'assignment.view': AssignmentRef;
  /** Report progress on it. */
  'progress.submit': AssignmentRef;
  /** Accept or return its reports. */
  'progress.review': AssignmentRef;
  /** Scoring rules, assessments: create, recompute, submit for approval, publish. */
  'assessment.manage': OrgRef;
  /** Read the assessments (and rankings) of the organisation. */
  'assessment.view': OrgRef;
  /** Approve or return a ranking before publication. */
  'assessment.approve': OrgRef;
  /** Be reminded of the due and overdue tasks of that unit. */
  'reminder.unit': OrgRef;
  /** Get the daily digest of the overdue tasks of the plans of that organisation. */
  'reminder.digest': OrgRef;
  /** Read a plan on the portal. */
  'portal.plan': { published: boolean };
  /** Read a ranking on the portal. */
  'portal.ranking': { state: string };
};

export type WorkplanAction = keyof Subjects;
export type WorkplanSubject<A extends WorkplanAction> = Subjects[A];

/** Every action (for the tests' tables). */
export const WORKPLAN_ACTIONS = [
  'plan.import',
  'plan.view',
  'plan.manage',
  'plan.lookback',
  'plan.cascade',
  'assignment.list',
  'assignment.view',
  'progress.submit',
  'progress.review',
  'assessment.manage',
  'assessment.view',
  'assessment.approve',
  'reminder.unit',
  'reminder.digest',
  'portal.plan',
  'portal.ranking',
] as const satisfies readonly WorkplanAction[];

/** Managers keep the ledger (Art. 3–4; jining-2022 "梳理形成本地、本系统工作台账"). */
function isManagerRole(role: Role): boolean {
  return role === 'admin' || role === 'office';
}

/** Viewers read the whole ledger: managers and the roles that see their subtree (负责人). */
function isViewerRole(role: Role): boolean {
  return isManagerRole(role) || scopeMode(role) === 'subtree';
}

/** Whether the organisation is in the actor's scope (records outside it are answered NOT_FOUND). */
export function inScope(actor: WorkplanActor, orgId: number): boolean {
  return actor.visible.has(orgId);
}

function managerOf(actor: WorkplanActor, ref: OrgRef | undefined): boolean {
  return isManagerRole(actor.role) && (ref === undefined || inScope(actor, ref.orgId));
}

function viewerOf(actor: WorkplanActor, ref: OrgRef | undefined): boolean {
  return isViewerRole(actor.role) && (ref === undefined || inScope(actor, ref.orgId));
}

/** The 负责人 of the organisation or of the agency its office serves (jining-2022: 主要负责同志批准). */
function approverOf(actor: WorkplanActor, ref: OrgRef | undefined): boolean {
  return actor.role === 'approver' && (ref === undefined || actor.agencyIds.includes(ref.orgId));
}

export function can<A extends WorkplanAction>(
  actor: WorkplanActor | null,
  action: A,
  subject?: WorkplanSubject<A>,
): boolean;
export function can(
  actor: WorkplanActor | null,
  action: WorkplanAction,
  subject?: OrgRef | AssignmentRef | { published: boolean } | { state: string },
): boolean {
  // The portal: anyone, signed in or not, reads what is published.
  if (action === 'portal.plan') return subject === undefined || (subject as { published: boolean }).published;
  if (action === 'portal.ranking')
    return subject === undefined || (subject as { state: string }).state === 'published';
  if (actor === null) return false;
  const org = subject as OrgRef | undefined;
  const assignment = subject as AssignmentRef | undefined;
  switch (action) {
    case 'plan.import':
    case 'plan.manage':
    case 'plan.lookback':
    case 'plan.cascade':
    case 'assessment.manage':
      return managerOf(actor, org);
    case 'plan.view':
      return viewerOf(actor, org);
    case 'assignment.list':
      return org === undefined || inScope(actor, org.orgId);
    case 'assignment.view':
      // The unit's own people (and those whose scope holds it), or a viewer of the whole plan.
      return (
        assignment === undefined ||
        inScope(actor, assignment.orgId) ||
        viewerOf(actor, { orgId: assignment.planOrgId })
      );
    case 'progress.submit':
      return assignment === undefined || actor.orgId === assignment.orgId;
    case 'progress.review':
      // The office of the plan reviews the units' reports.
      return managerOf(actor, assignment && { orgId: assignment.planOrgId });
    case 'assessment.view':
      return managerOf(actor, org) || approverOf(actor, org);
    case 'assessment.approve':
      return approverOf(actor, org);
    case 'reminder.unit':
      // Every staff member of the unit; administrators keep the system, not the unit's tasks.
      return actor.role !== 'admin' && (org === undefined || actor.orgId === org.orgId);
    case 'reminder.digest':
      // The disclosure office of the organisation owning the plan, or of the agency it serves (Art. 3–4).
      return actor.role === 'office' && (org === undefined || actor.agencyIds.includes(org.orgId));
  }
  return false;
}

/**
 * The organisation a plan imported by `actor` belongs to when none is named: an office works for the
 * agency it serves (Art. 3–4: the 政府办公室 is the government's disclosure office), an administrator
 * for its own organisation.
 */
export function defaultPlanOwner(actor: { role: Role; orgId: number }, servesOrgId: number | null): number {
  return actor.role !== 'admin' && servesOrgId ? servesOrgId : actor.orgId;
}
