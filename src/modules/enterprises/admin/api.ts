// 政策找人: profiles, conditions, pushes, the funnel, packages (src/modules/enterprises/api.ts).
import type { z } from 'zod';
import { api, postForm } from '../../../admin/api/client.ts';
import type * as s from '../api.schemas.ts';

const base = '/api/enterprises';

export type Enterprise = z.infer<typeof s.enterpriseView>;
export type EnterpriseBody = z.input<typeof s.enterpriseBody>;
export type EnterpriseDetail = z.infer<typeof s.enterpriseDetail>;
export type Policy = z.infer<typeof s.policyView>;
export type Conditions = z.input<typeof s.conditions>;
export type Push = z.infer<typeof s.pushView>;
export type Funnel = z.infer<typeof s.funnelView>;
export type Package = z.infer<typeof s.packageView>;
export type PackageBody = z.input<typeof s.packageBody>;
export type Outcome = z.input<typeof s.outcomeBody>['outcome'];

export const listRegions = (): Promise<z.infer<typeof s.regionList>> => api.get(`${base}/regions`);
export const listEnterprises = (q: {
  q?: string;
  page?: number;
}): Promise<z.infer<typeof s.enterpriseList>> => api.get(base, q);
export const fetchEnterprise = (id: number): Promise<EnterpriseDetail> => api.get(`${base}/${id}`);
export const createEnterprise = (b: EnterpriseBody): Promise<Enterprise> => api.post(base, b);
export const updateEnterprise = (id: number, b: EnterpriseBody): Promise<Enterprise> =>
  api.put(`${base}/${id}`, b);
export function importEnterprises(file: File): Promise<{ imported: number }> {
  const form = new FormData();
  form.append('file', file, file.name);
  return postForm(`${base}/import`, form);
}

export const listPolicies = (): Promise<z.infer<typeof s.policyList>> => api.get(`${base}/policies`);
export const saveConditions = (documentId: number, conditions: Conditions, automatic: boolean) =>
  api.put(`${base}/policies/${documentId}`, { conditions, automatic });
export const pushPolicy = (documentId: number): Promise<z.infer<typeof s.pushResult>> =>
  api.post(`${base}/policies/${documentId}/push`);
export const pushHistory = (documentId: number): Promise<z.infer<typeof s.pushHistory>> =>
  api.get(`${base}/policies/${documentId}/pushes`);
export const recordOutcome = (pushId: number, outcome: Outcome) =>
  api.post(`${base}/pushes/${pushId}/outcome`, { outcome });

export const fetchFunnel = (year?: number): Promise<Funnel> => api.get(`${base}/funnel`, { year });
export const listPackages = (): Promise<z.infer<typeof s.packageList>> => api.get(`${base}/packages`);
export const createPackage = (b: PackageBody) => api.post(`${base}/packages`, b);
export const updatePackage = (id: number, b: PackageBody) => api.put(`${base}/packages/${id}`, b);
