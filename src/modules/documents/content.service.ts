/**
 * Attachments (text extracted for search) and interpretations (政策解读: text, 图解, video, Q&A,
 * follow-up), each linked both ways with its document.
 */
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { checkFileRefs } from '../../platform/files/refs.ts';
import { blobPath, writeBlob } from '../../platform/files/storage.ts';
import { detectType } from '../../platform/files/types.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { chinaToday } from '../../platform/time.ts';
import * as store from './content.store.ts';
import {
  INTERPRETATION_KIND_LABELS,
  INTERPRETATION_KINDS,
  type InterpretationKind,
  needsInterpretation,
} from './domain/codes.ts';
import { can } from './domain/policies.ts';
import { ExtractError, extractText } from './extract.ts';
import { sanitizeBody } from './html.ts';
import { reindex } from './search/reindex.ts';
import { authorize, isIsoDay, loadForActor } from './service.ts';
import { findDocumentHeading, type InterpretationReviewStatus, type QaItem } from './store.ts';

type Db = Kysely<Database>;

/** Maximum size of one attachment whose text is extracted (larger files are refused). */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

/** Store bytes as a platform file (content-addressed) and return its row id; type checked by content. */
export async function storeFile(
  db: Db,
  dataDir: string,
  name: string,
  bytes: Uint8Array,
  actorId: number | null,
): Promise<number> {
  const type = detectType(name, bytes.subarray(0, 16));
  if (!type || bytes.length === 0) throw new AppError('UPLOAD_TYPE_NOT_ALLOWED', { name });
  if (bytes.length > MAX_ATTACHMENT_BYTES)
    throw new AppError('UPLOAD_TOO_LARGE', { limitMb: MAX_ATTACHMENT_BYTES / 1024 / 1024 });
  const blob = await writeBlob(dataDir, Readable.from([Buffer.from(bytes)]));
  return store.insertFile(db, {
    sha256: blob.sha256,
    name: name.normalize('NFC').slice(0, 200),
    mime: type.mime,
    size: blob.size,
    created_by: actorId,
  });
}

async function fileBytes(db: Db, dataDir: string, fileId: number) {
  const file = await store.findFile(db, fileId);
  if (!file)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'fileId', message: '文件不存在，请重新上传' }]);
  const bytes = await readFile(blobPath(dataDir, file.sha256)).catch(() => null);
  if (!bytes)
    throw new AppError('DOC_ATTACHMENT_UNREADABLE', {
      name: file.name,
      reason: '文件内容已丢失，请重新上传',
    });
  return { file, bytes: new Uint8Array(bytes) };
}

/** Attach an uploaded file (POST /api/files first) to a draft; its text is extracted for search. */
export async function attachFile(
  db: Db,
  actor: Actor,
  dataDir: string,
  documentId: number,
  v: { fileId: number; name?: string | null },
) {
  await loadForActor(db, actor, documentId, 'draft');
  const { file, bytes } = await fileBytes(db, dataDir, v.fileId);
  if (!can(actor, 'attach_file', { uploadedBy: file.created_by })) throw new AppError('FORBIDDEN');
  let text: string;
  try {
    text = await extractText(file.name, bytes);
  } catch (err) {
    if (err instanceof ExtractError)
      throw new AppError('DOC_ATTACHMENT_UNREADABLE', { name: file.name, reason: err.reason });
    throw err;
  }
  return inTransaction(db, async (tx) => {
    const max = await store.maxAttachmentSortOrder(tx, documentId);
    const row = await store.insertAttachment(tx, {
      document_id: documentId,
      file_id: file.id,
      name: (v.name?.trim() || file.name).slice(0, 200),
      text_content: text,
      sort_order: (max ?? 0) + 1,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'document.attach',
      subjectType: 'document',
      subjectId: documentId,
      after: { attachmentId: row.id, fileId: file.id, name: row.name, textLength: text.length },
    });
    await reindex(tx, documentId);
    return {
      id: row.id,
      fileId: row.file_id,
      name: row.name,
      mime: file.mime,
      size: file.size,
      sortOrder: row.sort_order,
      hasText: text.length > 0,
      textLength: text.length,
    };
  });
}

export async function removeAttachment(
  db: Db,
  actor: Actor,
  documentId: number,
  attachmentId: number,
): Promise<void> {
  await loadForActor(db, actor, documentId, 'draft');
  await inTransaction(db, async (tx) => {
    const row = await store.deleteAttachment(tx, documentId, attachmentId);
    if (!row) throw new AppError('NOT_FOUND');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'document.detach',
      subjectType: 'document',
      subjectId: documentId,
      before: { attachmentId, name: row.name, fileId: row.file_id },
    });
    await reindex(tx, documentId);
  });
}

