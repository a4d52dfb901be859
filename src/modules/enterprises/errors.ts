import type { CodesOf, ErrorCatalog } from '../../platform/http/errors.ts';

/** The error codes of 政策找人: HTTP status and the Chinese message a user sees. */
export const ENTERPRISES_ERRORS = {
  ENTERPRISE_CREDIT_CODE: {
    status: 400,
    message: (p) => `统一社会信用代码无法通过校验：${p.reason ?? '请核对后重新填写'}`,
  },
  ENTERPRISE_DUPLICATE: {
    status: 409,
    message: (p) => `统一社会信用代码为${p.code ?? ''}的企业已建档，请直接修改该企业的档案。`,
  },
  ENTERPRISE_IMPORT_INVALID: {
    status: 422,
    message: (p) => `导入文件中有${p.count ?? ''}行有误，未保存任何企业。请按行修改后重新导入。`,
  },
  ENTERPRISE_IMPORT_SHEET: {
    status: 400,
    message: (p) => `无法导入：${p.detail ?? '表格格式不正确'}。未保存任何企业。`,
  },
  ENTERPRISE_REGION: {
    status: 400,
    message: '所在地区应为本系统中的县（市、区）或乡镇。',
  },
  POLICY_NOT_PUBLIC: {
    status: 400,
    message: '政策文件不存在或尚未主动公开，请选择已公开的政策文件。',
  },
  POLICY_CONDITIONS_INVALID: {
    status: 400,
    message: (p) => `申报条件有误：${p.detail ?? ''}`,
  },
  POLICY_NO_CONDITIONS: {
    status: 409,
    message: '该政策尚未设置申报条件，请先设置申报条件再推送。',
  },
  POLICY_PUSH_STATE: {
    status: 409,
    message: (p) => `${p.reason ?? '当前状态下不能进行此操作。'}`,
  },
} satisfies ErrorCatalog;

declare module '../../platform/http/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof ENTERPRISES_ERRORS> {}
}
