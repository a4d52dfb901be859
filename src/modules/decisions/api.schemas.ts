import { z } from 'zod';
import { isoDate, recordId } from '../../platform/http/schemas.ts';
import { CHANGES, MAX_ADJUSTMENT_REASON, SNAPSHOT_FIELDS } from './domain/catalogue.ts';
import {
  CHANNELS,
  COMMENT_STATUSES,
  MAX_COMMENT_CHARS,
  MAX_CONTACT_CHARS,
  MAX_NAME_CHARS,
} from './domain/comment.ts';
import { FEEDBACKS, MAX_REASON_CHARS } from './domain/feedback.ts';
import { CONSULTATION_STATUSES, MAX_SHORT_REASON, PHASES } from './domain/period.ts';
import { STEPS } from './domain/steps.ts';

export { idParam } from '../../platform/http/schemas.ts';

const text = (max: number, label: string) => z.string().max(max, `${label}不能超过${max}字`);

export const consultationBody = z.object({
  orgId: recordId,
  title: z.string().trim().min(1, '请填写标题').max(200, '标题不能超过200字'),
  draft: text(100_000, '决策草案').default(''),
  explanation: text(50_000, '起草说明').default(''),
  channels: text(2000, '其他意见提交方式').default(''),
  opensOn: isoDate,
  plannedLastDay: isoDate,
  shortReason: text(MAX_SHORT_REASON, '缩短期限的理由').nullish(),
});
export const consultationUpdateBody = consultationBody.omit({ orgId: true });

export const enterCommentBody = z.object({
  channel: z.enum(['letter', 'email', 'phone']),
  name: text(MAX_NAME_CHARS, '姓名').nullish(),
  contact: text(MAX_CONTACT_CHARS, '联系方式').nullish(),
  content: z
    .string()
    .trim()
    .min(1, '请填写意见内容')
    .max(MAX_COMMENT_CHARS, `意见内容不能超过${MAX_COMMENT_CHARS}字`),
  article: z.number().int().positive().nullish(),
  receivedOn: isoDate,
});

export const moderateBody = z.object({
  status: z.enum(COMMENT_STATUSES),
  reason: text(500, '理由').nullish(),
});

export const feedbackBody = z.object({
  feedback: z.enum(FEEDBACKS),
  reason: text(MAX_REASON_CHARS, '理由').nullish(),
  wholeGroup: z.boolean().default(true),
});

export const mergeBody = z.object({ into: recordId, from: recordId });
export const publishFeedbackBody = z.object({ summary: text(20_000, '采纳情况说明') });
export const settingsBody = z.object({
  feedbackWorkingDays: z.number().int().min(1, '至少1个工作日').max(60, '不能超过60个工作日'),
});

export const consultationView = z.object({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  title: z.string(),
  draft: z.string(),
  explanation: z.string(),
  channels: z.string(),
  opensOn: z.string(),
  plannedLastDay: z.string(),
  closesOn: z.string(),
  shortReason: z.string().nullable(),
  status: z.enum(CONSULTATION_STATUSES),
  phase: z.enum(PHASES),
  publishedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  feedbackSummary: z.string(),
  feedbackPublishedAt: z.string().nullable(),
  feedbackDue: z.string().nullable(),
  feedbackOverdue: z.boolean(),
  commentCount: z.number(),
  canManage: z.boolean(),
});

export const commentView = z.object({
  id: z.number(),
  channel: z.enum(CHANNELS),
  name: z.string().nullable(),
  contact: z.string().nullable(),
  content: z.string(),
  article: z.number().nullable(),
  receivedOn: z.string(),
  status: z.enum(COMMENT_STATUSES),
  moderationReason: z.string().nullable(),
  groupId: z.number().nullable(),
  groupManual: z.boolean(),
  feedback: z.enum(FEEDBACKS).nullable(),
  feedbackReason: z.string().nullable(),
});

export const groupView = z.object({
  groupId: z.number(),
  size: z.number(),
  representative: z.string(),
  memberIds: z.array(z.number()),
});

export const consultationList = z.object({ items: z.array(consultationView) });
export const consultationDetail = z.object({
  consultation: consultationView,
  articles: z.array(z.object({ no: z.number(), heading: z.string().nullable(), text: z.string() })),
  comments: z.array(commentView),
  groups: z.array(groupView),
});
export const importResponse = z.object({ imported: z.number() });
export const regroupResponse = z.object({ groups: z.number() });
export const ok = z.object({ ok: z.literal(true) });
export const settingsView = z.object({
  feedbackWorkingDays: z.number(),
  /** Whether the caller may change the settings (the whole platform's: see `canEditSettings`). */
  canEdit: z.boolean(),
});
export const orgOptions = z.object({ items: z.array(z.object({ id: z.number(), name: z.string() })) });

// 重大行政决策事项目录 and the steps of each decision.
export const itemBody = z.object({
  orgId: recordId,
  year: z.number().int().min(2000).max(2100),
  subject: z.string().trim().min(1, '请填写决策事项').max(300, '决策事项不能超过300字'),
  undertaker: text(200, '承办单位').default(''),
  plannedTime: text(100, '计划完成时间').default(''),
  hearingPlanned: z.boolean().default(false),
  riskPlanned: z.boolean().default(false),
  expertPlanned: z.boolean().default(false),
  partyConsentOn: isoDate.nullish(),
  partyConsentNote: text(500, '党委同意情况').default(''),
  consultationId: recordId.nullish(),
  published: z.boolean().default(false),
  /** 调整原因: asked once the item (or its catalogue) is on the portal (domain/catalogue.ts). */
  reason: text(MAX_ADJUSTMENT_REASON, '调整原因').trim().optional(),
});
export const itemUpdateBody = itemBody.omit({ orgId: true, year: true });
export const stepBody = z.object({
  step: z.enum(STEPS),
  startedOn: isoDate,
  finishedOn: isoDate.nullish(),
  unit: text(200, '承办单位').default(''),
  materials: text(5000, '相关材料').default(''),
});
export const itemsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const stepView = z.object({
  step: z.enum(STEPS),
  startedOn: z.string(),
  finishedOn: z.string().nullable(),
  unit: z.string(),
  materials: z.string(),
});
/** What the portal shows of an item: an adjustment keeps these before and after (domain/catalogue.ts). */
export const snapshotView = z.object({
  subject: z.string(),
  undertaker: z.string(),
  plannedTime: z.string(),
  hearingPlanned: z.boolean(),
  riskPlanned: z.boolean(),
  expertPlanned: z.boolean(),
  partyConsentOn: z.string().nullable(),
  partyConsentNote: z.string(),
  published: z.boolean(),
});
export const itemView = snapshotView.extend({
  id: z.number(),
  orgId: z.number(),
  orgName: z.string(),
  year: z.number(),
  consultationId: z.number().nullable(),
  status: z.enum(['planned', 'decided']),
  decidedOn: z.string().nullable(),
  /** Once on the portal, every change needs a reason and is kept as an adjustment. */
  everPublished: z.boolean(),
  canManage: z.boolean(),
});
export const versionView = z.object({
  id: z.number(),
  version: z.number(),
  change: z.enum(CHANGES),
  reason: z.string(),
  changedOn: z.string(),
  fields: z.array(z.enum(SNAPSHOT_FIELDS)),
  before: snapshotView.nullable(),
  after: snapshotView,
});
export const itemList = z.object({ items: z.array(itemView) });
export const itemDetail = z.object({
  item: itemView,
  steps: z.array(stepView),
  required: z.array(z.enum(STEPS)),
  versions: z.array(versionView),
});
