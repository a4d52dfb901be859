/** 协助调查/会商 tasks, the case's assistance card, saved workbench views (常用筛选), answer uploads. */
import { api, type ListResult, postForm } from './client.ts';

export interface AssistanceItem {
  id: number;
  assistanceId: string;
  requestId: number;
  caseNo: string | null;
  subject: string;
  description: string | null;
  kind: string;
  kindLabel: string;
  question: string;
  fromName: string;
  unitId: number;
  unitName: string;
  askedOn: string;
  askedByName: string | null;
  dueOn: string;
  status: 'open' | 'answered';
  overdue: boolean;
  replyText: string | null;
  repliedOn: string | null;
  repliedByName: string | null;
  files: { id: number; name: string; size: number }[];
  canAnswer: boolean;
}

export type AssistanceStatus = 'open' | 'answered' | 'all';

export const ASSIST_KIND_OPTIONS = [
  { value: 'investigation', label: '协助调查' },
  { value: 'meeting', label: '会商' },
];

export function listMyAssistance(q: {
  status: AssistanceStatus;
  page: number;
  pageSize: number;
}): Promise<ListResult<AssistanceItem> & { open: number; overdue: number }> {
  return api.get('/api/requests/assistance', q);
}

export async function listCaseAssistance(requestId: number): Promise<AssistanceItem[]> {
  return (await api.get<{ items: AssistanceItem[] }>(`/api/requests/${requestId}/assistance`)).items;
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
export interface ViewFilter {
  stage?: string;
  unitId?: number;
  overdue?: boolean;
  paused?: boolean;
  dueWithin?: number;
  q?: string;
  assistance?: AssistanceStatus;
}

export interface SavedView {
  id: number;
  name: string;
  filter: ViewFilter;
  createdAt: string;
  updatedAt: string;
}

export async function listSavedViews(): Promise<SavedView[]> {
  return (await api.get<{ items: SavedView[] }>('/api/requests/views')).items;
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

export function deleteSavedView(id: number): Promise<{ ok: true }> {
  return api.delete(`/api/requests/views/${id}`);
}
