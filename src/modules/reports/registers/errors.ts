import type { CodesOf, ErrorCatalog } from '../../../platform/http/errors.ts';

/** The error codes of the registers (复议诉讼登记, 投诉举报登记): HTTP status and the Chinese message. */
export const REGISTERS_ERRORS = {
  REGISTER_REVIEW_COUNTED: {
    status: 409,
    message: (p) =>
      `该案件已计入已报送的${p.year ?? ''}年度报告（表四），不能删除，也不能更改案件类型或收到年度；如需修改，请由政府信息公开工作主管部门退回该年度报告后再修改。`,
  },
  REGISTER_COMPLAINT_STATE: {
    status: 409,
    message: (p) => `该投诉举报当前为“${p.state ?? ''}”状态，不能${p.action ?? '进行此操作'}。`,
  },
} satisfies ErrorCatalog;

declare module '../../../platform/http/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof REGISTERS_ERRORS> {}
}
