// 机构、用户导入 and 机构维护 (src/modules/orgs/import.api.ts, upkeep.api.ts).
import type { z } from 'zod';
import type * as imp from '../../modules/orgs/import.schemas.ts';
import type * as up from '../../modules/orgs/upkeep.schemas.ts';
import { api, download, postForm } from './client.ts';

export type ImportReport = z.infer<typeof imp.importReport>;
export type ImportRow = z.infer<typeof imp.importRow>;
export type ImportKind = 'orgs' | 'users';
export type OrgRegisterView = z.infer<typeof up.orgRegisterView>;
export type MergeResult = z.infer<typeof up.mergeResponse>;
export type OrgReference = z.infer<typeof up.referencesResponse>['items'][number];

export const IMPORT_LABELS: Record<ImportKind, string> = { orgs: '机构', users: '用户' };

export function downloadImportTemplate(kind: ImportKind): Promise<void> {
  return download(`/api/${kind}/import/template`, `${IMPORT_LABELS[kind]}导入模板.xlsx`);
}

function fileForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file);
  return form;
}

/** Checks the file and lists every row's outcome; saves nothing. */
export function previewImport(kind: ImportKind, file: File): Promise<ImportReport> {
  return postForm(`/api/${kind}/import/preview`, fileForm(file));
}

/** Saves the whole file, or nothing when any row has an error. */
export function runImport(kind: ImportKind, file: File): Promise<ImportReport> {
  return postForm(`/api/${kind}/import`, fileForm(file));
}

export function renameOrg(id: number, body: z.input<typeof up.renameBody>): Promise<OrgRegisterView> {
  return api.post(`/api/orgs/${id}/rename`, body);
}

export function moveOrg(id: number, body: z.input<typeof up.moveBody>): Promise<OrgRegisterView> {
  return api.post(`/api/orgs/${id}/move`, body);
}

export function setOrgDisabled(id: number, disabled: boolean): Promise<OrgRegisterView> {
  return api.post(`/api/orgs/${id}/disabled`, { disabled });
}

export function mergeOrg(id: number, targetId: number): Promise<MergeResult> {
  return api.post(`/api/orgs/${id}/merge`, { targetId });
}

export async function orgReferences(id: number): Promise<OrgReference[]> {
  return (await api.get<z.infer<typeof up.referencesResponse>>(`/api/orgs/${id}/references`)).items;
}

export function deleteOrg(id: number): Promise<z.infer<typeof up.ok>> {
  return api.delete(`/api/orgs/${id}`);
}

/** A new password for a user: the given one, or a generated one returned this once. */
export function resetPassword(
  userId: number,
  password?: string,
): Promise<z.infer<typeof up.resetPasswordResponse>> {
  return api.post(`/api/users/${userId}/reset-password`, password ? { password } : {});
}
