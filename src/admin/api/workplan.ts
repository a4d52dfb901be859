import type { OrgKind } from '../../modules/orgs/domain/roles.ts';
// 工作台账 (work-plan ledger): staff API under /api/workplan, as in docs/workplan.md.
import { api, download, postForm } from './client.ts';

export type AssignmentStatus = 'not_started' | 'in_progress' | 'done' | 'ongoing';
export type ReviewState = 'none' | 'submitted' | 'accepted' | 'returned';
export type AssignmentRole = 'lead' | 'responsible';

export const STATUS_LABELS: Record<AssignmentStatus, string> = {
  not_started: '未开始',
  in_progress: '进行中',
  done: '已完成',
  ongoing: '长期坚持',
};

export const REVIEW_LABELS: Record<ReviewState, string> = {
  none: '未报送',
  submitted: '待审核',
  accepted: '已通过',
  returned: '已退回',
};

export const ROLE_LABELS: Record<AssignmentRole, string> = { lead: '牵头', responsible: '责任' };

export const STATUS_OPTIONS = (Object.keys(STATUS_LABELS) as AssignmentStatus[]).map((value) => ({
  value,
  label: STATUS_LABELS[value],
}));

// ---------------------------------------------------------------------------------------------------------
// Import

/** One row of a parsed task table (editable in the preview before saving). */
export interface ParsedTask {
  seq: number;
  section: string | null;
  task: string;
  requirement: string;
  leadUnits: string[];
  responsibleUnits: string[];
  deadlineRaw: string | null;
  due: string | null;
  recurring: boolean;
  /** A date found inside the requirement where the table has no deadline column: a suggestion only. */
  dueSuggested?: string | null;
  /** 1-based line range [first, last] of `ParsedPlan.sourceText` the row was read from. */
  sourceLines?: [number, number];
}

export interface ParsedDoc {
  title: string | null;
  issuer: string | null;
  docNumber: string | null;
  issuedDate: string | null;
  year: number | null;
}

export interface ParsedPlan {
  doc: ParsedDoc;
  tasks: ParsedTask[];
  /** Chinese; the user must see them (nothing is dropped silently). */
  warnings: string[];
  /** The normalised document text `sourceLines` refer to. */
  sourceText: string;
}

export interface UnitMatch {
  name: string;
  orgId: number | null;
  orgName: string | null;
  via: 'exact' | 'alias' | 'fuzzy' | null;
  /** A group name (各县（市、区）政府…): kept verbatim, not assigned to one organisation. */
  group: boolean;
  /** How many tasks name it. */
  tasks?: number;
}

export interface OrgCandidate {
  id: number;
  name: string;
  parentId: number | null;
  kind: string;
}

export interface ImportPreview {
  /** The organisation that will own the plan by default. */
  ownerOrgId: number;
  ownerOrgName: string;
  fileName: string;
  parsed: ParsedPlan;
  units: UnitMatch[];
  /** The organisations a unit name may be mapped to. */
  candidates: OrgCandidate[];
}

export interface NewUnit {
  name: string;
  parentOrgId: number;
  kind: OrgKind;
}

export interface SavePlanInput {
  orgId: number;
  year: number;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  issuedDate: string | null;
  sourceName: string | null;
  sourceText: string | null;
  tasks: ParsedTask[];
  unitMappings: { name: string; orgId: number }[];
  createUnits?: NewUnit[];
  parentPlanId?: number;
}

// ---------------------------------------------------------------------------------------------------------
// Plans

export interface PlanSummary {
  id: number;
  orgId: number;
  orgName: string;
  year: number;
  title: string;
  docNumber: string | null;
  tasks: number;
  assignments: number;
  done: number;
  overdue: number;
  /** 0…1 */
  completionRate: number | null;
  published: boolean;
  parentPlanId?: number | null;
}

export interface Plan {
  id: number;
  orgId: number;
  orgName?: string;
  year: number;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  issuedDate: string | null;
  sourceName: string | null;
  parentPlanId: number | null;
  published: boolean;
  sourceText?: string | null;
  createdAt?: string;
  canManage?: boolean;
}

