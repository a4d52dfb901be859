/**
 * Demo: two consultations of the demo city — one open (城区停车管理办法, comments still coming in), one
 * closed (生活垃圾中转站布局规划, with a campaign of 15 edited copies of one circulated text, grouped,
 * and its feedback report published). Rows are recorded by the demo registry (they are created while the
 * demo is seeded), so `gongkai demo remove` deletes them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { SeedReport } from '../../platform/module.ts';
import { chinaToday, now } from '../../platform/time.ts';
import { addCalendarDays, loadCalendar } from '../calendar/index.ts';
import { findOrgByName } from '../orgs/index.ts';
import { snapshotOf } from './catalogue.service.ts';
import { clusterTexts } from './domain/cluster.ts';
import type { Feedback } from './domain/feedback.ts';
import { rollOver } from './domain/period.ts';
import { seedDemoParticipation } from './participation.seeds.ts';
import * as store from './store.ts';

const CITY = '济宁市人民政府';

const PARKING_DRAFT = `第一章 总则
第一条 为了加强城区机动车停放管理，合理利用道路和停车资源，改善交通秩序，根据有关法律法规，结合本市实际，制定本办法。
第二条 本办法适用于本市中心城区范围内机动车停车设施的规划、建设、使用和管理。
第三条 市城市管理部门负责停车设施的监督管理工作；公安机关交通管理部门负责道路停车泊位的设置和交通秩序管理。
第二章 道路停车泊位
第四条 道路停车泊位实行分时段、差别化收费。白天（7时至20时）首小时内每半小时收费1元，超过1小时后每半小时收费2元。
第五条 夜间（20时至次日7时）在居住区周边道路停车泊位停放的，免收停车费。
第六条 医院、学校周边道路停车泊位应当设置临时停靠区，停放不超过15分钟的免收停车费。
第三章 公共停车场
第七条 鼓励利用闲置地块、地下空间建设公共停车场，新建公共停车场应当配建不低于总车位10%的充电车位。
第八条 本办法自2026年7月1日起施行。`;

const PARKING_EXPLANATION = `一、起草背景：近年来中心城区机动车保有量年均增长约9%，停车供需矛盾突出，群众反映集中。
二、起草过程：市城市管理局会同市公安局交警支队开展了实地调研，召开了部门座谈会，在此基础上形成征求意见稿。
三、主要内容：明确部门职责，规定道路停车泊位分时段收费和夜间免费，鼓励建设公共停车场和充电车位。`;

const STATION_DRAFT = `一、规划范围为中心城区，规划期限至2030年。
二、新建生活垃圾中转站12座，改造提升8座，中转站采用全封闭压缩工艺。
三、幸福路中转站选址于幸福小区东侧空地，设计规模每日150吨。
四、中转站周边设置不少于10米的绿化隔离带，运输车辆错峰作业。
五、建立中转站运行监测数据定期公开制度。`;

const CAMPAIGN =
  '我是幸福小区的居民，坚决反对在小区东侧建设垃圾中转站。该选址距离居民楼不足五十米，夏季异味和蚊虫将严重影响一千多户居民的生活，也会影响附近实验小学学生的健康。请求政府重新论证选址，把中转站迁到远离居民区的工业园区。';

/** Fifteen copies of the circulated text as residents sent them: names, numbers, phrases changed. */
function campaignCopies(): string[] {
  const estates = ['幸福小区', '阳光花园', '幸福小区二期', '和平家园', '幸福小区'];
  const verbs = ['坚决反对', '强烈反对', '反对', '坚决反对', '不同意'];
  const tails = [
    '',
    '我家老人有哮喘，实在经不起这样的污染。',
    '希望领导重视我们的诉求。',
    '',
    '孩子每天从那里经过上学。',
  ];
  return Array.from({ length: 15 }, (_, i) => {
    let t = CAMPAIGN.replace('幸福小区', estates[i % 5] as string).replace(
      '坚决反对',
      verbs[(i + 2) % 5] as string,
    );
    if (i % 3 === 1) t = t.replace('五十米', `${40 + i}米`);
    if (i % 4 === 2) t = t.replace('一千多户', '上千户');
    if (i % 5 === 3) t = t.replace('也会影响附近实验小学学生的健康。', '');
    return `${i % 6 === 0 ? '尊敬的领导：' : ''}${t}${tails[i % 5]}`;
  });
}

