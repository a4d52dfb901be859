// The registers behind the annual report: 复议诉讼登记 and 投诉举报登记 (src/modules/reports/registers/api.ts).
import type { z } from 'zod';
import type * as s from '../../modules/reports/registers/api.schemas.ts';
import { api, download, type Input, postForm } from './client.ts';

export type RegisterReview = z.infer<typeof s.registerReviewView>;
export type RegisterReviewInput = z.input<typeof s.reviewBody>;
export type ReviewsQuery = Input<typeof s.reviewsQuery>;
export type Complaint = z.infer<typeof s.complaintView>;
export type ComplaintInput = z.input<typeof s.complaintBody>;
export type ComplaintStepInput = z.input<typeof s.complaintStepBody>;
export type ComplaintsQuery = Input<typeof s.complaintsQuery>;
type Ok = z.infer<typeof s.ok>;

export async function listRegisterReviews(q: ReviewsQuery): Promise<RegisterReview[]> {
  return (await api.get<z.infer<typeof s.reviewsResponse>>('/api/report-reviews', q)).items;
}
export function createRegisterReview(body: RegisterReviewInput): Promise<RegisterReview> {
  return api.post('/api/report-reviews', body);
}
export function updateRegisterReview(id: number, body: RegisterReviewInput): Promise<RegisterReview> {
  return api.put(`/api/report-reviews/${id}`, body);
}
export function deleteRegisterReview(id: number): Promise<Ok> {
  return api.delete(`/api/report-reviews/${id}`);
}
export function downloadDecision(id: number, name: string): Promise<void> {
  return download(`/api/report-reviews/${id}/file`, name);
}

/** Uploads the decision document (POST /api/files); its id goes into the entry. */
export async function uploadDecision(file: File): Promise<{ id: number; name: string }> {
  const form = new FormData();
  form.append('file', file, file.name);
  const { items } = await postForm<{ items: { id: number; name: string }[] }>('/api/files', form);
  const first = items[0];
  if (!first) throw new Error('upload returned no file');
  return first;
}

export async function listComplaints(q: ComplaintsQuery): Promise<Complaint[]> {
  return (await api.get<z.infer<typeof s.complaintsResponse>>('/api/complaints', q)).items;
}
export function createComplaint(body: ComplaintInput): Promise<Complaint> {
  return api.post('/api/complaints', body);
}
export function updateComplaint(id: number, body: ComplaintInput): Promise<Complaint> {
  return api.put(`/api/complaints/${id}`, body);
}
export function stepComplaint(id: number, body: ComplaintStepInput): Promise<Complaint> {
  return api.post(`/api/complaints/${id}/steps`, body);
}
export function deleteComplaint(id: number): Promise<Ok> {
  return api.delete(`/api/complaints/${id}`);
}

export type ComplaintSettings = z.infer<typeof s.complaintSettings>;
export function getComplaintSettings(): Promise<ComplaintSettings> {
  return api.get('/api/complaint-settings');
}
export function saveComplaintSettings(body: ComplaintSettings): Promise<ComplaintSettings> {
  return api.put('/api/complaint-settings', body);
}
