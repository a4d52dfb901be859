/**
 * Documents service: drafting, the disclosure attribute, 保密审查 (一事一审), 三同步 publication, the
 * Art. 26 publication deadline, settings and 特色主题. Every write: one transaction + audit, then the
 * search vector is refreshed in that transaction (search/service.ts, `refreshDocumentSearch`).
 */
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, type FieldError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { chinaToday } from '../../platform/time.ts';
import {
  CalendarYearMissingError,
  loadCalendar,
  proactivePublicationDue,
  provisionalNote,
  provisionalYearsBetween,
} from '../calendar/index.ts';
import {
  countOrgs,
  findOrg,
  listOrgs,
  orgNames,
  rootOf,
  seesWholeTree,
  userDisplayNames,
  visibleOrgIds,
} from '../orgs/index.ts';
import * as contentStore from './content.store.ts';
import { type Attribute, type DocStatus, findGenre, findLegalGround, TOPICS } from './domain/codes.ts';
import { docNumberKey, parseDocNumber } from './domain/doc-number.ts';
import {
  checkIndexPattern,
  chinesePattern,
  DEFAULT_INDEX_PATTERN,
  formatIndexNumber,
  orgCodeFor,
} from './domain/index-number.ts';
import { can, type DocPermission } from './domain/policies.ts';
import {
  allowedActions,
  attributeProblems,
  attributeReviewDue,
  decide,
  type WorkflowAction,
} from './domain/workflow.ts';
import { htmlToText, sanitizeBody } from './html.ts';
import { presentListRow, presentPublicDocument, presentStaffDocument } from './present.ts';
import { reindex } from './search/reindex.ts';
import { type DocumentSearchResult, type SearchDocumentsParams, searchDocuments } from './search/service.ts';
import type { DocumentRow } from './store.ts';
import * as store from './store.ts';
import { applyRelationsOfPublished } from './validity/apply.ts';

type Db = Kysely<Database>;
type Tx = Transaction<Database>;

// ───────────────────────────── access ─────────────────────────────

/** FORBIDDEN unless the role has the permission and (for a document) the document's org is in scope. */
export async function authorize(
  db: Db,
  actor: Actor,
  permission: DocPermission,
  orgIds?: number[],
): Promise<Set<number>> {
  if (!can(actor, permission)) throw new AppError('FORBIDDEN');
  const visible = await visibleOrgIds(db, actor);
  if (orgIds && !orgIds.some((id) => visible.has(id))) {
    throw new AppError(permission === 'view' ? 'NOT_FOUND' : 'FORBIDDEN');
  }
  return visible;
}

/** The document, or NOT_FOUND; and FORBIDDEN/NOT_FOUND when out of the actor's scope. */
export async function loadForActor(
  db: Db,
  actor: Actor,
  id: number,
  permission: DocPermission,
): Promise<DocumentRow> {
  const doc = await store.findDocument(db, id);
  if (!doc) throw new AppError('NOT_FOUND');
  await authorize(db, actor, permission, [doc.org_id, ...(await store.issuerIds(db, id))]);
  return doc;
}

// ───────────────────────────── input ─────────────────────────────

export type DocumentInput = {
  title: string;
  docNumber?: string | null;
  orgId: number;
  /** Joint issuers besides the primary one (联合发文). */
  issuerOrgIds?: number[];
  genre: string;
  topic?: string | null;
  keywords?: string[];
  summary?: string | null;
  bodyHtml?: string;
  writtenDate: string;
  effectiveDate?: string | null;
  attribute?: Attribute | null;
  attributeGround?: string | null;
  attributeReason?: string | null;
  themeIds?: number[];
};

