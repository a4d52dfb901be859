import { z } from 'zod';
import { idParam, isoDate, recordId } from '../../platform/http/schemas.ts';
import {
  ATTRIBUTES,
  GENRE_CODES,
  INTERPRETATION_KINDS,
  RELATION_KINDS,
  STATUSES,
  TOPIC_CODES,
  VALIDITIES,
} from './domain/codes.ts';
import { WORKFLOW_ACTIONS } from './domain/workflow.ts';

export { idParam, isoDate };

const nullableText = (max: number, msg: string) =>
  z
    .string()
    .trim()
    .max(max, msg)
    .nullish()
    .transform((s) => (s ? s : null));

export const subParam = z.object({
  id: recordId,
  sub: recordId,
});

const documentFields = {
  title: z.string().trim().min(1, '请填写文件标题').max(500, '标题不能超过500个字符'),
  docNumber: nullableText(60, '文号过长'),
  orgId: z.coerce.number('请选择发文机关').int().positive('请选择发文机关'),
  issuerOrgIds: z.array(z.number().int().positive()).max(20, '联合发文机关最多20个').optional(),
  genre: z.enum(GENRE_CODES, '请选择文件体裁'),
  topic: z
    .enum(TOPIC_CODES, '主题分类不在国务院公文主题分类表中')
    .nullish()
    .transform((s) => s ?? null),
  keywords: z.array(z.string().trim().max(30, '每个关键词不超过30个字')).max(20, '关键词最多20个').optional(),
  summary: nullableText(2000, '内容概述不能超过2000个字'),
  bodyHtml: z.string().max(2_000_000, '正文过长').optional(),
  writtenDate: isoDate,
  effectiveDate: isoDate.nullish().transform((s) => s ?? null),
  attribute: z
    .enum(ATTRIBUTES, '请选择公开属性')
    .nullish()
    .transform((s) => s ?? null),
  attributeGround: nullableText(50, '法律依据代码过长'),
  attributeReason: nullableText(1000, '理由不能超过1000个字'),
  themeIds: z.array(z.number().int().positive()).max(20).optional(),
};

export const createBody = z.object(documentFields);
export const patchBody = z.object(documentFields).partial();

