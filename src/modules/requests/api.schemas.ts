import { z } from 'zod';
import { isoDate, recordId } from '../../platform/http/schemas.ts';
import { ASSIST_KINDS, NOTE_KINDS } from './domain/stages.ts';

const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .nullish()
    .transform((s) => (s ? s : null));

/** What every application carries (Art. 29), for the portal form and staff registration alike. */
export const applicationFields = {
  orgId: z.coerce.number('请选择受理申请的行政机关').int().positive('请选择受理申请的行政机关'),
  applicant: z.object({
    type: z.enum(
      ['natural', 'commercial', 'research', 'public-interest', 'legal-service', 'other'],
      '请选择申请人类型',
    ),
    name: z.string().trim().min(1, '请填写申请人姓名或名称').max(100, '姓名或名称不能超过100个字'),
    idType: z.enum(['resident-id', 'passport', 'other', 'uscc'], '请选择证件类型'),
    idNumber: z.string().trim().min(1, '请填写证件号码').max(40, '证件号码过长'),
    phone: z.string().trim().min(1, '请填写联系电话').max(30, '联系电话过长'),
    email: optionalText(100, '电子邮箱过长'),
    address: optionalText(200, '通信地址不能超过200个字'),
    contactName: optionalText(50, '联系人姓名过长'),
  }),
  request: z.object({
    subject: z.string().trim().min(1, '请填写所需政府信息的名称').max(200, '信息名称不能超过200个字'),
    docNumber: optionalText(100, '文号过长'),
    description: z
      .string()
      .trim()
      .min(1, '请描述所需信息的内容特征，便于行政机关查找')
      .max(2000, '内容描述不能超过2000个字'),
    formWanted: optionalText(50, '信息形式过长'),
    deliveryWanted: optionalText(50, '获取方式过长'),
  }),
};

export const applicationBody = z.object(applicationFields);

export const registerBody = z.object({
  ...applicationFields,
  channel: z.enum(['in-person', 'post-signed', 'post-confirmed', 'fax', 'email'], '请选择申请方式'),
  submittedOn: isoDate,
  receivedOn: isoDate.nullish().transform((s) => s ?? null),
});

const on = isoDate;
const consultationId = z.string().trim().min(1).max(40);
const text = (max: number, required: string) =>
  z.string().trim().min(1, required).max(max, `不能超过${max}个字`);

export const actionBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('confirm-receipt'), on }),
  z.object({
    action: z.literal('assign'),
    on,
    unitId: z.number().int().positive('请选择承办单位'),
    handlerId: z.number().int().positive().nullish(),
  }),
  z.object({
    action: z.literal('request-correction'),
    on,
    items: text(2000, '请写明需要补正的事项'),
    deadlineDate: isoDate,
  }),
  z.object({ action: z.literal('receive-correction'), on, text: z.string().trim().max(2000).optional() }),
  z.object({ action: z.literal('deem-withdrawn-no-correction'), on }),
  z.object({
    action: z.literal('consult-send'),
    on,
    consultationId,
    party: z.enum(['third-party', 'agency'], '请选择征求意见对象类型'),
    name: text(100, '请填写被征求意见的第三方或机关名称'),
  }),
  z.object({ action: z.literal('consult-deliver'), on, consultationId }),
  z.object({
    action: z.literal('consult-reply'),
    on,
    consultationId,
    opinion: z.enum(['agree', 'refuse', 'none']),
    text: z.string().trim().max(2000).optional(),
  }),
  z.object({ action: z.literal('extend'), on, reason: text(500, '请写明延期答复的理由') }),
  z.object({
    action: z.literal('fee-notice'),
    on,
    method: z.enum(['per-item', 'per-page'], '请选择计收方式'),
    quantity: z.number().int().positive('请填写件数或页数'),
  }),
  z.object({ action: z.literal('fee-paid'), on }),
  z.object({ action: z.literal('deem-withdrawn-no-payment'), on }),
  z.object({
    action: z.literal('reply'),
    on,
    outcome: z.string().min(1, '请选择答复类型'),
    groundCode: z.string().nullish(),
    text: text(5000, '请填写答复内容'),
  }),
  z.object({ action: z.literal('withdraw'), on, reason: z.string().trim().max(500).optional() }),
  z.object({
    action: z.literal('note'),
    on,
    kind: z.enum(NOTE_KINDS).optional(),
    text: text(2000, '请填写记录内容'),
  }),
  z.object({
    action: z.literal('assist-request'),
    on,
    unitId: z.number().int().positive('请选择请求协助的单位'),
    kind: z.enum(ASSIST_KINDS, '请选择协助调查或会商'),
    question: text(2000, '请写明需要协助的事项'),
    dueOn: isoDate,
  }),
  z.object({ action: z.literal('archive'), on }),
]);

export const listQuery = z.object({
  stage: z.string().max(40).optional(),
  unitId: recordId.optional(),
  overdue: z.enum(['1', 'true']).optional(),
  paused: z.enum(['1', 'true']).optional(),
  dueWithin: z.coerce.number().int().min(0).max(60).optional(),
  q: z.string().trim().max(60).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
