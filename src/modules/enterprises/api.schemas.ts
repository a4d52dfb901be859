import { z } from 'zod';
import { isoDate } from '../../platform/http/schemas.ts';
import { INDUSTRIES, QUALIFICATIONS, SIZES } from './domain/profile.ts';

const list = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(50).optional();

/** A policy's eligibility conditions (`domain/conditions.ts`): every key optional, lists non-empty. */
export const conditions = z
  .object({
    industries: list(z.enum(INDUSTRIES)),
    sizes: list(z.enum(SIZES)),
    regionIds: list(z.number().int().positive()),
    foundedBefore: isoDate.optional(),
    foundedFrom: isoDate.optional(),
    capitalMin: z.number().min(0, '注册资本不能为负数').max(1e10).optional(),
    capitalMax: z.number().min(0, '注册资本不能为负数').max(1e10).optional(),
    qualifications: list(z.enum(QUALIFICATIONS)),
    tags: list(z.string().trim().min(1).max(20)),
  })
  .strict();

export const conditionsBody = z.object({ conditions, automatic: z.boolean().optional() });

const phone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '联系电话应为手机号码或带区号的固定电话')
  .nullable()
  .optional();
const email = z.email('电子邮箱格式不正确').nullable().optional();

export const enterpriseBody = z.object({
  creditCode: z.string().trim().min(1, '请填写统一社会信用代码').max(30),
  name: z.string().trim().min(1, '请填写企业名称').max(200, '企业名称不能超过200个字'),
  industry: z.enum(INDUSTRIES, '请选择所属行业'),
  size: z.enum(SIZES, '请选择企业规模'),
  regionId: z.number().int().positive('请选择所在地区'),
  capital: z.number().min(0, '注册资本不能为负数').max(1e10).nullable().optional(),
  foundedOn: isoDate,
  qualifications: z.array(z.enum(QUALIFICATIONS)).max(10).optional(),
  tags: z.array(z.string().trim().min(1).max(20, '每个标签不能超过20个字')).max(20).optional(),
  phone,
  email,
});

export const enterpriseListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  industry: z.enum(INDUSTRIES).optional(),
  page: z.coerce.number().int().min(1).optional(),
});

export const enterpriseView = z.object({
  id: z.number(),
  creditCode: z.string(),
  name: z.string(),
  industry: z.enum(INDUSTRIES),
  size: z.enum(SIZES),
  regionId: z.number(),
  regionName: z.string(),
  capital: z.number().nullable(),
  foundedOn: z.string(),
  qualifications: z.array(z.enum(QUALIFICATIONS)),
  tags: z.array(z.string()),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  source: z.enum(['staff', 'import', 'self']),
  updatedAt: z.string(),
});
export const enterpriseList = z.object({ total: z.number(), items: z.array(enterpriseView) });

export const conditionResult = z.object({
  key: z.string(),
  label: z.string(),
  passed: z.boolean(),
  text: z.string(),
});
export const policyMatch = z.object({
  documentId: z.number(),
  title: z.string(),
  orgName: z.string(),
  matched: z.boolean(),
  results: z.array(conditionResult),
});
export const pushView = z.object({
  id: z.number(),
  documentId: z.number(),
  title: z.string(),
  enterpriseId: z.number(),
  enterpriseName: z.string(),
  pushedAt: z.string(),
  emailed: z.boolean(),
  openedAt: z.string().nullable(),
  appliedAt: z.string().nullable(),
  grantedAt: z.string().nullable(),
  withoutApplication: z.boolean(),
});
export const enterpriseDetail = z.object({
  enterprise: enterpriseView,
  matches: z.array(policyMatch),
  pushes: z.array(pushView),
});

export const importResult = z.object({ imported: z.number() });

export const regionList = z.object({ items: z.array(z.object({ id: z.number(), name: z.string() })) });

export const policyView = z.object({
  documentId: z.number(),
  title: z.string(),
  docNumber: z.string().nullable(),
  orgId: z.number(),
  orgName: z.string(),
  conditions,
  automatic: z.boolean(),
  matching: z.number(),
  pushed: z.number(),
  updatedAt: z.string(),
});
export const policyList = z.object({ items: z.array(policyView) });
export const documentParams = z.object({ documentId: z.coerce.number().int().positive() });
export const pushResult = z.object({ reached: z.number(), alreadyReached: z.number(), emailed: z.number() });
export const pushHistory = z.object({ items: z.array(pushView) });
export const pushParams = z.object({ id: z.coerce.number().int().positive() });
export const outcomeBody = z.object({ outcome: z.enum(['applied', 'granted', 'granted_auto']) });
export const outcomeResult = z.object({
  id: z.number(),
  appliedAt: z.string().nullable(),
  grantedAt: z.string().nullable(),
  withoutApplication: z.boolean(),
});

export const funnelRow = z.object({
  documentId: z.number(),
  title: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  reached: z.number(),
  opened: z.number(),
  applied: z.number(),
  granted: z.number(),
  withoutApplication: z.number(),
});
export const funnelQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const funnelView = z.object({
  policies: z.array(funnelRow),
  departments: z.array(funnelRow.omit({ documentId: true, title: true })),
});

export const packageBody = z.object({
  theme: z.string().trim().min(1, '请填写主题').max(50, '主题不能超过50个字'),
  title: z.string().trim().min(1, '请填写名称').max(100, '名称不能超过100个字'),
  summary: z.string().trim().max(2000).optional(),
  documentIds: z.array(z.number().int().positive()).max(100),
  qaPairIds: z.array(z.number().int().positive()).max(100),
  published: z.boolean(),
});
export const packageView = z.object({
  id: z.number(),
  theme: z.string(),
  title: z.string(),
  summary: z.string(),
  published: z.boolean(),
  documents: z.array(z.object({ id: z.number(), title: z.string(), docNumber: z.string().nullable() })),
  qaPairs: z.array(z.object({ id: z.number(), question: z.string(), answer: z.string() })),
});
export const packageList = z.object({ items: z.array(packageView) });
export const packageParams = z.object({ id: z.coerce.number().int().positive() });
