// 审计日志 (src/modules/orgs/api.ts, /api/audit).
import type { z } from 'zod';
import type * as s from '../../modules/orgs/api.schemas.ts';
import { api, type Input } from './client.ts';

export type AuditEntry = z.infer<typeof s.auditEntry>;
export type AuditList = z.infer<typeof s.auditList>;

/** Dates are YYYY-MM-DD, both inclusive. */
export type AuditQuery = Input<typeof s.auditQuery>;

export function listAudit(query: AuditQuery): Promise<AuditList> {
  return api.get('/api/audit', { ...query });
}

export type AuditNames = z.infer<typeof s.auditNames>;

export function auditNames(): Promise<AuditNames> {
  return api.get('/api/audit/names');
}
