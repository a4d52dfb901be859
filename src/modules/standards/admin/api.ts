// The standards module's calls (src/modules/standards/api.ts).
import type { z } from 'zod';
import { api, postForm } from '../../../admin/api/client.ts';
import type * as s from '../api.schemas.ts';

export type ItemView = z.infer<typeof s.itemView>;
export type ItemBody = z.input<typeof s.itemBody>;
export type NoticeView = z.infer<typeof s.noticeView>;
export type NoticeBody = z.input<typeof s.noticeBody>;
export type PostingBody = z.input<typeof s.postingBody>;
type Options = z.infer<typeof s.columnOptions>;

export const listManagedOrgs = (): Promise<Options> => api.get('/api/standards/orgs');
export const listItems = (orgId?: number): Promise<z.infer<typeof s.itemList>> =>
  api.get('/api/standards/items', orgId ? { orgId } : {});
export const listColumns = (orgId: number): Promise<Options> => api.get(`/api/standards/columns/${orgId}`);
export const createItem = (b: ItemBody): Promise<ItemView> => api.post('/api/standards/items', b);
export const updateItem = (id: number, b: ItemBody): Promise<ItemView> =>
  api.put(`/api/standards/items/${id}`, b);
export const deleteItem = (id: number) => api.delete(`/api/standards/items/${id}`);

export function importItems(
  orgId: number,
  area: string,
  file: File,
): Promise<z.infer<typeof s.importResult>> {
  const form = new FormData();
  form.append('file', file, file.name);
  return postForm(`/api/standards/import?orgId=${orgId}&area=${encodeURIComponent(area)}`, form);
}

export const listNotices = (): Promise<z.infer<typeof s.noticeList>> => api.get('/api/targeted');
export const fetchNotice = (id: number): Promise<NoticeView> => api.get(`/api/targeted/${id}`);
export const createNotice = (b: NoticeBody): Promise<NoticeView> => api.post('/api/targeted', b);
export const publishNotice = (id: number): Promise<NoticeView> => api.post(`/api/targeted/${id}/publish`);
export const withdrawNotice = (id: number, reason: string): Promise<NoticeView> =>
  api.post(`/api/targeted/${id}/withdraw`, { reason });
export const addPosting = (id: number, b: PostingBody): Promise<NoticeView> =>
  api.post(`/api/targeted/${id}/postings`, b);

export function uploadList(id: number, file: File): Promise<NoticeView> {
  const form = new FormData();
  form.append('file', file, file.name);
  return postForm(`/api/targeted/${id}/list`, form);
}
