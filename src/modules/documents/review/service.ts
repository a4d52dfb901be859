/**
 * 定期复审 of 依申请公开 / 不予公开 documents (条例第十八条) and the queue of historical documents whose
 * attribute was never determined. The queue is fed by the review interval (attribute_review_due) and
 * by the requests module's 转主动公开 queue: an application that released a document puts it in the
 * queue at once. The reviewer converts to 主动公开 or confirms; every decision is recorded.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/session.ts';
import { chinaToday } from '../../../platform/time.ts';
import { findRequest, listReleaseQueue, RELEASE_STATUS_LABELS } from '../../requests/index.ts';
import { docNumberKey } from '../domain/doc-number.ts';
import { can } from '../domain/policies.ts';
import { addMonths } from '../domain/workflow.ts';
import { presentListRow } from '../present.ts';
import { reindex } from '../search/reindex.ts';
import { authorize, getSettings, loadForActor } from '../service.ts';
import { lockDocument, updateDocument } from '../store.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

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
  const rows = await store.reviewQueue(db, { orgIds: visible, today, docNumberKeys: [...links.keys()] });
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
  const { rows, total } = await store.undeterminedDocuments(db, { orgIds: visible, page, pageSize });
  return { total, items: rows.map(presentListRow) };
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
    const row = await lockDocument(tx, id);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.attribute !== 'on_request' && row.attribute !== 'not_public')
      throw new AppError('DOC_ATTRIBUTE_REVIEW_INVALID');
    const converted = v.decision === 'converted';
    const updated = await updateDocument(
      tx,
      id,
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
    );
    const review = await store.insertAttributeReview(tx, {
      documentId: id,
      decision: v.decision,
      reviewerId: actor.id,
      notes,
      source: v.source ?? 'periodic',
    });
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
  const { rows, total } = await store.convertedDocuments(db, f);
  return { total, items: rows.map(presentListRow) };
}
