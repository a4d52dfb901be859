// 年度报告 outputs: the report as .docx (src/modules/reports/docx/api.ts).
import { download } from './client.ts';

/** Downloads an agency's report for a year as .docx; throws ApiError with the server's message. */
export function downloadReportDocx(orgId: number, year: number): Promise<void> {
  return download(`/api/reports/${orgId}/${year}/docx`, `${year}年政府信息公开工作年度报告.docx`);
}