export const listQuery = z.object({
  q: z.string().max(200).optional(),
  status: z.enum(STATUSES).optional(),
  attribute: z.enum([...ATTRIBUTES, 'none']).optional(),
  genre: z.string().max(30).optional(),
  orgId: recordId.optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  validity: z.enum(VALIDITIES).optional(),
  historical: z.enum(['true', 'false']).optional(),
  themeId: recordId.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const searchQuery = z.object({
  q: z.string().max(1000).default(''),
  orgId: recordId.optional(),
  year: z.coerce.number().int().optional(),
  genre: z.string().max(30).optional(),
  topic: z.string().max(30).optional(),
  themeId: recordId.optional(),
  validity: z.enum(VALIDITIES).optional(),
  /** Staff only: include drafts and documents not yet published. */
  drafts: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const reviewBody = z.object({
  decision: z.enum(['approved', 'returned'], '请选择审查结论'),
  notes: nullableText(2000, '审查意见不能超过2000个字'),
});

/** Approving a 后续解读: its publication date (default today). */
export const interpretationApproveBody = z.object({ publishedDate: isoDate.nullish() }).default({});

/** Publishing is signed: the console asks for the confirmation and sends `confirmed: true`. */
export const publishBody = z.object({
  publishedDate: isoDate.nullish(),
  confirmed: z.literal(true, '请确认签发：发布前须确认文件内容、公开属性和解读材料无误'),
});

export const attributeBody = z.object({
  attribute: z.enum(ATTRIBUTES, '请选择公开属性'),
  attributeGround: nullableText(50, '法律依据代码过长'),
  attributeReason: nullableText(1000, '理由不能超过1000个字'),
});

export const attachBody = z.object({
  fileId: z.number('请先上传文件').int().positive(),
  name: nullableText(200, '附件名称不能超过200个字'),
});

export const interpretationBody = z.object({
  kind: z.enum(INTERPRETATION_KINDS, '请选择解读形式'),
  title: z.string().trim().min(1, '请填写解读标题').max(300, '解读标题不能超过300个字'),
  bodyHtml: z.string().max(500_000, '解读正文过长').optional(),
  imageFileId: z.number().int().positive().nullish(),
  videoUrl: nullableText(500, '视频链接过长'),
  qa: z
    .array(z.object({ q: z.string().max(1000, '问题过长'), a: z.string().max(5000, '回答过长') }))
    .max(100, '问答最多100组')
    .optional(),
  publishedDate: isoDate.nullish(),
});

export const relationBody = z.object({
  targetId: z.number('请选择被关联的文件').int().positive(),
  kind: z.enum(RELATION_KINDS, '请选择关联类型'),
  effectiveDate: isoDate.nullish(),
  newTargetBodyHtml: z.string().max(2_000_000).nullish(),
});

export const validityBody = z.object({
  validity: z.enum(['valid', 'expired', 'repealed'], '请选择有效性'),
  on: isoDate,
});

export const versionQuery = z.object({ date: isoDate });

export const attributeReviewBody = z.object({
  decision: z.enum(['converted', 'confirmed'], '请选择复审结论'),
  notes: nullableText(2000, '复审意见不能超过2000个字'),
  source: z.enum(['periodic', 'request']).optional(),
});

export const settingsBody = z.object({
  indexPattern: z.string().trim().min(1).max(100).optional(),
  reviewIntervalMonths: z
    .number()
    .int()
    .min(1, '复审周期至少1个月')
    .max(120, '复审周期最多120个月')
    .optional(),
});

export const themeBody = z.object({
  name: z.string().trim().min(1, '请填写主题名称').max(50, '主题名称不能超过50个字'),
  description: z.string().max(500).optional(),
  sortOrder: z.number().int().optional(),
});

export const pageQuery = z.object({
  orgId: recordId.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

// ───────────────────────────── responses ─────────────────────────────
// Exact shapes of what the routes answer (the reply is checked and serialized through them). Dates are
// ISO strings (`YYYY-MM-DD`; timestamps in full ISO form).

export const ok = z.object({ ok: z.literal(true) });

export const metaResponse = z.object({
  genres: z.array(
    z.object({ code: z.string(), name: z.string(), category: z.string(), needsInterpretation: z.boolean() }),
  ),
  topics: z.array(z.object({ code: z.string(), name: z.string() })),
  legalGrounds: z.array(
    z.object({
      code: z.string(),
      article: z.string(),
      text: z.string(),
      attributes: z.array(z.enum(ATTRIBUTES)),
    }),
  ),
  attributes: z.record(z.enum(ATTRIBUTES), z.string()),
  validities: z.record(z.enum(VALIDITIES), z.string()),
  statuses: z.record(z.enum(STATUSES), z.string()),
  interpretationKinds: z.record(z.enum(INTERPRETATION_KINDS), z.string()),
  relationKinds: z.record(z.enum(RELATION_KINDS), z.string()),
});

/** 条例第二十六条: the 20-working-day publication deadline of a proactive document. */
export const publicationDeadline = z.object({
  /** null when the calendar year is missing. */
  due: z.string().nullable(),
  /** A year whose 节假日安排 is not loaded (with `due`: counted provisionally). */
  missingYear: z.number().nullable(),
  message: z.string().nullable(),
  overdue: z.boolean(),
});

export const documentListItem = z.object({
  id: z.number(),
  title: z.string(),
  docNumber: z.string().nullable(),
  indexNumber: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  genre: z.string(),
  genreLabel: z.string(),
  writtenDate: z.string(),
  publishedDate: z.string().nullable(),
  effectiveDate: z.string().nullable(),
  validity: z.enum(VALIDITIES),
  validityLabel: z.string(),
  attribute: z.enum(ATTRIBUTES).nullable(),
  attributeLabel: z.string(),
  status: z.enum(STATUSES),
  statusLabel: z.string(),
  historical: z.boolean(),
  attributeReviewDue: z.string().nullable(),
  convertedOn: z.string().nullable(),
});

export const documentList = z.object({
  total: z.number(),
  items: z.array(documentListItem.extend({ publicationDeadline: publicationDeadline.nullable() })),
});

/** A page of list rows without deadlines (undetermined and converted documents). */
export const documentPage = z.object({ total: z.number(), items: z.array(documentListItem) });

export const searchResponse = z.object({
  /** Number of matches; a lower bound when `totalCapped`; an estimate (约 N 件) when `totalEstimated`. */
  total: z.number(),
  totalCapped: z.boolean(),
  totalEstimated: z.boolean().optional(),
  results: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      docNumber: z.string().nullable(),
      orgName: z.string(),
      writtenDate: z.string(),
      publishedDate: z.string().nullable(),
      genre: z.string(),
      validity: z.enum(VALIDITIES),
      /** HTML: escaped text with the matched words in <mark>. */
      snippet: z.string(),
      score: z.number(),
    }),
  ),
  /** True when no document had every word and the results match any of them. */
  relaxed: z.boolean(),
});

export const relationView = z.object({
  id: z.number(),
  kind: z.enum(RELATION_KINDS),
  kindLabel: z.string(),
  effectiveDate: z.string(),
  applied: z.boolean(),
  document: z.object({
    id: z.number(),
    title: z.string(),
    docNumber: z.string().nullable(),
    validity: z.enum(VALIDITIES),
    validityLabel: z.string(),
  }),
});

export const attachmentView = z.object({
  id: z.number(),
  fileId: z.number(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  sortOrder: z.number(),
  hasText: z.boolean(),
});

/** The answer to adding an attachment: the attachment and the length of the text extracted from it. */
export const attachmentAdded = attachmentView.extend({ textLength: z.number() });

export const interpretationSummary = z.object({
  id: z.number(),
  kind: z.enum(INTERPRETATION_KINDS),
  title: z.string(),
  publishedDate: z.string().nullable(),
  reviewStatus: z.enum(['pending', 'published']),
  videoUrl: z.string().nullable(),
  imageFileId: z.number().nullable(),
});

export const interpretationView = z.object({
  id: z.number(),
  documentId: z.number(),
  kind: z.enum(INTERPRETATION_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  bodyHtml: z.string(),
  imageFileId: z.number().nullable(),
  videoUrl: z.string().nullable(),
  qa: z.array(z.object({ q: z.string(), a: z.string() })),
  publishedDate: z.string().nullable(),
  /** 后续解读 added after publication are 'pending' until reviewed; the public sees 'published' ones. */
  reviewStatus: z.enum(['pending', 'published']),
  reviewStatusLabel: z.string(),
  createdAt: z.string(),
});

export const interpretationList = z.object({ items: z.array(interpretationView) });

/** 后续解读 waiting for review (the reviewer's queue). */
export const pendingInterpretationList = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      kindLabel: z.string(),
      documentId: z.number(),
      documentTitle: z.string(),
      createdAt: z.string(),
    }),
  ),
});

