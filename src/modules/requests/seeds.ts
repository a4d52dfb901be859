import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/http/session.ts';
import type { SeedReport } from '../../platform/module.ts';
import { chinaToday } from '../../platform/time.ts';
import { addCalendarDays } from '../calendar/index.ts';
import { findUserByUsername, listOrgs, loadActor } from '../orgs/index.ts';
import { type ActionInput, type ApplicationInput, act, registerByStaff, submitOnline } from './service.ts';

/** GB 11643 check digit: a valid-looking resident ID for demo applicants (no real person's). */
function residentId(body17: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, c, i) => s + Number(c) * (w[i] as number), 0);
  return body17 + ('10X98765432'[sum % 11] as string);
}

/** GB 32100 check character for a demo unified social credit code. */
function uscc(body17: string): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body17].reduce((s, c, i) => s + chars.indexOf(c) * (w[i] as number), 0);
  return body17 + (chars[(31 - (sum % 31)) % 31] as string);
}

const PEOPLE = [
  { name: '张伟', id: residentId('37080219850312121'), phone: '13953712345' },
  { name: '王芳', id: residentId('37088119900706242'), phone: '15805371234' },
  { name: '李娜', id: residentId('37082719781120362'), phone: '13605378888' },
  { name: '刘洋', id: residentId('37083019950215481'), phone: '18653766543' },
  { name: '陈静', id: residentId('37080219881008562'), phone: '13705370001' },
];

function person(i: number): ApplicationInput['applicant'] {
  const p = PEOPLE[i % PEOPLE.length] as (typeof PEOPLE)[number];
  return {
    type: 'natural',
    name: p.name,
    idType: 'resident-id',
    idNumber: p.id,
    phone: p.phone,
    address: '山东省济宁市任城区',
  };
}

const LAW_FIRM: ApplicationInput['applicant'] = {
  type: 'legal-service',
  name: '山东济宁某某律师事务所',
  idType: 'uscc',
  idNumber: uscc('31370000MD0123456'),
  phone: '0537-2345678',
  contactName: '赵律师',
  address: '济宁市太白湖新区',
};

/** A step of a demo case; an assignment goes to the plan's unit. */
type Step = Exclude<ActionInput, { action: 'assign' }> | { action: 'assign'; on: string };
type Plan = {
  subject: string;
  description: string;
  applicant: ApplicationInput['applicant'];
  channel: 'in-person' | 'post-signed' | 'post-confirmed' | 'fax' | 'email';
  submittedOn: string;
  receivedOn: string | null;
  unit?: string;
  steps: Step[];
};

/**
 * Demo cases in every stage and outcome, 2024 to now: archived, withheld with a ground, deemed withdrawn
 * (no correction, no payment), withdrawn, overdue, paused for correction and for a third party,
 * extended, fee notice unpaid, awaiting confirmation. Created through the same service calls as the UI.
 */
