// 审计日志 (src/modules/orgs/api.ts, /api/audit).
import type { z } from 'zod';
import type * as s from '../../modules/orgs/api.schemas.ts';
import { api } from './client.ts';

export type AuditEntry = z.infer<typeof s.auditEntry>;
export type AuditList = z.infer<typeof s.auditList>;

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

export function listAudit(query: AuditQuery): Promise<AuditList> {
  return api.get('/api/audit', { ...query });
}
