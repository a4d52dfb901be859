// The decisions module's calls (src/modules/decisions/api.ts).
import type { z } from 'zod';
import { api, postForm } from '../../../admin/api/client.ts';
import type * as s from '../api.schemas.ts';

export type ConsultationView = z.infer<typeof s.consultationView>;
export type ConsultationDetail = z.infer<typeof s.consultationDetail>;
export type CommentView = z.infer<typeof s.commentView>;
export type GroupView = z.infer<typeof s.groupView>;
export type ConsultationBody = z.input<typeof s.consultationBody>;
export type ConsultationUpdateBody = z.input<typeof s.consultationUpdateBody>;
export type EnterCommentBody = z.input<typeof s.enterCommentBody>;
export type ModerateBody = z.input<typeof s.moderateBody>;
export type FeedbackBody = z.input<typeof s.feedbackBody>;
type Detail = Promise<ConsultationDetail>;
const base = '/api/decisions';

export const listConsultations = (): Promise<z.infer<typeof s.consultationList>> =>
  api.get(`${base}/consultations`);
export const listManagedOrgs = (): Promise<z.infer<typeof s.orgOptions>> => api.get(`${base}/orgs`);
export const fetchConsultation = (id: number): Detail => api.get(`${base}/consultations/${id}`);
export const createConsultation = (b: ConsultationBody): Detail => api.post(`${base}/consultations`, b);
export const updateConsultation = (id: number, b: ConsultationUpdateBody): Detail =>
  api.put(`${base}/consultations/${id}`, b);
export const publishConsultation = (id: number): Detail => api.post(`${base}/consultations/${id}/publish`);
export const closeConsultation = (id: number): Detail => api.post(`${base}/consultations/${id}/close`);
export const enterComment = (id: number, b: EnterCommentBody): Detail =>
  api.post(`${base}/consultations/${id}/comments`, b);
export const moderateComment = (id: number, b: ModerateBody) =>
  api.post(`${base}/comments/${id}/moderate`, b);
export const regroup = (id: number): Promise<{ groups: number }> =>
  api.post(`${base}/consultations/${id}/regroup`);
export const splitComment = (id: number) => api.post(`${base}/comments/${id}/split`);
export const mergeGroups = (id: number, into: number, from: number) =>
  api.post(`${base}/consultations/${id}/merge`, { into, from });
export const setFeedback = (id: number, b: FeedbackBody) => api.post(`${base}/comments/${id}/feedback`, b);
export const publishFeedback = (id: number, summary: string): Detail =>
  api.post(`${base}/consultations/${id}/feedback`, { summary });

export function importComments(id: number, file: File): Promise<{ imported: number }> {
  const form = new FormData();
  form.append('file', file, file.name);
  return postForm(`${base}/consultations/${id}/import`, form);
}

export type SettingsView = z.infer<typeof s.settingsView>;
export const fetchSettings = (): Promise<SettingsView> => api.get(`${base}/settings`);
export const saveSettings = (feedbackWorkingDays: number): Promise<SettingsView> =>
  api.put(`${base}/settings`, { feedbackWorkingDays });

export type ItemView = z.infer<typeof s.itemView>;
export type ItemDetail = z.infer<typeof s.itemDetail>;
export type ItemBody = z.input<typeof s.itemBody>;
export type StepBody = z.input<typeof s.stepBody>;
export type ItemUpdateBody = z.input<typeof s.itemUpdateBody>;
export const updateItem = (id: number, b: ItemUpdateBody): Promise<ItemDetail> =>
  api.put(`${base}/items/${id}`, b);
export const listItems = (year: number): Promise<z.infer<typeof s.itemList>> =>
  api.get(`${base}/items`, { year });
export const fetchItem = (id: number): Promise<ItemDetail> => api.get(`${base}/items/${id}`);
export const createItem = (b: ItemBody): Promise<ItemDetail> => api.post(`${base}/items`, b);
export const recordStep = (id: number, b: StepBody): Promise<ItemDetail> =>
  api.post(`${base}/items/${id}/steps`, b);
export const decideItem = (id: number): Promise<ItemDetail> => api.post(`${base}/items/${id}/decide`);

// Hearings, meetings with public representatives, open days and policy evaluations.
import type * as p from '../participation.schemas.ts';

export type EventView = z.infer<typeof p.eventView>;
export type EventDetail = z.infer<typeof p.eventDetail>;
export type EventBody = z.input<typeof p.eventBody>;
export type EventUpdateBody = z.input<typeof p.eventUpdateBody>;
export type EvaluationView = z.infer<typeof p.evaluationView>;
export type EvaluationBody = z.input<typeof p.evaluationBody>;
type EventAnswer = Promise<EventDetail>;
export const listEvents = (): Promise<z.infer<typeof p.eventList>> => api.get(`${base}/events`);
export const fetchEvent = (id: number): EventAnswer => api.get(`${base}/events/${id}`);
export const createEvent = (b: EventBody): EventAnswer => api.post(`${base}/events`, b);
export const updateEvent = (id: number, b: EventUpdateBody): EventAnswer =>
  api.put(`${base}/events/${id}`, b);
export const publishEvent = (id: number): EventAnswer => api.post(`${base}/events/${id}/publish`);
export const drawEvent = (id: number, seed: string | null): EventAnswer =>
  api.post(`${base}/events/${id}/draw`, { seed });
export const selectParticipants = (id: number, signupIds: number[]): EventAnswer =>
  api.post(`${base}/events/${id}/select`, { signupIds });
export const publishList = (id: number): EventAnswer => api.post(`${base}/events/${id}/list`);
export const saveOpinion = (signupId: number, opinion: string, answer: string): EventAnswer =>
  api.post(`${base}/signups/${signupId}/opinion`, { opinion, answer });
export const listEvaluations = (): Promise<z.infer<typeof p.evaluationList>> =>
  api.get(`${base}/evaluations`);
export const createEvaluation = (b: EvaluationBody): Promise<z.infer<typeof p.evaluationList>> =>
  api.post(`${base}/evaluations`, b);
export type TargetsBody = z.input<typeof p.targetsBody>;
export type TargetsProgress = z.infer<typeof p.targetsProgress>;
export const fetchTargetsProgress = (year: number): Promise<TargetsProgress> =>
  api.get(`${base}/targets/progress`, { year });
export const saveTargets = (b: TargetsBody): Promise<z.infer<typeof p.targetsView>> =>
  api.put(`${base}/targets`, b);
