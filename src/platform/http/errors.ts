/**
 * The one catalog of stable error codes: HTTP status and the Chinese message a user sees.
 * Domain code throws errors carrying `code` (+ `params`); the HTTP layer looks them up here.
 */
type Params = Record<string, unknown>;
type Entry = { status: number; message: string | ((p: Params) => string) };

export const ERROR_CATALOG = {
  VALIDATION_FAILED: { status: 400, message: '提交的内容有误，请按提示修改后重试。' },
  BAD_REQUEST: { status: 400, message: '请求格式不正确。' },
  UNAUTHENTICATED: { status: 401, message: '请先登录。' },
  SESSION_EXPIRED: { status: 401, message: '登录已过期，请重新登录。' },
  LOGIN_FAILED: { status: 401, message: '用户名或密码错误。' },
  ACCOUNT_LOCKED: {
    status: 423,
    message: (p) => `登录失败次数过多，账号已锁定，请${p.minutes ?? 15}分钟后再试。`,
  },
  ACCOUNT_DISABLED: { status: 403, message: '该账号已停用，请联系系统管理员。' },
  RATE_LIMITED: { status: 429, message: '请求过于频繁，请稍后再试。' },
  CSRF_INVALID: { status: 403, message: '页面已失效（安全校验未通过），请刷新页面后重试。' },
  FORBIDDEN: { status: 403, message: '您没有权限进行此操作。' },
  NOT_FOUND: { status: 404, message: '您访问的内容不存在。' },
  CONFLICT: { status: 409, message: '数据已被修改或存在冲突，请刷新后重试。' },
  DUPLICATE: { status: 409, message: (p) => `${p.what ?? '该名称'}已存在。` },
  UPLOAD_TOO_LARGE: {
    status: 413,
    message: (p) => `上传的文件过大，单个文件不能超过${p.limitMb ?? 50}MB。`,
  },
  UPLOAD_TYPE_NOT_ALLOWED: {
    status: 415,
    message: (p) =>
      `不支持该文件类型${p.name ? `（${p.name}）` : ''}，请上传 PDF、Word、Excel、图片或文本文件。`,
  },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的请求内容类型。' },
  CALENDAR_YEAR_MISSING: {
    status: 422,
    message: (p) =>
      `${p.year}年的节假日安排尚未录入工作日历，无法计算期限。请系统管理员在“系统管理 → 工作日历”中录入。`,
  },
  CALENDAR_YEAR_INVALID: { status: 400, message: '工作日历数据有误。' },
  EXTENSION_ALREADY_USED: { status: 409, message: '该申请已延期答复过一次，不能再次延期。' },
  CASE_ACTION_NOT_ALLOWED: {
    status: 409,
    message: (p) =>
      `该申请当前所处阶段${p.stageLabel ? `（${p.stageLabel}）` : ''}不能进行此操作${p.actionLabel ? `：${p.actionLabel}` : ''}。`,
  },
  CORRECTION_ALREADY_REQUESTED: { status: 409, message: '补正告知应一次性告知，该申请已发出过补正告知。' },
  CASE_ARCHIVED: { status: 409, message: '该申请已归档，不能再修改。' },
  FEE_NOT_NOTIFIED: { status: 409, message: '尚未发出收费通知，不能登记缴费或视为放弃。' },
  CASE_ACTION_UNKNOWN: { status: 400, message: '未知的办理操作。' },
  CASE_LOG_INVALID: { status: 500, message: '该申请的办理记录不完整，请联系系统管理员。' },
  FEE_ALREADY_NOTIFIED: { status: 409, message: '该申请已发出过收费通知。' },
  FEE_ALREADY_PAID: { status: 409, message: '该申请已登记缴费。' },
  CONSULTATION_DUPLICATE: { status: 409, message: '该征求意见函已登记，请勿重复发送。' },
  CONSULTATION_ALREADY_DELIVERED: { status: 409, message: '该征求意见函的送达日期已登记。' },
  EVENT_DATE_INVALID: {
    status: 400,
    message: (p) => `办理日期不能早于${p.after ?? '上一条办理记录的日期'}。`,
  },
  CLOCK_EVENT_INVALID: {
    status: 400,
    message: '办理记录的日期顺序不正确（例如送达日期早于发函日期），请核对日期。',
  },
  CONSULTATION_UNKNOWN: { status: 400, message: '找不到对应的征求意见函，请刷新后重试。' },
  OUTCOME_GROUND_REQUIRED: { status: 400, message: '不予公开或部分公开的，应当写明具体理由和法律依据。' },
  TRACKING_FAILED: { status: 404, message: '跟踪码或查询密码不正确。请核对后重试。' },
  FEE_METHOD_CONFLICT: { status: 400, message: '同一申请只能选择按件或按量一种方式计收信息处理费。' },
  // documents (政府文件库): codes below this line
  // workplan (工作台账): codes below this line
  INTERNAL: { status: 500, message: '系统出现错误，请稍后再试。如问题持续，请联系管理员。' },
} satisfies Record<string, Entry>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export type FieldError = { path: string; message: string };

/** An error meant for the user: a catalog code, its params and optional field-level messages. */
export class AppError extends Error {
  code: ErrorCode;
  params: Params;
  fields: FieldError[] | undefined;
  constructor(code: ErrorCode, params: Params = {}, fields?: FieldError[]) {
    super(code);
    this.code = code;
    this.params = params;
    this.fields = fields;
  }
}

export function isCatalogCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_CATALOG, code);
}

export function describeError(code: ErrorCode, params: Params = {}): { status: number; message: string } {
  const entry: Entry = ERROR_CATALOG[code];
  return {
    status: entry.status,
    message: typeof entry.message === 'function' ? entry.message(params) : entry.message,
  };
}

export type ErrorBody = { error: { code: string; message: string; fields?: FieldError[] } };