export async function seedDemoRequests(db: Kysely<Database>): Promise<SeedReport> {
  if (await db.selectFrom('requests').select('id').limit(1).executeTakeFirst()) return [];
  const officeUser = await findUserByUsername(db, 'office');
  if (!officeUser) return [];
  const office = (await loadActor(db, officeUser.id)) as Actor;
  const orgIds = new Map((await listOrgs(db)).map((o) => [o.name, o.id]));
  const orgId = (name: string) => {
    const id = orgIds.get(name);
    if (id === undefined) throw new Error(`demo organisation missing: ${name}`);
    return id;
  };
  const city = orgId('济宁市人民政府');
  const today = chinaToday();
  const ago = (days: number) => addCalendarDays(today, -days);

  const plans: Plan[] = [
    {
      subject: '2023年度城区中小学新建项目批复文件',
      description: '请提供市政府关于城区中小学新建项目的批复全文',
      applicant: person(0),
      channel: 'in-person',
      submittedOn: '2024-03-05',
      receivedOn: '2024-03-05',
      unit: '市教育局',
      steps: [
        { action: 'assign', on: '2024-03-06' },
        {
          action: 'reply',
          on: '2024-03-20',
          outcome: 'DISCLOSE',
          text: '经审查，您申请的信息予以公开，现提供批复文件复印件一份。',
        },
        { action: 'archive', on: '2024-03-25' },
      ],
    },
    {
      subject: '某路段拓宽工程会议纪要',
      description: '请提供2024年5月关于某路段拓宽工程的专题会议纪要',
      applicant: person(1),
      channel: 'post-signed',
      submittedOn: '2024-06-11',
      receivedOn: '2024-06-12',
      unit: '市住房城乡建设局',
      steps: [
        { action: 'assign', on: '2024-06-13' },
        {
          action: 'reply',
          on: '2024-07-05',
          outcome: 'WITHHOLD',
          groundCode: 'PROCESS_INFO',
          text: '您申请的会议纪要属于过程性信息，根据《中华人民共和国政府信息公开条例》第十六条第二款，不予公开。',
        },
        { action: 'archive', on: '2024-07-10' },
      ],
    },
    {
      subject: '关于“那片地”的所有文件',
      description: '要那片地的所有文件',
      applicant: person(2),
      channel: 'post-confirmed',
      submittedOn: '2024-10-08',
      receivedOn: null,
      steps: [
        { action: 'confirm-receipt', on: '2024-10-09' },
        {
          action: 'request-correction',
          on: '2024-10-12',
          items: '请写明所需信息的名称、文号或者具体地块位置。',
          deadlineDate: '2024-10-31',
        },
        { action: 'deem-withdrawn-no-correction', on: '2024-11-05' },
      ],
    },
    {
      subject: '2020年以来全部行政处罚案卷',
      description: '请提供2020年以来市场监管领域全部行政处罚案卷的复印件',
      applicant: LAW_FIRM,
      channel: 'email',
      submittedOn: '2025-04-10',
      receivedOn: null,
      unit: '市市场监管局',
      steps: [
        { action: 'confirm-receipt', on: '2025-04-10' },
        { action: 'assign', on: '2025-04-11' },
        { action: 'fee-notice', on: '2025-04-18', method: 'per-page', quantity: 150 },
        { action: 'deem-withdrawn-no-payment', on: '2025-05-26' },
      ],
    },
    {
      subject: '某小区供暖改造补贴发放名单',
      description: '2025年度某小区供暖改造补贴发放名单',
      applicant: person(3),
      channel: 'in-person',
      submittedOn: '2025-09-01',
      receivedOn: '2025-09-01',
      unit: '市财政局',
      steps: [
        { action: 'assign', on: '2025-09-02' },
        {
          action: 'reply',
          on: '2025-09-19',
          outcome: 'NOT_EXIST',
          text: '经检索，本机关未制作或获取该信息。',
        },
      ],
    },
    {
      subject: '老旧小区改造计划',
      description: '2026年老旧小区改造计划名单',
      applicant: person(4),
      channel: 'in-person',
      submittedOn: '2025-12-01',
      receivedOn: '2025-12-01',
      steps: [{ action: 'withdraw', on: '2025-12-03', reason: '申请人已在政府网站查到相关信息，申请撤回' }],
    },
    {
      subject: '某学校扩建项目环评批复',
      description: '请提供某学校扩建项目的环境影响评价批复',
      applicant: person(1),
      channel: 'fax',
      submittedOn: '2026-02-09',
      receivedOn: null,
      unit: '市生态环境局',
      steps: [
        { action: 'confirm-receipt', on: '2026-02-10' },
        { action: 'assign', on: '2026-02-11' },
        {
          action: 'reply',
          on: '2026-03-10',
          outcome: 'PARTIAL',
          groundCode: 'THIRD_PARTY_RIGHTS',
          text: '批复予以公开；其中涉及建设单位商业秘密的内容经征求意见后不予公开。',
        },
      ],
    },
    {
      subject: '2026年城市更新项目资金安排',
      description: '请提供2026年城市更新项目资金安排情况',
      applicant: person(0),
      channel: 'in-person',
      submittedOn: ago(45),
      receivedOn: ago(45),
      unit: '市发展改革委',
      steps: [{ action: 'assign', on: ago(44) }],
    },
    {
      subject: '义务教育学区划分方案',
      description: '请提供本年度义务教育学区划分方案',
      applicant: person(2),
      channel: 'in-person',
      submittedOn: ago(12),
      receivedOn: ago(12),
      unit: '市教育局',
      steps: [
        { action: 'assign', on: ago(11) },
        {
          action: 'request-correction',
          on: ago(9),
          items: '请说明所需学区划分方案所属的区县和学段。',
          deadlineDate: addCalendarDays(today, 10),
        },
      ],
    },
    {
      subject: '某企业用地审批材料',
      description: '请提供某企业新建厂房的用地审批材料',
      applicant: person(3),
      channel: 'post-signed',
      submittedOn: ago(16),
      receivedOn: ago(15),
      unit: '市自然资源和规划局',
      steps: [
        { action: 'assign', on: ago(14) },
        {
          action: 'consult-send',
          on: ago(10),
          consultationId: 'tp-1',
          party: 'third-party',
          name: '济宁某某制造有限公司',
        },
        { action: 'consult-deliver', on: ago(8), consultationId: 'tp-1' },
      ],
    },
    {
      subject: '近三年政府采购项目合同',
      description: '请提供近三年市级政府采购项目合同文本',
      applicant: LAW_FIRM,
      channel: 'email',
      submittedOn: ago(30),
      receivedOn: null,
      unit: '市财政局',
      steps: [
        { action: 'confirm-receipt', on: ago(29) },
        { action: 'assign', on: ago(28) },
        { action: 'extend', on: ago(2), reason: '申请内容涉及多个年度、多个单位，需进一步汇总核查。' },
      ],
    },
    {
      subject: '全市公立医院收费标准文件',
      description: '请提供全市公立医院现行医疗服务收费标准文件',
      applicant: person(4),
      channel: 'in-person',
      submittedOn: ago(14),
      receivedOn: ago(14),
      unit: '市卫生健康委',
      steps: [
        { action: 'assign', on: ago(13) },
        { action: 'fee-notice', on: ago(6), method: 'per-item', quantity: 12 },
      ],
    },
    {
      subject: '背街小巷改造工程招标文件',
      description: '请提供背街小巷改造工程招标文件',
      applicant: person(1),
      channel: 'in-person',
      submittedOn: ago(3),
      receivedOn: ago(3),
      steps: [],
    },
  ];

  let made = 0;
  for (const plan of plans) {
    const row = await registerByStaff(
      db,
      office,
      {
        orgId: city,
        applicant: plan.applicant,
        request: {
          subject: plan.subject,
          description: plan.description,
          formWanted: '纸质',
          deliveryWanted: '邮寄',
        },
        channel: plan.channel,
        submittedOn: plan.submittedOn,
        receivedOn: plan.receivedOn,
      },
      today,
    );
    for (const step of plan.steps) {
      // An assignment goes to the plan's unit (orgId throws for a plan without one).
      const input: ActionInput =
        step.action === 'assign' ? { ...step, unitId: orgId(plan.unit ?? '') } : step;
      // The extension is approved by the office's 负责人, and a reply goes out only when the agency's chain
      // (审核签发, 条例第四十五条) has signed it: the demo's past cases predate the accounts that took those
      // steps, so they are recorded as the system's. New cases follow the chain (the demo's 负责人 signs).
      const system = step.action === 'extend' || step.action === 'reply';
      await act(db, system ? null : office, row.id, input, today);
    }
    made++;
  }
  await submitOnline(
    db,
    {
      orgId: city,
      // 电子邮件 needs the applicant's e-mail address (domain/applicant.ts deliveryContactErrors).
      applicant: { ...person(0), email: 'shenqingren@example.com' },
      request: {
        subject: '本市2026年民生实事项目进展',
        description: '请提供2026年民生实事项目的进展情况',
        formWanted: '电子文档',
        deliveryWanted: '电子邮件',
      },
      submissionKey: null,
    },
    today,
  );
  return [`依申请公开演示数据：${made + 1} 件申请（各阶段、各答复类型）`];
}
