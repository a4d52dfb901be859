import type { CodesOf, ErrorCatalog } from '../../../platform/http/errors.ts';

/** The error codes of the summaries (汇总) of the annual reports. */
export const SUMMARY_ERRORS = {
  REPORT_NOT_GOVERNMENT: {
    status: 400,
    message: (p) => `“${p.name ?? ''}”不是人民政府，没有年度报告汇总；请选择县级或市级人民政府。`,
  },
} satisfies ErrorCatalog;

declare module '../../../platform/http/errors.ts' {
  interface ErrorCodes extends CodesOf<typeof SUMMARY_ERRORS> {}
}
