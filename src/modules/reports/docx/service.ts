/**
 * The annual report as .docx: for staff, any report they may view (a draft with its live figures and
 * texts); for the portal, a published report (its frozen figures).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import type { Actor } from '../../../platform/http/session.ts';
import { getReport, publishedReport } from '../service.ts';
import { renderReportDocx } from './render.ts';

type Db = Kysely<Database>;
export type DocxFile = { name: string; bytes: Buffer };

const fileName = (orgName: string, year: number) => `${orgName}${year}年政府信息公开工作年度报告.docx`;

/** The .docx of an agency's report for a year, as the staff member sees it now (NOT_FOUND / FORBIDDEN). */
export async function reportDocx(db: Db, actor: Actor, orgId: number, year: number): Promise<DocxFile> {
  const d = await getReport(db, actor, orgId, year);
  const bytes = await renderReportDocx({
    orgName: d.agency.org.name,
    year,
    overview: d.narrative.overview,
    problems: d.narrative.problems,
    other: d.narrative.other,
    figures: d.figures,
  });
  return { name: fileName(d.agency.org.name, year), bytes };
}

/** The .docx of a published report (the portal); undefined when there is no such published report. */
export async function publishedReportDocx(db: Db, id: number): Promise<DocxFile | undefined> {
  const found = await publishedReport(db, id);
  if (!found) return undefined;
  const { report, agency, figures } = found;
  const bytes = await renderReportDocx({
    orgName: agency.org.name,
    year: report.year,
    overview: report.overview,
    problems: report.problems,
    other: report.other,
    figures,
  });
  return { name: fileName(agency.org.name, report.year), bytes };
}