export type DocumentPatch = Partial<DocumentInput>;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDay(s: string): boolean {
  if (!ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Field checks shared by create and edit; Chinese messages per field. */
function validateFields(v: DocumentInput): FieldError[] {
  const out: FieldError[] = [];
  if (!v.title || v.title.trim() === '') out.push({ path: 'title', message: '请填写文件标题' });
  else if (v.title.length > 500) out.push({ path: 'title', message: '标题不能超过500个字符' });
  if (v.docNumber != null && v.docNumber.trim() !== '') {
    const r = parseDocNumber(v.docNumber);
    if (!r.ok) out.push({ path: 'docNumber', message: r.error.message });
  }
  if (!findGenre(v.genre)) out.push({ path: 'genre', message: '请选择文件体裁' });
  if (v.topic != null && v.topic !== '' && !TOPICS.some((t) => t.code === v.topic))
    out.push({ path: 'topic', message: '主题分类不在国务院公文主题分类表中' });
  if (!v.writtenDate || !isIsoDay(v.writtenDate))
    out.push({ path: 'writtenDate', message: '请填写正确的成文日期' });
  if (v.effectiveDate != null && v.effectiveDate !== '' && !isIsoDay(v.effectiveDate))
    out.push({ path: 'effectiveDate', message: '施行日期不正确' });
  if (v.effectiveDate && v.writtenDate && isIsoDay(v.effectiveDate) && v.effectiveDate < v.writtenDate)
    out.push({ path: 'effectiveDate', message: '施行日期不能早于成文日期' });
  if ((v.keywords ?? []).some((k) => k.length > 30))
    out.push({ path: 'keywords', message: '每个关键词不超过30个字' });
  if (v.attribute != null) {
    if (v.attribute !== 'proactive' && v.attributeGround && !findLegalGround(v.attributeGround))
      out.push({ path: 'attributeGround', message: '所选法律依据不在条例规定的范围内' });
  }
  return out;
}

async function checkRefs(db: Db, visible: Set<number>, v: DocumentInput): Promise<FieldError[]> {
  const out: FieldError[] = [];
  const orgIds = [v.orgId, ...(v.issuerOrgIds ?? [])];
  const found = await orgNames(db, orgIds);
  if (!found.has(v.orgId)) out.push({ path: 'orgId', message: '发文机关不存在' });
  else if (!visible.has(v.orgId)) out.push({ path: 'orgId', message: '您不能以该机关名义起草文件' });
  if ((v.issuerOrgIds ?? []).some((id) => !found.has(id)))
    out.push({ path: 'issuerOrgIds', message: '联合发文机关不存在' });
  else if ((v.issuerOrgIds ?? []).length > 0) {
    // Joint issuers come from the same organisation tree as the issuing organisation.
    const nodes = (await listOrgs(db)).map((o) => ({ id: o.id, parentId: o.parent_id }));
    const root = rootOf(nodes, v.orgId);
    if ((v.issuerOrgIds ?? []).some((id) => rootOf(nodes, id) !== root))
      out.push({ path: 'issuerOrgIds', message: '联合发文机关应为本平台机构树中的机构' });
  }
  if (v.themeIds && v.themeIds.length > 0) {
    const themes = await store.existingThemeIds(db, v.themeIds);
    if (themes.length !== new Set(v.themeIds).size) out.push({ path: 'themeIds', message: '特色主题不存在' });
  }
  return out;
}

function cleanKeywords(k: string[] | undefined): string[] {
  return [...new Set((k ?? []).map((s) => s.trim()).filter((s) => s !== ''))].slice(0, 20);
}

// ───────────────────────────── settings ─────────────────────────────

export type DocumentSettings = { indexPattern: string; reviewIntervalMonths: number };

export async function getSettings(db: Db): Promise<DocumentSettings> {
  const row = await store.findSettings(db);
  return {
    indexPattern: chinesePattern(row?.index_pattern ?? DEFAULT_INDEX_PATTERN),
    reviewIntervalMonths: row?.review_interval_months ?? 12,
  };
}

export async function updateSettings(
  db: Db,
  actor: Actor,
  patch: Partial<DocumentSettings>,
): Promise<DocumentSettings> {
  // One row for the whole platform, like the themes: changed only over the whole tree.
  await authorizePlatformWide(db, actor);
  if (patch.indexPattern !== undefined) {
    const c = checkIndexPattern(patch.indexPattern);
    if (!c.ok)
      throw new AppError('DOC_INDEX_PATTERN_INVALID', { reason: c.message }, [
        { path: 'indexPattern', message: c.message },
      ]);
  }
  if (
    patch.reviewIntervalMonths !== undefined &&
    !(
      Number.isInteger(patch.reviewIntervalMonths) &&
      patch.reviewIntervalMonths >= 1 &&
      patch.reviewIntervalMonths <= 120
    )
  )
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: 'reviewIntervalMonths', message: '复审周期应为1至120个月' },
    ]);
  return inTransaction(db, async (tx) => {
    const before = await getSettings(tx);
    await store.updateSettings(tx, {
      ...(patch.indexPattern !== undefined ? { index_pattern: chinesePattern(patch.indexPattern) } : {}),
      ...(patch.reviewIntervalMonths !== undefined
        ? { review_interval_months: patch.reviewIntervalMonths }
        : {}),
    });
    const after = await getSettings(tx);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'documents.settings',
      subjectType: 'document_settings',
      subjectId: 1,
      before,
      after,
    });
    return after;
  });
}

