import type { CodesOf, ErrorCatalog } from '../../platform/http/errors.ts';

/** The error codes of the reports module (年度报告): HTTP status and the Chinese message a user sees. */
export const REPORTS_ERRORS = {
  REPORT_NOT_AGENCY: {
    status: 400,
    message: (p) => `“${p.name ?? ''}”是其他机关的政府信息公开工作机构，其数据计入所服务机关的年度报告。`,
  },
  REPORT_CHECKS_FAIL: {
    status: 409,
    message: (p) =>
      `年度报告未通过数据校验，不能报送：${Array.isArray(p.failures) ? p.failures.join('；') : ''}`,
  },
  REPORT_STATE: {
    status: 409,
    message: (p) => `该年度报告当前为“${p.state ?? ''}”状态，不能${p.action ?? '进行此操作'}。`,
  },
  REPORT_FROZEN: {
    status: 409,
    message: '该年度报告已报送，数据已固定；如需修改，请由政府信息公开工作主管部门退回后再修改。',
  },
  // 更正 of a published report
  REPORT_NOT_PUBLISHED: {
    status: 409,
    message: (p) =>
      `${p.name ?? ''}${p.year ?? ''}年度报告尚未公开，不能更正；公开前如需修改，请在草稿中修改或由主管部门退回后修改。`,
  },
  REPORT_CORRECTION_OPEN: {
    status: 409,
    message: '该年度报告已有一份更正正在办理中，请先完成该更正（报送、审核、公开）后再提出新的更正。',
  },
  // past years' figures (history/)
  REPORT_PAST_INVALID: {
    status: 422,
    message: (p) => `以往年度报告数据中有${p.count ?? ''}处错误，未保存。请修改后重新提交。`,
  },
  REPORT_PAST_YEAR: {
    status: 400,
    message: (p) => `只能录入以往年度的报告数据；${p.year ?? ''}年度的报告请在系统中计算生成。`,
  },
  REPORT_PAST_HAS_REPORT: {
    status: 409,
    message: (p) => `${p.name ?? ''}${p.year ?? ''}年度已有系统生成的年度报告，不能再录入以往年度数据。`,
  },
  REPORT_NOT_DRILLABLE: {
    status: 400,
    message: '该数字由人工填报，或不是年度报告表二、表三、表四中计算得出的数字，无法列出对应记录。',
  },
} satisfies ErrorCatalog;

declare module '../../platform/http/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof REPORTS_ERRORS> {}
}
