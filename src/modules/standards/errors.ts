import type { CodesOf, ErrorCatalog } from '../../platform/http/errors.ts';

/** The error codes of the standards module (标准目录, 定向公开): HTTP status and the Chinese message. */
export const STANDARDS_ERRORS = {
  STANDARDS_IMPORT_INVALID: {
    status: 422,
    message: (p) => `导入文件中有${p.count ?? ''}处错误，未保存任何数据。请按行修改后重新导入。`,
  },
  TARGETED_STATE: {
    status: 409,
    message: (p) => `该定向公开信息当前为“${p.state ?? ''}”状态，不能${p.action ?? '进行此操作'}。`,
  },
  TARGETED_EMPTY: { status: 409, message: '名单为空：请先上传要公开的名单，再发布。' },
} satisfies ErrorCatalog;

declare module '../../platform/http/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof STANDARDS_ERRORS> {}
}
