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
  REPORT_NOT_DRILLABLE: {
    status: 400,
    message: '该数字由人工填报，或不是年度报告表二、表三中计算得出的数字，无法列出对应记录。',
  },
} satisfies ErrorCatalog;

declare module '../../platform/http/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof REPORTS_ERRORS> {}
}
