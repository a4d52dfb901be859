// 年度报告 outputs: the report as .docx (src/modules/reports/docx/api.ts) and the summaries (汇总) of a
// government (src/modules/reports/summary/api.ts).
import type { z } from 'zod';
import type { SummaryInclude } from '../../modules/reports/domain/summary/summary.ts';
import type * as s from '../../modules/reports/summary/api.schemas.ts';
import { api, download } from './client.ts';

export type ReportSummary = z.infer<typeof s.summaryResponse>;
export type SummaryAgency = z.infer<typeof s.summaryAgency>;
export type SummaryGovernment = z.infer<typeof s.summaryGovernment>;
export type SummaryPending = z.infer<typeof s.summaryPending>;

/** Downloads an agency's report for a year as .docx; throws ApiError with the server's message. */
export function downloadReportDocx(orgId: number, year: number): Promise<void> {
  return download(`/api/reports/${orgId}/${year}/docx`, `${year}年政府信息公开工作年度报告.docx`);
}

/** The governments whose summary the signed-in person may see. */
export function listSummaryGovernments(): Promise<z.infer<typeof s.governmentsResponse>> {
  return api.get('/api/report-summaries');
}

export function getSummary(orgId: number, year: number, include: SummaryInclude): Promise<ReportSummary> {
  return api.get(`/api/report-summaries/${orgId}/${year}`, { include });
}

export function downloadSummaryXlsx(orgId: number, year: number, include: SummaryInclude): Promise<void> {
  return download(
    `/api/report-summaries/${orgId}/${year}/xlsx?include=${include}`,
    `${year}年政府信息公开工作年度报告汇总.xlsx`,
  );
}
