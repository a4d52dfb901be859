/**
 * Documents service: drafting, the disclosure attribute, 保密审查 (一事一审), 三同步 publication, the
 * Art. 26 publication deadline, settings and 特色主题. Every write: one transaction + audit, then the
 * search vector is refreshed in that transaction (search.ts, `refreshDocumentSearch`).
 */
import { type Kysely, sql, type Transaction, type Updateable } from 'kysely';
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
import { findOrg, orgNames, userDisplayNames, visibleOrgIds } from '../orgs/index.ts';
import {
  ATTRIBUTE_LABELS,
  type Attribute,
  type DocStatus,
  findGenre,
  findLegalGround,
  GENRE_LABELS,
  legalGroundLabel,
  RELATION_KIND_LABELS,
  STATUS_LABELS,
  TOPIC_LABELS,
  TOPICS,
  VALIDITY_LABELS,
  type Validity,
} from './domain/codes.ts';
import { docNumberKey, parseDocNumber } from './domain/doc-number.ts';
import { checkIndexPattern, formatIndexNumber, orgCodeFor } from './domain/index-number.ts';
import { can, type DocPermission } from './domain/policies.ts';
import {
  allowedActions,
  attributeProblems,
  attributeReviewDue,
  decide,
  type WorkflowAction,
} from './domain/workflow.ts';
import { htmlToText, sanitizeBody } from './html.ts';
import { reindex } from './reindex.ts';
import type { DocumentRow, DocumentsTable } from './store.ts';

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

async function issuersOf(db: Db, id: number): Promise<number[]> {
  const rows = await db
    .selectFrom('document_issuers')
    .select('org_id')
    .where('document_id', '=', id)
    .execute();
  return rows.map((r) => r.org_id);
}

/** The document, or NOT_FOUND; and FORBIDDEN/NOT_FOUND when out of the actor's scope. */
export async function loadForActor(
  db: Db,
  actor: Actor,
  id: number,
  permission: DocPermission,
): Promise<DocumentRow> {
  const doc = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!doc) throw new AppError('NOT_FOUND');
  await authorize(db, actor, permission, [doc.org_id, ...(await issuersOf(db, id))]);
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

