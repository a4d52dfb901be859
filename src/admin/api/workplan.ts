// 工作台账 (work-plan ledger): staff API under /api/workplan, as in docs/workplan.md. The answers' types
// are the server's response schemas (src/modules/workplan/api.schemas.ts); labels and lists come from
// the module's domain/.
import type { z } from 'zod';
import type * as s from '../../modules/workplan/api.schemas.ts';
import {
  type AssessmentAction,
  PERIOD_KINDS,
  PERIOD_LABELS,
  type PeriodKind,
} from '../../modules/workplan/domain/scoring.ts';
import {
  type AssignmentRole,
  type ReviewDecision,
  STATUS_LABELS,
  WORK_STATUSES,
  type WorkStatus,
} from '../../modules/workplan/domain/status.ts';
import { api, download, type Input, postForm } from './client.ts';

export type { AssessmentAction, AssessmentState, PeriodKind } from '../../modules/workplan/domain/scoring.ts';
export type { AssignmentRole, ReviewState } from '../../modules/workplan/domain/status.ts';
export type AssignmentStatus = WorkStatus;

/** The status choices of a select box, in the order of the list. */
export const STATUS_OPTIONS = WORK_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));

// ---------------------------------------------------------------------------------------------------------
// Import

export type ImportPreview = z.infer<typeof s.importPreview>;
export type ParsedPlan = z.infer<typeof s.parsedPlan>;
export type ParsedDoc = ParsedPlan['doc'];
/** One row of a parsed task table (editable in the preview before saving). */
export type ParsedTask = z.infer<typeof s.parsedTask>;
export type UnitMatch = z.infer<typeof s.unitMatch>;
export type OrgCandidate = ImportPreview['candidates'][number];

/** The body of POST /api/workplan/plans: the previewed plan as the user corrected it. */
export type SavePlanInput = z.input<typeof s.savePlanBody>;
/** A unit the plan names that is to be created under an existing org. */
export type NewUnit = NonNullable<SavePlanInput['createUnits']>[number];

// ---------------------------------------------------------------------------------------------------------
// Plans

export type PlanSummary = z.infer<typeof s.planSummary>;
export type PlanDetail = z.infer<typeof s.planDetail>;
export type Plan = PlanDetail['plan'];
export type PlanTask = z.infer<typeof s.planTask>;
export type PlanDashboard = z.infer<typeof s.dashboard>;
export type UnitProgress = PlanDashboard['byUnit'][number];
export type OverdueItem = PlanDashboard['overdue'][number];

// ---------------------------------------------------------------------------------------------------------
// Assignments and progress

/** A unit's assignment with its task and plan (one row of 我的任务; also the head of an assignment). */
export type MyTask = z.infer<typeof s.assignment>;
/** What a plan's task and 我的任务 both show of an assignment. */
export type AssignmentBrief = Omit<MyTask, 'task' | 'plan'>;
export type AssignmentDetail = z.infer<typeof s.assignmentDetail>;
/** Newest first in `AssignmentDetail.progress`. */
export type ProgressEntry = z.infer<typeof s.progressEntry>;
export type EvidenceLink = z.infer<typeof s.evidenceLink>;
export type ProgressFile = z.infer<typeof s.progressFile>;

export type ProgressInput = z.input<typeof s.progressBody>;

// ---------------------------------------------------------------------------------------------------------
// Calls

export function previewImport(file: File, year?: number): Promise<ImportPreview> {
  const form = new FormData();
  if (year) form.append('year', String(year));
  form.append('file', file, file.name);
  return postForm('/api/workplan/import/preview', form);
}

export function savePlan(input: SavePlanInput): Promise<z.infer<typeof s.created>> {
  return api.post('/api/workplan/plans', input);
}

export function listPlans(query: Input<typeof s.planListQuery>): Promise<PlanSummary[]> {
  return api.get('/api/workplan/plans', query);
}

export function getPlan(id: number): Promise<PlanDetail> {
  return api.get(`/api/workplan/plans/${id}`);
}

/** The plan without its tasks (the task list loads them a page at a time). */
export function getPlanHead(id: number): Promise<PlanDetail> {
  return api.get(`/api/workplan/plans/${id}?tasks=none`);
}

export type PlanTasksPage = z.infer<typeof s.planTasksPage>;
export type TaskFilter = (typeof s.TASK_FILTERS)[number];

export function getPlanTasks(
  id: number,
  q: { filter: TaskFilter; q: string; page: number; pageSize: number },
): Promise<PlanTasksPage> {
  const query = new URLSearchParams({
    filter: q.filter,
    q: q.q,
    page: String(q.page),
    pageSize: String(q.pageSize),
  });
  return api.get(`/api/workplan/plans/${id}/tasks?${query}`);
}

export function getDashboard(id: number): Promise<PlanDashboard> {
  return api.get(`/api/workplan/plans/${id}/dashboard`);
}

