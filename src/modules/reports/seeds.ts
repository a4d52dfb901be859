/**
 * Demo: the demo city's annual reports on last year (2025 at the suite's date) for its government and its
 * departments, computed from the demo cases and documents, with hand-entered table 二 figures, the two
 * registers behind them (review and litigation cases, some about demo applications, one 纠正 and one still
 * pending; complaints and reports, answered, and one of this year still waiting for its answer), and the
 * dates of 条例第四十九条: departments submitted by 31 January and published, the government's published by
 * 31 March. A report whose checks fail stays a draft and is named in the seed report instead.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import type { SeedReport } from '../../platform/module.ts';
import { chinaToday } from '../../platform/time.ts';
import { addCalendarDays, loadCalendar } from '../calendar/index.ts';
import { passes } from './domain/checks.ts';
import { overviewFacts } from './domain/compose.ts';
import { complaintsSentence, countComplaints } from './registers/domain/complaints.ts';
import { answerWorkingDays, complaintsOfYear, insertComplaint } from './registers/store.ts';
import { type Agency, computeReport, listAgencies } from './service.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

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
    await seedRegisters(tx, city, chosen, year);
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
        other: `${complaintsSentence(year, countComplaints(await complaintsOfYear(tx, agency.scope, year)))}${OTHER}`,
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

/** A demo application of the agency by its subject (the requests module's demo cases), if it is there. */
async function demoCase(db: Db, orgIds: readonly number[], subject: string) {
  return db
    .selectFrom('requests')
    .select(['id', 'case_no'])
    .where('org_id', 'in', [...orgIds])
    .where('subject', '=', subject)
    .executeTakeFirst();
}

/**
 * The registers behind table 四 and section 六: the city's review and litigation cases of the year (a review
 * upheld on the fee of a demo application, a 纠正 on another's 不存在 reply, a lawsuit still pending), a
 * department's review still pending at the end of the year; complaints and reports about the city, answered
 * in the year, and one received this year still waiting for its answer.
 */
async function seedRegisters(tx: Db, city: Agency, chosen: readonly Agency[], year: number) {
  const files = await demoCase(tx, city.scope, '2020年以来全部行政处罚案卷');
  const heating = await demoCase(tx, city.scope, '某小区供暖改造补贴发放名单');
  const review = (v: Partial<Parameters<typeof store.insertReview>[1]> & { filed_on: string }) =>
    store.insertReview(tx, {
      org_id: city.org.id,
      kind: 'review',
      case_no: null,
      request_case_no: null,
      organ: '山东省人民政府',
      result: 'pending',
      decided_on: null,
      note: '',
      created_by: null,
      ...v,
    });
  await review({
    case_no: `鲁政复字〔${year}〕第15号`,
    request_case_no: files?.case_no ?? null,
    request_id: files?.id ?? null,
    filed_on: `${year}-06-10`,
    result: 'upheld',
    decided_on: `${year}-08-05`,
    note: '申请人对收取信息处理费和视为放弃申请有异议；复议机关维持。',
  });
  await review({
    case_no: `鲁政复字〔${year}〕第208号`,
    request_case_no: heating?.case_no ?? null,
    request_id: heating?.id ?? null,
    filed_on: `${year}-10-20`,
    result: 'corrected',
    decided_on: `${year}-12-10`,
    note: '复议机关认为检索范围不充分，确认“信息不存在”的答复违法。',
  });
  await review({
    kind: 'direct-suit',
    case_no: `（${year}）鲁08行初112号`,
    filed_on: `${year}-11-03`,
    organ: '济宁市中级人民法院',
  });
  const department = chosen.find((a) => a.org.name === '市自然资源和规划局') ?? chosen[1];
  if (department)
    await review({
      org_id: department.org.id,
      case_no: `济政复字〔${year}〕第341号`,
      filed_on: `${year}-12-15`,
      organ: '济宁市人民政府',
    });

  const [calendar, days] = await Promise.all([loadCalendar(tx), answerWorkingDays(tx)]);
  const today = chinaToday();
  // A year the calendar does not have yet: counted in calendar days (three weeks) instead.
  const dueOn = (received: string) => {
    try {
      return calendar.addWorkingDays(received, days);
    } catch {
      return addCalendarDays(received, 21);
    }
  };
  const complaint = async (v: {
    kind: 'complaint' | 'report';
    channel: 'letter' | 'phone' | 'online' | 'in-person';
    received_on: string;
    complainant_name: string;
    content: string;
    request_id?: number | null;
    answered_on?: string;
    answer?: string;
    state: 'assigned' | 'answered' | 'closed';
  }) => {
    const row = await insertComplaint(tx, {
      org_id: city.org.id,
      kind: v.kind,
      channel: v.channel,
      received_on: v.received_on,
      complainant_name: v.complainant_name,
      complainant_phone: '',
      complainant_address: '山东省济宁市',
      content: v.content,
      request_id: v.request_id ?? null,
      assignee_org_id: city.scope.find((id) => id !== city.org.id) ?? city.org.id,
      assignee_id: null,
      due_days: days,
      due_on: dueOn(v.received_on),
      answered_on: v.answered_on ?? null,
      created_by: null,
      updated_by: null,
      state: v.state,
    });
    if (v.answer)
      await tx.updateTable('complaints').set({ answer: v.answer }).where('id', '=', row.id).execute();
  };
  await complaint({
    kind: 'complaint',
    channel: 'letter',
    received_on: `${year}-05-12`,
    complainant_name: '王芳',
    content: '本人申请公开的会议纪要，答复不予公开但未说明理由。',
    answered_on: `${year}-05-28`,
    answer: '经核查，原答复已载明不予公开的理由和依据，已向投诉人当面解释并提供救济途径。',
    state: 'closed',
  });
  await complaint({
    kind: 'report',
    channel: 'online',
    received_on: `${year}-08-03`,
    complainant_name: '刘洋',
    content: '举报市政府网站“重大建设项目”栏目长期未更新。',
    request_id: heating?.id ?? null,
    answered_on: `${year}-08-20`,
    answer: '经核查，该栏目已按要求更新，责成相关单位建立栏目更新台账。',
    state: 'answered',
  });
  await complaint({
    kind: 'complaint',
    channel: 'phone',
    received_on: addCalendarDays(today, -3),
    complainant_name: '陈静',
    content: '反映依申请公开答复书未加盖印章。',
    state: 'assigned',
  });
}
