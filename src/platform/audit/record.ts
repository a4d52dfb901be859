import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { notePublicChange } from '../http/page-cache-versions.ts';

export type AuditEntry = {
  actorId: number | null;
  action: string;
  subjectType: string;
  subjectId: string | number | null;
  before?: unknown;
  after?: unknown;
};

const SECRET_KEYS = new Set(['password', 'password_hash', 'passwordHash', 'token', 'token_hash']);

/** Drop secrets from a snapshot before it is written to the audit trail. */
function redact(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.has(k) ? '[已隐藏]' : redact(v);
    return out;
  }
  return value;
}

/**
 * Record one audited write. Call it with the transaction that made the change, so the change and
 * its audit row commit or roll back together.
 */
export async function recordAudit(tx: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subjectType,
      subject_id: entry.subjectId === null ? null : String(entry.subjectId),
      before: entry.before === undefined ? null : JSON.stringify(redact(entry.before)),
      after: entry.after === undefined ? null : JSON.stringify(redact(entry.after)),
    })
    .execute();
  // The public pages this write changes are refreshed once it committed (page-cache-versions.ts).
  notePublicChange(entry);
}
