import type { CodesOf, ErrorCatalog } from '../../platform/http/errors.ts';

/**
 * The error codes of the site module (站点信息 and the first run): HTTP status and the Chinese message a
 * user sees. The manifest declares them (`errors`).
 */
export const SITE_ERRORS = {
  SETUP_DONE: {
    status: 409,
    message: '系统已完成初始设置（已有机构），不能再次设置。请使用管理员账号登录后在“组织机构”中维护。',
  },
  SITE_NOT_SET_UP: { status: 409, message: '系统尚未完成初始设置，请先完成初始设置。' },
} satisfies ErrorCatalog;

declare module '../../platform/http/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof SITE_ERRORS> {}
}
