// 年度报告: the year's reports per agency, one report, its figures, texts, states, review register
// (src/modules/reports/api.ts).
import type { z } from 'zod';
import type * as s from '../../modules/reports/api.schemas.ts';
import type { Transition } from '../../modules/reports/domain/states.ts';
import type * as rs from '../../modules/reports/registers/api.schemas.ts';
import { api } from './client.ts';

export type ReportList = z.infer<typeof s.listResponse>;
export type ReportListItem = z.infer<typeof s.listItem>;
export type ReportDetail = z.infer<typeof s.detailResponse>;
export type ReportReview = z.infer<typeof s.reviewView>;
export type ManualFiguresInput = z.input<typeof s.figuresBody>;
export type NarrativeInput = z.input<typeof s.narrativeBody>;
export type ReviewInput = z.input<typeof rs.reviewBody>;

export function listReports(year: number): Promise<ReportList> {
  return api.get('/api/reports', { year });
}

export function getReport(orgId: number, year: number): Promise<ReportDetail> {
  return api.get(`/api/reports/${orgId}/${year}`);
}

export function saveManualFigures(
  orgId: number,
  year: number,
  body: ManualFiguresInput,
): Promise<z.infer<typeof s.ok>> {
  return api.put(`/api/reports/${orgId}/${year}/figures`, body);
}

export function saveNarrative(
  orgId: number,
  year: number,
  body: NarrativeInput,
): Promise<z.infer<typeof s.ok>> {
  return api.put(`/api/reports/${orgId}/${year}/narrative`, body);
}

export function transitionReport(
  orgId: number,
  year: number,
  action: Transition,
): Promise<z.infer<typeof s.stateResponse>> {
  return api.post(`/api/reports/${orgId}/${year}/${action}`);
}

/** 更正 of a published report: opens its next version as a draft, with the reason (更正说明). */
export function correctReport(
  orgId: number,
  year: number,
  reason: string,
): Promise<z.infer<typeof s.stateResponse>> {
  return api.post(`/api/reports/${orgId}/${year}/correct`, { reason });
}

export function addReview(body: ReviewInput): Promise<z.infer<typeof rs.registerReviewView>> {
  return api.post('/api/report-reviews', body);
}