export function updatePlan(id: number, patch: z.input<typeof s.planPatchBody>): Promise<PlanSummary> {
  return api.patch(`/api/workplan/plans/${id}`, patch);
}

export type ProgressPublished = z.infer<typeof s.progressPublished>;

/** 发布落实情况: the portal shows the plan's task states as of today until the next publication. */
export function publishProgress(id: number): Promise<ProgressPublished> {
  return api.post(`/api/workplan/plans/${id}/progress`);
}

export function exportPlan(id: number, title: string): Promise<void> {
  return download(`/api/workplan/plans/${id}/export.xlsx`, `${title}.xlsx`);
}

export function listMyTasks(query: Input<typeof s.myTasksQuery>): Promise<MyTask[]> {
  return api.get('/api/workplan/my-tasks', query);
}

/** The progress reports awaiting the office's review (公开办). */
export function listLedgerReviewQueue(): Promise<z.infer<typeof s.reviewQueueItem>[]> {
  return api.get('/api/workplan/review-queue');
}

export function getAssignment(id: number): Promise<AssignmentDetail> {
  return api.get(`/api/workplan/assignments/${id}`);
}

export function submitProgress(assignmentId: number, input: ProgressInput): Promise<AssignmentDetail> {
  return api.post(`/api/workplan/assignments/${assignmentId}/progress`, input);
}

export function reviewProgress(
  progressId: number,
  decision: ReviewDecision,
  comment: string,
): Promise<AssignmentDetail> {
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

export type LookBack = z.infer<typeof s.lookback>;
export type LookBackTask = LookBack['unfinished'][number];
export type LookBackAssignment = LookBackTask['assignments'][number];
export type CarriedOrigin = z.infer<typeof s.carriedOrigins>[number];

export function getLookBack(planId: number): Promise<LookBack> {
  return api.get(`/api/workplan/plans/${planId}/lookback`);
}

export function carryOver(
  planId: number,
  input: { toPlanId: number; taskIds: number[]; dues?: Record<string, string | null> },
): Promise<z.infer<typeof s.carryOverResult>> {
  return api.post(`/api/workplan/plans/${planId}/carry-over`, input);
}

export function getCarriedOrigins(planId: number): Promise<CarriedOrigin[]> {
  return api.get(`/api/workplan/plans/${planId}/carried-origins`);
}

// ---------------------------------------------------------------------------------------------------------
// 下发到县 (cascade: a county's plan derived from the city's)

export type CascadePreview = z.infer<typeof s.cascadePreview>;
export type RollupCell = z.infer<typeof s.rollupCell>;
export type CityRollup = z.infer<typeof s.cityRollup>;

export function previewCascade(planId: number, countyOrgId: number): Promise<CascadePreview> {
  return api.get(`/api/workplan/plans/${planId}/cascade/preview`, { countyOrgId });
}

export function deriveCountyPlan(
  planId: number,
  input: { countyOrgId: number; title?: string },
): Promise<z.infer<typeof s.cascadeResult>> {
  return api.post(`/api/workplan/plans/${planId}/cascade`, input);
}

export function setTaskUnits(
  taskId: number,
  units: { orgId: number; role: AssignmentRole }[],
): Promise<z.infer<typeof s.taskUnits>> {
  return api.put(`/api/workplan/tasks/${taskId}/units`, { units });
}

export function getRollup(planId: number): Promise<CityRollup> {
  return api.get(`/api/workplan/plans/${planId}/rollup`);
}

// ---------------------------------------------------------------------------------------------------------
// 上下级计划衔接 (links: an imported plan's tasks to its parent plan's, by suggestions the office confirms)

export type LinkSuggestions = z.infer<typeof s.linkSuggestions>;

export function getLinkSuggestions(planId: number, parentPlanId: number): Promise<LinkSuggestions> {
  return api.get(`/api/workplan/plans/${planId}/links`, { parentPlanId });
}

export function saveLinks(
  planId: number,
  input: z.input<typeof s.saveLinksBody>,
): Promise<z.infer<typeof s.savedLinks>> {
  return api.put(`/api/workplan/plans/${planId}/links`, input);
}

// ---------------------------------------------------------------------------------------------------------
// 考核 (assessment: rules, periods, ranking, approval, publication)

export type ScoreRules = z.infer<typeof s.scoreRules>;
export type ScoreRulesView = z.infer<typeof s.scoreRulesView>;
export type Assessment = z.infer<typeof s.assessment>;
export type RankingRow = z.infer<typeof s.rankingRow>;
export type AssessmentDetail = z.infer<typeof s.assessmentDetail>;

/** The period choices of a select box. */
export const PERIOD_OPTIONS: { value: PeriodKind; label: string }[] = PERIOD_KINDS.map((value) => ({
  value,
  label: PERIOD_LABELS[value],
}));

export function getScoreRules(orgId: number): Promise<ScoreRulesView> {
  return api.get(`/api/workplan/score-rules/${orgId}`);
}

export function setScoreRules(orgId: number, rules: ScoreRules): Promise<ScoreRulesView> {
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
