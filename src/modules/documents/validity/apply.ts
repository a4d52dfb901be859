/**
 * Applying a relation (amends / repeals / replaces) to its target: the target's validity changes, and an
 * amended 规章 keeps its old text as a version and takes the consolidated new one. A relation applies
 * only once the document making it is published and its effective date has come — never from a draft
 * (a colleague's unsubmitted draft must not repeal a published document): at publication, when the
 * relation is added to a published document, or by the daily job.
 */
import type { Transaction } from 'kysely';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Database } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { validityAfter } from '../domain/codes.ts';
import { htmlToText, sanitizeBody } from '../html.ts';
import { reindex } from '../search/reindex.ts';
import { lockDocument, lockDocumentValidity, updateDocument } from '../store.ts';
import * as store from './store.ts';

type Tx = Transaction<Database>;

/**
 * Keep the old text of an amended 规章 as a historical version valid until `until`; when a new
 * consolidated text is given it replaces the current body from `until` on.
 */
async function keepVersion(tx: Tx, documentId: number, until: string, newBodyHtml: string | null) {
  const doc = await lockDocument(tx, documentId);
  if (!doc) throw new AppError('NOT_FOUND');
  const last = await store.lastVersion(tx, documentId);
  await store.insertVersion(tx, {
    document_id: documentId,
    version_no: (last?.version_no ?? 0) + 1,
    title: doc.title,
    body_html: doc.body_html,
    valid_from: last?.valid_to ?? doc.effective_date ?? doc.published_date ?? doc.written_date,
    valid_to: until,
  });
  if (newBodyHtml !== null) {
    const html = sanitizeBody(newBodyHtml);
    await updateDocument(tx, documentId, {
      body_html: html,
      body_text: htmlToText(html),
      updated_at: new Date(),
    });
    await reindex(tx, documentId);
  }
}

/** Change the target's validity for one relation (idempotent). */
export async function applyRelation(tx: Tx, relationId: number, actorId: number | null): Promise<boolean> {
  const rel = await store.lockRelation(tx, relationId);
  if (rel.applied) return false;
  const source = await lockDocument(tx, rel.document_id);
  if (source?.status !== 'published') return false;
  const target = await lockDocumentValidity(tx, rel.target_id);
  if (rel.kind === 'amends' && target.genre === 'rule')
    await keepVersion(tx, rel.target_id, rel.effective_date, rel.new_target_body_html);
  const next = validityAfter(rel.kind);
  // A repealed or expired document stays so; an amended one may later be repealed.
  const keep = target.validity === 'repealed' || target.validity === 'expired';
  if (!keep)
    await updateDocument(tx, target.id, {
      validity: next,
      validity_changed_on: rel.effective_date,
      updated_at: new Date(),
    });
  await store.markRelationApplied(tx, relationId);
  await recordAudit(tx, {
    actorId,
    action: 'document.validity',
    subjectType: 'document',
    subjectId: target.id,
    before: { validity: target.validity },
    after: { validity: keep ? target.validity : next, on: rel.effective_date, relationId },
  });
  await reindex(tx, target.id);
  return true;
}

/** At the publication of `documentId`: apply its relations whose effective date has come by `today`. */
export async function applyRelationsOfPublished(
  tx: Tx,
  documentId: number,
  today: string,
  actorId: number | null,
): Promise<void> {
  for (const id of await store.dueRelationIds(tx, today, documentId)) await applyRelation(tx, id, actorId);
}
