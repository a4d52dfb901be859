/**
 * 转主动公开 queue (条例第四十四条): a replied application whose information was disclosed (予以公开 or
 * 部分公开) may be proposed for proactive publication — by the disclosure office or the case's handler —
 * and the disclosure office of the agency decides: published (已转主动公开) or rejected (不予转入).
 * One entry per application; every write is audited in its transaction.
 */
import type { Generated, Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { kaseOf, loadCaseActor, refusal } from './case-actor.ts';
import { OUTCOMES, type OutcomeCode } from './domain/outcomes.ts';
import { can, releaseQueueScope } from './domain/policies.ts';
import { RELEASABLE_OUTCOMES, type ReleaseStatus } from './domain/release.ts';
import { isRepliedStage, STAGE_LABELS, type Stage } from './domain/stages.ts';
import { findRequest, lockRequest } from './store.ts';

export interface RequestReleaseQueueTable {
  id: Generated<number>;
  request_id: number;
  flagged_by: number | null;
  flagged_at: Generated<Date>;
  /** Why the application is proposed (the flagger's note). */
  note: string | null;
  status: Generated<string>;
  decided_by: number | null;
  decided_at: Date | null;
  /** The decision's note. */
  decision_note: string | null;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    request_release_queue: RequestReleaseQueueTable;
  }
}

type Db = Kysely<Database>;

const ACTION_LABEL = '转主动公开';

export type ReleaseEntry = {
  id: number;
  requestId: number;
  caseNo: string;
  subject: string;
  outcome: string | null;
  orgId: number;
  orgName: string;
  unitName: string | null;
  status: ReleaseStatus;
  note: string | null;
  flaggedBy: string | null;
  flaggedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
};

