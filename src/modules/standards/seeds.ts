/**
 * Demo: the city's standard catalogue for a few of the 26 areas (items tied to its statutory columns
 * where one fulfils them, some left untied so the staleness check has something to show), and targeted
 * notices: a village subsidy list of 太平镇 in its publication period, one whose period has ended, and
 * a city-wide list for a group, with their 公开栏 postings. Lists go through the same masking as uploads.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { SeedReport } from '../../platform/module.ts';
import { chinaToday } from '../../platform/time.ts';
import { addCalendarDays } from '../calendar/index.ts';
import { disclosureColumns } from '../documents/index.ts';
import { findOrgByName } from '../orgs/index.ts';
import { parseCatalogueSheet } from './domain/catalogue-import.ts';
import { maskList } from './domain/masking.ts';
import * as store from './store.ts';

const json = (v: unknown) => JSON.stringify(v) as never;

/** [领域, 一级事项, 二级事项, 公开内容, 公开依据, 公开时限, 公开主体, 公开渠道, 公开对象, 公开层级, 条例第二十条栏目] */
const CATALOGUE: [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  number | null,
][] = [
  [
    '财政预决算',
    '财政预决算',
    '政府预算',
    '一般公共预算、政府性基金预算、国有资本经营预算、社会保险基金预算及说明',
    '《中华人民共和国预算法》第十四条',
    '批准后20日内',
    '市财政局',
    '政府网站、政务新媒体',
    '全社会',
    '市级',
    7,
  ],
  [
    '财政预决算',
    '财政预决算',
    '部门预算',
    '部门收支预算总表、项目支出预算、“三公”经费预算及说明',
    '《中华人民共和国预算法》第十四条',
    '批复后20日内',
    '各预算部门',
    '政府网站',
    '全社会',
    '市级',
    7,
  ],
  [
    '财政预决算',
    '财政预决算',
    '财政决算',
    '一般公共预算决算、政府性基金决算及说明',
    '《中华人民共和国预算法》第十四条',
    '批准后20日内',
    '市财政局',
    '政府网站',
    '全社会',
    '市级',
    7,
  ],
  [
    '重大建设项目',
    '批准服务信息',
    '项目审批、核准、备案结果',
    '项目名称、建设单位、批复文号、批复日期',
    '《政府信息公开条例》第二十条',
    '信息形成之日起20个工作日内',
    '市发展改革委',
    '政府网站、投资项目在线审批监管平台',
    '全社会',
    '市级',
    10,
  ],
  [
    '重大建设项目',
    '实施信息',
    '项目建设进度',
    '项目开工、建设进展、竣工验收情况',
    '《关于推进重大建设项目批准和实施领域政府信息公开的意见》',
    '每季度',
    '项目主管部门',
    '政府网站',
    '全社会',
    '市级',
    10,
  ],
  [
    '公共资源交易',
    '交易公告',
    '工程建设项目招标投标',
    '招标公告、中标候选人公示、中标结果',
    '《中华人民共和国招标投标法》',
    '信息形成之日起及时公开',
    '市公共资源交易中心',
    '公共资源交易平台',
    '全社会',
    '市级',
    9,
  ],
  [
    '社会救助',
    '最低生活保障',
    '城乡低保政策和标准',
    '保障对象认定条件、保障标准、办理程序',
    '《社会救助暂行办法》',
    '每年',
    '市民政局',
    '政府网站、公开栏',
    '全社会',
    '市级、县级',
    11,
  ],
  [
    '社会救助',
    '最低生活保障',
    '低保对象名单',
    '户主姓名（部分隐去）、保障人数、保障金额',
    '《社会救助暂行办法》第十五条',
    '每月',
    '乡镇人民政府',
    '村（居）务公开栏',
    '特定群体',
    '乡级',
    null,
  ],
  [
    '就业',
    '就业服务',
    '招聘信息',
    '用人单位、招聘岗位、人数、条件、薪酬',
    '《中华人民共和国就业促进法》',
    '实时公开',
    '市人力资源社会保障局',
    '政府网站、公共就业服务平台',
    '全社会',
    '市级',
    11,
  ],
  [
    '义务教育',
    '招生入学',
    '义务教育招生政策',
    '招生范围、条件、程序、时间安排',
    '《中华人民共和国义务教育法》',
    '每年',
    '市教育局',
    '政府网站、学校公示栏',
    '全社会',
    '市级、县级',
    11,
  ],
  [
    '安全生产',
    '监督检查',
    '安全生产执法检查结果',
    '检查对象、检查时间、发现问题及处理结果',
    '《中华人民共和国安全生产法》',
    '信息形成之日起20个工作日内',
    '市应急管理局',
    '政府网站',
    '全社会',
    '市级',
    13,
  ],
  [
    '涉农补贴',
    '惠农补贴政策',
    '耕地地力保护补贴',
    '补贴对象、补贴标准、补贴面积、发放结果',
    '《财政部 农业农村部关于全面推开农业“三项补贴”改革工作的通知》',
    '每年',
    '市农业农村局、乡镇人民政府',
    '政府网站、村务公开栏',
    '特定群体',
    '县级、乡级',
    null,
  ],
  [
    '涉农补贴',
    '惠农补贴政策',
    '农机购置补贴',
    '补贴机具种类、补贴额、受益农户（部分隐去）',
    '《农业机械购置补贴实施指导意见》',
    '每季度',
    '市农业农村局',
    '政府网站',
    '全社会',
    '市级',
    null,
  ],
];

