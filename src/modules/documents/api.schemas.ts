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

export const publishBody = z.object({ publishedDate: isoDate.nullish() }).default({});

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