function entriesQuery(db: Db) {
  return db
    .selectFrom('request_release_queue as q')
    .innerJoin('requests as r', 'r.id', 'q.request_id')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .leftJoin('orgs as u', 'u.id', 'r.unit_id')
    .leftJoin('users as f', 'f.id', 'q.flagged_by')
    .leftJoin('users as d', 'd.id', 'q.decided_by')
    .select([
      'q.id',
      'q.request_id',
      'r.case_no',
      'r.subject',
      'r.outcome',
      'r.org_id',
      'o.name as org_name',
      'u.name as unit_name',
      'q.status',
      'q.note',
      'f.display_name as flagged_by_name',
      'q.flagged_at',
      'd.display_name as decided_by_name',
      'q.decided_at',
      'q.decision_note',
    ]);
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof entriesQuery>['executeTakeFirstOrThrow']>>;

function present(r: EntryRow): ReleaseEntry {
  return {
    id: r.id,
    requestId: r.request_id,
    caseNo: r.case_no ?? '',
    subject: r.subject,
    outcome: r.outcome,
    orgId: r.org_id,
    orgName: r.org_name,
    unitName: r.unit_name ?? null,
    status: r.status as ReleaseStatus,
    note: r.note,
    flaggedBy: r.flagged_by_name ?? null,
    flaggedAt: r.flagged_at.toISOString(),
    decidedBy: r.decided_by_name ?? null,
    decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
    decisionNote: r.decision_note,
  };
}

/** Propose a replied, disclosed application for proactive publication: the office or the case's handler. */
export async function flagForRelease(
  db: Db,
  actor: Actor,
  requestId: number,
  note: string | null,
): Promise<ReleaseEntry> {
  const a = await loadCaseActor(db, actor);
  const before = await findRequest(db, requestId);
  if (!before) throw new AppError('NOT_FOUND');
  // Those who may reply to the case (the office of the agency, the assigned unit's handlers) may propose it.
  if (!can(a, 'release-flag', kaseOf(before))) throw refusal(a, kaseOf(before));
  const id = await inTransaction(db, async (tx) => {
    const row = await lockRequest(tx, requestId);
    if (!row) throw new AppError('NOT_FOUND');
    if (!can(a, 'release-flag', kaseOf(row))) throw new AppError('FORBIDDEN');
    if (row.imported) throw new AppError('REQUEST_IMPORTED_READ_ONLY');
    if (!isRepliedStage(row.stage)) {
      throw new AppError('CASE_ACTION_NOT_ALLOWED', {
        stageLabel: STAGE_LABELS[row.stage as Stage] ?? row.stage,
        actionLabel: ACTION_LABEL,
      });
    }
    if (!RELEASABLE_OUTCOMES.includes(row.outcome as OutcomeCode)) {
      const label = OUTCOMES[row.outcome as OutcomeCode]?.label ?? row.outcome ?? '';
      throw new AppError('CASE_ACTION_NOT_ALLOWED', {
        stageLabel: `${STAGE_LABELS[row.stage as Stage]}，处理结果为“${label}”，只有予以公开、部分公开的可以转主动公开`,
        actionLabel: ACTION_LABEL,
      });
    }
    const existing = await tx
      .selectFrom('request_release_queue')
      .select('id')
      .where('request_id', '=', requestId)
      .executeTakeFirst();
    if (existing) throw new AppError('DUPLICATE', { what: '该申请的转主动公开建议' });
    const entry = await tx
      .insertInto('request_release_queue')
      .values({ request_id: requestId, flagged_by: actor.id, note })
      .returning(['id', 'status'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'request.release_flag',
      subjectType: 'request',
      subjectId: requestId,
      after: { entryId: entry.id, status: entry.status, note, caseNo: row.case_no, outcome: row.outcome },
    });
    return entry.id;
  });
  return present(await entriesQuery(db).where('q.id', '=', id).executeTakeFirstOrThrow());
}

export async function listReleaseQueue(
  db: Db,
  actor: Actor,
  f: { status?: ReleaseStatus; page: number; pageSize: number },
): Promise<{ items: ReleaseEntry[]; total: number }> {
  const a = await loadCaseActor(db, actor);
  if (!can(a, 'see-release-queue')) throw new AppError('FORBIDDEN');
  const orgIds = releaseQueueScope(a);
  if (orgIds.length === 0) return { items: [], total: 0 };
  let q = entriesQuery(db).where('r.org_id', 'in', orgIds);
  if (f.status) q = q.where('q.status', '=', f.status);
  let count = db
    .selectFrom('request_release_queue as q')
    .innerJoin('requests as r', 'r.id', 'q.request_id')
    .where('r.org_id', 'in', orgIds);
  if (f.status) count = count.where('q.status', '=', f.status);
  const [rows, total] = await Promise.all([
    q
      .orderBy('q.flagged_at', 'desc')
      .orderBy('q.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    count.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(present), total: Number(total.n) };
}

/** The office of the case's agency publishes the information proactively, or declines to. */
export async function decideRelease(
  db: Db,
  actor: Actor,
  entryId: number,
  decision: { status: Exclude<ReleaseStatus, 'pending'>; note: string | null },
): Promise<ReleaseEntry> {
  const a = await loadCaseActor(db, actor);
  const target = await db
    .selectFrom('request_release_queue as q')
    .innerJoin('requests as r', 'r.id', 'q.request_id')
    .select(['r.org_id', 'r.unit_id', 'r.handler_id'])
    .where('q.id', '=', entryId)
    .executeTakeFirst();
  if (!target) throw new AppError('NOT_FOUND');
  if (!can(a, 'release-decide', kaseOf(target))) throw refusal(a, kaseOf(target));
  await inTransaction(db, async (tx) => {
    const entry = await tx
      .selectFrom('request_release_queue as q')
      .innerJoin('requests as r', 'r.id', 'q.request_id')
      .select(['q.id', 'q.request_id', 'q.status', 'r.org_id', 'r.unit_id', 'r.handler_id', 'r.case_no'])
      .where('q.id', '=', entryId)
      .forUpdate('q')
      .executeTakeFirst();
    if (!entry) throw new AppError('NOT_FOUND');
    if (!can(a, 'release-decide', kaseOf(entry))) throw new AppError('FORBIDDEN');
    if (entry.status !== 'pending') throw new AppError('CONFLICT');
    await tx
      .updateTable('request_release_queue')
      .set({
        status: decision.status,
        decided_by: actor.id,
        decided_at: new Date(),
        decision_note: decision.note,
      })
      .where('id', '=', entryId)
      .execute();
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'request.release_decide',
      subjectType: 'request',
      subjectId: entry.request_id,
      before: { entryId, status: entry.status },
      after: { entryId, status: decision.status, note: decision.note, caseNo: entry.case_no },
    });
  });
  return present(await entriesQuery(db).where('q.id', '=', entryId).executeTakeFirstOrThrow());
}
