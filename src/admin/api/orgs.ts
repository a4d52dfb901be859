// 组织机构: the organisation tree (src/modules/orgs/api.ts, /api/orgs).
import type { z } from 'zod';
import type * as s from '../../modules/orgs/api.schemas.ts';
import { api } from './client.ts';

export type Org = z.infer<typeof s.orgView>;

export type OrgInput = z.input<typeof s.orgCreateBody>;
export type OrgPatch = z.input<typeof s.orgPatchBody>;
export type Receivers = z.infer<typeof s.receiversResponse>;

/** The agencies that accept applications but have nobody of their own, with who receives for them. */
export function listReceivers(): Promise<Receivers> {
  return api.get('/api/orgs/receivers');
}

export function listOrgs(): Promise<z.infer<typeof s.orgList>> {
  return api.get('/api/orgs');
}

export function createOrg(input: OrgInput): Promise<Org> {
  return api.post('/api/orgs', input);
}

export function updateOrg(id: number, input: OrgPatch): Promise<Org> {
  return api.patch(`/api/orgs/${id}`, input);
}
