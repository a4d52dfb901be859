import type { CodesOf, ErrorCatalog } from '../../platform/http/errors.ts';

/**
 * The error codes of the calendar module (工作日历): HTTP status and the Chinese message a user sees.
 * The manifest declares them (`errors`); the platform merges every module's catalog at start-up.
 */
export const CALENDAR_ERRORS = {
  INVALID_DATE: {
    status: 400,
    message: (p) => `日期${p.value ? `“${p.value}”` : ''}无效，应为YYYY-MM-DD格式的真实日期。`,
  },
  CALENDAR_DATA_INVALID: {
    status: 500,
    message: (p) =>
      `工作日历数据有误${Array.isArray(p.errors) && p.errors.length > 0 ? `：${p.errors.join('；')}` : ''}。请联系系统管理员核对“系统管理 → 工作日历”。`,
  },
  CALENDAR_YEAR_MISSING: {
    status: 422,
    message: (p) =>
      `${p.year}年的节假日安排尚未录入工作日历，无法计算期限。请系统管理员在“系统管理 → 工作日历”中录入。`,
  },
  CALENDAR_YEAR_INVALID: { status: 400, message: '工作日历数据有误。' },
  CALENDAR_NOTICE_UNREADABLE: {
    status: 422,
    message: '未能读取这份放假安排通知，未保存任何内容。请核对下列语句，或改为手工录入。',
  },
  CALENDAR_YEAR_EXISTS: {
    status: 409,
    message: (p) => `${p.year}年的工作日历已经录入。请核对与已录入日历的差异，确认后再替换。`,
  },
} satisfies ErrorCatalog;

declare module '../../platform/http/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof CALENDAR_ERRORS> {}
}
