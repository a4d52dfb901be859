import type { CodesOf, ErrorCatalog } from '../../platform/http/errors.ts';

/** The error codes of the demo module (演示数据): HTTP status and the Chinese message a user sees. */
export const DEMO_ERRORS = {
  DEMO_REFERENCED: {
    status: 409,
    message: (p) =>
      `本单位的数据仍引用着演示数据，未删除任何数据：${String(p.list ?? '')}。请先修改或删除这些记录，再删除演示数据。`,
  },
  DEMO_OWN_ACCOUNT: {
    status: 409,
    message:
      '您当前登录的是演示账号，删除演示数据会同时删除该账号。请先新建本单位的管理员账号，用它登录后再删除演示数据。',
  },
} satisfies ErrorCatalog;

declare module '../../platform/http/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof DEMO_ERRORS> {}
}