/** One interpretation with the document it explains. */
export const interpretationWithDocument = interpretationView.extend({
  document: z.object({ id: z.number(), title: z.string(), docNumber: z.string().nullable() }),
});

export const documentDetail = z.object({
  id: z.number(),
  title: z.string(),
  docNumber: z.string().nullable(),
  indexNumber: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  issuers: z.array(z.object({ id: z.number(), name: z.string() })),
  genre: z.string(),
  genreLabel: z.string(),
  topic: z.string().nullable(),
  topicLabel: z.string().nullable(),
  keywords: z.array(z.string()),
  summary: z.string().nullable(),
  bodyHtml: z.string(),
  writtenDate: z.string(),
  publishedDate: z.string().nullable(),
  effectiveDate: z.string().nullable(),
  validity: z.enum(VALIDITIES),
  validityLabel: z.string(),
  validityChangedOn: z.string().nullable(),
  attribute: z.enum(ATTRIBUTES).nullable(),
  attributeLabel: z.string(),
  /** Staff only (null in the public view), as are the reason and the review date. */
  attributeGround: z.string().nullable(),
  attributeGroundLabel: z.string().nullable(),
  attributeReason: z.string().nullable(),
  status: z.enum(STATUSES),
  statusLabel: z.string(),
  attributeReviewDue: z.string().nullable(),
  convertedOn: z.string().nullable(),
  historical: z.boolean(),
  themes: z.array(z.object({ id: z.number(), name: z.string() })),
  /** The drafter's display name. */
  createdBy: z.string().nullable(),
  /** 签发人: who confirmed the publication (staff view; null for the public). */
  signedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  attachments: z.array(attachmentView),
  interpretations: z.array(interpretationSummary),
  relations: z.object({
    /** This document amends/repeals/replaces these (older) documents. */
    outgoing: z.array(relationView),
    /** These (newer) documents amend/repeal/replace this one. */
    incoming: z.array(relationView),
  }),
  versions: z.array(
    z.object({
      id: z.number(),
      versionNo: z.number(),
      title: z.string(),
      validFrom: z.string().nullable(),
      validTo: z.string().nullable(),
    }),
  ),
  /** 保密审查 decisions (empty in the public view). */
  reviews: z.array(
    z.object({
      id: z.number(),
      decision: z.enum(['approved', 'returned']),
      decisionLabel: z.string(),
      notes: z.string(),
      reviewer: z.string(),
      reviewedAt: z.string(),
    }),
  ),
  /** 定期复审 decisions (empty in the public view). */
  attributeReviews: z.array(
    z.object({
      id: z.number(),
      decision: z.enum(['converted', 'confirmed']),
      decisionLabel: z.string(),
      notes: z.string(),
      source: z.enum(['periodic', 'request']),
      reviewer: z.string().nullable(),
      reviewedAt: z.string(),
    }),
  ),
  /** Staff view of a proactive document; null otherwise. */
  publicationDeadline: publicationDeadline.nullable(),
  /** Workflow actions the document's state allows now (the actor's role is checked on the action). */
  allowedActions: z.array(z.enum(WORKFLOW_ACTIONS)),
  needsInterpretation: z.boolean(),
});

