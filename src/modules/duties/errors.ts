import type { CodesOf, ErrorCatalog } from '../../platform/http/errors.ts';

/** The error codes of the duty registers (日常工作台账): HTTP status and the Chinese message. */
export const DUTIES_ERRORS = {
  DUTIES_STATE: {
    status: 409,
    message: (p) => `该记录当前为“${p.state ?? ''}”状态，不能${p.action ?? '进行此操作'}。`,
  },
  DUTIES_IMPORT_FILE: {
    status: 400,
    message: (p) => `导入文件有误：${p.detail ?? ''}`,
  },
  DUTIES_IMPORT_ROWS: {
    status: 400,
    message: (p) => `导入文件中有${p.count ?? ''}处错误，未导入任何记录，请修改后重新导入：${p.detail ?? ''}`,
  },
  DUTIES_NO_CALENDAR: {
    status: 409,
    message: '该日期所在年度的工作日历尚未录入，无法计算答复期限。',
  },
} satisfies ErrorCatalog;

declare module '../../platform/http/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof DUTIES_ERRORS> {}
}