export interface AssignmentBrief {
  id: number;
  orgId: number;
  orgName: string;
  role: AssignmentRole;
  status: AssignmentStatus;
  reviewState: ReviewState;
  lastSubmittedAt: string | null;
  overdue?: boolean;
  /** The name as written in the table when it differs from the organisation's name. */
  unitText?: string | null;
}

export interface PlanTask {
  id: number;
  seq: number;
  section: string | null;
  task: string;
  requirement: string;
  deadlineRaw: string | null;
  due: string | null;
  recurring: boolean;
  dueSuggested?: string | null;
  parentTaskId?: number | null;
  carriedFromTaskId?: number | null;
  assignments: AssignmentBrief[];
  groups: string[];
}

export interface PlanDetail {
  plan: Plan;
  tasks: PlanTask[];
}

export interface UnitProgress {
  orgId: number;
  orgName: string;
  total: number;
  done: number;
  inProgress: number;
  notStarted: number;
  ongoing: number;
  overdue: number;
  completionRate: number | null;
}

export interface OverdueItem {
  assignmentId: number;
  taskId: number;
  seq: number;
  task: string;
  orgName: string;
  due: string;
  daysOverdue: number;
}

export interface PlanDashboard {
  today?: string;
  byStatus?: Record<AssignmentStatus, number>;
  totals: {
    tasks: number;
    assignments: number;
    done: number;
    overdue: number;
    completionRate: number | null;
  };
  byUnit: UnitProgress[];
  overdue: OverdueItem[];
}

// ---------------------------------------------------------------------------------------------------------
// Assignments and progress

export interface EvidenceLink {
  title: string;
  url: string;
}

export interface ProgressFile {
  id: number;
  name: string;
  size?: number;
}

export interface ProgressEntry {
  id: number;
  text: string;
  links: EvidenceLink[];
  fileIds?: number[];
  files: ProgressFile[];
  status: AssignmentStatus;
  submittedBy: number | null;
  submittedByName?: string | null;
  submittedAt: string;
  decision: 'accepted' | 'returned' | null;
  reviewComment: string | null;
  reviewedBy?: number | null;
  reviewedByName?: string | null;
  reviewedAt: string | null;
}

/** A unit's assignment with its task and plan (one row of 我的任务; also the head of an assignment). */
export interface MyTask extends AssignmentBrief {
  acceptedAt: string | null;
  task: {
    id: number;
    seq: number;
    section: string | null;
    task: string;
    requirement: string;
    deadlineRaw: string | null;
    due: string | null;
    recurring: boolean;
  };
  plan: { id: number; title: string; year: number; orgId: number; orgName: string };
}

export interface AssignmentDetail {
  assignment: MyTask;
  otherUnits: { orgId: number; orgName: string; role: AssignmentRole }[];
  /** Newest first. */
  progress: ProgressEntry[];
  canSubmit: boolean;
  canReview: boolean;
}

export interface ProgressInput {
  text: string;
  links: EvidenceLink[];
  fileIds: number[];
  status: AssignmentStatus;
}

// ---------------------------------------------------------------------------------------------------------
// Calls

/** Unwraps `{ items }` answers and plain arrays alike. */
function items<T>(value: T[] | { items: T[] }): T[] {
  return Array.isArray(value) ? value : value.items;
}

export function previewImport(file: File, year?: number): Promise<ImportPreview> {
  const form = new FormData();
  if (year) form.append('year', String(year));
  form.append('file', file, file.name);
  return postForm('/api/workplan/import/preview', form);
}

export function savePlan(input: SavePlanInput): Promise<{ id: number }> {
  return api.post('/api/workplan/plans', input);
}

export async function listPlans(query: { orgId?: number; year?: number }): Promise<PlanSummary[]> {
  return items(await api.get<PlanSummary[] | { items: PlanSummary[] }>('/api/workplan/plans', query));
}

export function getPlan(id: number): Promise<PlanDetail> {
  return api.get(`/api/workplan/plans/${id}`);
}

export function getDashboard(id: number): Promise<PlanDashboard> {
  return api.get(`/api/workplan/plans/${id}/dashboard`);
}