/** The text in force on a date: the current one, an earlier version, or none. */
export const versionResponse = z.discriminatedUnion('inForce', [
  z.object({ date: z.string(), inForce: z.literal(false), message: z.string() }),
  z.object({
    date: z.string(),
    inForce: z.literal(true),
    current: z.boolean(),
    versionNo: z.number(),
    title: z.string(),
    bodyHtml: z.string(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
  }),
]);

export const settingsView = z.object({ indexPattern: z.string(), reviewIntervalMonths: z.number() });

export const themeSaved = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string(),
  sortOrder: z.number(),
});
export const themeView = themeSaved.extend({ documentCount: z.number() });
export const themeList = z.object({ items: z.array(themeView) });

export const attributeReviewQueue = z.object({
  items: z.array(
    documentListItem.extend({
      attributeGround: z.string().nullable(),
      attributeReason: z.string().nullable(),
      reason: z.enum(['periodic', 'request']),
      reasonLabel: z.string(),
      /** Applications in the 转主动公开 queue that name the document by its 文号. */
      releasedBy: z.array(
        z.object({
          entryId: z.number(),
          requestId: z.number(),
          caseNo: z.string(),
          status: z.string(),
          statusLabel: z.string(),
        }),
      ),
    }),
  ),
});

export const attributeReviewDecision = z.object({
  id: z.number(),
  documentId: z.number(),
  decision: z.enum(['converted', 'confirmed']),
  notes: z.string(),
  source: z.enum(['periodic', 'request']),
  attribute: z.enum(ATTRIBUTES).nullable(),
  convertedOn: z.string().nullable(),
  attributeReviewDue: z.string().nullable(),
});

export const importResponse = z.object({
  created: z.array(
    z.object({
      row: z.number(),
      file: z.string(),
      id: z.number(),
      title: z.string(),
      docNumber: z.string().nullable(),
    }),
  ),
  errors: z.array(z.object({ row: z.number().nullable(), file: z.string().nullable(), message: z.string() })),
});
