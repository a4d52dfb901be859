import type { CodesOf, ErrorCatalog } from '../../platform/http/errors.ts';

/**
 * The error codes of the workplan module (工作台账): HTTP status and the Chinese message a user sees.
 * The manifest declares them (`errors`); the platform merges every module's catalog at start-up.
 */
export const WORKPLAN_ERRORS = {
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
  // 回头看, 考核, 分解到县
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
  WORKPLAN_LINK_CYCLE: { status: 400, message: '不能衔接到本计划自身或其下级计划。' },
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
} satisfies ErrorCatalog;

declare module '../../platform/http/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof WORKPLAN_ERRORS> {}
}
