/**
 * Demo: the demo city's annual reports on last year (2025 at the suite's date) for its government and its
 * departments, computed from the demo cases and documents, with hand-entered table 二 figures, a few
 * review and litigation cases, and the dates of 条例第四十九条: departments submitted by 31 January and
 * published, the government's published by 31 March. A report whose checks fail stays a draft and is named
 * in the seed report instead.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import type { SeedReport } from '../../platform/module.ts';
import { chinaToday } from '../../platform/time.ts';
import { passes } from './domain/checks.ts';
import { overviewFacts } from './domain/compose.ts';
import { computeReport, listAgencies } from './service.ts';
import * as store from './store.ts';

const CITY = '济宁市人民政府';

/** Stable demo figures per agency (no randomness: the same demo on every start). */
function demoFigures(index: number, isGovernment: boolean) {
  const k = index + 1;
  return {
    licensing: isGovernment ? 0 : (k * 137) % 900,
    penalty: isGovernment ? 0 : (k * 53) % 240,
    enforcement: isGovernment ? 0 : (k * 7) % 15,
    fees: isGovernment ? 0 : Number((((k * 173) % 5000) / 100).toFixed(2)),
  };
}

const PROBLEMS =
  '一是政策解读形式还不够丰富，图解、视频等解读方式运用不足；二是依申请公开办理质量有待提升，答复文书规范性还需加强。下一步，我们将加强业务培训，完善依申请公开办理流程，提升答复质量和群众满意度。';
const OTHER = '本年度未收取信息处理费。';

export async function seedDemoReports(db: Kysely<Database>): Promise<SeedReport> {
  if (await db.selectFrom('reports').select('id').limit(1).executeTakeFirst()) return [];
  const year = Number(chinaToday().slice(0, 4)) - 1;
  const agencies = await listAgencies(db);
  const city = agencies.find((a) => a.org.name === CITY);
  if (!city) return [];
  const chosen = [
    city,
    ...agencies.filter((a) => a.org.parent_id === city.org.id && a.org.kind === 'department'),
  ];
  const lines: string[] = [];
  let published = 0;
  await db.transaction().execute(async (tx) => {
    // Two cases of the city's register: a review upheld, a lawsuit still pending at the end of the year.
    await store.insertReview(tx, {
      org_id: city.org.id,
      kind: 'review',
      case_no: `鲁政复字〔${year}〕第15号`,
      request_case_no: null,
      filed_on: `${year}-04-08`,
      organ: '山东省人民政府',
      result: 'upheld',
      decided_on: `${year}-06-02`,
      note: '',
      created_by: null,
    });
    await store.insertReview(tx, {
      org_id: city.org.id,
      kind: 'direct-suit',
      case_no: `（${year}）鲁08行初112号`,
      request_case_no: null,
      filed_on: `${year}-11-03`,
      organ: '济宁市中级人民法院',
      result: 'pending',
      decided_on: null,
      note: '',
      created_by: null,
    });
    for (const [i, agency] of chosen.entries()) {
      const isGovernment = agency === city;
      for (const [key, value] of Object.entries(demoFigures(i, isGovernment))) {
        await tx
          .insertInto('report_figures')
          .values({
            org_id: agency.org.id,
            year,
            key,
            value,
            entered_by: null,
            entered_at: new Date(`${year + 1}-01-10T02:00:00Z`),
          })
          .execute();
      }
      const { figures, checks } = await computeReport(tx, agency, year);
      const report = await store.ensureReport(tx, agency.org.id, year, null);
      const text = {
        overview: overviewFacts(agency.org.name, year, figures),
        problems: PROBLEMS,
        other: OTHER,
      };
      if (!passes(checks)) {
        await store.updateReport(tx, report.id, text);
        const failures = checks.filter((c) => !c.ok && c.level === 'error').map((c) => c.message);
        lines.push(`年度报告：${agency.org.name}${year}年数据未通过校验，保留为草稿：${failures.join('；')}`);
        continue;
      }
      // Art. 49: departments by 31 January; the government's by 31 March.
      const day = (md: string) => new Date(`${year + 1}-${md}T02:00:00Z`);
      const after = await store.updateReport(tx, report.id, {
        ...text,
        state: 'published',
        figures: JSON.stringify(figures),
        checks: JSON.stringify(checks),
        submitted_at: day(isGovernment ? '03-10' : '01-20'),
        accepted_at: day(isGovernment ? '03-12' : '01-24'),
        published_at: day(isGovernment ? '03-20' : '01-28'),
      });
      await recordAudit(tx, {
        actorId: null,
        action: 'report.seed',
        subjectType: 'report',
        subjectId: after.id,
        after: { state: after.state },
      });
      published++;
    }
  });
  return [`年度报告：已生成并公开${published}份${year}年度报告（${CITY}及其部门）。`, ...lines];
}