/** Next 索引号 for org+year: the serial row is upserted and so locked until the transaction ends. */
export async function nextIndexNumber(
  tx: Tx | Db,
  orgId: number,
  genre: string,
  topic: string | null,
  writtenDate: string,
): Promise<string> {
  const year = Number(writtenDate.slice(0, 4));
  const org = await findOrg(tx, orgId);
  if (!org) throw new Error(`organisation ${orgId} not found`);
  const { indexPattern } = await getSettings(tx);
  const serial = await store.takeIndexSerial(tx, orgId, year);
  return formatIndexNumber(indexPattern, {
    orgCode: orgCodeFor(org),
    category: findGenre(genre)?.category ?? 'QT',
    topic,
    year,
    serial,
  });
}

// ───────────────────────────── create / edit ─────────────────────────────

export type CreateOptions = { historical?: boolean; today?: string };

async function writeLinks(
  tx: Tx,
  id: number,
  orgId: number,
  issuerOrgIds: number[] | undefined,
  themeIds: number[] | undefined,
) {
  if (issuerOrgIds !== undefined || orgId !== undefined)
    await store.replaceIssuers(tx, id, [...new Set([orgId, ...(issuerOrgIds ?? [])])]);
  if (themeIds !== undefined) await store.replaceThemeLinks(tx, id, [...new Set(themeIds)]);
}

export async function createDocument(
  db: Db,
  actor: Actor,
  input: DocumentInput,
  opts: CreateOptions = {},
): Promise<DocumentRow> {
  const visible = await authorize(db, actor, opts.historical ? 'import' : 'draft');
  const problems = [...validateFields(input), ...(await checkRefs(db, visible, input))];
  if (problems.length > 0) {
    const numberProblem = problems.find((p) => p.path === 'docNumber');
    if (numberProblem && problems.length === 1)
      throw new AppError('DOC_NUMBER_INVALID', { reason: numberProblem.message }, problems);
    throw new AppError('VALIDATION_FAILED', {}, problems);
  }
  return inTransaction(db, async (tx) => {
    const row = await insertDocumentRow(tx, actor.id, input, opts);
    await recordAudit(tx, {
      actorId: actor.id,
      action: opts.historical ? 'document.import' : 'document.create',
      subjectType: 'document',
      subjectId: row.id,
      after: auditView(row),
    });
    await reindex(tx, row.id);
    return row;
  });
}

