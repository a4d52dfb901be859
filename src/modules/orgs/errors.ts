import type { CodesOf, ErrorCatalog } from '../../platform/http/errors.ts';

/**
 * The error codes of the orgs module (组织机构: sign-in and accounts): HTTP status and the Chinese message a user sees.
 * The manifest declares them (`errors`); the platform merges every module's catalog at start-up.
 */
export const ORGS_ERRORS = {
  LOGIN_FAILED: { status: 401, message: '用户名或密码错误。' },
  LOGIN_THROTTLED: {
    status: 429,
    message: (p) =>
      `登录尝试次数过多，请${p.minutes ?? 15}分钟后再试。如忘记密码，请联系本单位的系统管理员重置。`,
  },
  ACCOUNT_DISABLED: { status: 403, message: '该账号已停用，请联系系统管理员。' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '请先修改初始密码，再进行其他操作。' },
  ORGS_IMPORT_FILE: { status: 400, message: (p) => `无法读取导入文件：${p.detail ?? '文件格式不正确'}` },
  ORGS_IMPORT_INVALID: {
    status: 422,
    message: (p) => `导入文件中有${p.count ?? ''}处错误，未保存任何数据。请按行修改后重新导入。`,
  },
  ORG_IN_USE: { status: 409, message: (p) => `机构“${p.name ?? ''}”仍被使用，不能删除：${p.uses ?? ''}。` },
} satisfies ErrorCatalog;

declare module '../../platform/http/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof ORGS_ERRORS> {}
}