type SeedComment = {
  content: string;
  channel: 'portal' | 'letter' | 'email' | 'phone';
  name?: string;
  contact: string;
  article?: number;
  status: 'pending' | 'published' | 'hidden';
  feedback?: Feedback;
  reason?: string;
};

const PARKING_COMMENTS: SeedComment[] = [
  {
    content: '建议夜间免费时段延长到早上8点，很多上班族8点以后才开车离开。',
    channel: 'portal',
    name: '刘先生',
    contact: '13805371234',
    article: 5,
    status: 'published',
  },
  {
    content: '医院周边临时停靠15分钟太短，接送病人往往需要半小时，建议延长到30分钟。',
    channel: 'portal',
    contact: '0537-2345678',
    article: 6,
    status: 'published',
  },
  {
    content: '充电车位比例10%偏低，建议提高到20%，适应新能源汽车发展。',
    channel: 'email',
    name: '王女士',
    contact: 'wang@example.com',
    article: 7,
    status: 'pending',
  },
  {
    content: '老城区停车难问题突出，建议利用学校操场在夜间和节假日向周边居民开放停车。',
    channel: 'letter',
    name: '张建国',
    contact: '济宁市任城区古槐路12号',
    status: 'published',
  },
  {
    content: '收费标准应当公示在每个泊位旁边，并支持手机扫码缴费。',
    channel: 'portal',
    contact: '13905378765',
    article: 4,
    status: 'pending',
  },
];

const STATION_OTHERS: SeedComment[] = [
  {
    content: '建议中转站采用全封闭设计，配备除臭设备，并公开每月的运行检测数据，接受居民监督。',
    channel: 'portal',
    contact: '13605370001',
    article: 5,
    status: 'published',
    feedback: 'adopted',
  },
  {
    content: '中转站周边绿化隔离带10米偏窄，建议不少于20米。',
    channel: 'letter',
    name: '赵女士',
    contact: '13605370002',
    article: 4,
    status: 'published',
    feedback: 'partly',
    reason: '受用地条件限制，隔离带宽度调整为15米，并增加降噪墙。',
  },
  {
    content: '运输车辆应避开早晚上下学时段，减少对学生出行的影响。',
    channel: 'phone',
    contact: '0537-3456789',
    status: 'published',
    feedback: 'adopted',
  },
  {
    content: '支持建设中转站，城区垃圾转运能力确实不足。',
    channel: 'portal',
    contact: '13605370003',
    status: 'published',
    feedback: 'adopted',
  },
];

