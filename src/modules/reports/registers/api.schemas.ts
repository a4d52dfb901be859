import { z } from 'zod';
import { isoDate, recordId } from '../../../platform/http/schemas.ts';
import { reviewView } from '../api.schemas.ts';
import { REVIEW_KINDS, REVIEW_RESULTS } from '../domain/tables.ts';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_KINDS,
  COMPLAINT_STATES,
  COMPLAINT_STEPS,
} from './domain/complaints.ts';

const year = z.coerce
  .number('年度应为四位数字')
  .int('年度应为四位数字')
  .min(2000, '年度不正确')
  .max(2100, '年度不正确');

const optionalText = (max: number, label: string) =>
  z
    .string(`${label}应为文字`)
    .trim()
    .max(max, `${label}过长`)
    .nullish()
    .transform((v) => (v ? v : null));

const requiredText = (max: number, label: string, missing: string) =>
  z.string(missing).trim().min(1, missing).max(max, `${label}过长`);

export const ok = z.object({ ok: z.literal(true) });

// ── review and litigation register ──

export const reviewBody = z.object({
  orgId: recordId,
  kind: z.enum(REVIEW_KINDS, '请选择案件类型（行政复议、未经复议直接起诉、复议后起诉）'),
  caseNo: optionalText(100, '案号'),
  requestCaseNo: optionalText(100, '申请编号'),
  filedOn: isoDate,
  organ: requiredText(100, '机关名称', '请填写复议机关或人民法院'),
  result: z.enum(REVIEW_RESULTS, '请选择审理结果（维持、纠正、其他、尚未审结）'),
  decidedOn: isoDate.nullish().transform((v) => v ?? null),
  ordersNewReply: z.boolean('请选择是否责令重新答复').optional().default(false),
  fileId: recordId.nullish().transform((v) => v ?? null),
  note: z.string('备注应为文字').max(2000, '备注过长').optional().default(''),
});

export const reviewsQuery = z.object({
  orgId: recordId.optional(),
  year: year.optional(),
  result: z.enum(REVIEW_RESULTS, '审理结果不正确').optional(),
});

export const registerReviewView = reviewView.extend({
  agencyName: z.string(),
  ordersNewReply: z.boolean(),
  /** The linked application on the platform and its stage now. */
  caseId: z.number().nullable(),
  caseStage: z.string().nullable(),
  file: z.object({ id: z.number(), name: z.string(), size: z.number() }).nullable(),
  editable: z.boolean(),
  /** False once the report of the year it was received in is submitted. */
  deletable: z.boolean(),
});
export const reviewsResponse = z.object({ items: z.array(registerReviewView) });

// ── complaints register ──

export const complaintBody = z.object({
  orgId: recordId,
  kind: z.enum(COMPLAINT_KINDS, '请选择投诉或举报'),
  channel: z.enum(COMPLAINT_CHANNELS, '请选择渠道（来信、来电、网上、当面）'),
  receivedOn: isoDate,
  complainantName: requiredText(100, '投诉人姓名或名称', '请填写投诉人（举报人）姓名或名称'),
  complainantPhone: z.string('联系电话应为文字').trim().max(50, '联系电话过长').optional().default(''),
  complainantAddress: z.string('联系地址应为文字').trim().max(200, '联系地址过长').optional().default(''),
  content: requiredText(5000, '投诉举报内容', '请填写投诉举报内容'),
  requestCaseNo: optionalText(100, '申请编号'),
});

export const complaintStepBody = z.discriminatedUnion(
  'step',
  [
    z.object({
      step: z.literal('assign'),
      assigneeOrgId: recordId,
      assigneeId: recordId.nullish().transform((v) => v ?? null),
    }),
    z.object({
      step: z.literal('answer'),
      answer: requiredText(5000, '答复内容', '请填写答复内容'),
      answeredOn: isoDate,
    }),
    z.object({ step: z.literal('close') }),
  ],
  '操作不正确',
);

export const complaintsQuery = z.object({
  year: year.optional(),
  orgId: recordId.optional(),
  state: z.enum(COMPLAINT_STATES, '状态不正确').optional(),
  overdue: z
    .enum(['true', 'false'], '是否逾期不正确')
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
});

export const complaintView = z.object({
  id: z.number(),
  orgId: z.number(),
  agencyName: z.string(),
  kind: z.enum(COMPLAINT_KINDS),
  channel: z.enum(COMPLAINT_CHANNELS),
  receivedOn: z.string(),
  /** Null for those who may not see the complainant's personal data. */
  complainant: z.object({ name: z.string(), phone: z.string(), address: z.string() }).nullable(),
  content: z.string(),
  caseNo: z.string().nullable(),
  state: z.enum(COMPLAINT_STATES),
  assigneeOrgId: z.number().nullable(),
  assigneeOrgName: z.string().nullable(),
  assigneeId: z.number().nullable(),
  dueOn: z.string(),
  /** 暂定 note when the due date was counted over a year whose holidays are not loaded. */
  dueNote: z.string().nullable(),
  overdue: z.boolean(),
  answer: z.string(),
  answeredOn: z.string().nullable(),
  actions: z.array(z.enum(['edit', ...COMPLAINT_STEPS])),
});
export const complaintsResponse = z.object({ items: z.array(complaintView) });

export const complaintSettings = z.object({
  answerWorkingDays: z
    .number('答复期限应为数字')
    .int('答复期限应为整数个工作日')
    .min(1, '答复期限至少为1个工作日')
    .max(90, '答复期限最多为90个工作日'),
});
