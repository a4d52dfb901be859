/**
 * Validity over time: relations (amends / repeals / replaces) change the old document's validity on
 * the new one's effective date, once the new one is published — at publication or when the relation is
 * added to a published document if that date has passed, otherwise by the daily job (`apply.ts`).
 * 规章 keep their historical texts (document_versions); "the version in force on date D".
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/session.ts';
import type { Job } from '../../../platform/jobs/scheduler.ts';
import { chinaDateOf, chinaToday } from '../../../platform/time.ts';
import { RELATION_KINDS, type RelationKind, VALIDITY_LABELS } from '../domain/codes.ts';
import { relationEffect, versionOnDate } from '../domain/validity.ts';
import { reindex } from '../search/reindex.ts';
import { loadForActor } from '../service.ts';
import { lockDocumentValidity, updateDocument } from '../store.ts';
import { applyRelation } from './apply.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

export type RelationInput = {
  targetId: number;
  kind: RelationKind;
  /** Defaults to the new document's effective date. */
  effectiveDate?: string | null;
  /** For an amended 规章: the consolidated new text of the old document (its prior text is kept as a version). */
  newTargetBodyHtml?: string | null;
};

/** Link the new document `documentId` to an older one it amends / repeals / replaces. */
export async function addRelation(
  db: Db,
  actor: Actor,
  documentId: number,
  v: RelationInput,
  today: string = chinaToday(),
) {
  const doc = await loadForActor(db, actor, documentId, 'draft');
  const target = await loadForActor(db, actor, v.targetId, 'view');
  const effectiveDate = v.effectiveDate || doc.effective_date;
  const reason = !RELATION_KINDS.includes(v.kind)
    ? '请选择关联类型（修改、废止或替代）'
    : target.id === doc.id
      ? '文件不能关联自身'
      : !effectiveDate || !/^\d{4}-\d{2}-\d{2}$/.test(effectiveDate)
        ? '请填写关联生效日期（或先填写本文件的施行日期）'
        : target.validity === 'repealed' || target.validity === 'expired'
          ? `被关联文件已${VALIDITY_LABELS[target.validity].replace('已', '')}，不能再被${v.kind === 'amends' ? '修改' : '废止或替代'}`
          : target.written_date > doc.written_date
            ? '被修改、废止或替代的文件应早于本文件'
            : null;
  if (reason) throw new AppError('DOC_RELATION_INVALID', { reason }, [{ path: 'targetId', message: reason }]);
  return inTransaction(db, async (tx) => {
    const existing = await store.findRelation(tx, documentId, v.targetId);
    if (existing) throw new AppError('DUPLICATE', { what: '该关联关系' });
    const rel = await store.insertRelation(tx, {
      document_id: documentId,
      target_id: v.targetId,
      kind: v.kind,
      effective_date: effectiveDate as string,
      // An amended 规章's new text waits with the relation: the published one keeps its text until then.
      new_target_body_html:
        v.kind === 'amends' && target.genre === 'rule' ? (v.newTargetBodyHtml ?? null) : null,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'document.relate',
      subjectType: 'document',
      subjectId: documentId,
      after: { relationId: rel.id, targetId: v.targetId, kind: v.kind, effectiveDate },
    });
    // A draft's relation waits for its publication (applyRelationsOfPublished).
    const effect = relationEffect(v.kind, effectiveDate as string, today);
    if (effect.applyNow && doc.status === 'published') await applyRelation(tx, rel.id, actor.id);
    return rel;
  });
}

/** Apply every relation whose effective date has come (the daily job). Returns how many changed. */
export async function applyDueRelations(db: Db, today: string): Promise<number> {
  const due = await store.dueRelationIds(db, today);
  let n = 0;
  for (const id of due) {
    if (await inTransaction(db, (tx) => applyRelation(tx, id, null))) n++;
  }
  return n;
}

export const validityJob: Job = {
  name: 'documents.validity',
  everyMinutes: 60,
  run: (db, now) => applyDueRelations(db, chinaDateOf(now)),
};

/** The text of a document in force on `date`: a historical version, the current text, or none. */
export async function versionInForce(db: Db, documentId: number, date: string) {
  const doc = await store.findCurrentText(db, documentId);
  if (!doc) throw new AppError('NOT_FOUND');
  const versions = await store.listVersions(db, documentId);
  const lastTo = versions.length > 0 ? (versions[versions.length - 1]?.valid_to ?? null) : null;
  const currentFrom = lastTo ?? doc.effective_date ?? doc.published_date ?? doc.written_date;
  const pick = versionOnDate(
    versions.map((v) => ({ versionNo: v.version_no, validFrom: v.valid_from, validTo: v.valid_to })),
    currentFrom,
    date,
  );
  const endedOn = doc.validity === 'repealed' || doc.validity === 'expired' ? doc.validity_changed_on : null;
  if (pick === null || (endedOn !== null && date >= endedOn)) {
    return {
      date,
      inForce: false as const,
      message:
        pick === null
          ? '该日期文件尚未施行'
          : `该日期文件已${VALIDITY_LABELS[doc.validity].replace('已', '')}（自${endedOn}起）`,
    };
  }
  if (pick.kind === 'version') {
    const v = versions.find((x) => x.version_no === pick.versionNo);
    if (!v) throw new AppError('NOT_FOUND');
    return {
      date,
      inForce: true as const,
      current: false,
      versionNo: v.version_no,
      title: v.title,
      bodyHtml: v.body_html,
      validFrom: v.valid_from,
      validTo: v.valid_to,
    };
  }
  return {
    date,
    inForce: true as const,
    current: true,
    versionNo: versions.length + 1,
    title: doc.title,
    bodyHtml: doc.body_html,
    validFrom: currentFrom,
    validTo: null,
  };
}

/** Staff: record a validity change without a new document (e.g. 有效期届满 → 已失效). */
export async function setValidity(
  db: Db,
  actor: Actor,
  id: number,
  v: { validity: 'valid' | 'expired' | 'repealed'; on: string },
) {
  await loadForActor(db, actor, id, 'publish');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.on))
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'on', message: '请填写正确的日期' }]);
  return inTransaction(db, async (tx) => {
    const row = await lockDocumentValidity(tx, id);
    await updateDocument(tx, id, {
      validity: v.validity,
      validity_changed_on: v.validity === 'valid' ? null : v.on,
      updated_at: new Date(),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'document.validity',
      subjectType: 'document',
      subjectId: id,
      before: { validity: row.validity },
      after: { validity: v.validity, on: v.on },
    });
    await reindex(tx, id);
  });
}

export type { RelationKind };