export async function seedDemoDecisions(db: Kysely<Database>): Promise<SeedReport> {
  if (await db.selectFrom('consultations').select('id').limit(1).executeTakeFirst()) return [];
  const city = await findOrgByName(db, CITY);
  if (!city) return [];
  const today = chinaToday();
  const cal = await loadCalendar(db);
  const at = now();
  await db.transaction().execute(async (tx) => {
    // Open: opened ten days ago for 30 days.
    const openOn = addCalendarDays(today, -10);
    const openLast = addCalendarDays(openOn, 30);
    const parking = await store.insertConsultation(tx, {
      org_id: city.id,
      title: '关于《济宁市中心城区机动车停车管理办法（征求意见稿）》公开征求意见的公告',
      draft: PARKING_DRAFT,
      explanation: PARKING_EXPLANATION,
      channels:
        '信函寄至济宁市城市管理局政策法规科（信封注明“停车管理办法意见”）；电子邮件发送至 csgl@jining.example.gov.cn',
      opens_on: openOn,
      planned_last_day: openLast,
      closes_on: rollOver(openLast, cal),
      short_reason: null,
      status: 'published',
      published_at: at,
      closed_at: null,
      feedback_published_at: null,
      created_by: null,
    });
    await store.insertComments(
      tx,
      PARKING_COMMENTS.map((c, i) => ({
        consultation_id: parking.id,
        channel: c.channel,
        name: c.name ?? null,
        contact: c.contact,
        content: c.content,
        article: c.article ?? null,
        received_on: addCalendarDays(openOn, 1 + i),
        status: c.status,
        entered_by: null,
      })),
    );

    // Closed: a 30-day period that ended 40 days ago, its feedback published.
    const stationOn = addCalendarDays(today, -75);
    const stationLast = addCalendarDays(stationOn, 30);
    const station = await store.insertConsultation(tx, {
      org_id: city.id,
      title: '关于《济宁市中心城区生活垃圾中转站布局规划（2026—2030年）（草案）》公开征求意见的公告',
      draft: STATION_DRAFT,
      explanation:
        '为补齐中心城区生活垃圾转运设施短板，市城市管理局组织编制了布局规划草案，现向社会公开征求意见。',
      channels: '电子邮件发送至 hjws@jining.example.gov.cn',
      opens_on: stationOn,
      planned_last_day: stationLast,
      closes_on: rollOver(stationLast, cal),
      short_reason: null,
      status: 'published',
      published_at: at,
      closed_at: null,
      feedback_summary:
        '本次征求意见期间，共收到社会公众意见19条（其中网上提交和信件、电话意见），经认真研究，采纳和部分采纳的意见已在规划修改稿中体现。15位幸福小区及周边居民提出相同或相近意见，反对幸福路中转站选址，具体处理情况和理由如下。',
      feedback_published_at: at,
      created_by: null,
    });
    const copies = campaignCopies();
    const all: SeedComment[] = [
      ...copies.map(
        (content, i): SeedComment => ({
          content,
          channel: i % 4 === 0 ? 'letter' : 'portal',
          contact: `1380537${String(1000 + i)}`,
          article: 3,
          status: 'published',
          feedback: 'rejected',
          reason:
            '经比选，幸福路地块是现有转运半径内唯一可用地块；中转站采用全封闭负压除臭工艺，距最近居民楼58米，符合《环境卫生设施设置标准》要求；规划修改稿增加了降噪墙和运行数据公开要求。',
        }),
      ),
      ...STATION_OTHERS,
    ];
    const rows = await store.insertComments(
      tx,
      all.map((c, i) => ({
        consultation_id: station.id,
        channel: c.channel,
        name: c.name ?? null,
        contact: c.contact,
        content: c.content,
        article: c.article ?? null,
        received_on: addCalendarDays(stationOn, 1 + (i % 28)),
        status: c.status,
        entered_by: null,
      })),
    );
    const groupOf = new Map<number, number | null>(rows.map((r) => [r.id, null]));
    for (const cl of clusterTexts(rows.map((r) => r.content))) {
      const first = (rows[cl.representative] as store.CommentRow).id;
      for (const m of cl.members) groupOf.set((rows[m] as store.CommentRow).id, first);
    }
    await store.setAutomaticGroups(tx, station.id, groupOf);
    for (const [i, r] of rows.entries()) {
      const c = all[i] as SeedComment;
      if (c.feedback)
        await store.updateComment(tx, r.id, { feedback: c.feedback, feedback_reason: c.reason ?? null });
    }

    // A small catalogue of this year (713 Art. 3(3)), published early in the year, with the steps taken
    // so far and two later adjustments with their reasons (an item's plan changed, an item added).
    const year = Number(today.slice(0, 4));
    const publishedOn = [`${year}-01-25`, today].sort()[0] as string;
    const common = {
      org_id: city.id,
      year,
      party_consent_on: `${year}-01-20`,
      party_consent_note: '经市委常委会会议研究同意',
      published: true,
      first_published_at: `${publishedOn}T09:00:00+08:00`,
      created_by: null,
    };
    const stationItem = await store.insertItem(tx, {
      ...common,
      subject: '济宁市中心城区生活垃圾中转站布局规划（2026—2030年）',
      undertaker: '市城市管理局',
      planned_time: `${year}年第二季度`,
      risk_planned: true,
      expert_planned: true,
      consultation_id: station.id,
    });
    const stationClose = rollOver(stationLast, cal);
    const stationSteps = [
      {
        step: 'participation' as const,
        started_on: stationOn,
        finished_on: stationClose,
        materials: '向社会公开征求意见，收到意见19条',
      },
      {
        step: 'expert' as const,
        started_on: addCalendarDays(stationOn, 5),
        finished_on: addCalendarDays(stationOn, 12),
        materials: '组织环境卫生、规划、环保领域专家5名进行论证',
      },
      {
        step: 'risk' as const,
        started_on: addCalendarDays(stationOn, 10),
        finished_on: addCalendarDays(stationOn, 25),
        materials: '社会稳定风险评估报告（评估等级：低风险）',
      },
    ];
    for (const step of stationSteps)
      await store.upsertStep(tx, { item_id: stationItem.id, unit: '市城市管理局', ...step });
    await store.upsertStep(tx, {
      item_id: stationItem.id,
      step: 'legality',
      started_on: addCalendarDays(stationClose, 7),
      finished_on: null,
      unit: '市司法局',
    });
    const parkingItem = await store.insertItem(tx, {
      ...common,
      subject: '济宁市中心城区机动车停车管理办法',
      undertaker: '市城市管理局、市公安局',
      planned_time: `${year}年第三季度`,
      hearing_planned: true,
      consultation_id: parking.id,
    });
    await store.upsertStep(tx, {
      item_id: parkingItem.id,
      step: 'participation',
      started_on: openOn,
      finished_on: null,
      unit: '市城市管理局',
    });
    const elderly = await store.insertItem(tx, {
      ...common,
      subject: '济宁市养老服务设施布局专项规划',
      undertaker: '市民政局',
      planned_time: `${year}年第四季度`,
      risk_planned: true,
    });
    const elderlyNow = snapshotOf(elderly);
    await store.insertVersion(tx, {
      item_id: elderly.id,
      org_id: city.id,
      year,
      change: 'edit',
      reason: '规划选址需与正在编制的国土空间总体规划衔接，计划完成时间相应顺延，并增加风险评估程序。',
      before: { ...elderlyNow, plannedTime: `${year}年第三季度`, riskPlanned: false },
      after: elderlyNow,
      changed_on: today,
      created_by: null,
    });
    const added = await store.insertItem(tx, {
      ...common,
      subject: '济宁市公共数据开放管理办法',
      undertaker: '市大数据中心',
      planned_time: `${year}年第四季度`,
      expert_planned: true,
      first_published_at: at,
    });
    await store.insertVersion(tx, {
      item_id: added.id,
      org_id: city.id,
      year,
      change: 'add',
      reason: '根据省政府关于加快公共数据开放的部署要求，经市委同意增列入本年度目录。',
      before: null,
      after: snapshotOf(added),
      changed_on: today,
      created_by: null,
    });
    // Last year's catalogue: a decision through every statutory step to its publication and implementation.
    const lastYear = year - 1;
    const greening = await store.insertItem(tx, {
      ...common,
      year: lastYear,
      party_consent_on: `${lastYear}-01-18`,
      first_published_at: `${lastYear}-01-26T09:00:00+08:00`,
      subject: '济宁市城市绿化管理办法',
      undertaker: '市城市管理局',
      planned_time: `${lastYear}年第三季度`,
      expert_planned: true,
      status: 'decided',
      decided_on: `${lastYear}-07-08`,
    });
    const greeningSteps = [
      [
        'participation',
        `${lastYear}-03-03`,
        `${lastYear}-04-02`,
        '向社会公开征求意见30日，收到意见46条，采纳12条',
      ],
      ['expert', `${lastYear}-04-10`, `${lastYear}-04-18`, '组织园林、规划、法律领域专家7名论证'],
      ['legality', `${lastYear}-05-06`, `${lastYear}-05-20`, '市司法局合法性审查意见书'],
      ['collective', `${lastYear}-07-08`, `${lastYear}-07-08`, '市政府第45次常务会议审议通过'],
      ['publication', `${lastYear}-07-15`, `${lastYear}-07-15`, '以市政府令形式公布，全文在政府文件库公开'],
      ['implementation', `${lastYear}-08-01`, null, '施行满一年后开展决策后评估'],
    ] as const;
    for (const [step, startedOn, finishedOn, materials] of greeningSteps)
      await store.upsertStep(tx, {
        item_id: greening.id,
        step,
        started_on: startedOn,
        finished_on: finishedOn,
        unit: step === 'legality' ? '市司法局' : '市城市管理局',
        materials,
      });
    await seedDemoParticipation(tx, city.id, today, parkingItem.id, at);
  });
  return [];
}
