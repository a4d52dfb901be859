// 政策问答: the ask tester and rebuilding the index (src/modules/qa/api.ts).
import type { z } from 'zod';
import { api, postForm } from '../../../admin/api/client.ts';
import type * as s from '../api.schemas.ts';

export type AskResult = z.infer<typeof s.askResult>;
export type IndexReport = z.infer<typeof s.indexReport>;

export function askQuestion(body: z.input<typeof s.askBody>): Promise<AskResult> {
  return api.post('/api/qa/ask', body);
}

export function reindex(): Promise<IndexReport> {
  return api.post('/api/qa/reindex');
}

export type Pair = z.infer<typeof s.pairView>;
export type PairInput = z.input<typeof s.pairBody>;

export function listPairs(status?: Pair['status']): Promise<z.infer<typeof s.pairList>> {
  return api.get('/api/qa/pairs', { status });
}

export function createPair(body: PairInput): Promise<Pair> {
  return api.post('/api/qa/pairs', body);
}

export function updatePair(id: number, body: PairInput): Promise<Pair> {
  return api.put(`/api/qa/pairs/${id}`, body);
}

export function actOnPair(id: number, action: 'submit' | 'approve' | 'return'): Promise<Pair> {
  return api.post(`/api/qa/pairs/${id}/${action}`);
}

// 政策问答转办 and 咨询记录 (src/modules/qa/api.ts qaRoutingApi).

export type Routed = z.infer<typeof s.routedView>;
export type RoutedList = z.infer<typeof s.routedList>;

export function listRouted(query: { status?: Routed['status']; overdue?: boolean }): Promise<RoutedList> {
  return api.get('/api/qa/routed', { status: query.status, overdue: query.overdue ? 'true' : undefined });
}

export function assignRouted(id: number, orgId: number): Promise<Routed> {
  return api.post(`/api/qa/routed/${id}/assign`, { orgId } satisfies z.input<typeof s.assignBody>);
}

export function answerRouted(id: number, body: z.input<typeof s.routedAnswerBody>): Promise<Routed> {
  return api.post(`/api/qa/routed/${id}/answer`, body);
}

export function reviewRouted(id: number, body: z.input<typeof s.reviewBody>): Promise<Routed> {
  return api.post(`/api/qa/routed/${id}/review`, body);
}

export type RoutedSettings = z.infer<typeof s.routedSettings>;

export function getRoutedSettings(): Promise<RoutedSettings> {
  return api.get('/api/qa/routed-settings');
}

export function saveRoutedSettings(body: RoutedSettings): Promise<RoutedSettings> {
  return api.put('/api/qa/routed-settings', body);
}

export type Consultation = z.infer<typeof s.consultationView>;
export type ConsultationQuery = z.input<typeof s.consultationQuery>;
export type Insights = z.infer<typeof s.consultationInsights>;

export function listConsultations(query: ConsultationQuery): Promise<z.infer<typeof s.consultationList>> {
  return api.get('/api/qa/consultations', query);
}

export function consultationInsights(query: ConsultationQuery): Promise<Insights> {
  return api.get('/api/qa/consultations/insights', query);
}

export function createConsultation(body: z.input<typeof s.consultationBody>): Promise<Consultation> {
  return api.post('/api/qa/consultations', body);
}

export function importConsultations(file: File): Promise<z.infer<typeof s.importResult>> {
  const form = new FormData();
  form.append('file', file);
  return postForm('/api/qa/consultations/import', form);
}

export function suggestPair(body: z.input<typeof s.suggestBody>): Promise<Pair> {
  return api.post('/api/qa/consultations/suggest', body);
}