// ───────────────────────────── interpretations ─────────────────────────────

export type InterpretationInput = {
  kind: InterpretationKind;
  title: string;
  bodyHtml?: string;
  imageFileId?: number | null;
  videoUrl?: string | null;
  qa?: QaItem[];
  publishedDate?: string | null;
};

function checkInterpretation(v: InterpretationInput): FieldError[] {
  const out: FieldError[] = [];
  if (!INTERPRETATION_KINDS.includes(v.kind)) out.push({ path: 'kind', message: '请选择解读形式' });
  if (!v.title || v.title.trim() === '' || v.title.length > 300)
    out.push({ path: 'title', message: '请填写解读标题（不超过300字）' });
  if (v.kind === 'graphic' && !v.imageFileId) out.push({ path: 'imageFileId', message: '图解应上传图片' });
  if (v.kind === 'video') {
    if (!v.videoUrl) out.push({ path: 'videoUrl', message: '视频解读应填写视频链接' });
    else if (!/^https?:\/\/[^\s<>"]+$/i.test(v.videoUrl))
      out.push({ path: 'videoUrl', message: '视频链接应以 http:// 或 https:// 开头' });
  }
  if (v.kind === 'qa' && (!v.qa || v.qa.length === 0))
    out.push({ path: 'qa', message: '问答解读至少应有一组问答' });
  (v.qa ?? []).forEach((item, i) => {
    if (!item.q?.trim() || !item.a?.trim())
      out.push({ path: `qa.${i}`, message: `第${i + 1}组问答的问题和回答都不能为空` });
  });
  if ((v.kind === 'text' || v.kind === 'followup') && !(v.bodyHtml ?? '').trim())
    out.push({ path: 'bodyHtml', message: '请填写解读正文' });
  if (v.publishedDate && !/^\d{4}-\d{2}-\d{2}$/.test(v.publishedDate))
    out.push({ path: 'publishedDate', message: '发布日期不正确' });
  return out;
}

/** An interpretation's image: one its writer uploaded (or the one it already has), and an image. */
async function checkImage(
  db: Db,
  actor: Actor,
  fileId: number | null | undefined,
  keep: number | null,
): Promise<void> {
  const problems = await checkFileRefs(db, actor.id, [fileId], {
    path: 'imageFileId',
    keep: keep === null ? [] : [keep],
    mimes: ['image/'],
    mimeMessage: '图解应为 PNG、JPG 或 GIF 图片',
  });
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', {}, problems);
}

export function presentInterpretation(r: {
  id: number;
  document_id: number;
  kind: InterpretationKind;
  title: string;
  body_html: string;
  image_file_id: number | null;
  video_url: string | null;
  qa: QaItem[];
  published_date: string | null;
  review_status: InterpretationReviewStatus;
  created_at: Date;
}) {
  return {
    id: r.id,
    documentId: r.document_id,
    kind: r.kind,
    kindLabel: INTERPRETATION_KIND_LABELS[r.kind],
    title: r.title,
    bodyHtml: r.body_html,
    imageFileId: r.image_file_id,
    videoUrl: r.video_url,
    qa: r.qa,
    publishedDate: r.published_date,
    reviewStatus: r.review_status,
    reviewStatusLabel: INTERPRETATION_REVIEW_LABELS[r.review_status],
    createdAt: r.created_at.toISOString(),
  };
}

export const INTERPRETATION_REVIEW_LABELS: Readonly<Record<InterpretationReviewStatus, string>> = {
  pending: '待审核',
  published: '已发布',
};

/**
 * Interpretations may be added to a document at any status. Before publication they go with the
 * document (reviewed with it, stamped with its publication date). On a published document a new or
 * changed interpretation (后续解读) waits for review (`approveInterpretation`) before the public sees
 * it; its date is the day it is approved.
 */
export async function saveInterpretation(
  db: Db,
  actor: Actor,
  documentId: number,
  id: number | null,
  v: InterpretationInput,
) {
  const doc = await loadForActor(db, actor, documentId, 'draft');
  const afterPublication = doc.status === 'published';
  const problems = checkInterpretation(v);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', {}, problems);
  const existing = id === null ? undefined : await store.findInterpretation(db, id);
  const current = existing?.document_id === documentId ? existing.image_file_id : null;
  await checkImage(db, actor, v.imageFileId, current);
  const values = {
    kind: v.kind,
    title: v.title.trim(),
    body_html: sanitizeBody(v.bodyHtml ?? ''),
    image_file_id: v.imageFileId ?? null,
    video_url: v.videoUrl ?? null,
    qa: JSON.stringify((v.qa ?? []).map((x) => ({ q: x.q.trim(), a: x.a.trim() }))),
    published_date: afterPublication ? null : (v.publishedDate ?? null),
    review_status: afterPublication ? ('pending' as const) : ('published' as const),
    reviewed_by: null,
    reviewed_at: null,
  };
  return inTransaction(db, async (tx) => {
    const row =
      id === null
        ? await store.insertInterpretation(tx, { document_id: documentId, ...values })
        : await store.updateInterpretation(tx, documentId, id, values);
    if (!row) throw new AppError('NOT_FOUND');
    await recordAudit(tx, {
      actorId: actor.id,
      action: id === null ? 'interpretation.create' : 'interpretation.update',
      subjectType: 'document',
      subjectId: documentId,
      after: { interpretationId: row.id, kind: row.kind, title: row.title, reviewStatus: row.review_status },
    });
    await reindex(tx, documentId);
    return presentInterpretation(row);
  });
}

/**
 * Review of a 后续解读 added after publication: it is published, dated the day of approval (or the date
 * given, not later than today). Whoever reviews documents (保密审查) does it.
 */
export async function approveInterpretation(
  db: Db,
  actor: Actor,
  documentId: number,
  id: number,
  v: { publishedDate?: string | null } = {},
) {
  await loadForActor(db, actor, documentId, 'review');
  const today = chinaToday();
  if (v.publishedDate && (!isIsoDay(v.publishedDate) || v.publishedDate > today))
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: 'publishedDate', message: '发布日期不正确，不能晚于今天' },
    ]);
  return inTransaction(db, async (tx) => {
    const current = await store.findInterpretation(tx, id);
    if (!current || current.document_id !== documentId) throw new AppError('NOT_FOUND');
    if (current.review_status !== 'pending') throw new AppError('DOC_INTERPRETATION_NOT_PENDING');
    const row = await store.updateInterpretation(tx, documentId, id, {
      review_status: 'published',
      reviewed_by: actor.id,
      reviewed_at: new Date(),
      published_date: v.publishedDate ?? today,
    });
    if (!row) throw new AppError('NOT_FOUND');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'interpretation.approve',
      subjectType: 'document',
      subjectId: documentId,
      after: { interpretationId: id, title: row.title, publishedDate: row.published_date },
    });
    await reindex(tx, documentId);
    return presentInterpretation(row);
  });
}

