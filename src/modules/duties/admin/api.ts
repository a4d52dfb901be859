// 日常工作台账: the four registers (src/modules/duties/api.ts).
import type { z } from 'zod';
import { api, postForm } from '../../../admin/api/client.ts';
import type * as s from '../api.schemas.ts';
import type { EditableRegister, ImportRegister, Register } from '../domain/registers.ts';

export type DutyRecord = z.infer<typeof s.recordView>;
export type DutyList = z.infer<typeof s.recordList>;
export type RecordBody = z.input<(typeof s.BODIES)[EditableRegister]>;
export type StatsTables = z.infer<typeof s.statsResponse>['tables'];

export function listRecords(register: Register, query: { year?: number; state?: string }): Promise<DutyList> {
  return api.get(`/api/duties/${register}`, query);
}

export function saveRecord(
  register: EditableRegister,
  id: number | null,
  body: RecordBody,
): Promise<DutyRecord> {
  return id === null
    ? api.post(`/api/duties/${register}`, body)
    : api.put(`/api/duties/${register}/${id}`, body);
}

export function importRecords(
  register: ImportRegister,
  file: File,
): Promise<z.infer<typeof s.importResponse>> {
  const form = new FormData();
  form.append('file', file);
  return postForm(`/api/duties/${register}/import`, form);
}

export function assignErrata(id: number, body: z.input<typeof s.assignBody>): Promise<DutyRecord> {
  return api.post(`/api/duties/errata/${id}/assign`, body);
}

export function answerErrata(id: number, body: z.input<typeof s.answerBody>): Promise<DutyRecord> {
  return api.post(`/api/duties/errata/${id}/answer`, body);
}

export function dutiesStats(year: number): Promise<z.infer<typeof s.statsResponse>> {
  return api.get('/api/duties/stats', { year });
}
