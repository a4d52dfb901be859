import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Timestamp } from '../../platform/db/database.ts';

export type Validity = 'valid' | 'amended' | 'repealed' | 'expired';
export type Attribute = 'proactive' | 'on_request' | 'not_public';
export type DocStatus = 'draft' | 'in_review' | 'returned' | 'approved' | 'published';

/** 政府文件. `search_vector` is maintained by search.ts (refreshDocumentSearch). Dates are ISO strings. */
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
  created_at: Timestamp;
}

export type RelationKind = 'amends' | 'repeals' | 'replaces';

/** `document_id` (the new document) amends/repeals/replaces `target_id` (the old one) from `effective_date`. */
export interface DocumentRelationsTable {
  id: Generated<number>;
  document_id: number;
  target_id: number;
  kind: RelationKind;
  effective_date: string;
  /** True once the target's validity has been changed (immediately or by the daily job). */
  applied: ColumnType<boolean, boolean | undefined, boolean>;
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
