// 依申请公开 · 统计分析 and the 转主动公开 queue: staff API (GET /api/requests/analytics …).
import type { z } from 'zod';
import type * as s from '../../modules/requests/api.schemas.ts';
import type { ReleaseStatus } from '../../modules/requests/domain/release.ts';
import { api, buildQuery, type Input } from './client.ts';

export type { ReleaseStatus };

export type RequestAnalytics = z.infer<typeof s.analyticsResponse>;
/** One value of a breakdown and its count (the key's type depends on the breakdown). */
export type Count<K = string> = Omit<RequestAnalytics['byChannel'][number], 'key'> & { key: K };
/** One row of table 三 “本年度办理结果” of the annual report, by applicant type (its columns). */
export type OutcomeRowCount = RequestAnalytics['byOutcome'][number];
export type Timeliness = RequestAnalytics['timeliness'];
export type RepeatApplicants = RequestAnalytics['repeatApplicants'];
export type ReleaseSuggestion = RequestAnalytics['releaseSuggestions'][number];
export type ReleaseEntry = z.infer<typeof s.releaseEntry>;

/** Without `year` the server counts the current year. */
export type AnalyticsQuery = Input<typeof s.analyticsQuery>;

export function fetchRequestAnalytics(query: AnalyticsQuery): Promise<RequestAnalytics> {
  return api.get('/api/requests/analytics', { ...query });
}

/** Address of the Excel export (a plain download: the session cookie goes with it). */
export function requestAnalyticsXlsxUrl(query: AnalyticsQuery): string {
  return `/api/requests/analytics.xlsx${buildQuery({ ...query })}`;
}

export function listReleaseQueue(
  query: Input<typeof s.queueQuery>,
): Promise<z.infer<typeof s.releaseQueueResponse>> {
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
