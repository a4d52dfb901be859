/**
 * The one catalog of stable error codes: HTTP status and the Chinese message a user sees.
 * Domain code throws errors carrying `code` (+ `params`); the HTTP layer looks them up here.
 */
type Params = Record<string, unknown>;
type Entry = { status: number; message: string | ((p: Params) => string) };

/** Which date is 收到申请之日 for a channel (Art. 31), by ClockError's `params.field`. */
const RECEIPT_DATE_LABELS: Record<string, string> = {
  submittedOn: '当面提交的，为提交之日',
  signedOn: '以邮政挂号等需签收方式提交的，为签收之日',
  confirmedOn: '以平信、网络、传真等方式提交的，为双方确认之日',
};

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
  // InvalidDateError (calendar/domain/dates.ts): a date that does not exist or is not YYYY-MM-DD
  INVALID_DATE: {
    status: 400,
    message: (p) => `日期${p.value ? `“${p.value}”` : ''}无效，应为YYYY-MM-DD格式的真实日期。`,
  },
  CALENDAR_YEAR_MISSING: {
    status: 422,
    message: (p) =>
      `${p.year}年的节假日安排尚未录入工作日历，无法计算期限。请系统管理员在“系统管理 → 工作日历”中录入。`,
  },
  CALENDAR_YEAR_INVALID: { status: 400, message: '工作日历数据有误。' },
  // CalendarDataError: stored or bundled years that fail validation (the server's data, not the user's input)
  CALENDAR_DATA_INVALID: {
    status: 500,
    message: (p) =>
      `工作日历数据有误${Array.isArray(p.errors) && p.errors.length > 0 ? `：${p.errors.join('；')}` : ''}。请联系系统管理员核对“系统管理 → 工作日历”。`,
  },
  CALENDAR_NOTICE_UNREADABLE: {
    status: 422,
    message: '未能读取这份放假安排通知，未保存任何内容。请核对下列语句，或改为手工录入。',
  },
  CALENDAR_YEAR_EXISTS: {
    status: 409,
    message: (p) => `${p.year}年的工作日历已经录入。请核对与已录入日历的差异，确认后再替换。`,
  },
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
  // requests: the statutory clock and fees (ClockError, FeeError)
  RECEIPT_CHANNEL_INVALID: { status: 400, message: '申请方式无效，请从列表中选择申请方式。' },
  RECEIPT_DATE_MISSING: {
    status: 400,
    message: (p) =>
      `请填写收到申请之日：${RECEIPT_DATE_LABELS[String(p.field)] ?? '该申请方式对应的日期'}（条例第三十一条）。`,
  },
  FEE_QUANTITY_INVALID: { status: 400, message: '件数或页数应为非负整数。' },
  FEE_WAIVER_DISABLED: { status: 409, message: '本地未启用信息处理费减免政策，不能减免。' },
  FEE_WAIVER_INVALID: {
    status: 400,
    message: '减免信息处理费应写明理由，减免金额应在0元到应收金额之间。',
  },
  // requests: assistance requests (协助调查/会商) and saved workbench views
  ASSISTANCE_UNKNOWN: { status: 409, message: '找不到对应的未答复的协助请求，请刷新后重试。' },
  SAVED_VIEW_NAME_TAKEN: {
    status: 409,
    message: (p) => `已有名为“${p.name ?? ''}”的常用筛选，请换一个名称。`,
  },
  SAVED_VIEW_LIMIT: { status: 409, message: (p) => `常用筛选最多保存${p.max ?? 50}个，请先删除不用的。` },
  // documents (政府文件库): codes below this line
  DOC_NUMBER_INVALID: {
    status: 400,
    message: (p) => `文号格式不正确：${p.reason ?? '应如“济政办字〔2021〕18号”'}`,
  },
  DOC_ATTRIBUTE_REQUIRED: {
    status: 400,
    message: '请先确定公开属性（主动公开、依申请公开或不予公开）再送审：先确定公开属性，再运转呈签。',
  },
  DOC_GROUND_REQUIRED: {
    status: 400,
    message: '依申请公开或不予公开的文件，应当选择条例第十四、十五、十六条规定的具体依据并说明理由。',
  },
  DOC_STATUS_INVALID: {
    status: 409,
    message: (p) => `文件当前状态为“${p.statusLabel ?? p.status}”，不能${p.actionLabel ?? '进行此操作'}。`,
  },
  DOC_INTERPRETATION_REQUIRED: {
    status: 409,
    message: (p) =>
      `${p.genreLabel ?? '政策性文件'}应当与解读材料同步发布（三同步）：请至少添加一份解读材料后再发布。`,
  },
  DOC_ATTACHMENT_UNREADABLE: {
    status: 422,
    message: (p) => `附件“${p.name ?? ''}”无法读取：${p.reason ?? '文件已损坏或格式不正确'}。`,
  },
  DOC_INDEX_PATTERN_INVALID: { status: 400, message: (p) => `${p.reason ?? '索引号规则不正确'}。` },
  DOC_RELATION_INVALID: { status: 400, message: (p) => `${p.reason ?? '文件关联关系不正确'}。` },
  DOC_IMPORT_INVALID: { status: 400, message: (p) => `批量导入失败：${p.reason ?? '元数据表格式不正确'}。` },
  DOC_ATTRIBUTE_REVIEW_INVALID: {
    status: 409,
    message: '只有依申请公开或不予公开的文件可以进行公开属性复审。',
  },
  // documents: gazette and catalogues (D3)
  GAZETTE_ITEM_INVALID: { status: 400, message: (p) => `政府公报第${p.position ?? ''}项内容不正确。` },
  GAZETTE_ITEM_NOT_PUBLISHED: {
    status: 409,
    message: (p) => `政府公报只能刊登已发布的文件及其解读（第${p.position ?? ''}项尚未发布）。`,
  },
  GAZETTE_ISSUE_PUBLISHED: { status: 409, message: '该期政府公报已发布，请先撤回发布后再修改或删除。' },
  GAZETTE_ISSUE_EMPTY: { status: 409, message: '该期政府公报还没有刊登任何文件，不能发布。' },
  GAZETTE_FONT_MISSING: {
    status: 503,
    message:
      '服务器缺少生成政府公报PDF所需的中文字体（Noto Sans CJK），暂时无法提供PDF版本，请联系系统管理员安装字体。',
  },
  DISCLOSURE_COLUMN_INVALID: { status: 400, message: (p) => `${p.reason ?? '法定主动公开栏目设置不正确'}。` },
  // workplan (工作台账): codes below this line
  // importer (PlanParseError codes; params.detail carries the importer's own Chinese message)
  PLAN_NOT_A_TASK_TABLE: {
    status: 422,
    message: (p) =>
      typeof p.detail === 'string'
        ? p.detail
        : '没有找到工作任务分解表：文件中应有一张包含“工作任务”“具体要求”“责任单位”等表头的表格。',
  },
  PLAN_FILE_UNREADABLE: {
    status: 422,
    message: (p) => (typeof p.detail === 'string' ? p.detail : '无法读取该文件，文件可能已损坏。'),
  },
  PLAN_FILE_TYPE: {
    status: 415,
    message: (p) =>
      typeof p.detail === 'string'
        ? p.detail
        : '不支持该文件类型，请上传 .docx、.xlsx 或 .txt 格式的工作任务分解表。',
  },
  WORKPLAN_UNITS_UNMAPPED: {
    status: 400,
    message: (p) =>
      `以下单位尚未对应到机构，请选择对应机构或新建单位：${Array.isArray(p.names) ? p.names.join('、') : ''}`,
  },
  WORKPLAN_FILE_REQUIRED: { status: 400, message: '请选择要导入的任务分解表文件。' },
  WORKPLAN_REVIEW_NOT_PENDING: { status: 409, message: '该进展报送已审核或已有更新的报送，请刷新后重试。' },
  WORKPLAN_ALREADY_ACCEPTED: { status: 409, message: '该任务已审核通过为“已完成”，无需再报送进展。' },
  // workplan B2 (回头看 / 考核 / 分解到县): codes below this line
  WORKPLAN_CARRY_YEAR: {
    status: 400,
    message: (p) =>
      `回头看结转只能从${p.fromYear ?? '上一'}年度计划转入${p.toYear ?? '下一'}年度计划，请选择正确的目标计划。`,
  },
  WORKPLAN_CARRY_NOT_UNFINISHED: {
    status: 409,
    message: (p) => `所选任务${p.seqs ? `（序号${p.seqs}）` : ''}已全部完成，无需结转。`,
  },
  WORKPLAN_CARRY_DUPLICATE: {
    status: 409,
    message: (p) => `所选任务${p.seqs ? `（序号${p.seqs}）` : ''}已结转到该计划，请勿重复结转。`,
  },
  WORKPLAN_ASSESSMENT_STATE: {
    status: 409,
    message: (p) => `考核当前状态为“${p.stateLabel ?? ''}”，不能${p.actionLabel ?? '进行此操作'}。`,
  },
  WORKPLAN_ASSESSMENT_NOT_APPROVED: {
    status: 409,
    message: '考核排名尚未经负责人审批同意，不能发布。请先提交负责人审批。',
  },
  WORKPLAN_APPROVER_REQUIRED: { status: 403, message: '只有计划所属机关的负责人可以审批考核排名。' },
  WORKPLAN_RULES_INVALID: { status: 400, message: (p) => `考核规则有误：${p.errors ?? ''}` },
  WORKPLAN_CASCADE_NOT_COUNTY: { status: 400, message: '只能分解到县（市、区）人民政府的工作计划。' },
  WORKPLAN_CASCADE_NOT_CHILD: {
    status: 400,
    message: '该县（市、区）不属于市级计划所属的人民政府，不能分解。',
  },
  WORKPLAN_CASCADE_NOTHING: { status: 409, message: '市级计划中没有需要县（市、区）承担的任务。' },
  WORKPLAN_CASCADE_EXISTS: {
    status: 409,
    message: '该县（市、区）已从这份市级计划分解过，请直接在已分解的计划中修改。',
  },
  WORKPLAN_CASCADE_UNIT_OUTSIDE: { status: 400, message: '只能分解给本县（市、区）所属的单位。' },
  WORKPLAN_CASCADE_NOT_DERIVED: { status: 400, message: '该任务不是从上级计划分解来的任务。' },
  WORKPLAN_ASSIGNMENT_HAS_PROGRESS: {
    status: 409,
    message: (p) => `${p.orgName ?? '该单位'}已报送过进展，不能取消其任务。`,
  },
  // DataDirLockedError: at start-up or on the command line, never over HTTP
  DATA_DIR_LOCKED: {
    status: 503,
    message:
      '数据目录正被另一个进程（通常是运行中的服务器）使用。请先停止该进程，或设置 DATABASE_URL 使用 PostgreSQL。',
  },
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