/** Insert without authorisation checks (callers check); used by create, import and seeds. */
export async function insertDocumentRow(
  tx: Tx,
  actorId: number | null,
  input: DocumentInput,
  opts: CreateOptions = {},
): Promise<DocumentRow> {
  const bodyHtml = sanitizeBody(input.bodyHtml ?? '');
  const docNumber = input.docNumber?.trim() ? input.docNumber.trim() : null;
  const parsed = docNumber ? parseDocNumber(docNumber) : null;
  const indexNumber = await nextIndexNumber(
    tx,
    input.orgId,
    input.genre,
    input.topic ?? null,
    input.writtenDate,
  );
  const row = await store.insertDocument(tx, {
    title: input.title.trim(),
    doc_number: parsed?.ok ? parsed.value.normalized : docNumber,
    doc_number_key: docNumberKey(docNumber),
    index_number: indexNumber,
    org_id: input.orgId,
    genre: input.genre,
    topic: input.topic || null,
    keywords: cleanKeywords(input.keywords),
    summary: input.summary?.trim() || null,
    body_html: bodyHtml,
    body_text: htmlToText(bodyHtml),
    written_date: input.writtenDate,
    effective_date: input.effectiveDate || null,
    attribute: input.attribute ?? null,
    attribute_ground:
      input.attribute && input.attribute !== 'proactive' ? (input.attributeGround ?? null) : null,
    attribute_reason:
      input.attribute && input.attribute !== 'proactive' ? input.attributeReason?.trim() || null : null,
    historical: opts.historical ?? false,
    created_by: actorId,
    updated_at: new Date(),
  });
  await writeLinks(tx, row.id, input.orgId, input.issuerOrgIds ?? [], input.themeIds ?? []);
  return row;
}

function auditView(r: DocumentRow) {
  const { search_vector: _sv, body_html: _bh, body_text: _bt, ...rest } = r;
  return rest;
}

async function lockDoc(tx: Tx, id: number): Promise<DocumentRow> {
  const row = await store.lockDocument(tx, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

function workflowDoc(row: DocumentRow, interpretations: number) {
  return {
    status: row.status as DocStatus,
    genre: row.genre,
    attribute: row.attribute,
    attributeGround: row.attribute_ground,
    attributeReason: row.attribute_reason,
    interpretationCount: interpretations,
  };
}

function refuse(d: ReturnType<typeof decide>): never {
  if (d.ok) throw new Error('unreachable');
  throw new AppError(d.code, d.params, d.fields);
}

export async function updateDocument(
  db: Db,
  actor: Actor,
  id: number,
  patch: DocumentPatch,
): Promise<DocumentRow> {
  const current = await loadForActor(db, actor, id, 'draft');
  const visible = await visibleOrgIds(db, actor);
  const merged: DocumentInput = {
    title: patch.title ?? current.title,
    docNumber: patch.docNumber !== undefined ? patch.docNumber : current.doc_number,
    orgId: patch.orgId ?? current.org_id,
    issuerOrgIds: patch.issuerOrgIds,
    genre: patch.genre ?? current.genre,
    topic: patch.topic !== undefined ? patch.topic : current.topic,
    keywords: patch.keywords ?? current.keywords,
    summary: patch.summary !== undefined ? patch.summary : current.summary,
    bodyHtml: patch.bodyHtml ?? current.body_html,
    writtenDate: patch.writtenDate ?? current.written_date,
    effectiveDate: patch.effectiveDate !== undefined ? patch.effectiveDate : current.effective_date,
    attribute: patch.attribute !== undefined ? patch.attribute : current.attribute,
    attributeGround: patch.attributeGround !== undefined ? patch.attributeGround : current.attribute_ground,
    attributeReason: patch.attributeReason !== undefined ? patch.attributeReason : current.attribute_reason,
    themeIds: patch.themeIds,
  };
  const problems = [...validateFields(merged), ...(await checkRefs(db, visible, merged))];
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', {}, problems);
  return inTransaction(db, async (tx) => {
    const row = await lockDoc(tx, id);
    const d = decide(workflowDoc(row, 0), 'edit');
    if (!d.ok) refuse(d);
    const bodyHtml = sanitizeBody(merged.bodyHtml ?? '');
    const docNumber = merged.docNumber?.trim() ? merged.docNumber.trim() : null;
    const parsed = docNumber ? parseDocNumber(docNumber) : null;
    const proactive = merged.attribute === 'proactive' || merged.attribute == null;
    const updated = await store.updateDocument(tx, id, {
      title: merged.title.trim(),
      doc_number: parsed?.ok ? parsed.value.normalized : docNumber,
      doc_number_key: docNumberKey(docNumber),
      org_id: merged.orgId,
      genre: merged.genre,
      topic: merged.topic || null,
      keywords: cleanKeywords(merged.keywords),
      summary: merged.summary?.trim() || null,
      body_html: bodyHtml,
      body_text: htmlToText(bodyHtml),
      written_date: merged.writtenDate,
      effective_date: merged.effectiveDate || null,
      attribute: merged.attribute ?? null,
      attribute_ground: proactive ? null : (merged.attributeGround ?? null),
      attribute_reason: proactive ? null : merged.attributeReason?.trim() || null,
      updated_at: new Date(),
    });
    const issuers =
      patch.issuerOrgIds ??
      (patch.orgId !== undefined
        ? (await store.issuerIds(tx, id)).filter((o) => o !== row.org_id)
        : undefined);
    if (issuers !== undefined || patch.themeIds !== undefined)
      await writeLinks(tx, id, merged.orgId, issuers ?? (await store.issuerIds(tx, id)), patch.themeIds);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'document.update',
      subjectType: 'document',
      subjectId: id,
      before: auditView(row),
      after: auditView(updated),
    });
    await reindex(tx, id);
    return updated;
  });
}