export function updatePlan(id: number, patch: { published?: boolean; title?: string }): Promise<unknown> {
  return api.patch(`/api/workplan/plans/${id}`, patch);
}

export function exportPlan(id: number, title: string): Promise<void> {
  return download(`/api/workplan/plans/${id}/export.xlsx`, `${title}.xlsx`);
}

export async function listMyTasks(query: {
  orgId?: number;
  year?: number;
  status?: AssignmentStatus;
}): Promise<MyTask[]> {
  return items(await api.get<MyTask[] | { items: MyTask[] }>('/api/workplan/my-tasks', query));
}

export function getAssignment(id: number): Promise<AssignmentDetail> {
  return api.get(`/api/workplan/assignments/${id}`);
}

export function submitProgress(assignmentId: number, input: ProgressInput): Promise<AssignmentDetail> {
  return api.post(`/api/workplan/assignments/${assignmentId}/progress`, input);
}

export function reviewProgress(
  progressId: number,
  decision: 'accepted' | 'returned',
  comment: string,
): Promise<unknown> {
  return api.post(`/api/workplan/progress/${progressId}/review`, { decision, comment });
}

/** Uploads evidence files (POST /api/files); returns their ids and names. */
export async function uploadFiles(files: File[]): Promise<ProgressFile[]> {
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  const { items: stored } = await postForm<{ items: ProgressFile[] }>('/api/files', form);
  return stored;
}

/** An evidence file of a progress entry (served with the access check of its assignment). */
export function progressFileUrl(progressId: number, fileId: number): string {
  return `/api/workplan/progress/${progressId}/files/${fileId}`;
}

// ---------------------------------------------------------------------------------------------------------
// 回头看 (look back at last year's plan and carry unfinished tasks over)

export interface LookBackAssignment {
  id: number;
  orgId: number;
  orgName: string;
  role: AssignmentRole;
  status: AssignmentStatus;
  reviewState: ReviewState;
  /** This unit's part is not finished. */
  open: boolean;
  overdue: boolean;
}

export interface LookBackTask {
  id: number;
  seq: number;
  section: string | null;
  task: string;
  requirement: string;
  deadlineRaw: string | null;
  due: string | null;
  recurring: boolean;
  assignments: LookBackAssignment[];
  carriedTo: { taskId: number; seq: number; planId: number; title: string; year: number }[];
}

export interface LookBack {
  plan: { id: number; orgId: number; year: number; title: string };
  totalTasks: number;
  /** Plans of the next year of the same organisation: where tasks may be carried to. */
  targets: { id: number; title: string; year: number }[];
  unfinished: LookBackTask[];
}

export interface CarriedOrigin {
  taskId: number;
  carriedFrom: {
    taskId: number;
    seq: number;
    task: string;
    planId: number;
    planTitle: string;
    year: number;
  } | null;
}

export function getLookBack(planId: number): Promise<LookBack> {
  return api.get(`/api/workplan/plans/${planId}/lookback`);
}

export function carryOver(
  planId: number,
  input: { toPlanId: number; taskIds: number[]; dues?: Record<string, string | null> },
): Promise<{ planId: number; created: { id: number; seq: number; carriedFromId: number }[] }> {
  return api.post(`/api/workplan/plans/${planId}/carry-over`, input);
}

export function getCarriedOrigins(planId: number): Promise<CarriedOrigin[]> {
  return api.get(`/api/workplan/plans/${planId}/carried-origins`);
}

// ---------------------------------------------------------------------------------------------------------
// 下发到县 (cascade: a county's plan derived from the city's)

export interface CascadePreview {
  cityPlan: { id: number; title: string; year: number };
  county: { id: number; name: string };
  tasks: { id: number; seq: number; task: string; groups: string[]; due: string | null }[];
}

export interface RollupCell {
  status: 'not_started' | 'in_progress' | 'done' | 'ongoing' | 'unassigned';
  statusLabel: string;
  total: number;
  finished: number;
  overdue: number;
  orgId: number;
  planId: number;
  taskIds: number[];
}

