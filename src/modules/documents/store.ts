import type { ColumnType, Generated, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Database, Timestamp } from '../../platform/db/database.ts';
import { docNumberKey } from './domain/doc-number.ts';

export type Validity = 'valid' | 'amended' | 'repealed' | 'expired';
export type Attribute = 'proactive' | 'on_request' | 'not_public';
export type DocStatus = 'draft' | 'in_review' | 'returned' | 'approved' | 'published';

/** 政府文件. `search_vector` is kept by search/service.ts (refreshDocumentSearch). Dates are ISO strings. */
export interface DocumentsTable {
  id: Generated<number>;
  title: string;
  doc_number: string | null;
  doc_number_key: string | null;
  index_number: string;
  org_id: number;
  genre: string;
  topic: string | null;
  keywords: ColumnType<string[], string[] | undefined, string[]>;
  summary: string | null;
  body_html: ColumnType<string, string | undefined, string>;
  body_text: ColumnType<string, string | undefined, string>;
  written_date: string;
  published_date: string | null;
  /** Who signed the publication (签发人), confirmed when publishing (migration 0049). */
  published_by: ColumnType<number | null, number | null | undefined, number | null>;
  effective_date: string | null;
  validity: ColumnType<Validity, Validity | undefined, Validity>;
  validity_changed_on: string | null;
  attribute: Attribute | null;
  attribute_ground: string | null;
  attribute_reason: string | null;
  status: ColumnType<DocStatus, DocStatus | undefined, DocStatus>;
  attribute_review_due: string | null;
  converted_on: string | null;
  historical: ColumnType<boolean, boolean | undefined, boolean>;
  search_vector: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DocumentIssuersTable {
  document_id: number;
  org_id: number;
}

/** 特色主题 defined by an administrator. */
export interface DocumentThemesTable {
  id: Generated<number>;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  sort_order: ColumnType<number, number | undefined, number>;
}

export interface DocumentThemeLinksTable {
  document_id: number;
  theme_id: number;
}

/** 保密审查 records (一事一审): one row per review decision. */
export interface DocumentReviewsTable {
  id: Generated<number>;
  document_id: number;
  reviewer_id: number;
  decision: 'approved' | 'returned';
  notes: ColumnType<string, string | undefined, string>;
  reviewed_at: Timestamp;
}

export interface DocumentAttachmentsTable {
  id: Generated<number>;
  document_id: number;
  file_id: number;
  name: string;
  text_content: ColumnType<string, string | undefined, string>;
  sort_order: ColumnType<number, number | undefined, number>;
}

export type InterpretationKind = 'text' | 'graphic' | 'video' | 'qa' | 'followup';
export type QaItem = { q: string; a: string };

/** 政策解读 materials, several per document. */
export interface InterpretationsTable {
  id: Generated<number>;
  document_id: number;
  kind: InterpretationKind;
  title: string;
  body_html: ColumnType<string, string | undefined, string>;
  image_file_id: number | null;
  video_url: string | null;
  qa: ColumnType<QaItem[], string | undefined, string>;
  published_date: string | null;
  /** 后续解读 added after publication wait for review ('pending') before the public sees them. */
  review_status: ColumnType<
    InterpretationReviewStatus,
    InterpretationReviewStatus | undefined,
    InterpretationReviewStatus
  >;
  reviewed_by: ColumnType<number | null, number | null | undefined, number | null>;
  reviewed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: Timestamp;
}

export type InterpretationReviewStatus = 'pending' | 'published';

export type RelationKind = 'amends' | 'repeals' | 'replaces';

/** `document_id` (the new document) amends/repeals/replaces `target_id` (the old one) from `effective_date`. */
export interface DocumentRelationsTable {
  id: Generated<number>;
  document_id: number;
  target_id: number;
  kind: RelationKind;
  effective_date: string;
  /**
   * True once the target's validity has been changed: when the relating document is published and the
   * effective date has come (at publication, or by the daily job).
   */
  applied: ColumnType<boolean, boolean | undefined, boolean>;
  /** For an amended 规章: its consolidated new text, put in force when the relation is applied. */
  new_target_body_html: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

/** Historical texts (e.g. a 规章 before its amendment), in force from valid_from to valid_to (exclusive). */
export interface DocumentVersionsTable {
  id: Generated<number>;
  document_id: number;
  version_no: number;
  title: string;
  body_html: ColumnType<string, string | undefined, string>;
  valid_from: string | null;
  valid_to: string | null;
}

export interface DocumentAttributeReviewsTable {
  id: Generated<number>;
  document_id: number;
  decision: 'converted' | 'confirmed';
  reviewer_id: number | null;
  notes: ColumnType<string, string | undefined, string>;
  /** 'periodic' (interval review) or 'request' (an application released the document). */
  source: ColumnType<'periodic' | 'request', 'periodic' | 'request' | undefined, 'periodic' | 'request'>;
  reviewed_at: Timestamp;
}

export interface DocumentSettingsTable {
  id: ColumnType<number, number | undefined, never>;
  index_pattern: ColumnType<string, string | undefined, string>;
  review_interval_months: ColumnType<number, number | undefined, number>;
}

export interface DocumentIndexSerialsTable {
  org_id: number;
  year: number;
  last_serial: number;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    documents: DocumentsTable;
    document_issuers: DocumentIssuersTable;
    document_themes: DocumentThemesTable;
    document_theme_links: DocumentThemeLinksTable;
    document_reviews: DocumentReviewsTable;
    document_attachments: DocumentAttachmentsTable;
    interpretations: InterpretationsTable;
    document_relations: DocumentRelationsTable;
    document_versions: DocumentVersionsTable;
    document_attribute_reviews: DocumentAttributeReviewsTable;
    document_settings: DocumentSettingsTable;
    document_index_serials: DocumentIndexSerialsTable;
  }
}

export type DocumentRow = Selectable<DocumentsTable>;
export type InterpretationRow = Selectable<InterpretationsTable>;
export type AttachmentRow = Selectable<DocumentAttachmentsTable>;
export type RelationRow = Selectable<DocumentRelationsTable>;
export type VersionRow = Selectable<DocumentVersionsTable>;
export type ThemeRow = Selectable<DocumentThemesTable>;
export type DocumentSettingsRow = Selectable<DocumentSettingsTable>;
export type AttributeReviewRow = Selectable<DocumentAttributeReviewsTable>;
export type NewDocument = Insertable<DocumentsTable>;
export type DocumentChanges = Updateable<DocumentsTable>;

type Db = Kysely<Database>;

// ───────────────────────────── documents ─────────────────────────────

export function findDocument(db: Db, id: number): Promise<DocumentRow | undefined> {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The document locked for update until the transaction ends. */
export function lockDocument(db: Db, id: number): Promise<DocumentRow | undefined> {
  return db.selectFrom('documents').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Only the validity of a document, locked for update (a relation or a validity change is applied). */
export function lockDocumentValidity(
  db: Db,
  id: number,
): Promise<{ id: number; validity: Validity; genre: string }> {
  return db
    .selectFrom('documents')
    .select(['id', 'validity', 'genre'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

/** What the public rule (published and 主动公开) needs of a document. */
export function findPublicationState(
  db: Db,
  id: number,
): Promise<{ status: DocStatus; attribute: Attribute | null } | undefined> {
  return db.selectFrom('documents').select(['status', 'attribute']).where('id', '=', id).executeTakeFirst();
}

/** Title and 文号 of a document with its status and attribute (an interpretation's link back). */
export function findDocumentHeading(
  db: Db,
  id: number,
): Promise<{
  id: number;
  title: string;
  doc_number: string | null;
  status: DocStatus;
  attribute: Attribute | null;
}> {
  return db
    .selectFrom('documents')
    .select(['id', 'title', 'doc_number', 'status', 'attribute'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** The first document (lowest id) with this normalised 文号 key. */
export function findByDocNumberKey(db: Db, key: string): Promise<DocumentRow | undefined> {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('doc_number_key', '=', key)
    .orderBy('id')
    .executeTakeFirst();
}

export function insertDocument(db: Db, values: NewDocument): Promise<DocumentRow> {
  return db.insertInto('documents').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Change some columns of a document; the row as written. */
export function updateDocument(db: Db, id: number, changes: DocumentChanges): Promise<DocumentRow> {
  return db
    .updateTable('documents')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Organisations recorded as issuers of a document (the primary one included). */
export async function issuerIds(db: Db, documentId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('document_issuers')
    .select('org_id')
    .where('document_id', '=', documentId)
    .execute();
  return rows.map((r) => r.org_id);
}

/** Replace the issuers of a document. */
export async function replaceIssuers(db: Db, documentId: number, orgIds: readonly number[]): Promise<void> {
  await db.deleteFrom('document_issuers').where('document_id', '=', documentId).execute();
  if (orgIds.length === 0) return;
  await db
    .insertInto('document_issuers')
    .values(orgIds.map((o) => ({ document_id: documentId, org_id: o })))
    .execute();
}

/** Replace the 特色主题 of a document. */
export async function replaceThemeLinks(
  db: Db,
  documentId: number,
  themeIds: readonly number[],
): Promise<void> {
  await db.deleteFrom('document_theme_links').where('document_id', '=', documentId).execute();
  if (themeIds.length === 0) return;
  await db
    .insertInto('document_theme_links')
    .values(themeIds.map((t) => ({ document_id: documentId, theme_id: t })))
    .execute();
}

/** Record one 保密审查 decision. */
export async function insertReview(
  db: Db,
  v: { documentId: number; reviewerId: number; decision: 'approved' | 'returned'; notes: string },
): Promise<void> {
  await db
    .insertInto('document_reviews')
    .values({ document_id: v.documentId, reviewer_id: v.reviewerId, decision: v.decision, notes: v.notes })
    .execute();
}

/** Proactive documents not yet published that a user drafted (the Art. 26 reminders). */
export function unpublishedProactiveDocuments(
  db: Db,
): Promise<{ id: number; title: string; written_date: string; created_by: number | null }[]> {
  return db
    .selectFrom('documents')
    .select(['id', 'title', 'written_date', 'created_by'])
    .where('attribute', '=', 'proactive')
    .where('status', '!=', 'published')
    .where('historical', '=', false)
    .where('created_by', 'is not', null)
    .execute();
}

// ───────────────────────────── settings and 索引号 ─────────────────────────────

export function findSettings(db: Db): Promise<DocumentSettingsRow | undefined> {
  return db.selectFrom('document_settings').selectAll().where('id', '=', 1).executeTakeFirst();
}

export async function updateSettings(db: Db, changes: Updateable<DocumentSettingsTable>): Promise<void> {
  // Nothing to change (a PATCH of no known field): `update … set` needs a column.
  if (Object.values(changes).every((x) => x === undefined)) return;
  await db.updateTable('document_settings').set(changes).where('id', '=', 1).execute();
}

/** Take the next 索引号 serial of org+year: the serial row is upserted and so locked until the transaction ends. */
export async function takeIndexSerial(db: Db, orgId: number, year: number): Promise<number> {
  const row = await db
    .insertInto('document_index_serials')
    .values({ org_id: orgId, year, last_serial: 1 })
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'year'])
        .doUpdateSet({ last_serial: sql<number>`document_index_serials.last_serial + 1` }),
    )
    .returning('last_serial')
    .executeTakeFirstOrThrow();
  return row.last_serial;
}

// ───────────────────────────── themes (特色主题) ─────────────────────────────

/** The ids among `ids` that are themes. */
export async function existingThemeIds(db: Db, ids: readonly number[]): Promise<number[]> {
  const rows = await db
    .selectFrom('document_themes')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return rows.map((r) => r.id);
}

/** Every theme with the number of documents linked to it, in display order. */
export async function listThemes(db: Db): Promise<(ThemeRow & { document_count: number })[]> {
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
  return rows.map(({ n, ...r }) => ({ ...r, document_count: Number(n) }));
}

export function findThemeByName(db: Db, name: string): Promise<{ id: number } | undefined> {
  return db.selectFrom('document_themes').select('id').where('name', '=', name).executeTakeFirst();
}

export function insertTheme(db: Db, values: Insertable<DocumentThemesTable>): Promise<ThemeRow> {
  return db.insertInto('document_themes').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateTheme(
  db: Db,
  id: number,
  changes: Updateable<DocumentThemesTable>,
): Promise<ThemeRow | undefined> {
  return db
    .updateTable('document_themes')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export function deleteTheme(db: Db, id: number): Promise<ThemeRow | undefined> {
  return db.deleteFrom('document_themes').where('id', '=', id).returningAll().executeTakeFirst();
}

// ───────────────────────────── lists ─────────────────────────────

/** The columns of a document list row (`d` documents joined with `o` its organisation). */
export const LIST_COLUMNS = [
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

export type DocumentListRow = {
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
};

export type DocumentListFilter = {
  /** The organisations whose documents may be listed (the actor's scope). */
  orgIds: readonly number[];
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

/** One page of the staff list, newest 成文日期 first, with the total count. */
export async function listDocuments(
  db: Db,
  f: DocumentListFilter,
): Promise<{ rows: DocumentListRow[]; total: number }> {
  const ids = [...f.orgIds];
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
      .select([...LIST_COLUMNS])
      .orderBy('d.written_date', 'desc')
      .orderBy('d.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

// ───────────────────────────── one document with its parts ─────────────────────────────

export type RelatedDocumentRow = {
  id: number;
  kind: RelationKind;
  effective_date: string;
  applied: boolean;
  doc_id: number;
  title: string;
  doc_number: string | null;
  validity: Validity;
  status: DocStatus;
  attribute: Attribute | null;
};

/** A document with everything both audiences may see of it (see present.ts). */
export type DocumentDetailData = {
  document: DocumentRow & { org_name: string };
  issuers: { id: number; name: string }[];
  themes: { id: number; name: string }[];
  attachments: {
    id: number;
    file_id: number;
    name: string;
    sort_order: number;
    mime: string;
    size: number;
    text_length: number;
  }[];
  interpretations: {
    id: number;
    kind: InterpretationKind;
    title: string;
    published_date: string | null;
    review_status: InterpretationReviewStatus;
    video_url: string | null;
    image_file_id: number | null;
  }[];
  /** This document amends/repeals/replaces these (older) documents. */
  outgoing: RelatedDocumentRow[];
  /** These (newer) documents amend/repeal/replace this one. */
  incoming: RelatedDocumentRow[];
  versions: {
    id: number;
    version_no: number;
    title: string;
    valid_from: string | null;
    valid_to: string | null;
  }[];
};

/** Load one document with its issuers, themes, attachments, interpretations, relations and versions. */
export async function loadDocumentDetail(db: Db, id: number): Promise<DocumentDetailData | undefined> {
  const document = await db
    .selectFrom('documents as d')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .selectAll('d')
    .select('o.name as org_name')
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!document) return undefined;
  const relationColumns = [
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
  ] as const;
  const [issuers, themes, attachments, interpretations, outgoing, incoming, versions] = await Promise.all([
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
      .select(['id', 'kind', 'title', 'published_date', 'review_status', 'video_url', 'image_file_id'])
      .where('document_id', '=', id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('document_relations as r')
      .innerJoin('documents as t', 't.id', 'r.target_id')
      .select([...relationColumns])
      .where('r.document_id', '=', id)
      .orderBy('r.effective_date')
      .execute(),
    db
      .selectFrom('document_relations as r')
      .innerJoin('documents as t', 't.id', 'r.document_id')
      .select([...relationColumns])
      .where('r.target_id', '=', id)
      .orderBy('r.effective_date')
      .execute(),
    db
      .selectFrom('document_versions')
      .select(['id', 'version_no', 'title', 'valid_from', 'valid_to'])
      .where('document_id', '=', id)
      .orderBy('version_no')
      .execute(),
  ]);
  return { document, issuers, themes, attachments, interpretations, outgoing, incoming, versions };
}

export type ReviewRecordRow = {
  id: number;
  decision: 'approved' | 'returned';
  notes: string;
  reviewed_at: Date;
  /** The reviewer's name. */
  display_name: string;
};

/** The 保密审查 decisions on a document with their reviewers' names, in order. */
export function listReviews(db: Db, documentId: number): Promise<ReviewRecordRow[]> {
  return db
    .selectFrom('document_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.reviewer_id')
    .select(['r.id', 'r.decision', 'r.notes', 'r.reviewed_at', 'u.display_name'])
    .where('r.document_id', '=', documentId)
    .orderBy('r.id')
    .execute();
}

export type AttributeReviewRecordRow = {
  id: number;
  decision: 'converted' | 'confirmed';
  notes: string;
  source: 'periodic' | 'request';
  reviewed_at: Date;
  /** The reviewer's name (none for a decision recorded without one). */
  display_name: string | null;
};

/** The periodic-review decisions on a document's attribute with their reviewers' names, in order. */
export function listAttributeReviews(db: Db, documentId: number): Promise<AttributeReviewRecordRow[]> {
  return db
    .selectFrom('document_attribute_reviews as r')
    .leftJoin('users as u', 'u.id', 'r.reviewer_id')
    .select(['r.id', 'r.decision', 'r.notes', 'r.source', 'r.reviewed_at', 'u.display_name'])
    .where('r.document_id', '=', documentId)
    .orderBy('r.id')
    .execute();
}

// ───────────────────────────── statistics ─────────────────────────────

/** What 本年制发, 本年废止 and 现行有效 count of `documents d` (one definition for counts and records). */
function genreYearFilters(year: number) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  return {
    issued: sql<boolean>`d.status = 'published' and d.written_date between ${from}::date and ${to}::date`,
    repealed: sql<boolean>`d.validity = 'repealed' and d.validity_changed_on between ${from}::date and ${to}::date`,
    inForce: sql<boolean>`d.status = 'published' and d.written_date <= ${to}::date
        and (d.effective_date is null or d.effective_date <= ${to}::date)
        and (d.validity in ('valid', 'amended') or d.validity_changed_on > ${to}::date)`,
  };
}

/** The documents of a genre one of `genreYearCounts`' columns counts (the drill-down of a figure). */
export async function genreYearDocuments(
  db: Db,
  q: { year: number; orgIds?: readonly number[]; genre: string; column: 'issued' | 'repealed' | 'inForce' },
) {
  const f = genreYearFilters(q.year);
  const orgs = q.orgIds === undefined ? sql`true` : sql`d.org_id = any(${[...q.orgIds]}::int[])`;
  const { rows } = await sql<{
    id: number;
    title: string;
    doc_number: string | null;
    written_date: string | null;
    validity_changed_on: string | null;
  }>`
    select d.id, d.title, d.doc_number, d.written_date, d.validity_changed_on
    from documents d
    where ${orgs} and d.genre = ${q.genre} and (${f[q.column]})
    order by d.written_date, d.id`.execute(db);
  return rows;
}

/** `genreYearCounts` once per group of organisations, in one query (`StatsQuery.groups`). */
export async function genreYearCountsByGroup(
  db: Db,
  year: number,
  groups: readonly { key: string; orgIds: readonly number[] }[],
): Promise<{ grp: string; genre: string; issued: number; repealed: number; in_force: number }[]> {
  const f = genreYearFilters(year);
  const keys = groups.flatMap((g) => g.orgIds.map(() => g.key));
  const members = groups.flatMap((g) => [...g.orgIds]);
  const { rows } = await sql<{
    grp: string;
    genre: string;
    issued: number;
    repealed: number;
    in_force: number;
  }>`
    with g as (select * from unnest(${keys}::text[], ${members}::int[]) as g(grp, org_id))
    select g.grp, d.genre,
      count(*) filter (where ${f.issued})::int as issued,
      count(*) filter (where ${f.repealed})::int as repealed,
      count(*) filter (where ${f.inForce})::int as in_force
    from documents d join g on g.org_id = d.org_id
    group by g.grp, d.genre`.execute(db);
  return rows;
}

/**
 * Per genre, documents of the organisations (all when `orgIds` is undefined) issued in `year`
 * (published, 成文日期 in the year), repealed with effect in the year, and in force at its end
 * (see stats.ts).
 */
export async function genreYearCounts(
  db: Db,
  year: number,
  orgIds?: readonly number[],
): Promise<{ genre: string; issued: number; repealed: number; in_force: number }[]> {
  const orgs = orgIds === undefined ? sql`true` : sql`d.org_id = any(${[...orgIds]}::int[])`;
  const f = genreYearFilters(year);
  const { rows } = await sql<{ genre: string; issued: number; repealed: number; in_force: number }>`
    select d.genre,
      count(*) filter (where ${f.issued})::int as issued,
      count(*) filter (where ${f.repealed})::int as repealed,
      count(*) filter (where ${f.inForce})::int as in_force
    from documents d
    where ${orgs}
    group by d.genre`.execute(db);
  return rows;
}
