import { api, type ListResult } from './client.ts';

export interface AuditEntry {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  actorId?: number;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  /** ISO date YYYY-MM-DD, inclusive. */
  from?: string;
  /** ISO date YYYY-MM-DD, inclusive. */
  to?: string;
  page: number;
  pageSize: number;
}

export function listAudit(query: AuditQuery): Promise<ListResult<AuditEntry>> {
  return api.get('/api/audit', { ...query });
}