/**
 * Set the disclosure attribute of a document whose attribute was never determined (historical import)
 * or correct it while drafting. A published document gets its periodic-review date.
 */
export async function setAttribute(
  db: Db,
  actor: Actor,
  id: number,
  v: { attribute: Attribute; attributeGround?: string | null; attributeReason?: string | null },
  today: string = chinaToday(),
): Promise<DocumentRow> {
  const current = await loadForActor(db, actor, id, 'view');
  if (!can(actor, 'set_attribute', { status: current.status })) throw new AppError('FORBIDDEN');
  const problems = attributeProblems(v.attribute, v.attributeGround ?? null, v.attributeReason ?? null);
  if (problems.length > 0) throw new AppError('DOC_GROUND_REQUIRED', {}, problems);
  if (current.status === 'published') {
    // A published document's attribute changes only through the periodic review (recorded there);
    // here only one never determined (historical import) gets its first attribute.
    if (current.attribute !== null) throw new AppError('DOC_ATTRIBUTE_REVIEW_INVALID');
  } else if (!['draft', 'returned'].includes(current.status)) refuse(decide(workflowDoc(current, 0), 'edit'));
  const { reviewIntervalMonths } = await getSettings(db);
  return inTransaction(db, async (tx) => {
    const row = await lockDoc(tx, id);
    const proactive = v.attribute === 'proactive';
    const updated = await store.updateDocument(tx, id, {
      attribute: v.attribute,
      attribute_ground: proactive ? null : (v.attributeGround ?? null),
      attribute_reason: proactive ? null : (v.attributeReason?.trim() ?? null),
      attribute_review_due:
        row.status === 'published' ? attributeReviewDue(v.attribute, today, reviewIntervalMonths) : null,
      updated_at: new Date(),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'document.attribute',
      subjectType: 'document',
      subjectId: id,
      before: { attribute: row.attribute, ground: row.attribute_ground },
      after: {
        attribute: updated.attribute,
        ground: updated.attribute_ground,
        reason: updated.attribute_reason,
      },
    });
    await reindex(tx, id);
    return updated;
  });
}

// ───────────────────────────── workflow ─────────────────────────────

export async function submitDocument(db: Db, actor: Actor, id: number): Promise<DocumentRow> {
  await loadForActor(db, actor, id, 'draft');
  return transition(db, actor, id, 'submit', {});
}

export async function reviewDocument(
  db: Db,
  actor: Actor,
  id: number,
  v: { decision: 'approved' | 'returned'; notes?: string | null },
): Promise<DocumentRow> {
  await loadForActor(db, actor, id, 'review');
  const notes = v.notes?.trim() ?? '';
  if (v.decision === 'returned' && notes === '')
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'notes', message: '退回修改时请写明审查意见' }]);
  return transition(db, actor, id, v.decision === 'approved' ? 'approve' : 'return', { notes });
}

