import { api, type ListResult } from './client.ts';

export type OrgKind = 'government' | 'department' | 'county' | 'town';

export interface Org {
  id: number;
  parentId: number | null;
  name: string;
  kind: OrgKind;
  code: string | null;
  sortOrder: number;
}

export interface OrgInput {
  name: string;
  kind: OrgKind;
  parentId: number | null;
  code: string | null;
  sortOrder: number;
}

export function listOrgs(): Promise<ListResult<Org>> {
  return api.get('/api/orgs');
}

export function createOrg(input: OrgInput): Promise<Org> {
  return api.post('/api/orgs', input);
}

export function updateOrg(id: number, input: Partial<OrgInput>): Promise<Org> {
  return api.patch(`/api/orgs/${id}`, input);
}
