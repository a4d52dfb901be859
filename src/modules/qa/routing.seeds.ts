/**
 * Demo data of 政策问答转办 and 咨询记录: four routed questions (one answered and sent, one with its unit,
 * one answered awaiting review, one overdue still waiting for its unit) and consultation records over the
 * last months, two groups of near-identical questions among them, one suggested into 政策问答库 (a draft).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { SeedReport } from '../../platform/module.ts';
import { searchTokens } from '../../platform/search/fulltext.ts';
import { chinaToday, now } from '../../platform/time.ts';
import { addCalendarDays, loadCalendar } from '../calendar/index.ts';
import { listPublicDocumentTexts } from '../documents/index.ts';
import { listOrgs } from '../orgs/index.ts';
import type { ConsultationChannel } from './domain/consultations.ts';
import { type RoutedStatus, trackingCode } from './domain/routing.ts';
import { routedDueDays } from './routing.store.ts';

type RoutedSeed = {
  q: string;
  daysAgo: number;
  status: RoutedStatus;
  org: string;
  assigned: boolean;
  answer?: string;
  phone?: string;
};

const ROUTED: RoutedSeed[] = [
  {
    q: '80岁以上老人的高龄津贴每月发多少？',
    daysAgo: 12,
    status: 'sent',
    org: '市民政局',
    assigned: true,
    answer:
      '高龄津贴按年龄段分档发放，具体标准以县（市、区）民政部门公布的为准；市民政局通过政府网站和社区公开栏发布养老服务补贴政策，可向户籍所在地街道（乡镇）咨询申领。',
    phone: '13800000001',
  },
  {
    q: '学校课后服务收费的文件在哪里公开？',
    daysAgo: 2,
    status: 'assigned',
    org: '市教育局',
    assigned: true,
  },
  {
    q: '新建小区的配套幼儿园什么时候移交？',
    daysAgo: 5,
    status: 'answered',
    org: '市住房城乡建设局',
    assigned: true,
    answer: '配套幼儿园按规划条件与住宅同步验收、同步移交，移交情况由市住房城乡建设局会同教育部门公开。',
  },
  {
    q: '个体工商户的房租减免政策还有吗？',
    daysAgo: 20,
    status: 'received',
    org: '市财政局',
    assigned: false,
  },
];

type ConsultSeed = [ConsultationChannel, number, string, string, string];

/** [channel, days ago, question, answer, topic]: two near-identical groups (养老补贴, 公积金提取). */
const CONSULTATIONS: ConsultSeed[] = [
  ['hotline', 75, '养老服务补贴怎么申请？', '向户籍所在地街道（乡镇）提出申请。', '养老'],
  ['yihaoda', 60, '养老服务补贴如何申请', '向户籍所在地街道（乡镇）提出申请。', '养老'],
  ['hall', 41, '养老服务补贴怎么申请呢', '到街道便民服务中心窗口申请。', '养老'],
  ['hotline', 20, '养老服务补贴怎么申请', '向户籍所在地街道（乡镇）提出申请。', '养老'],
  ['hotline', 70, '住房公积金怎么提取？', '可通过公积金中心网厅或窗口办理。', '住房'],
  ['yihaoda', 45, '住房公积金如何提取', '可通过公积金中心网厅或窗口办理。', '住房'],
  ['hall', 15, '住房公积金怎么提取', '窗口办理需携带身份证和相关证明。', '住房'],
  ['hall', 50, '孩子入学需要准备哪些材料？', '以教育部门当年发布的招生公告为准。', '教育'],
  ['hotline', 33, '灵活就业人员社保补贴的申领条件', '由人力资源社会保障部门受理。', '就业'],
  ['yihaoda', 8, '政府信息公开申请多久答复？', '自收到申请之日起20个工作日内答复。', '依申请公开'],
  ['hotline', 3, '政策文件在哪里查？', '可在政府网站“政府文件”栏目检索。', ''],
];

export async function seedRoutingDemo(db: Kysely<Database>): Promise<SeedReport> {
  if (await db.selectFrom('qa_routed_questions').select('id').limit(1).executeTakeFirst()) return [];
  const orgs = new Map((await listOrgs(db)).map((o) => [o.name, o.id]));
  const plan = (await listPublicDocumentTexts(db)).find(
    (d) => d.inForce && d.title.includes('2022年济宁市政务公开工作任务分解表'),
  );
  const [calendar, days] = await Promise.all([loadCalendar(db), routedDueDays(db)]);
  const today = chinaToday();
  let n = 0;
  for (const [i, r] of ROUTED.entries()) {
    const orgId = orgs.get(r.org);
    if (orgId === undefined) continue;
    const askedOn = addCalendarDays(today, -r.daysAgo);
    const answeredOn = r.answer ? addCalendarDays(askedOn, 3) : null;
    await db
      .insertInto('qa_routed_questions')
      .values({
        tracking_code: trackingCode(askedOn, [i, 7, 11, 13, 17, 19]),
        question: r.q,
        contact_phone: r.phone ?? null,
        contact_email: null,
        asked_on: askedOn,
        asked_at: now(),
        suggested_org_id: orgId,
        suggestion_reason: '按最相关文件的牵头单位推荐',
        org_id: r.assigned ? orgId : null,
        status: r.status,
        due_days: days,
        due_on: calendar.addWorkingDays(askedOn, days),
        answer: r.answer ?? null,
        cited_document_ids: r.answer && plan ? [plan.id] : [],
        answered_on: answeredOn,
        sent_on: r.status === 'sent' ? answeredOn : null,
        updated_at: now(),
      })
      .execute();
    n++;
  }
  let records = 0;
  const ids: number[] = [];
  for (const [channel, ago, question, answer, topic] of CONSULTATIONS) {
    const row = await db
      .insertInto('qa_consultations')
      .values({
        channel,
        asked_on: addCalendarDays(today, -ago),
        question,
        answer,
        topic,
        question_terms: searchTokens(question),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (topic === '住房') ids.push(row.id);
    records++;
  }
  // The 公积金 group suggested into 政策问答库: a draft for the office to finish and submit.
  const office = orgs.get('市政府办公室');
  if (plan && office !== undefined) {
    const q = '住房公积金怎么提取？';
    const a = '可通过住房公积金管理中心网上服务大厅或窗口办理提取，所需材料以公积金中心公布的办事指南为准。';
    const pair = await db
      .insertInto('qa_pairs')
      .values({
        org_id: office,
        question: q,
        answer: a,
        document_id: plan.id,
        topics: ['住房'],
        status: 'draft',
        question_terms: [...searchTokens(q), '住房'],
        answer_terms: searchTokens(a),
        updated_at: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.updateTable('qa_consultations').set({ pair_id: pair.id }).where('id', 'in', ids).execute();
  }
  return [`政策问答：转办问题 ${n} 件，咨询记录 ${records} 条`];
}