export async function publishDocument(
  db: Db,
  actor: Actor,
  id: number,
  v: { publishedDate?: string | null } = {},
  today: string = chinaToday(),
): Promise<DocumentRow> {
  await loadForActor(db, actor, id, 'publish');
  if (v.publishedDate && !isIsoDay(v.publishedDate))
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'publishedDate', message: '发布日期不正确' }]);
  return transition(db, actor, id, 'publish', { publishedDate: v.publishedDate ?? today, today });
}

async function transition(
  db: Db,
  actor: Actor,
  id: number,
  action: Exclude<WorkflowAction, 'edit'>,
  extra: { notes?: string; publishedDate?: string; today?: string },
): Promise<DocumentRow> {
  const { reviewIntervalMonths } = await getSettings(db);
  return inTransaction(db, async (tx) => {
    const row = await lockDoc(tx, id);
    const d = decide(workflowDoc(row, await contentStore.countInterpretations(tx, id)), action);
    if (!d.ok) refuse(d);
    const set: store.DocumentChanges = { status: d.next, updated_at: new Date() };
    if (action === 'publish') {
      const on = extra.publishedDate ?? chinaToday();
      set.published_date = on;
      // 签发: whoever confirms the publication signs it (the console asks for the confirmation).
      set.published_by = actor.id;
      set.attribute_review_due = attributeReviewDue(row.attribute, on, reviewIntervalMonths);
    }
    const updated = await store.updateDocument(tx, id, set);
    // Interpretations published with the document (三同步) carry its publication date; what it amends,
    // repeals or replaces changes now if the effective date has come (until now it was a draft's intent).
    if (action === 'publish') {
      await contentStore.stampInterpretationsPublished(tx, id, updated.published_date);
      await applyRelationsOfPublished(tx, id, extra.today ?? chinaToday(), actor.id);
    }
    if (action === 'approve' || action === 'return') {
      await store.insertReview(tx, {
        documentId: id,
        reviewerId: actor.id,
        decision: action === 'approve' ? 'approved' : 'returned',
        notes: extra.notes ?? '',
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: `document.${action}`,
      subjectType: 'document',
      subjectId: id,
      before: { status: row.status },
      after: { status: updated.status, publishedDate: updated.published_date, notes: extra.notes },
    });
    await reindex(tx, id);
    return updated;
  });
}

// ───────────────────────────── publication deadline (Art. 26) ─────────────────────────────

export type PublicationDeadline = {
  /** 20th working day after the date of formation (成文日期); null when the calendar year is missing. */
  due: string | null;
  /**
   * A year whose 节假日安排 is not loaded: with `due`, the deadline was counted provisionally over it
   * (`message` says 暂定); without, it could not be counted at all.
   */
  missingYear: number | null;
  message: string | null;
  overdue: boolean;
};

export async function publicationDeadlines(
  db: Db,
  rows: { written_date: string; attribute: string | null; status: string; published_date: string | null }[],
  today: string,
): Promise<(PublicationDeadline | null)[]> {
  if (rows.length === 0) return [];
  const calendar = await loadCalendar(db);
  return rows.map((r) => {
    if (r.attribute !== 'proactive') return null;
    try {
      const due = proactivePublicationDue(calendar, r.written_date);
      const doneOn = r.status === 'published' ? r.published_date : null;
      // Counted over a year whose notice is not loaded: the date is provisional, and said to be.
      const provisional = provisionalYearsBetween(calendar, r.written_date, due);
      return {
        due,
        missingYear: provisional[0] ?? null,
        message: provisional.length > 0 ? `${provisionalNote(provisional)}` : null,
        overdue: doneOn ? doneOn > due : today > due,
      };
    } catch (err) {
      if (err instanceof CalendarYearMissingError)
        return {
          due: null,
          missingYear: err.params.year,
          message: `${err.params.year}年的节假日安排尚未录入工作日历，无法计算主动公开期限（条例第二十六条：20个工作日）。`,
          overdue: false,
        };
      throw err;
    }
  });
}

// ───────────────────────────── reading ─────────────────────────────

export type DocumentFilters = Omit<store.DocumentListFilter, 'orgIds'>;

export async function listDocuments(db: Db, actor: Actor, f: DocumentFilters) {
  const visible = await authorize(db, actor, 'view');
  const { rows, total } = await store.listDocuments(db, { ...f, orgIds: [...visible] });
  const deadlines = await publicationDeadlines(db, rows, chinaToday());
  return {
    total,
    items: rows.map((r, i) => ({
      ...presentListRow(r),
      /** Art. 26 deadline for proactive documents (null otherwise), as in the document's detail. */
      publicationDeadline: deadlines[i] ?? null,
    })),
  };
}

/**
 * One document as staff see it (the console). No access checks: callers check. `today` decides
 * whether the Art. 26 deadline has passed.
 */
export async function documentDetail(db: Db, id: number, opts: { today?: string } = {}) {
  const loaded = await store.loadDocumentDetail(db, id);
  if (!loaded) throw new AppError('NOT_FOUND');
  const d = loaded.document;
  const [reviews, attributeReviews, creatorName, signerNames, [deadline]] = await Promise.all([
    store.listReviews(db, id),
    store.listAttributeReviews(db, id),
    creatorNameOf(db, d),
    userDisplayNames(db, d.published_by ? [d.published_by] : []),
    publicationDeadlines(db, [d], opts.today ?? chinaToday()),
  ]);
  return presentStaffDocument({
    ...loaded,
    creatorName,
    signerName: d.published_by ? (signerNames.get(d.published_by) ?? null) : null,
    reviews,
    attributeReviews,
    publicationDeadline: deadline ?? null,
    allowedActions: allowedActions(workflowDoc(d, loaded.interpretations.length)),
  });
}

async function creatorNameOf(db: Db, d: DocumentRow): Promise<string | null> {
  const names = await userDisplayNames(db, d.created_by ? [d.created_by] : []);
  return d.created_by ? (names.get(d.created_by) ?? null) : null;
}

export async function getDocument(db: Db, actor: Actor, id: number, today?: string) {
  await loadForActor(db, actor, id, 'view');
  return documentDetail(db, id, { today });
}

/** A document as the public sees it: only published 主动公开 documents; otherwise NOT_FOUND. */
export async function getPublicDocument(db: Db, id: number) {
  const row = await store.findPublicationState(db, id);
  if (row?.status !== 'published' || row.attribute !== 'proactive') throw new AppError('NOT_FOUND');
  const loaded = await store.loadDocumentDetail(db, id);
  if (!loaded) throw new AppError('NOT_FOUND');
  return presentPublicDocument({ ...loaded, creatorName: await creatorNameOf(db, loaded.document) });
}

/**
 * Full-text search of the library (search/service.ts). Everyone finds published 主动公开 documents; with
 * `draftsFor`, a staff member also finds unpublished ones, only within their scope: one organisation
 * at a time (their own unless another visible one is asked for); an administrator of the whole tree
 * may search all.
 */
export async function searchLibrary(
  db: Db,
  params: Omit<SearchDocumentsParams, 'publishedOnly'>,
  draftsFor: Actor | null = null,
): Promise<DocumentSearchResult> {
  let orgId = params.orgId;
  if (draftsFor) {
    const visible = await authorize(db, draftsFor, 'view');
    if (orgId && !visible.has(orgId)) throw new AppError('FORBIDDEN');
    if (!orgId && visible.size < (await countOrgs(db))) orgId = draftsFor.orgId;
  }
  return searchDocuments(db, { ...params, orgId, publishedOnly: !draftsFor });
}

/** A document found by its 文号, typed with any brackets; null when none. */
export async function findByDocNumber(db: Db, docNumber: string): Promise<DocumentRow | null> {
  const key = docNumberKey(docNumber);
  if (!key) return null;
  return (await store.findByDocNumberKey(db, key)) ?? null;
}

// ───────────────────────────── themes (特色主题) ─────────────────────────────

export async function listThemes(db: Db) {
  const rows = await store.listThemes(db);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    sortOrder: r.sort_order,
    documentCount: r.document_count,
  }));
}