export interface CityRollup {
  plan: { id: number; title: string; year: number };
  counties: {
    orgId: number;
    orgName: string;
    planId: number;
    planTitle: string;
    tasks: number;
    finished: number;
    overdue: number;
  }[];
  tasks: { id: number; seq: number; task: string; due: string | null; counties: RollupCell[] }[];
}

export function previewCascade(planId: number, countyOrgId: number): Promise<CascadePreview> {
  return api.get(`/api/workplan/plans/${planId}/cascade/preview`, { countyOrgId });
}

export function deriveCountyPlan(
  planId: number,
  input: { countyOrgId: number; title?: string },
): Promise<{ planId: number; tasks: { id: number; seq: number; parentTaskId: number }[] }> {
  return api.post(`/api/workplan/plans/${planId}/cascade`, input);
}

export function setTaskUnits(
  taskId: number,
  units: { orgId: number; role: AssignmentRole }[],
): Promise<{ assignments: { id: number; orgId: number; orgName: string; role: AssignmentRole }[] }> {
  return api.put(`/api/workplan/tasks/${taskId}/units`, { units });
}

export function getRollup(planId: number): Promise<CityRollup> {
  return api.get(`/api/workplan/plans/${planId}/rollup`);
}

// ---------------------------------------------------------------------------------------------------------
// 考核 (assessment: rules, periods, ranking, approval, publication)

export interface ScoreRules {
  base: number;
  onTimePoints: number;
  evidencePoints: number;
  overduePenalty: number;
  returnedPenalty: number;
  bonusCap: number | null;
  penaltyCap: number | null;
}

export type PeriodKind = 'monthly' | 'midyear' | 'annual';
export const PERIOD_OPTIONS: { value: PeriodKind; label: string }[] = [
  { value: 'monthly', label: '月度' },
  { value: 'midyear', label: '半年' },
  { value: 'annual', label: '年度' },
];

export type AssessmentState = 'draft' | 'submitted' | 'approved' | 'published';
export type AssessmentAction = 'recompute' | 'submit' | 'approve' | 'return' | 'publish';

export interface Assessment {
  id: number;
  planId: number;
  planTitle: string | null;
  planYear: number | null;
  orgId: number;
  orgName: string | null;
  periodKind: PeriodKind;
  periodKindLabel: string;
  periodLabel: string;
  startsOn: string;
  endsOn: string;
  asOf: string;
  state: AssessmentState;
  stateLabel: string;
  rules: ScoreRules;
  submittedAt: string | null;
  approvedBy: number | null;
  approvedAt: string | null;
  returnedComment: string | null;
  publishedAt: string | null;
}

export interface RankingRow {
  orgId: number;
  orgName: string;
  rank: number;
  score: number;
  onTime: number;
  evidence: number;
  overdue: number;
  returned: number;
  bonus: number;
  penalty: number;
}

export interface AssessmentDetail {
  assessment: Assessment;
  ranking: RankingRow[];
}

export function getScoreRules(
  orgId: number,
): Promise<{ orgId: number; rules: ScoreRules; isDefault: boolean }> {
  return api.get(`/api/workplan/score-rules/${orgId}`);
}

export function setScoreRules(
  orgId: number,
  rules: ScoreRules,
): Promise<{ orgId: number; rules: ScoreRules; isDefault: boolean }> {
  return api.put(`/api/workplan/score-rules/${orgId}`, rules);
}

export function listAssessments(planId: number): Promise<Assessment[]> {
  return api.get(`/api/workplan/plans/${planId}/assessments`);
}

export function createAssessment(input: {
  planId: number;
  period: { kind: PeriodKind; year: number; month?: number };
}): Promise<AssessmentDetail> {
  return api.post('/api/workplan/assessments', input);
}

export function getAssessmentDetail(id: number): Promise<AssessmentDetail> {
  return api.get(`/api/workplan/assessments/${id}`);
}

export function assessmentAction(
  id: number,
  action: AssessmentAction,
  comment?: string,
): Promise<AssessmentDetail> {
  return api.post(`/api/workplan/assessments/${id}/${action}`, comment ? { comment } : {});
}