function isIsoDay(s: string): boolean {
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
  if (v.themeIds && v.themeIds.length > 0) {
    const themes = await db
      .selectFrom('document_themes')
      .select('id')
      .where('id', 'in', v.themeIds)
      .execute();
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
  const row = await db.selectFrom('document_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  return {
    indexPattern: row?.index_pattern ?? '{orgCode}-{category}-{year}-{serial:5}',
    reviewIntervalMonths: row?.review_interval_months ?? 12,
  };
}

export async function updateSettings(
  db: Db,
  actor: Actor,
  patch: Partial<DocumentSettings>,
): Promise<DocumentSettings> {
  await authorize(db, actor, 'settings');
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
    await tx
      .updateTable('document_settings')
      .set({
        ...(patch.indexPattern !== undefined ? { index_pattern: patch.indexPattern } : {}),
        ...(patch.reviewIntervalMonths !== undefined
          ? { review_interval_months: patch.reviewIntervalMonths }
          : {}),
      })
      .where('id', '=', 1)
      .execute();
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
  writtenDate: string,
): Promise<string> {
  const year = Number(writtenDate.slice(0, 4));
  const org = await findOrg(tx, orgId);
  if (!org) throw new Error(`organisation ${orgId} not found`);
  const { indexPattern } = await getSettings(tx);
  const row = await tx
    .insertInto('document_index_serials')
    .values({ org_id: orgId, year, last_serial: 1 })
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'year'])
        .doUpdateSet({ last_serial: sql<number>`document_index_serials.last_serial + 1` }),
    )
    .returning('last_serial')
    .executeTakeFirstOrThrow();
  return formatIndexNumber(indexPattern, {
    orgCode: orgCodeFor(org),
    category: findGenre(genre)?.category ?? 'QT',
    year,
    serial: row.last_serial,
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
  if (issuerOrgIds !== undefined || orgId !== undefined) {
    const all = [...new Set([orgId, ...(issuerOrgIds ?? [])])];
    await tx.deleteFrom('document_issuers').where('document_id', '=', id).execute();
    await tx
      .insertInto('document_issuers')
      .values(all.map((o) => ({ document_id: id, org_id: o })))
      .execute();
  }
  if (themeIds !== undefined) {
    await tx.deleteFrom('document_theme_links').where('document_id', '=', id).execute();
    const uniq = [...new Set(themeIds)];
    if (uniq.length > 0)
      await tx
        .insertInto('document_theme_links')
        .values(uniq.map((t) => ({ document_id: id, theme_id: t })))
        .execute();
  }
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
  const indexNumber = await nextIndexNumber(tx, input.orgId, input.genre, input.writtenDate);
  const row = await tx
    .insertInto('documents')
    .values({
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
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeLinks(tx, row.id, input.orgId, input.issuerOrgIds ?? [], input.themeIds ?? []);
  return row;
}

function auditView(r: DocumentRow) {
  const { search_vector: _sv, body_html: _bh, body_text: _bt, ...rest } = r;
  return rest;
}

async function lockDoc(tx: Tx, id: number): Promise<DocumentRow> {
  const row = await tx
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function interpretationCount(db: Db, id: number): Promise<number> {
  const r = await db
    .selectFrom('interpretations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('document_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(r.n);
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
    const updated = await tx
      .updateTable('documents')
      .set({
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
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const issuers =
      patch.issuerOrgIds ??
      (patch.orgId !== undefined ? (await issuersOf(tx, id)).filter((o) => o !== row.org_id) : undefined);
    if (issuers !== undefined || patch.themeIds !== undefined)
      await writeLinks(tx, id, merged.orgId, issuers ?? (await issuersOf(tx, id)), patch.themeIds);
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
    const updated = await tx
      .updateTable('documents')
      .set({
        attribute: v.attribute,
        attribute_ground: proactive ? null : (v.attributeGround ?? null),
        attribute_reason: proactive ? null : (v.attributeReason?.trim() ?? null),
        attribute_review_due:
          row.status === 'published' ? attributeReviewDue(v.attribute, today, reviewIntervalMonths) : null,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
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
    const d = decide(workflowDoc(row, await interpretationCount(tx, id)), action);
    if (!d.ok) refuse(d);
    const set: Updateable<DocumentsTable> = { status: d.next, updated_at: new Date() };
    if (action === 'publish') {
      const on = extra.publishedDate ?? chinaToday();
      set.published_date = on;
      set.attribute_review_due = attributeReviewDue(row.attribute, on, reviewIntervalMonths);
    }
    const updated = await tx
      .updateTable('documents')
      .set(set)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (action === 'publish') {
      // Interpretations published with the document (三同步) carry its publication date.
      await tx
        .updateTable('interpretations')
        .set({ published_date: updated.published_date })
        .where('document_id', '=', id)
        .where('published_date', 'is', null)
        .execute();
    }
    if (action === 'approve' || action === 'return') {
      await tx
        .insertInto('document_reviews')
        .values({
          document_id: id,
          reviewer_id: actor.id,
          decision: action === 'approve' ? 'approved' : 'returned',
          notes: extra.notes ?? '',
        })
        .execute();
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

export type DocumentFilters = {
  q?: string;
  status?: DocStatus;
  attribute?: Attribute | 'none';
  genre?: string;
  orgId?: number;
  year?: number;
  validity?: Validity;
  historical?: boolean;
  themeId?: number;
  page: number;
  pageSize: number;
};

export async function listDocuments(db: Db, actor: Actor, f: DocumentFilters) {
  const visible = await authorize(db, actor, 'view');
  const ids = [...visible];
  let q = db
    .selectFrom('documents as d')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .where('d.org_id', 'in', ids.length ? ids : [-1]);
  if (f.status) q = q.where('d.status', '=', f.status);
  if (f.attribute === 'none') q = q.where('d.attribute', 'is', null);
  else if (f.attribute) q = q.where('d.attribute', '=', f.attribute);
  if (f.genre) q = q.where('d.genre', '=', f.genre);
  if (f.orgId) q = q.where('d.org_id', '=', f.orgId);
  if (f.validity) q = q.where('d.validity', '=', f.validity);
  if (f.historical !== undefined) q = q.where('d.historical', '=', f.historical);
  if (f.year)
    q = q.where('d.written_date', '>=', `${f.year}-01-01`).where('d.written_date', '<=', `${f.year}-12-31`);
  if (f.themeId) {
    const themeId = f.themeId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('document_theme_links as l')
          .select('l.theme_id')
          .whereRef('l.document_id', '=', 'd.id')
          .where('l.theme_id', '=', themeId),
      ),
    );
  }
  if (f.q && f.q.trim() !== '') {
    const like = `%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const key = docNumberKey(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('d.title', 'like', like),
        eb('d.doc_number_key', '=', key ?? ''),
        eb('d.index_number', '=', f.q?.trim() ?? ''),
      ]),
    );
  }
  const [rows, count] = await Promise.all([
    q
      .select([
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
      ])
      .orderBy('d.written_date', 'desc')
      .orderBy('d.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const deadlines = await publicationDeadlines(db, rows, chinaToday());
  return {
    total: Number(count.n),
    items: rows.map((r, i) => ({
      ...presentListRow(r),
      /** Art. 26 deadline for proactive documents (null otherwise); see DocumentDetail.publicationDeadline. */
      publicationDeadline: deadlines[i] ?? null,
    })),
  };
}

export type DocumentListItem = ReturnType<typeof presentListRow>;

export function presentListRow(r: {
  id: number;
  title: string;
  doc_number: string | null;
  index_number: string;
  org_id: number;
  org_name: string;
  genre: string;
  written_date: string;
  published_date: string | null;
  effective_date: string | null;
  validity: Validity;
  attribute: Attribute | null;
  status: DocStatus;
  historical: boolean;
  attribute_review_due: string | null;
  converted_on: string | null;
}) {
  return {
    id: r.id,
    title: r.title,
    docNumber: r.doc_number,
    indexNumber: r.index_number,
    orgId: r.org_id,
    orgName: r.org_name,
    genre: r.genre,
    genreLabel: GENRE_LABELS[r.genre] ?? r.genre,
    writtenDate: r.written_date,
    publishedDate: r.published_date,
    effectiveDate: r.effective_date,
    validity: r.validity,
    validityLabel: VALIDITY_LABELS[r.validity] ?? r.validity,
    attribute: r.attribute,
    attributeLabel: r.attribute ? ATTRIBUTE_LABELS[r.attribute] : '未确定',
    status: r.status,
    statusLabel: STATUS_LABELS[r.status] ?? r.status,
    historical: r.historical,
    attributeReviewDue: r.attribute_review_due,
    convertedOn: r.converted_on,
  };
}

export type DocumentDetail = Awaited<ReturnType<typeof documentDetail>>;

/** Everything about one document (staff view unless `publicView`). No access checks: callers check. */
export async function documentDetail(
  db: Db,
  id: number,
  opts: { publicView?: boolean; today?: string } = {},
) {
  const d = await db
    .selectFrom('documents as d')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .selectAll('d')
    .select('o.name as org_name')
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!d) throw new AppError('NOT_FOUND');
  const today = opts.today ?? chinaToday();
  const [
    issuers,
    themes,
    attachments,
    interpretations,
    outgoing,
    incoming,
    versions,
    reviews,
    attrReviews,
    creator,
  ] = await Promise.all([
    db
      .selectFrom('document_issuers as i')
      .innerJoin('orgs as o', 'o.id', 'i.org_id')
      .select(['o.id', 'o.name'])
      .where('i.document_id', '=', id)
      .orderBy('o.sort_order')
      .orderBy('o.id')
      .execute(),
    db
      .selectFrom('document_theme_links as l')
      .innerJoin('document_themes as t', 't.id', 'l.theme_id')
      .select(['t.id', 't.name'])
      .where('l.document_id', '=', id)
      .orderBy('t.sort_order')
      .execute(),
    db
      .selectFrom('document_attachments as a')
      .innerJoin('files as f', 'f.id', 'a.file_id')
      .select([
        'a.id',
        'a.file_id',
        'a.name',
        'a.sort_order',
        'f.mime',
        'f.size',
        sql<number>`length(a.text_content)`.as('text_length'),
      ])
      .where('a.document_id', '=', id)
      .orderBy('a.sort_order')
      .orderBy('a.id')
      .execute(),
    db
      .selectFrom('interpretations')
      .select(['id', 'kind', 'title', 'published_date', 'video_url', 'image_file_id'])
      .where('document_id', '=', id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('document_relations as r')
      .innerJoin('documents as t', 't.id', 'r.target_id')
      .select([
        'r.id',
        'r.kind',
        'r.effective_date',
        'r.applied',
        't.id as doc_id',
        't.title',
        't.doc_number',
        't.validity',
        't.status',
        't.attribute',
      ])
      .where('r.document_id', '=', id)
      .orderBy('r.effective_date')
      .execute(),
    db
      .selectFrom('document_relations as r')
      .innerJoin('documents as t', 't.id', 'r.document_id')
      .select([
        'r.id',
        'r.kind',
        'r.effective_date',
        'r.applied',
        't.id as doc_id',
        't.title',
        't.doc_number',
        't.validity',
        't.status',
        't.attribute',
      ])
      .where('r.target_id', '=', id)
      .orderBy('r.effective_date')
      .execute(),
    db
      .selectFrom('document_versions')
      .select(['id', 'version_no', 'title', 'valid_from', 'valid_to'])
      .where('document_id', '=', id)
      .orderBy('version_no')
      .execute(),
    opts.publicView
      ? Promise.resolve([])
      : db
          .selectFrom('document_reviews as r')
          .innerJoin('users as u', 'u.id', 'r.reviewer_id')
          .select(['r.id', 'r.decision', 'r.notes', 'r.reviewed_at', 'u.display_name'])
          .where('r.document_id', '=', id)
          .orderBy('r.id')
          .execute(),
    opts.publicView
      ? Promise.resolve([])
      : db
          .selectFrom('document_attribute_reviews as r')
          .leftJoin('users as u', 'u.id', 'r.reviewer_id')
          .select(['r.id', 'r.decision', 'r.notes', 'r.source', 'r.reviewed_at', 'u.display_name'])
          .where('r.document_id', '=', id)
          .orderBy('r.id')
          .execute(),
    userDisplayNames(db, d.created_by ? [d.created_by] : []),
  ]);
  const publicOk = (r: { status: string; attribute: string | null }) =>
    r.status === 'published' && r.attribute === 'proactive';
  const rel = (r: (typeof outgoing)[number]) => ({
    id: r.id,
    kind: r.kind,
    kindLabel: RELATION_KIND_LABELS[r.kind],
    effectiveDate: r.effective_date,
    applied: r.applied,
    document: {
      id: r.doc_id,
      title: r.title,
      docNumber: r.doc_number,
      validity: r.validity,
      validityLabel: VALIDITY_LABELS[r.validity],
    },
  });
  const [deadline] = opts.publicView ? [null] : await publicationDeadlines(db, [d], today);
  const wf = workflowDoc(d, interpretations.length);
  return {
    id: d.id,
    title: d.title,
    docNumber: d.doc_number,
    indexNumber: d.index_number,
    orgId: d.org_id,
    orgName: d.org_name,
    issuers: issuers.map((o) => ({ id: o.id, name: o.name })),
    genre: d.genre,
    genreLabel: GENRE_LABELS[d.genre] ?? d.genre,
    topic: d.topic,
    topicLabel: d.topic ? (TOPIC_LABELS[d.topic] ?? d.topic) : null,
    keywords: d.keywords,
    summary: d.summary,
    bodyHtml: d.body_html,
    writtenDate: d.written_date,
    publishedDate: d.published_date,
    effectiveDate: d.effective_date,
    validity: d.validity,
    validityLabel: VALIDITY_LABELS[d.validity],
    validityChangedOn: d.validity_changed_on,
    attribute: d.attribute,
    attributeLabel: d.attribute ? ATTRIBUTE_LABELS[d.attribute] : '未确定',
    attributeGround: opts.publicView ? null : d.attribute_ground,
    attributeGroundLabel:
      opts.publicView || !d.attribute_ground ? null : legalGroundLabel(d.attribute_ground),
    attributeReason: opts.publicView ? null : d.attribute_reason,
    status: d.status,
    statusLabel: STATUS_LABELS[d.status],
    attributeReviewDue: opts.publicView ? null : d.attribute_review_due,
    convertedOn: d.converted_on,
    historical: d.historical,
    themes,
    createdBy: d.created_by ? (creator.get(d.created_by) ?? null) : null,
    createdAt: d.created_at.toISOString(),
    updatedAt: d.updated_at.toISOString(),
    attachments: attachments.map((a) => ({
      id: a.id,
      fileId: a.file_id,
      name: a.name,
      mime: a.mime,
      size: a.size,
      sortOrder: a.sort_order,
      hasText: Number(a.text_length) > 0,
    })),
    interpretations: interpretations.map((i) => ({
      id: i.id,
      kind: i.kind,
      title: i.title,
      publishedDate: i.published_date,
      videoUrl: i.video_url,
      imageFileId: i.image_file_id,
    })),
    relations: {
      /** This document amends/repeals/replaces these (older) documents. */
      outgoing: (opts.publicView ? outgoing.filter(publicOk) : outgoing).map(rel),
      /** These (newer) documents amend/repeal/replace this one. */
      incoming: (opts.publicView ? incoming.filter(publicOk) : incoming).map(rel),
    },
    versions: versions.map((v) => ({
      id: v.id,
      versionNo: v.version_no,
      title: v.title,
      validFrom: v.valid_from,
      validTo: v.valid_to,
    })),
    reviews: reviews.map((r) => ({
      id: r.id,
      decision: r.decision,
      decisionLabel: r.decision === 'approved' ? '审查通过' : '退回修改',
      notes: r.notes,
      reviewer: r.display_name,
      reviewedAt: r.reviewed_at.toISOString(),
    })),
    attributeReviews: attrReviews.map((r) => ({
      id: r.id,
      decision: r.decision,
      decisionLabel: r.decision === 'converted' ? '转为主动公开' : '维持原属性',
      notes: r.notes,
      source: r.source,
      reviewer: r.display_name ?? null,
      reviewedAt: r.reviewed_at.toISOString(),
    })),
    publicationDeadline: deadline ?? null,
    allowedActions: opts.publicView ? [] : allowedActions(wf),
    needsInterpretation: findGenre(d.genre)?.policy ?? false,
  };
}

export async function getDocument(db: Db, actor: Actor, id: number, today?: string) {
  await loadForActor(db, actor, id, 'view');
  return documentDetail(db, id, { today });
}

/** A document as the public sees it: only published 主动公开 documents; otherwise NOT_FOUND. */
export async function getPublicDocument(db: Db, id: number) {
  const row = await db
    .selectFrom('documents')
    .select(['status', 'attribute'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row?.status !== 'published' || row.attribute !== 'proactive') throw new AppError('NOT_FOUND');
  return documentDetail(db, id, { publicView: true });
}

/** A document found by its 文号, typed with any brackets; null when none. */
export async function findByDocNumber(db: Db, docNumber: string): Promise<DocumentRow | null> {
  const key = docNumberKey(docNumber);
  if (!key) return null;
  return (
    (await db
      .selectFrom('documents')
      .selectAll()
      .where('doc_number_key', '=', key)
      .orderBy('id')
      .executeTakeFirst()) ?? null
  );
}

// ───────────────────────────── themes (特色主题) ─────────────────────────────

export async function listThemes(db: Db) {
  const rows = await db
    .selectFrom('document_themes as t')
    .leftJoin('document_theme_links as l', 'l.theme_id', 't.id')
    .select([
      't.id',
      't.name',
      't.description',
      't.sort_order',
      (eb) => eb.fn.count<number>('l.document_id').as('n'),
    ])
    .groupBy('t.id')
    .orderBy('t.sort_order')
    .orderBy('t.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    sortOrder: r.sort_order,
    documentCount: Number(r.n),
  }));
}

export async function saveTheme(
  db: Db,
  actor: Actor,
  id: number | null,
  v: { name: string; description?: string; sortOrder?: number },
) {
  await authorize(db, actor, 'settings');
  const name = v.name.trim();
  if (name === '' || name.length > 50)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'name', message: '主题名称应为1至50个字' }]);
  return inTransaction(db, async (tx) => {
    const clash = await tx
      .selectFrom('document_themes')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirst();
    if (clash && clash.id !== id) throw new AppError('DUPLICATE', { what: `主题“${name}”` });
    const values = { name, description: v.description ?? '', sort_order: v.sortOrder ?? 0 };
    const row =
      id === null
        ? await tx.insertInto('document_themes').values(values).returningAll().executeTakeFirstOrThrow()
        : await tx
            .updateTable('document_themes')
            .set(values)
            .where('id', '=', id)
            .returningAll()
            .executeTakeFirst();
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
  await authorize(db, actor, 'settings');
  await inTransaction(db, async (tx) => {
    const row = await tx.deleteFrom('document_themes').where('id', '=', id).returningAll().executeTakeFirst();
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