/** Themes are platform-wide: only an administrator whose scope is the whole tree changes them. */
/** Platform-wide reference data (the themes, the settings): an administrator or office over the whole tree. */
async function authorizePlatformWide(db: Db, actor: Actor): Promise<void> {
  if (!can(actor, 'themes', { seesWholeTree: await seesWholeTree(db, actor) }))
    throw new AppError('FORBIDDEN');
}

export async function saveTheme(
  db: Db,
  actor: Actor,
  id: number | null,
  v: { name: string; description?: string; sortOrder?: number },
) {
  await authorizePlatformWide(db, actor);
  const name = v.name.trim();
  if (name === '' || name.length > 50)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'name', message: '主题名称应为1至50个字' }]);
  return inTransaction(db, async (tx) => {
    const clash = await store.findThemeByName(tx, name);
    if (clash && clash.id !== id) throw new AppError('DUPLICATE', { what: `主题“${name}”` });
    const values = { name, description: v.description ?? '', sort_order: v.sortOrder ?? 0 };
    const row = id === null ? await store.insertTheme(tx, values) : await store.updateTheme(tx, id, values);
    if (!row) throw new AppError('NOT_FOUND');
    await recordAudit(tx, {
      actorId: actor.id,
      action: id === null ? 'document_theme.create' : 'document_theme.update',
      subjectType: 'document_theme',
      subjectId: row.id,
      after: row,
    });
    return { id: row.id, name: row.name, description: row.description, sortOrder: row.sort_order };
  });
}

