// 依申请公开 · 统计分析 and the 转主动公开 queue: staff API (GET /api/requests/analytics …).
import { api, buildQuery, type ListResult } from './client.ts';

export interface Count<K = string> {
  key: K;
  label: string;
  count: number;
}

/** One row of table 三 “本年度办理结果” of the annual report, by applicant type (its columns). */
export interface OutcomeRowCount {
  key: string;
  group: string;
  groupLabel: string;
  label: string;
  /** In the order 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他. */
  byApplicantType: number[];
  count: number;
}

export interface Timeliness {
  replied: number;
  onTime: number;
  late: number;
  /** 0…1, null without replies. */
  onTimeRate: number | null;
  /** Working days from receipt to reply, paused days excluded; null when unknown. */
  averageWorkingDays: number | null;
  pausedWorkingDays: number | null;
  pausedCases: number;
  calendarMissingYear: number | null;
}

export interface RepeatApplicants {
  applicants: number;
  cases: number;
  /** Filled only for users who may see applicants' personal data. */
  top: { name: string; idType: string; idNumber: string; cases: number }[];
  identitiesShown: boolean;
}

export interface ReleaseSuggestion {
  keywords: [string, string];
  count: number;
  subjects: string[];
  flaggableIds: number[];
}

export interface RequestAnalytics {
  year: number;
  unitId: number | null;
  total: number;
  byMonth: Count<number>[];
  byChannel: Count[];
  byApplicantType: Count[];
  byUnit: Count<number | null>[];
  byStage: Count[];
  byOutcome: OutcomeRowCount[];
  byOutcomeGroup: Count[];
  undecided: number;
  unmapped: number;
  timeliness: Timeliness;
  repeatApplicants: RepeatApplicants;
  topics: { word: string; count: number }[];
  topicsSample: { size: number; limit: number; total: number; descriptionChars: number };
  releaseSuggestions: ReleaseSuggestion[];
  generatedAt: string;
}

export interface AnalyticsQuery {
  year: number;
  unitId?: number;
}

export function fetchRequestAnalytics(query: AnalyticsQuery): Promise<RequestAnalytics> {
  return api.get('/api/requests/analytics', { ...query });
}

/** Address of the Excel export (a plain download: the session cookie goes with it). */
export function requestAnalyticsXlsxUrl(query: AnalyticsQuery): string {
  return `/api/requests/analytics.xlsx${buildQuery({ ...query })}`;
}

export type ReleaseStatus = 'pending' | 'published' | 'rejected';

export interface ReleaseEntry {
  id: number;
  requestId: number;
  caseNo: string;
  subject: string;
  outcome: string | null;
  orgId: number;
  orgName: string;
  unitName: string | null;
  status: ReleaseStatus;
  note: string | null;
  flaggedBy: string | null;
  flaggedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
}

export function listReleaseQueue(query: {
  status?: ReleaseStatus;
  page: number;
  pageSize: number;
}): Promise<ListResult<ReleaseEntry> & { statusLabels: Record<ReleaseStatus, string> }> {
  return api.get('/api/requests/release-queue', { ...query });
}

export function flagForRelease(requestId: number, note?: string): Promise<ReleaseEntry> {
  return api.post(`/api/requests/${requestId}/release-flag`, { note: note ?? null });
}

export function decideRelease(
  entryId: number,
  decision: { status: Exclude<ReleaseStatus, 'pending'>; note?: string },
): Promise<ReleaseEntry> {
  return api.post(`/api/requests/release-queue/${entryId}/decide`, decision);
}
