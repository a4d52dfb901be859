import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.ts';

export type AuditFilter = {
  actorId?: number;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
  /**
   * Only what people of these organisations did (and sign-in events about their accounts); all when
   * absent. An administrator of a department reads its department's trail, not the platform's.
   */
  orgIds?: readonly number[];
};

/** A page of the audit trail, newest first. `to` is inclusive of that whole day. */
export async function listAudit(db: Kysely<Database>, f: AuditFilter) {
  let q = db.selectFrom('audit_log');
  if (f.actorId !== undefined) q = q.where('actor_id', '=', f.actorId);
  if (f.orgIds) {
    const ids = f.orgIds.length ? [...f.orgIds] : [-1];
    q = q.where((eb) =>
      eb.or([
        eb('actor_id', 'in', eb.selectFrom('users').select('id').where('org_id', 'in', ids)),
        eb.and([
          eb('actor_id', 'is', null),
          eb('subject_type', '=', 'user'),
          eb(
            'subject_id',
            'in',
            eb.selectFrom('users').select(sql<string>`id::text`.as('id')).where('org_id', 'in', ids),
          ),
        ]),
      ]),
    );
  }
  if (f.action) q = q.where('action', 'like', `%${f.action.replace(/[%_\\]/g, '\\$&')}%`);
  if (f.subjectType) q = q.where('subject_type', '=', f.subjectType);
  if (f.subjectId) q = q.where('subject_id', '=', f.subjectId);
  if (f.from) q = q.where('at', '>=', new Date(`${f.from}T00:00:00+08:00`));
  if (f.to) q = q.where('at', '<', new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 86_400_000));
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
