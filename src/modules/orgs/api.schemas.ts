import { z } from 'zod';
import { isoDate, recordId } from '../../platform/http/schemas.ts';
import { ORG_KINDS, ROLES } from './domain/roles.ts';

export { idParam } from '../../platform/http/schemas.ts';

export const loginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(40),
  password: z.string().min(1, '请输入密码').max(200),
});

export const userView = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgId: z.number(),
  orgName: z.string(),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
  email: z.string().nullable(),
  /** The password was given by someone else: the console asks for a new one before anything else. */
  mustChangePassword: z.boolean(),
});

/**
 * The signed-in user, and the server's current instant (ISO, by the platform clock): the console
 * counts "today" by it, so that a server run at `GONGKAI_CLOCK` and its console agree on the date.
 */
export const meResponse = z.object({ user: userView, now: z.string() });

export const orgView = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  name: z.string(),
  kind: z.enum(ORG_KINDS),
  code: z.string().nullable(),
  sortOrder: z.number(),
  /** The agency this organisation is the disclosure office of, if any. */
  servesOrgId: z.number().nullable(),
  /** 简称, 统一社会信用代码, 是否受理依申请公开, 停用 (the register, migration 0022). */
  shortName: z.string().nullable(),
  creditCode: z.string().nullable(),
  acceptsRequests: z.boolean(),
  disabled: z.boolean(),
  /** 受理方式: the office organisation designated to receive this agency's applications; null: its own office. */
  receivingOfficeId: z.number().nullable(),
});

const orgName = z.string().trim().min(1, '请输入机构名称').max(100, '机构名称不能超过100个字');
const orgCode = z
  .string()
  .trim()
  .max(40, '机构代码不能超过40个字符')
  .transform((s) => (s === '' ? null : s))
  .nullable();

export const orgCreateBody = z.object({
  parentId: z.number().int().positive('请选择上级机构'),
  name: orgName,
  kind: z.enum(ORG_KINDS, '请选择机构类型'),
  code: orgCode.default(null),
  sortOrder: z.number().int().min(0).max(100000).default(0),
});

export const orgPatchBody = z
  .object({
    parentId: z.number().int().positive().nullable(),
    name: orgName,
    kind: z.enum(ORG_KINDS, '请选择机构类型'),
    code: orgCode,
    sortOrder: z.number().int().min(0).max(100000),
    receivingOfficeId: z.number().int().positive('请选择代为受理的机构').nullable(),
  })
  .partial();

/**
 * GET /orgs/receivers: the agencies that accept applications but have nobody of their own to receive them,
 * with who receives for them (via: designated | fallback; null: nobody can — the portal leaves it out).
 */
export const receiversResponse = z.object({
  items: z.array(
    z.object({
      orgId: z.number(),
      name: z.string(),
      via: z.enum(['designated', 'fallback']).nullable(),
      officeId: z.number().nullable(),
      officeName: z.string().nullable(),
    }),
  ),
});

const email = z
  .string()
  .trim()
  .max(100)
  .refine((s) => s === '' || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s), '电子邮箱格式不正确')
  .nullish()
  .transform((s) => (s ? s : null));

const password = z.string().min(10, '密码至少10位').max(200, '密码不能超过200位');

export const userCreateBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.-]{3,40}$/, '用户名为3至40位小写字母、数字或 _ . -'),
  displayName: z.string().trim().min(1, '请输入姓名').max(50, '姓名不能超过50个字'),
  role: z.enum(ROLES, '请选择角色'),
  orgId: z.number().int().positive('请选择所属机构'),
  password,
  email,
});

export const userPatchBody = z
  .object({
    displayName: z.string().trim().min(1, '请输入姓名').max(50),
    role: z.enum(ROLES, '请选择角色'),
    orgId: z.number().int().positive(),
    disabled: z.boolean(),
    password,
    email,
  })
  .partial();

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const userListQuery = z.object({
  orgId: recordId.optional(),
  q: z.string().trim().max(40).optional(),
  ...pageQuery,
});

export const auditQuery = z.object({
  actorId: recordId.optional(),
  action: z.string().trim().max(60).optional(),
  subjectType: z.string().trim().max(40).optional(),
  subjectId: z.string().trim().max(40).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pageQuery,
});

export const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  /** What was done, in words (合并机构), never the code. */
  actionLabel: z.string(),
  subjectType: z.string(),
  /** What it was done to, in words (机构). */
  subjectLabel: z.string(),
  subjectId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number() });
export const orgList = listOf(orgView);
export const userList = listOf(userView);
export const auditList = listOf(auditEntry);
/** The named audit actions and subject types, for the audit page's filters. */
export const auditNames = z.object({
  actions: z.array(z.object({ action: z.string(), label: z.string() })),
  subjects: z.array(z.object({ subjectType: z.string(), label: z.string() })),
});
export const ok = z.object({ ok: z.literal(true) });

/** 修改密码: the current password and the new one (`domain/password.ts` checks the new one). */
export const passwordChangeBody = z.object({
  oldPassword: z.string().min(1, '请输入当前密码').max(200),
  newPassword: z.string().min(1, '请输入新密码').max(200, '密码不能超过200位'),
});

/** 机构简称: a unit name as written in imported tables, remembered for matching. */
export const aliasView = z.object({
  id: z.number(),
  alias: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  createdAt: z.string(),
});
export const aliasBody = z.object({
  alias: z.string().trim().min(1, '请输入简称或曾用名').max(200, '简称不能超过200个字'),
  orgId: z.number().int().positive('请选择对应机构'),
});
export const aliasList = z.array(aliasView);
