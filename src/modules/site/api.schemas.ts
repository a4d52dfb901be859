import { z } from 'zod';
import {
  checkIcpRecord,
  checkPhone,
  checkPoliceRecord,
  checkRegionCode,
  checkSiteCode,
} from './domain/identity.ts';
import { USERNAME_PATTERN, USERNAME_RULE } from './domain/setup.ts';
import { parseHosts } from './domain/sites.ts';

/** Optional text: trimmed, empty means none (null). */
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .nullish()
    .transform((v) => (v ? v : null));

/** Optional text of a published form (`domain/identity.ts` says which and why). */
const checkedText = (label: string, max: number, check: (v: string) => string | null) =>
  optionalText(label, max).superRefine((v, ctx) => {
    const problem = v === null ? null : check(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const orgName = (label: string) =>
  z.string(`请输入${label}`).trim().min(1, `请输入${label}`).max(100, `${label}不能超过100个字`);

/** The site identity's fields, as the setup page and the 站点信息 page send them. */
const identityFields = {
  siteName: z.string('请输入网站名称').trim().min(1, '请输入网站名称').max(60, '网站名称不能超过60个字'),
  sponsor: optionalText('主办单位', 100),
  officePhone: checkedText('联系电话', 40, checkPhone),
  officeAddress: optionalText('办公地址', 200),
  officeHours: optionalText('办公时间', 100),
  siteCode: checkedText('网站标识码', 10, checkSiteCode),
  icpRecord: checkedText('ICP备案号', 40, checkIcpRecord),
  policeRecord: checkedText('公安机关备案号', 40, checkPoliceRecord),
};

/** `PUT /api/site`: the whole identity (the 站点信息 form sends every field). */
export const identityBody = z.object({
  ...identityFields,
  logoFileId: z.number('图标编号无效').int().positive('图标编号无效').nullable().default(null),
  /** Host names that serve this site (www.example.gov.cn); left out: unchanged. */
  hosts: z
    .array(z.string().max(300), '域名列表无效')
    .optional()
    .transform((list, ctx) => {
      if (list === undefined) return undefined;
      const parsed = parseHosts(list.join('\n'));
      if ('problem' in parsed) {
        ctx.addIssue({ code: 'custom', message: parsed.problem });
        return z.NEVER;
      }
      return parsed.hosts;
    }),
});

/** `PUT /api/sites/:orgId`: the government whose site it is. */
export const siteParam = z.object({ orgId: z.coerce.number('机构编号无效').int().positive('机构编号无效') });

const displayName = (fallback: string) =>
  z
    .string()
    .trim()
    .max(50, '姓名不能超过50个字')
    .nullish()
    .transform((v) => v || fallback);

/** A chosen password, or null: one is then generated, shown once and changed at first sign-in. */
const chosenPassword = z
  .string()
  .max(200, '密码不能超过200位')
  .nullish()
  .transform((v) => v || null);

/**
 * `POST /api/setup` (and `gongkai setup`): the government, its disclosure office, the first
 * administrator, the office's first account (role office, in the disclosure office, so that the
 * government receives applications at once) and the site identity. The site name and 主办单位 default
 * to the government's name; the office account's username to `<admin>_office`; without a password one
 * is generated, shown once and must be changed at first sign-in.
 */
export const setupBody = z.object({
  government: orgName('政府名称'),
  regionCode: checkedText('行政区划代码', 12, checkRegionCode),
  office: orgName('政府信息公开工作机构名称'),
  adminUsername: z.string('请输入管理员用户名').trim().regex(USERNAME_PATTERN, USERNAME_RULE),
  adminName: displayName('系统管理员'),
  adminPassword: chosenPassword,
  officeUsername: z
    .string()
    .trim()
    .nullish()
    .transform((v) => v || null)
    .refine((v) => v === null || USERNAME_PATTERN.test(v), USERNAME_RULE),
  officeDisplayName: displayName('信息公开工作人员'),
  officePassword: chosenPassword,
  ...identityFields,
  siteName: identityFields.siteName.nullish().transform((v) => v ?? null),
});

export type SetupInput = z.infer<typeof setupBody>;
export type IdentityInput = z.infer<typeof identityBody>;

export const setupStatus = z.object({ needed: z.boolean() });

export const setupResult = z.object({
  government: z.object({ id: z.number(), name: z.string() }),
  office: z.object({ id: z.number(), name: z.string() }),
  /** `password` only when it was generated: shown once, to be changed at first sign-in. */
  admin: z.object({ username: z.string(), password: z.string().optional() }),
  /** The disclosure office's first account (role office), `password` as the administrator's. */
  officeUser: z.object({ username: z.string(), password: z.string().optional() }),
});

/** The site identity as everyone may read it (the portal, the login page). */
export const siteView = z.object({
  /** The government whose site this is (null before the first run), its name and 行政区划代码. */
  orgId: z.number().nullable(),
  governmentName: z.string().nullable(),
  regionCode: z.string().nullable(),
  /** Host names that serve this site. */
  hosts: z.array(z.string()),
  /** False while no identity is set: the name is then the government's, or a neutral title. */
  configured: z.boolean(),
  siteName: z.string(),
  sponsor: z.string().nullable(),
  officeName: z.string().nullable(),
  officePhone: z.string().nullable(),
  officeAddress: z.string().nullable(),
  officeHours: z.string().nullable(),
  siteCode: z.string().nullable(),
  icpRecord: z.string().nullable(),
  policeRecord: z.string().nullable(),
  logoFileId: z.number().nullable(),
  /** Where the logo is served (`/site/logo`), or null. */
  logoUrl: z.string().nullable(),
  updatedAt: z.string().nullable(),
});

/** `GET /api/sites`: the sites the administrator may edit (its government's and those below it). */
export const siteList = z.object({ items: z.array(siteView) });
