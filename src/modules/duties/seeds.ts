/**
 * Demo: each register with a few records of the demo city, dated around today — error reports (one
 * answered, one assigned, one overdue), public-opinion events and their responses, suggestions and
 * proposals (replied, published in full and as a summary), and new-media accounts (one silent, one
 * closed). Created while the demo is seeded, so the demo registry records them for `gongkai demo remove`.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { SeedReport } from '../../platform/module.ts';
import { chinaToday } from '../../platform/time.ts';
import { addCalendarDays, loadCalendar } from '../calendar/index.ts';
import { findOrgByName } from '../orgs/index.ts';
import type { EditableRegister } from './domain/registers.ts';
import { errataDue, isSilent, stateOf } from './domain/rules.ts';
import { insertRecords, type NewDutyRow } from './store.ts';

const CITY = '济宁市人民政府';

type Seed = {
  register: EditableRegister;
  org: string;
  title: string;
  daysAgo: number;
  dueInDays?: number;
  data: Record<string, unknown>;
};

const at = (today: string, daysAgo: number, time: string) => `${addCalendarDays(today, -daysAgo)} ${time}`;

function seeds(today: string): Seed[] {
  const d = (n: number) => addCalendarDays(today, -n);
  return [
    {
      register: 'opinions',
      org: '市城市管理局',
      title: '网传中心城区停车收费将大幅上涨',
      daysAgo: 40,
      data: {
        source: '微博',
        discoveredAt: at(today, 40, '08:30'),
        responseKind: 'interpretation',
        respondedAt: at(today, 40, '17:00'),
        responseLink: 'https://www.jining.gov.cn/art/demo/parking.html',
        followUp: '发布政策解读后相关话题热度明显下降，持续关注。',
      },
    },
    {
      register: 'opinions',
      org: '市教育局',
      title: '义务教育阶段学区划分调整引发家长关注',
      daysAgo: 20,
      data: {
        source: '本地论坛',
        discoveredAt: at(today, 20, '21:10'),
        responseKind: 'interview',
        respondedAt: at(today, 18, '10:00'),
        responseLink: 'https://www.jining.gov.cn/art/demo/school.html',
      },
    },
    {
      register: 'opinions',
      org: '市医保局',
      title: '门诊共济报销比例调整的误读',
      daysAgo: 2,
      data: { source: '微信群', discoveredAt: at(today, 2, '09:00') },
    },
    {
      register: 'proposals',
      org: '市教育局',
      title: '关于增加中心城区中小学学位供给的建议',
      daysAgo: 120,
      dueInDays: 90,
      data: {
        kind: 'suggestion',
        number: '第0012号',
        deputy: '王某某代表',
        reply:
          '收到建议后，我局会同有关部门研究，2026年新建、改扩建中小学6所，新增学位5400个。\n下一步将继续优化学校布局。',
        repliedOn: d(60),
        satisfaction: 'satisfied',
        publication: 'full',
        publishedOn: d(50),
      },
    },
    {
      register: 'proposals',
      org: '市城市管理局',
      title: '关于规范共享单车停放管理的提案',
      daysAgo: 110,
      dueInDays: 90,
      data: {
        kind: 'proposal',
        number: '第0105号',
        deputy: '李某某委员',
        reply: '答复全文涉及企业经营数据。',
        repliedOn: d(40),
        satisfaction: 'basically',
        publication: 'summary',
        publicationReason: '答复涉及企业商业秘密，摘要公开',
        summaryText: '已划定共享单车停放区2100处，建立企业考核和退出机制。',
        publishedOn: d(35),
      },
    },
    {
      register: 'proposals',
      org: '市财政局',
      title: '关于加大中小微企业融资担保支持的建议',
      daysAgo: 30,
      dueInDays: 90,
      data: { kind: 'suggestion', number: '第0031号', deputy: '张某某代表', publication: 'none' },
    },
    {
      register: 'accounts',
      org: CITY,
      title: '济宁发布',
      daysAgo: 900,
      data: {
        platform: 'wechat',
        accountId: 'jiningfabu',
        person: '刘某',
        approvalRef: '济政办字〔2024〕3号',
        lastUpdateOn: d(1),
        lastCheckOn: d(7),
      },
    },
    {
      register: 'accounts',
      org: '市教育局',
      title: '济宁教育',
      daysAgo: 700,
      data: {
        platform: 'weibo',
        accountId: 'jnjy2024',
        person: '陈某',
        approvalRef: '济教字〔2024〕15号',
        lastUpdateOn: d(30),
        lastCheckOn: d(7),
      },
    },
    {
      register: 'accounts',
      org: '市城市管理局',
      title: '济宁城管',
      daysAgo: 600,
      data: {
        platform: 'douyin',
        accountId: 'jncg01',
        person: '赵某',
        approvalRef: '济城管字〔2024〕8号',
        lastUpdateOn: d(3),
      },
    },
    {
      register: 'accounts',
      org: '市财政局',
      title: '济宁财政服务',
      daysAgo: 800,
      data: {
        platform: 'app',
        accountId: 'jncz-app',
        person: '孙某',
        approvalRef: '济财字〔2024〕2号',
        lastUpdateOn: d(100),
        closedOn: d(90),
        closureRef: '济财字〔2025〕21号',
        changes: '功能整合至“爱山东”济宁分厅后注销。',
      },
    },
  ];
}

export async function seedDemoDuties(db: Kysely<Database>): Promise<SeedReport> {
  if (await db.selectFrom('duty_records').select('id').limit(1).executeTakeFirst()) return [];
  const city = await findOrgByName(db, CITY);
  if (!city) return [];
  const today = chinaToday();
  const rows: NewDutyRow[] = [];
  for (const s of seeds(today)) {
    const org = await findOrgByName(db, s.org);
    if (!org) continue;
    const occurredOn = addCalendarDays(today, -s.daysAgo);
    rows.push({
      register: s.register,
      org_id: org.id,
      assignee_org_id: null,
      title: s.title,
      occurred_on: occurredOn,
      due_on: s.dueInDays === undefined ? null : addCalendarDays(occurredOn, s.dueInDays),
      state: stateOf(s.register, s.data),
      flagged: s.register === 'accounts' && isSilent({ ...s.data, occurredOn }, today),
      code: null,
      data: s.data,
      created_by: null,
      updated_by: null,
    });
  }
  const calendar = await loadCalendar(db);
  const education = await findOrgByName(db, '市教育局');
  const errata: [number, string, string, 'received' | 'assigned' | 'answered', string | null][] = [
    [
      12,
      '/gk/guide',
      '公开指南中的办公电话已停用，拨打提示空号。',
      'answered',
      '已核实并更新办公电话，感谢您的纠错。',
    ],
    [6, '/gk/documents', '文件列表第二页的链接打不开。', 'received', null],
    [1, '/gk/apply', '依申请公开页面“申请表下载”有错别字“申情表”。', 'assigned', null],
  ];
  errata.forEach(([daysAgo, page, description, state, answer], i) => {
    const received = addCalendarDays(today, -daysAgo);
    const due = errataDue(calendar, received);
    rows.push({
      register: 'errata',
      org_id: city.id,
      assignee_org_id: state === 'assigned' ? (education?.id ?? null) : null,
      title: page,
      occurred_on: received,
      due_on: due?.dueOn ?? null,
      state,
      code: `JC${received.replaceAll('-', '')}DEMO${i + 1}`,
      data: { page, description, ...(answer ? { answer, answeredOn: due?.dueOn ?? received } : {}) },
      created_by: null,
      updated_by: null,
    });
  });
  const inserted = await insertRecords(db, rows);
  return [`日常工作台账：演示记录 ${inserted.length} 条（网站找错、舆情回应、建议提案、政务新媒体）`];
}
