/**
 * 定期复审 of 依申请公开 / 不予公开 documents (条例第十八条) and the queue of historical documents whose
 * attribute was never determined. The queue is fed by the review interval (attribute_review_due) and
 * by the requests module's 转主动公开 queue: an application that released a document puts it in the
 * queue at once. The reviewer converts to 主动公开 or confirms; every decision is recorded.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { chinaToday } from '../../platform/time.ts';
import { findRequest, listReleaseQueue, RELEASE_STATUS_LABELS } from '../requests/index.ts';
import { docNumberKey } from './domain/doc-number.ts';
import { can } from './domain/policies.ts';
import { addMonths } from './domain/workflow.ts';
import { reindex } from './reindex.ts';
import { authorize, getSettings, loadForActor, presentListRow } from './service.ts';

type Db = Kysely<Database>;

const listColumns = [
  'd.id',
  'd.title',
  'd.doc_number',
  'd.index_number',
  'd.org_id',
  'o.name as org_name',
  'd.genre',
  'd.written_date',
  'd.published_date',
  'd.effective_date',
  'd.validity',
  'd.attribute',
  'd.status',
  'd.historical',
  'd.attribute_review_due',
  'd.converted_on',
] as const;

export type ReleaseLink = {
  entryId: number;
  requestId: number;
  caseNo: string;
  status: string;
  statusLabel: string;
};

/**
 * Applications in the requests module's 转主动公开 queue that name a document by its 文号 (the actor's
 * queue scope: an office its agencies, an administrator its subtree; others see none).
 */
async function releaseLinks(db: Db, actor: Actor): Promise<Map<string, ReleaseLink[]>> {
  const out = new Map<string, ReleaseLink[]>();
  if (!can(actor, 'release_queue')) return out;
  const { items } = await listReleaseQueue(db, actor, { page: 1, pageSize: 500 });
  for (const e of items) {
    if (e.status === 'rejected') continue;
    const req = await findRequest(db, e.requestId);
    const key = docNumberKey(req?.doc_number ?? null);
    if (!key) continue;
    const list = out.get(key) ?? [];
    list.push({
      entryId: e.id,
      requestId: e.requestId,
      caseNo: e.caseNo,
      status: e.status,
      statusLabel: RELEASE_STATUS_LABELS[e.status],
    });
    out.set(key, list);
  }
  return out;
}

/**
 * The review queue: withheld documents whose review is due by `today`, plus withheld documents an
 * application released (reason 'request'). Oldest due first.
 */
export async function attributeReviewQueue(db: Db, actor: Actor, today: string = chinaToday()) {
  const visible = [...(await authorize(db, actor, 'attribute_review'))];
  const links = await releaseLinks(db, actor);
  const keys = [...links.keys()];
  const rows = await db
    .selectFrom('documents as d')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .select([...listColumns, 'd.doc_number_key', 'd.attribute_ground', 'd.attribute_reason'])
    .where('d.org_id', 'in', visible.length ? visible : [-1])
    .where('d.attribute', 'in', ['on_request', 'not_public'])
    .where((eb) =>
      eb.or([
        eb('d.attribute_review_due', '<=', today),
        ...(keys.length > 0 ? [eb('d.doc_number_key', 'in', keys)] : []),
      ]),
    )
    .orderBy('d.attribute_review_due')
    .orderBy('d.id')
    .limit(1000)
    .execute();
  return {
    items: rows.map((r) => {
      const released = r.doc_number_key ? (links.get(r.doc_number_key) ?? []) : [];
      return {
        ...presentListRow(r),
        attributeGround: r.attribute_ground,
        attributeReason: r.attribute_reason,
        reason: released.length > 0 ? ('request' as const) : ('periodic' as const),
        reasonLabel: released.length > 0 ? '依申请公开后转主动公开' : '定期复审到期',
        releasedBy: released,
      };
    }),
  };
}

/** Historical documents whose disclosure attribute was never determined (attribute null). */
export async function undeterminedQueue(db: Db, actor: Actor, page = 1, pageSize = 50) {
  const visible = [...(await authorize(db, actor, 'attribute_review'))];
  const base = db
    .selectFrom('documents as d')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .where('d.org_id', 'in', visible.length ? visible : [-1])
    .where('d.attribute', 'is', null)
    .where('d.status', '=', 'published');
  const [rows, n] = await Promise.all([
    base
      .select([...listColumns])
      .orderBy('d.written_date')
      .orderBy('d.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(n.n), items: rows.map(presentListRow) };
}

/**
 * Decide a review: 'converted' makes the document 主动公开 (converted_on = today, published on the
 * portal if it was issued), 'confirmed' keeps the attribute and sets the next review date.
 */
export async function decideAttributeReview(
  db: Db,
  actor: Actor,
  id: number,
  v: { decision: 'converted' | 'confirmed'; notes?: string | null; source?: 'periodic' | 'request' },
  today: string = chinaToday(),
) {
  await loadForActor(db, actor, id, 'attribute_review');
  const { reviewIntervalMonths } = await getSettings(db);
  const notes = v.notes?.trim() ?? '';
  if (v.decision === 'confirmed' && notes === '')
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'notes', message: '维持原公开属性的，请说明理由' }]);
  return inTransaction(db, async (tx) => {
    const row = await tx
      .selectFrom('documents')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (row.attribute !== 'on_request' && row.attribute !== 'not_public')
      throw new AppError('DOC_ATTRIBUTE_REVIEW_INVALID');
    const converted = v.decision === 'converted';
    const updated = await tx
      .updateTable('documents')
      .set(
        converted
          ? {
              attribute: 'proactive',
              attribute_ground: null,
              attribute_reason: null,
              converted_on: today,
              attribute_review_due: null,
              updated_at: new Date(),
            }
          : { attribute_review_due: addMonths(today, reviewIntervalMonths), updated_at: new Date() },
      )
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const review = await tx
      .insertInto('document_attribute_reviews')
      .values({
        document_id: id,
        decision: v.decision,
        reviewer_id: actor.id,
        notes,
        source: v.source ?? 'periodic',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorId: actor.id,
      action: `document.attribute_${v.decision}`,
      subjectType: 'document',
      subjectId: id,
      before: { attribute: row.attribute, ground: row.attribute_ground, reviewDue: row.attribute_review_due },
      after: {
        attribute: updated.attribute,
        convertedOn: updated.converted_on,
        reviewDue: updated.attribute_review_due,
        notes,
      },
    });
    await reindex(tx, id);
    return {
      id: review.id,
      documentId: id,
      decision: review.decision,
      notes: review.notes,
      source: review.source,
      attribute: updated.attribute,
      convertedOn: updated.converted_on,
      attributeReviewDue: updated.attribute_review_due,
    };
  });
}

/** Documents converted to 主动公开 (listed together on the portal): public, newest conversion first. */
export async function listConverted(db: Db, f: { orgId?: number; page: number; pageSize: number }) {
  let base = db
    .selectFrom('documents as d')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .where('d.converted_on', 'is not', null)
    .where('d.attribute', '=', 'proactive')
    .where('d.status', '=', 'published');
  if (f.orgId) base = base.where('d.org_id', '=', f.orgId);
  const [rows, n] = await Promise.all([
    base
      .select([...listColumns])
      .orderBy('d.converted_on', 'desc')
      .orderBy('d.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(n.n), items: rows.map(presentListRow) };
}