export async function deleteInterpretation(
  db: Db,
  actor: Actor,
  documentId: number,
  id: number,
): Promise<void> {
  const doc = await loadForActor(db, actor, documentId, 'draft');
  await inTransaction(db, async (tx) => {
    if (doc.status === 'published') {
      // 三同步: a published policy document keeps at least one published interpretation.
      const n = await store.countInterpretations(tx, documentId, { publishedOnly: true });
      if (n <= 1 && doc.attribute === 'proactive' && needsInterpretation(doc.genre))
        throw new AppError('DOC_INTERPRETATION_REQUIRED', { genreLabel: '已发布的政策性文件' });
    }
    const row = await store.deleteInterpretation(tx, documentId, id);
    if (!row) throw new AppError('NOT_FOUND');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'interpretation.delete',
      subjectType: 'document',
      subjectId: documentId,
      before: { interpretationId: id, title: row.title },
    });
    await reindex(tx, documentId);
  });
}

/** 后续解读 waiting for review in the reviewer's organisations (the review queue lists them). */
export async function pendingInterpretationQueue(db: Db, actor: Actor) {
  const visible = await authorize(db, actor, 'review');
  const rows = await store.pendingInterpretations(db, [...visible]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      kindLabel: INTERPRETATION_KIND_LABELS[r.kind],
      documentId: r.document_id,
      documentTitle: r.document_title,
      createdAt: r.created_at.toISOString(),
    })),
  };
}

/** One interpretation with its document (the link back). Public unless the document is not public. */
export async function getInterpretation(db: Db, id: number, opts: { publicView: boolean }) {
  const row = await store.findInterpretation(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const doc = await findDocumentHeading(db, row.document_id);
  if (
    opts.publicView &&
    (doc.status !== 'published' || doc.attribute !== 'proactive' || row.review_status !== 'published')
  )
    throw new AppError('NOT_FOUND');
  return {
    ...presentInterpretation(row),
    document: { id: doc.id, title: doc.title, docNumber: doc.doc_number },
  };
}

export async function listInterpretations(db: Db, documentId: number) {
  const rows = await store.listInterpretations(db, documentId);
  return rows.map(presentInterpretation);
}
