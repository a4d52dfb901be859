import type { CodesOf, ErrorCatalog } from '../../platform/http/errors.ts';

/**
 * The error codes of the requests module (依申请公开): HTTP status and the Chinese message a user sees.
 * The manifest declares them (`errors`); the platform merges every module's catalog at start-up.
 */
/** Which date is 收到申请之日 for a channel (Art. 31), by ClockError's `params.field`. */
const RECEIPT_DATE_LABELS: Record<string, string> = {
  submittedOn: '当面提交的，为提交之日',
  signedOn: '以邮政挂号等需签收方式提交的，为签收之日',
  confirmedOn: '以平信、网络、传真等方式提交的，为双方确认之日',
};

export const REQUESTS_ERRORS = {
  // the statutory clock and fees (ClockError, FeeError)
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
  // assistance requests (协助调查/会商) and saved workbench views
  ASSISTANCE_UNKNOWN: { status: 409, message: '找不到对应的未答复的协助请求，请刷新后重试。' },
  SAVED_VIEW_NAME_TAKEN: {
    status: 409,
    message: (p) => `已有名为“${p.name ?? ''}”的常用筛选，请换一个名称。`,
  },
  SAVED_VIEW_LIMIT: { status: 409, message: (p) => `常用筛选最多保存${p.max ?? 50}个，请先删除不用的。` },
  // 台账导入 (import/): imported cases are read-only; a ledger with errors saves nothing
  REQUEST_IMPORTED_READ_ONLY: {
    status: 409,
    message: '该申请是从原有台账导入的历史记录，只能查看，不能办理或修改。',
  },
  REQUESTS_IMPORT_INVALID: {
    status: 422,
    message: (p) => `台账中有${p.count ?? ''}处错误，未导入任何申请。请按行修改后重新导入。`,
  },
  // 转办 within one government (domain/transfer.ts)
  TRANSFER_PENDING_STEPS: {
    status: 409,
    message: '该申请有未办结的征求意见、协助请求或未缴费的收费通知，办结后才能转办。',
  },
  TRANSFER_TARGET_UNKNOWN: { status: 400, message: '请选择转办的行政机关。' },
  TRANSFER_SAME_AGENCY: { status: 409, message: '该申请已由所选行政机关办理，无需转办。' },
  TRANSFER_TARGET_NOT_ACCEPTING: {
    status: 409,
    message: (p) => `${p.name ?? '所选机关'}已停用或不受理政府信息公开申请，不能转办。`,
  },
  TRANSFER_NO_RECEIVER: {
    status: 409,
    message: (p) => `${p.name ?? '所选机关'}暂无受理人员，不能转办；请先在机构管理中设置其受理方式。`,
  },
  TRANSFER_OTHER_GOVERNMENT: {
    status: 409,
    message: (p) =>
      `${p.name ?? '所选机关'}不属于本级人民政府，不能转办。请以“不属于本机关负责公开”答复申请人（条例第三十六条第五项），告知其该行政机关的名称和联系方式。`,
  },
  // 答复的审核签发 (domain/signoff.ts)
  DRAFT_PENDING: {
    status: 409,
    message: '该申请已有等待审核签发的答复草稿，请等待审核签发或退回后再拟写答复。',
  },
  DRAFT_NOT_PENDING: { status: 409, message: '没有等待该环节处理的答复草稿，请刷新后重试。' },
  DRAFT_NOT_REVIEWED: { status: 409, message: '答复草稿尚未经公开办审核，不能签发。' },
  SIGNOFF_REQUIRED: {
    status: 409,
    message: (p) =>
      `本机关的答复须经审核签发（${p.chain ?? '承办人拟稿 → 公开办审核 → 负责人签发'}），请先拟写答复并提交审核签发。`,
  },
  SIGNOFF_NOT_YOURS: {
    status: 403,
    message: (p) =>
      `“${p.step ?? '审核签发'}”应由本机关${p.step === '负责人签发' ? '政府信息公开工作机构负责人' : '政府信息公开工作机构'}办理，且不能审核签发本人拟写的答复。`,
  },
  SIGNOFF_NOT_CONFIGURED: {
    status: 409,
    message: '本机关的答复无需审核签发，请直接答复；如需审核签发，请在“答复审核签发”中设置。',
  },
  RETURN_COMMENT_REQUIRED: { status: 400, message: '退回修改时请写明修改意见。' },
} satisfies ErrorCatalog;

declare module '../../platform/http/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof REQUESTS_ERRORS> {}
}