const HEADER = [
  '领域',
  '一级事项',
  '二级事项',
  '公开内容',
  '公开依据',
  '公开时限',
  '公开主体',
  '公开渠道和载体',
  '公开对象',
  '公开层级',
];

const VILLAGE_LIST = {
  header: ['户主姓名', '身份证号码', '承包地确权面积（亩）', '补贴面积（亩）', '补贴金额（元）', '联系电话'],
  rows: [
    ['张建国', '370883196503121234', '8.6', '8.6', '1040.60', '13905371234'],
    ['张桂兰', '370883197008082345', '5.2', '5.0', '605.00', '13805372345'],
    ['李福田', '37088319580916345X', '11.3', '11.3', '1367.30', '15953713456'],
    ['王秀英', '370883196211204567', '6.8', '6.8', '822.80', ''],
    ['张卫东', '370883197512015678', '9.4', '9.1', '1101.10', '18653714567'],
    ['赵德胜', '370883196807226789', '7.7', '7.7', '931.70', '13562375678'],
  ],
};

export async function seedDemoStandards(db: Kysely<Database>): Promise<SeedReport> {
  const city = await findOrgByName(db, '济宁市人民政府');
  const town = await findOrgByName(db, '太平镇人民政府');
  const agri = await findOrgByName(db, '市农业农村局');
  if (!city) return [];
  const today = chinaToday();
  const columns = await disclosureColumns(db, { orgIds: [city.id] });
  const columnFor = (item: number | null) =>
    item === null ? null : (columns.find((c) => c.item === item)?.id ?? null);
  // The catalogue goes through the importer's reading, as an office's spreadsheet would.
  const parsed = parseCatalogueSheet([
    { row: 1, cells: HEADER },
    ...CATALOGUE.map((c, i) => ({ row: i + 2, cells: c.slice(0, 10) as string[] })),
  ]);
  if (parsed.errors.length) throw new Error(`demo catalogue: ${JSON.stringify(parsed.errors)}`);
  await db.transaction().execute(async (tx) => {
    await store.insertItems(
      tx,
      parsed.items.map((i, n) => ({
        org_id: city.id,
        area: i.area,
        matter: i.matter,
        sub_matter: i.subMatter,
        content: i.content,
        basis: i.basis,
        time_limit: i.timeLimit,
        publisher: i.publisher,
        channels: i.channels,
        audience: i.audience,
        manner: i.manner,
        level: i.level,
        column_id: columnFor(CATALOGUE[n]?.[10] ?? null),
        sort_order: n + 1,
      })),
    );
    const masked = maskList(VILLAGE_LIST.header, VILLAGE_LIST.rows);
    const year = today.slice(0, 4);
    if (town) {
      const open = await store.insertNotice(tx, {
        org_id: town.id,
        title: `太平镇张庄村${year}年耕地地力保护补贴发放名单公示`,
        place: '太平镇张庄村',
        audience: '本村承包耕地农户',
        intro: `根据${year}年耕地地力保护补贴工作安排，现将张庄村补贴面积和补贴金额予以公示，补贴标准为每亩121元。`,
        columns: json(masked.columns),
        kinds: json(masked.kinds),
        rows: json(masked.rows),
        removed_columns: json(masked.removed),
        period_start: addCalendarDays(today, -2),
        period_end: addCalendarDays(today, 4),
        contact: '0537-5461234',
        status: 'published',
        published_at: new Date(`${addCalendarDays(today, -2)}T09:00:00+08:00`),
      });
      await store.insertPosting(tx, {
        notice_id: open.id,
        location: '张庄村村务公开栏',
        posted_on: addCalendarDays(today, -2),
        posted_by: '张庄村村委会',
      });
      const ended = await store.insertNotice(tx, {
        org_id: town.id,
        title: '太平镇李楼村农村低保对象名单公示',
        place: '太平镇李楼村',
        audience: '本村低保对象',
        intro: '经入户调查、民主评议，拟确定以下家庭为农村最低生活保障对象。',
        columns: json(['户主姓名', '保障人数', '月保障金额（元）']),
        kinds: json(['name', 'text', 'text']),
        rows: json([
          ['李*华', '2', '1050'],
          ['孙*', '1', '525'],
          ['李*英', '3', '1575'],
        ]),
        period_start: addCalendarDays(today, -40),
        period_end: addCalendarDays(today, -34),
        contact: '0537-5461234',
        status: 'published',
        published_at: new Date(`${addCalendarDays(today, -40)}T09:00:00+08:00`),
      });
      await store.insertPosting(tx, {
        notice_id: ended.id,
        location: '李楼村村务公开栏',
        posted_on: addCalendarDays(today, -40),
        removed_on: addCalendarDays(today, -33),
        posted_by: '李楼村村委会',
      });
    }
    if (agri) {
      await store.insertNotice(tx, {
        org_id: agri.id,
        title: `${year}年农机购置补贴资金兑付情况（第一批）`,
        place: '全市购机农户',
        audience: '申请农机购置补贴的农户和农业生产经营组织',
        intro: '第一批补贴资金已兑付，名单附后。',
        columns: json(['购机者姓名', '机具品目', '补贴额（元）']),
        kinds: json(['name', 'text', 'text']),
        rows: json([
          ['王*军', '轮式拖拉机', '16800'],
          ['刘*', '谷物联合收割机', '38500'],
          ['周*平', '植保无人飞机', '9000'],
        ]),
        period_start: addCalendarDays(today, -5),
        period_end: addCalendarDays(today, 9),
        contact: '0537-2341234',
      });
    }
  });
  return [];
}
