/**
 * What each audience sees of the document library: staff in the console (lists; one document with its
 * review records, the Art. 26 deadline and the next workflow actions) and the public
 * (`/api/documents/public/:id`: a published 主动公开 document without what is internal). Plain
 * functions of loaded data: the services load, check access and let the domain decide.
 */
import {
  ATTRIBUTE_LABELS,
  findGenre,
  GENRE_LABELS,
  legalGroundLabel,
  RELATION_KIND_LABELS,
  STATUS_LABELS,
  TOPIC_LABELS,
  VALIDITY_LABELS,
} from './domain/codes.ts';
import type { WorkflowAction } from './domain/workflow.ts';
import type { PublicationDeadline } from './service.ts';
import type {
  AttributeReviewRecordRow,
  DocumentDetailData,
  DocumentListRow,
  RelatedDocumentRow,
  ReviewRecordRow,
} from './store.ts';

// ───────────────────────────── lists ─────────────────────────────

export type DocumentListItem = ReturnType<typeof presentListRow>;

export function presentListRow(r: DocumentListRow) {
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

// ───────────────────────────── one document ─────────────────────────────

/** A document as loaded for either audience, with the name of the user who drafted it. */
export type LoadedDocument = DocumentDetailData & { creatorName: string | null };

/** What only staff see besides: the review records, the deadline and what they may do next. */
export type StaffDocumentData = LoadedDocument & {
  reviews: ReviewRecordRow[];
  attributeReviews: AttributeReviewRecordRow[];
  publicationDeadline: PublicationDeadline | null;
  allowedActions: WorkflowAction[];
  signerName: string | null;
};

export type StaffDocumentView = ReturnType<typeof presentStaffDocument>;
export type PublicDocumentView = ReturnType<typeof presentPublicDocument>;

/** Only published 主动公开 documents are public, and so are the relations the public sees. */
function isPublic(r: { status: string; attribute: string | null }): boolean {
  return r.status === 'published' && r.attribute === 'proactive';
}

function presentRelation(r: RelatedDocumentRow) {
  return {
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
  };
}

/** What both audiences see alike. */
function documentFacts(data: LoadedDocument) {
  const d = data.document;
  return {
    id: d.id,
    title: d.title,
    docNumber: d.doc_number,
    indexNumber: d.index_number,
    orgId: d.org_id,
    orgName: d.org_name,
    issuers: data.issuers.map((o) => ({ id: o.id, name: o.name })),
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
    status: d.status,
    statusLabel: STATUS_LABELS[d.status],
    convertedOn: d.converted_on,
    historical: d.historical,
    themes: data.themes,
    createdBy: data.creatorName,
    createdAt: d.created_at.toISOString(),
    updatedAt: d.updated_at.toISOString(),
    attachments: data.attachments.map((a) => ({
      id: a.id,
      fileId: a.file_id,
      name: a.name,
      mime: a.mime,
      size: a.size,
      sortOrder: a.sort_order,
      hasText: Number(a.text_length) > 0,
    })),
    interpretations: data.interpretations.map((i) => ({
      id: i.id,
      kind: i.kind,
      title: i.title,
      publishedDate: i.published_date,
      reviewStatus: i.review_status,
      videoUrl: i.video_url,
      imageFileId: i.image_file_id,
    })),
    versions: data.versions.map((v) => ({
      id: v.id,
      versionNo: v.version_no,
      title: v.title,
      validFrom: v.valid_from,
      validTo: v.valid_to,
    })),
    needsInterpretation: findGenre(d.genre)?.policy ?? false,
  };
}

/** One document as staff see it in the console: everything, with its records and next actions. */
export function presentStaffDocument(data: StaffDocumentData) {
  const d = data.document;
  return {
    ...documentFacts(data),
    attributeGround: d.attribute_ground,
    attributeGroundLabel: d.attribute_ground ? legalGroundLabel(d.attribute_ground) : null,
    attributeReason: d.attribute_reason,
    attributeReviewDue: d.attribute_review_due,
    relations: {
      /** This document amends/repeals/replaces these (older) documents. */
      outgoing: data.outgoing.map(presentRelation),
      /** These (newer) documents amend/repeal/replace this one. */
      incoming: data.incoming.map(presentRelation),
    },
    reviews: data.reviews.map((r) => ({
      id: r.id,
      decision: r.decision,
      decisionLabel: r.decision === 'approved' ? '审查通过' : '退回修改',
      notes: r.notes,
      reviewer: r.display_name,
      reviewedAt: r.reviewed_at.toISOString(),
    })),
    attributeReviews: data.attributeReviews.map((r) => ({
      id: r.id,
      decision: r.decision,
      decisionLabel: r.decision === 'converted' ? '转为主动公开' : '维持原属性',
      notes: r.notes,
      source: r.source,
      reviewer: r.display_name ?? null,
      reviewedAt: r.reviewed_at.toISOString(),
    })),
    publicationDeadline: data.publicationDeadline,
    allowedActions: data.allowedActions,
    /** 签发人: who confirmed the publication (null before, and for documents published before it was recorded). */
    signedBy: data.signerName,
  };
}

/**
 * One public document as the public sees it (the same fields as staff): no legal ground or reason of
 * the attribute, no review date, records, deadline or actions, and only the related documents that
 * are public themselves.
 */
export function presentPublicDocument(data: LoadedDocument) {
  return {
    ...documentFacts(data),
    // 后续解读 still under review are not public.
    interpretations: documentFacts(data).interpretations.filter((i) => i.reviewStatus === 'published'),
    attributeGround: null,
    attributeGroundLabel: null,
    attributeReason: null,
    attributeReviewDue: null,
    relations: {
      outgoing: data.outgoing.filter(isPublic).map(presentRelation),
      incoming: data.incoming.filter(isPublic).map(presentRelation),
    },
    reviews: [],
    attributeReviews: [],
    publicationDeadline: null,
    allowedActions: [],
    signedBy: null,
  };
}
