import { z } from 'zod';
import { isoDate, recordId } from '../../platform/http/schemas.ts';
import { ORG_KINDS } from '../orgs/index.ts';
import { REVIEW_DECISIONS, WORK_STATUSES } from './domain/status.ts';

export { idParam } from '../../platform/http/schemas.ts';

export const fileParam = z.object({
  id: recordId,
  fileId: recordId,
});

/** A date that exists (2024-02-30 is refused). */
const existingDate = isoDate.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), '日期无效');
const optText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional()
    .transform((v) => v ?? null);
const optDate = existingDate
  .nullable()
  .optional()
  .transform((v) => v ?? null);
const unitName = z.string().trim().min(1, '单位名称不能为空').max(200, '单位名称不能超过200个字');

export const taskInput = z
  .object({
    seq: z.number('请填写序号').int('序号应为整数').positive('序号应为正整数'),
    section: optText(500, '所属部分'),
    // Some tables have no task column (only 具体要求): one of the two must be filled.
    task: z.string().trim().max(2000, '工作任务不能超过2000个字').default(''),
    leadUnits: z.array(unitName).max(100).default([]),
    responsibleUnits: z.array(unitName).max(200).default([]),
    requirement: z.string().max(20000, '具体要求不能超过20000个字').default(''),
    deadlineRaw: optText(500, '完成时限'),
    due: optDate,
    recurring: z.boolean().default(false),
    dueSuggested: optDate,
  })
  .refine((t) => t.task !== '' || t.requirement.trim() !== '', {
    path: ['task'],
    message: '工作任务和具体要求不能都为空',
  });

export const savePlanBody = z.object({
  orgId: z.number('请选择所属机构').int().positive('请选择所属机构'),
  year: z
    .number('请填写年度')
    .int('年度应为整数')
    .min(2000, '年度应在2000至2100之间')
    .max(2100, '年度应在2000至2100之间'),
  title: z.string('请填写台账名称').trim().min(1, '请填写台账名称').max(300, '台账名称不能超过300个字'),
  docNumber: optText(100, '文号'),
  issuer: optText(200, '发文机关'),
  issuedDate: optDate,
  sourceName: optText(300, '文件名'),
  sourceText: z
    .string()
    .max(2_000_000, '原文过长')
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  tasks: z.array(taskInput).min(1, '台账中至少应有一项工作任务').max(5000, '工作任务不能超过5000项'),
  unitMappings: z
    .array(z.object({ name: unitName, orgId: z.number().int().positive('请选择对应机构') }))
    .max(2000)
    .default([]),
  createUnits: z
    .array(
      z.object({
        name: unitName,
        parentOrgId: z.number().int().positive('请选择上级机构'),
        kind: z.enum(ORG_KINDS, '请选择机构类型').default('department'),
      }),
    )
    .max(500)
    .default([]),
  groupNames: z.array(unitName).max(500).default([]),
  parentPlanId: z
    .number()
    .int()
    .positive()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});

export const planListQuery = z.object({
  orgId: recordId.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const planPatchBody = z
  .object({
    published: z.boolean(),
    title: z.string().trim().min(1, '请填写台账名称').max(300, '台账名称不能超过300个字'),
  })
  .partial();

export const myTasksQuery = z.object({
  orgId: recordId.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(WORK_STATUSES).optional(),
});

export const reviewQueueQuery = z.object({ planId: recordId.optional() });

export const progressBody = z.object({
  text: z.string('请填写进展情况').trim().min(1, '请填写进展情况').max(5000, '进展情况不能超过5000个字'),
  links: z
    .array(
      z.object({
        title: z.string().trim().max(200, '链接名称不能超过200个字').default(''),
        url: z
          .string()
          .trim()
          .max(2000, '链接过长')
          .regex(/^https?:\/\/\S+$/i, '链接应以 http:// 或 https:// 开头'),
      }),
    )
    .max(20, '佐证链接不能超过20个')
    .default([]),
  fileIds: z.array(z.number().int().positive()).max(20, '佐证文件不能超过20个').default([]),
  status: z.enum(WORK_STATUSES, '请选择完成状态'),
});

export const reviewBody = z.object({
  decision: z.enum(REVIEW_DECISIONS, '请选择审核结果'),
  comment: z
    .string()
    .trim()
    .max(2000, '审核意见不能超过2000个字')
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
});
