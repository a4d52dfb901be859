/**
 * Demo: the demo city's meetings with public representatives (one held, with its draw, list, opinions,
 * answers, live stream and recording; one taking sign-ups), a hearing on the parking rules with its
 * participant list and materials sent, an open day held (survey results, follow-up) and one taking
 * sign-ups, and policy evaluations of the city and of 市城市管理局. Dates are relative to today.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import { findOrgByName } from '../orgs/index.ts';
import { drawParticipants } from './domain/draw.ts';
import { addDays } from './domain/participation.ts';
import * as store from './participation.store.ts';

const PEOPLE: [string, string][] = [
  ['王建国', '社区居民'],
  ['李秀兰', '退休教师'],
  ['张伟', '出租车驾驶员'],
  ['刘芳', '个体工商户'],
  ['陈明', '企业职工'],
  ['赵丽娟', '社区网格员'],
  ['孙浩', '律师'],
  ['周敏', '市人大代表'],
];

const base = {
  description: '',
  starts_at: '',
  place: '',
  selection_note: '',
  draw_seed: null,
  draw_candidates: null,
  drawn_at: null,
  materials_sent_on: null,
  record: '',
  record_confirmed_on: null,
  stream_url: '',
  recording_url: '',
  summary: '',
  status: 'published' as const,
  created_by: null,
};

async function signUp(tx: Kysely<Database>, eventId: number, people: [string, string][], selected = false) {
  const rows: store.SignupRow[] = [];
  for (const [i, [name, identity]] of people.entries())
    rows.push(
      await store.insertSignup(tx, {
        event_id: eventId,
        name,
        contact: `1380537${String(1000 + i).padStart(4, '0')}`,
        identity,
        reason: '',
        selected,
      }),
    );
  return rows;
}

export async function seedDemoParticipation(
  tx: Kysely<Database>,
  cityId: number,
  today: string,
  parkingItemId: number,
  at: Date,
) {
  // A meeting held three weeks ago: representatives drawn, their opinions answered, stream and recording.
  const held = await store.insertEvent(tx, {
    ...base,
    kind: 'meeting',
    org_id: cityId,
    item_id: null,
    title: '市政府常务会议（邀请公众代表列席）',
    description:
      '会议研究《济宁市养老服务设施布局专项规划》编制工作和城区道路交通秩序整治工作，邀请3名公众代表列席。',
    held_on: addDays(today, -21),
    starts_at: '9:00',
    place: '市政府第一会议室',
    signup_closes_on: addDays(today, -28),
    places: 3,
    selection: 'draw',
    list_published: true,
    stream_url: 'https://live.jining.example.gov.cn/changwu',
    recording_url: 'https://live.jining.example.gov.cn/changwu/replay',
    summary: '列席代表提出的3条意见已交市民政局、市公安局交警支队研究办理，办理结果已答复代表本人。',
  });
  const candidates = await signUp(tx, held.id, PEOPLE);
  const seed = 'JN-DEMO-20261';
  const ids = candidates.map((c) => c.id);
  const chosen = drawParticipants(seed, ids, 3);
  await store.setSelected(tx, held.id, chosen);
  await store.updateEvent(tx, held.id, { draw_seed: seed, draw_candidates: ids, drawn_at: at });
  const opinions: [string, string][] = [
    [
      '建议养老服务设施向老旧小区倾斜，优先利用闲置用房改建社区食堂。',
      '已采纳。规划增加“老旧小区补短板”专章，明确利用闲置用房建设社区养老服务站。',
    ],
    [
      '学校周边早晚高峰拥堵，建议增设临时停靠区。',
      '部分采纳。交警支队已在实验小学等6所学校周边施划临时停靠区，其余学校结合道路条件逐步推进。',
    ],
    ['建议整治工作同步公开投诉处理情况。', '已采纳。整治期间每周在政府网站公布投诉处理情况。'],
  ];
  for (const [i, id] of chosen.entries()) {
    const [opinion, answer] = opinions[i] as [string, string];
    await store.updateSignup(tx, id, { opinion, answer });
  }

  // A meeting taking sign-ups now.
  const next = await store.insertEvent(tx, {
    ...base,
    kind: 'meeting',
    org_id: cityId,
    item_id: null,
    title: '市政府常务会议（研究中心城区停车管理办法）',
    description: '会议研究《济宁市中心城区机动车停车管理办法》，邀请5名公众代表列席并发表意见。',
    held_on: addDays(today, 24),
    starts_at: '9:00',
    place: '市政府第一会议室',
    signup_closes_on: addDays(today, 10),
    places: 5,
    selection: 'draw',
    stream_url: 'https://live.jining.example.gov.cn/changwu',
  });
  await signUp(tx, next.id, PEOPLE.slice(0, 2));

  // A hearing on the parking rules: participants chosen by criteria, list published, materials sent.
  const hearing = await store.insertEvent(tx, {
    ...base,
    kind: 'hearing',
    org_id: cityId,
    item_id: parkingItemId,
    title: '《济宁市中心城区机动车停车管理办法》听证会',
    description:
      '听证事项：道路停车泊位分时段收费标准和夜间免费停放范围。决策草案及其说明见本市意见征集栏目。',
    held_on: addDays(today, 14),
    starts_at: '14:30',
    place: '市城市管理局三楼会议室',
    signup_closes_on: addDays(today, -2),
    places: 4,
    selection: 'criteria',
    selection_note:
      '按照利益相关方均衡的原则，从报名人员中选取机动车驾驶人、沿街商户、居民代表和法律工作者各1名。',
    list_published: true,
    materials_sent_on: addDays(today, -1),
  });
  const hearingPeople = await signUp(tx, hearing.id, PEOPLE.slice(2, 8));
  await store.setSelected(
    tx,
    hearing.id,
    [0, 1, 3, 4].map((i) => (hearingPeople[i] as store.SignupRow).id),
  );

  // An open day held two weeks ago, with its survey and follow-up; another one taking sign-ups.
  const openDay = await store.insertEvent(tx, {
    ...base,
    kind: 'open_day',
    org_id: cityId,
    item_id: null,
    title: '政府开放日：走进市政务服务中心',
    description: '参观政务服务中心“一窗受理”、自助服务区，现场体验“高效办成一件事”。',
    held_on: addDays(today, -14),
    starts_at: '9:30',
    place: '市政务服务中心',
    signup_closes_on: addDays(today, -17),
    places: 30,
    selection: 'first_come',
    summary:
      '共28名市民参加。针对参加者提出的“自助终端操作指引不清楚”问题，已在自助服务区增设导办员2名，并更新操作说明。',
  });
  await signUp(tx, openDay.id, PEOPLE, true);
  const ratings = [5, 5, 5, 4, 4, 4, 4, 5, 3, 4, 5, 2];
  for (const [i, rating] of ratings.entries())
    await store.insertSurvey(tx, {
      event_id: openDay.id,
      rating,
      remark: i === 11 ? '自助终端的操作指引不够清楚。' : '',
    });
  const nextDay = await store.insertEvent(tx, {
    ...base,
    kind: 'open_day',
    org_id: cityId,
    item_id: null,
    title: '政府开放日：走进城市运行管理中心',
    description: '参观城市运行管理服务平台，了解12345热线和数字城管的工作流程。',
    held_on: addDays(today, 18),
    starts_at: '9:30',
    place: '市城市运行管理中心',
    signup_closes_on: addDays(today, 12),
    places: 20,
    selection: 'first_come',
  });
  await signUp(tx, nextDay.id, PEOPLE.slice(0, 3), true);

  // Policy evaluations: three by the city, two by 市城市管理局.
  const unit = (await findOrgByName(tx, '市城市管理局'))?.id ?? cityId;
  const evaluations: [number, string, string, string, string, 'continue' | 'amend' | 'repeal', number][] = [
    [
      cityId,
      '济宁市促进民营经济高质量发展若干措施',
      '市发展改革委会同第三方评估机构',
      '问卷调查（收回有效问卷1,260份）、企业座谈、数据分析',
      '政策知晓率86%，融资支持条款落实较好；部分条款申报材料繁琐，建议简化申报流程。',
      'amend',
      -120,
    ],
    [
      cityId,
      '济宁市高层次人才引进办法',
      '市委人才办、市人力资源社会保障局',
      '实施数据分析、用人单位走访',
      '三年引进高层次人才412名，政策目标基本实现，建议继续施行。',
      'continue',
      -90,
    ],
    [
      cityId,
      '济宁市城区临时占道经营管理规定',
      '市司法局',
      '文件清理、执法数据分析',
      '上位法已修改，规定主要内容已被新规定替代，建议废止。',
      'repeal',
      -60,
    ],
    [
      unit,
      '济宁市城区建筑垃圾运输管理办法',
      '市城市管理局',
      '执法案件分析、运输企业座谈',
      '抛洒滴漏案件同比下降37%，建议继续施行并完善信用评价条款。',
      'continue',
      -75,
    ],
    [
      unit,
      '济宁市城区户外广告设置管理规定',
      '市城市管理局委托高校课题组',
      '实地抽查、市民问卷',
      '设置审批时限偏长，建议修改为承诺制审批。',
      'amend',
      -30,
    ],
  ];
  for (const [org, policy, evaluator, method, findings, result, offset] of evaluations)
    await store.insertEvaluation(tx, {
      org_id: org,
      policy,
      evaluator,
      method,
      findings,
      result,
      evaluated_on: addDays(today, offset),
      published: true,
      created_by: null,
    });
}