export async function deleteTheme(db: Db, actor: Actor, id: number): Promise<void> {
  await authorizePlatformWide(db, actor);
  await inTransaction(db, async (tx) => {
    const row = await store.deleteTheme(tx, id);
    if (!row) throw new AppError('NOT_FOUND');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'document_theme.delete',
      subjectType: 'document_theme',
      subjectId: id,
      before: row,
    });
  });
}

// ───────────────────────────── release with a reply (依申请公开) ─────────────────────────────

/** A document as an application's reply releases it: its text and its attachments' files. */
export type ReleasableDocument = {
  id: number;
  title: string;
  docNumber: string | null;
  orgName: string;
  writtenDate: string;
  bodyHtml: string;
  /** Published 主动公开: the public page the applicant may also read it on. */
  public: boolean;
  attachments: { fileId: number; name: string }[];
};

async function releasable(db: Db, id: number): Promise<ReleasableDocument | null> {
  const loaded = await store.loadDocumentDetail(db, id);
  if (!loaded) return null;
  const d = loaded.document;
  return {
    id: d.id,
    title: d.title,
    docNumber: d.doc_number,
    orgName: d.org_name,
    writtenDate: d.written_date,
    // Stored sanitised; sanitised again, as it is shown outside the library's own pages.
    bodyHtml: sanitizeBody(d.body_html),
    public: d.status === 'published' && d.attribute === 'proactive',
    attachments: loaded.attachments.map((a) => ({ fileId: a.file_id, name: a.name })),
  };
}

/**
 * The documents a handler releases with a reply: each must be one the person may view in the library
 * (their organisations' documents; NOT_FOUND otherwise, as for any document out of scope).
 */
export async function documentsForRelease(
  db: Db,
  actor: Actor,
  ids: readonly number[],
): Promise<ReleasableDocument[]> {
  const out: ReleasableDocument[] = [];
  for (const id of ids) {
    await loadForActor(db, actor, id, 'view');
    const doc = await releasable(db, id);
    if (!doc) throw new AppError('NOT_FOUND');
    out.push(doc);
  }
  return out;
}

/** A document a reply released, for the applicant's page and the case file (the case authorizes). */
export async function releasedDocument(db: Db, id: number): Promise<ReleasableDocument | null> {
  return releasable(db, id);
}
