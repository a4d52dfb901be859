/** 协助调查/会商 tasks, the case's assistance card, saved workbench views (常用筛选), answer uploads. */
import type { z } from 'zod';
import type * as s from '../../modules/requests/api.schemas.ts';
import { ASSIST_KIND_LABELS, ASSIST_KINDS } from '../../modules/requests/domain/stages.ts';
import { api, postForm } from './client.ts';

export type AssistanceItem = z.infer<typeof s.assistanceItem>;
/** Which assistance requests a list shows: open, answered or all. */
export type AssistanceStatus = z.infer<typeof s.assistanceQuery>['status'];

export const ASSIST_KIND_OPTIONS = ASSIST_KINDS.map((value) => ({ value, label: ASSIST_KIND_LABELS[value] }));

export function listMyAssistance(q: {
  status: AssistanceStatus;
  page: number;
  pageSize: number;
}): Promise<z.infer<typeof s.assistanceListResponse>> {
  return api.get('/api/requests/assistance', q);
}

export async function listCaseAssistance(requestId: number): Promise<AssistanceItem[]> {
  return (await api.get<z.infer<typeof s.caseAssistanceResponse>>(`/api/requests/${requestId}/assistance`))
    .items;
}

export function answerAssistance(
  id: number,
  body: { text: string; fileIds: number[] },
): Promise<AssistanceItem> {
  return api.post(`/api/requests/assistance/${id}/reply`, body);
}

export function assistanceFileUrl(id: number, fileId: number): string {
  return `/api/requests/assistance/${id}/files/${fileId}`;
}

/** Uploads files (POST /api/files, multipart with the CSRF token); their ids go into the answer. */
export async function uploadAnswerFiles(files: File[]): Promise<{ id: number; name: string }[]> {
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  const { items } = await postForm<{ items: { id: number; name: string }[] }>('/api/files', form);
  return items;
}

/** The workbench filters a saved view holds (the list's query parameters). */
export type ViewFilter = z.input<typeof s.viewFilter>;
export type SavedView = z.infer<typeof s.savedView>;

export async function listSavedViews(): Promise<SavedView[]> {
  return (await api.get<z.infer<typeof s.savedViewsResponse>>('/api/requests/views')).items;
}

export function createSavedView(name: string, filter: ViewFilter): Promise<SavedView> {
  return api.post('/api/requests/views', { name, filter });
}

export function updateSavedView(
  id: number,
  patch: { name?: string; filter?: ViewFilter },
): Promise<SavedView> {
  return api.patch(`/api/requests/views/${id}`, patch);
}

export function deleteSavedView(id: number): Promise<z.infer<typeof s.ok>> {
  return api.delete(`/api/requests/views/${id}`);
}
