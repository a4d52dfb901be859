/**
 * Bodies of the generated demo documents: the structure of each genre (通知 with its tasks and schedule,
 * 规范性文件 and 规章 in articles, 意见 with goals and measures, 公告, 通报 with figures, 报告, 批复, 函,
 * 表彰决定) filled with the vocabulary of the subject and its topic, so that no two documents read alike
 * and a search finds the documents that are really about a term. Pure and deterministic: every choice
 * comes from the seeded `rand` passed in.
 */
import { formatChineseDate } from '../calendar/index.ts';

export type BodySubject = {
  name: string;
  dept: string;
  topic: string;
  keywords: string[];
  detail: string;
};

export type BodyContext = {
  subject: BodySubject;
  genre: string;
  title: string;
  orgName: string;
  written: string;
  docNumber: string | null;
};

type Rand = () => number;

const CN_NUM = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 一, 12 → 十二, 25 → 二十五 (up to 99). */
export function chineseNumber(n: number): string {
  if (n <= 10) return CN_NUM[n] as string;
  if (n < 20) return `十${CN_NUM[n - 10]}`;
  const t = Math.floor(n / 10);
  const u = n % 10;
  return `${CN_NUM[t]}十${u ? CN_NUM[u] : ''}`;
}

const ORDINAL = (i: number) => `${chineseNumber(i + 1)}、`;
const SUB = (i: number) => `（${chineseNumber(i + 1)}）`;

/** Policy measures and work methods per 主题分类 (what real documents of that topic say). */
const TOPIC_MEASURES: Record<string, string[]> = {
  scitech: [
    '统筹城乡教育资源配置，推动优质学校与薄弱学校结对帮扶',
    '落实教师“县管校聘”管理改革，合理配置教师编制',
    '严格执行招生入学政策，坚持免试就近入学原则',
    '加大研发投入奖补力度，对认定的平台给予一次性奖励',
    '完善科技成果转移转化机制，培育技术经纪人队伍',
  ],
  market: [
    '落实企业主体责任，建立隐患排查治理台账，实行闭环管理',
    '推行“双随机、一公开”监管，抽查结果及时向社会公示',
    '开展重点行业领域专项检查，依法查处违法违规行为',
    '压减办理环节和申请材料，推行告知承诺制',
    '畅通投诉举报渠道，12315热线接诉即办',
  ],
  economy: [
    '清理妨碍统一市场和公平竞争的政策措施',
    '建立重点项目要素保障清单，实行专班推进',
    '落实减税降费政策，降低企业用电、用气、物流成本',
    '健全涉企政策兑现机制，推行“免申即享”',
  ],
  civil: [
    '对符合条件的对象按月足额发放补助资金，实行社会化发放',
    '建立困难群众动态监测机制，做到早发现、早介入、早帮扶',
    '推进街道综合养老服务中心和社区养老服务站建设',
    '引导社会力量参与，落实建设补贴和运营补贴',
    '加强资金监管，严禁挤占、挪用、截留补助资金',
  ],
  health: [
    '落实参保缴费财政补助政策，确保应保尽保',
    '推进异地就医直接结算，扩大定点医疗机构覆盖范围',
    '规范门诊慢特病认定程序，简化备案手续',
    '推动公共体育场馆低收费或免费开放',
    '建设城市社区“15分钟健身圈”',
  ],
  labour: [
    '对首次创办小微企业的给予一次性创业补贴',
    '落实创业担保贷款及贴息政策，个人最高可申请30万元',
    '开发就业见习岗位，见习期间给予生活补助',
    '开展职业技能提升行动，按规定给予培训补贴',
    '兜底安置就业困难人员，开发城乡公益性岗位',
  ],
  agriculture: [
    '统筹整合涉农资金，优先保障项目建设需要',
    '建立“县负总责、乡镇主抓、村为主体”的工作机制',
    '落实建后管护责任，明确管护主体和管护标准',
    '推行农村生活垃圾“户集、村收、镇运、县处理”模式',
    '开展村庄清洁行动，推动村容村貌整体提升',
  ],
  urban: [
    '开展工业企业深度治理，推进重点行业超低排放改造',
    '落实施工工地扬尘防治“六个百分之百”要求',
    '按照“一区一策”编制改造方案，充分征求居民意见',
    '完善小区长效管理机制，引入专业化物业服务',
    '简化提取手续，实现租房提取“一次不用跑”',
  ],
  general: [
    '及时更新主动公开基本目录，确保栏目内容准确完整',
    '加强政府网站内容保障，做到栏目无空白、链接无错误',
    '开展政府网站和政务新媒体季度检查，检查结果在本级政府门户网站公布',
    '提升政府网站集约化水平，统一信息资源库',
  ],
  finance: [
    '严格执行集中采购目录和采购限额标准',
    '全面公开采购意向，为供应商参与竞争提供便利',
    '将绩效评价结果与预算安排和政策调整挂钩',
    '强化事前绩效评估，未经评估的项目不得纳入预算',
  ],
  industry: [
    '优化公共停车设施布局，鼓励错时共享停车',
    '严格占道施工审批，合理设置交通疏导方案',
    '推进智慧交通建设，提升信号灯配时精细化水平',
  ],
  commerce: [
    '发放文旅惠民消费券，带动假日消费',
    '培育夜间经济集聚区，丰富夜游、夜市、夜演业态',
    '推进A级旅游景区提档升级，完善游客服务设施',
  ],
  security: [
    '扩大法律援助覆盖面，降低经济困难审查标准',
    '推进公共法律服务实体、热线、网络平台融合发展',
    '开展“法律明白人”培养工程',
  ],
  land: [
    '规范集体经营性建设用地入市交易程序',
    '合理确定土地增值收益调节金征收比例',
    '推进清洁取暖改造，落实设备购置和运行补贴',
    '加快充电基础设施建设，新建住宅配建停车位全部预留安装条件',
  ],
  other: [
    '做好重要节日走访慰问工作，落实优待政策',
    '建立健全服务保障体系，完善服务站点功能',
    '加强政策宣传，提高政策知晓率',
  ],
};

const TARGETS = [
  (_s: BodySubject, y: number, n: number) => `到${y}年，相关政策覆盖率达到${n}%以上`,
  (_s: BodySubject, y: number, n: number) => `到${y}年底，相关事项办理时限压减${n % 50}%`,
  (_s: BodySubject, y: number, n: number) => `${y}年群众满意度达到${n}%`,
  (_s: BodySubject, y: number, n: number) => `到${y}年，培育${(n % 20) + 5}个市级示范点`,
];

const REQUIREMENTS = [
  '各单位要高度重视，主要负责同志亲自抓，分管负责同志具体抓，确保工作有序推进',
  '要加强部门协作，建立联席会议制度，定期研究解决工作中的重大问题',
  '市政府将把工作落实情况纳入年度综合考核，对工作不力的予以通报',
  '要及时总结推广好经验、好做法，营造良好社会氛围',
  '请于每季度末月25日前报送工作进展情况，年底前报送全年工作总结',
  '要加强资金保障，确保专款专用，提高资金使用效益',
];

const OPENNESS = [
  '要通过政府网站、政务新媒体及时发布相关政策文件和解读材料，做好政务公开工作',
  '要将执行情况纳入政务公开，主动接受社会监督',
];

const NAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const GIVEN = [
  '建国',
  '晓燕',
  '志强',
  '丽娟',
  '海涛',
  '静',
  '磊',
  '红梅',
  '伟',
  '芳',
  '明',
  '雪',
  '鹏',
  '霞',
];

function pickN<T>(rand: Rand, xs: readonly T[], n: number): T[] {
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length > 0)
    out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0] as T);
  return out;
}

const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

/** The items of a subject's detail: "a、b和c" → [a, b, c]. */
function items(s: BodySubject): string[] {
  return s.detail
    .split(/、|和|及/)
    .map((x) => x.trim())
    .filter((x) => x.length >= 2);
}

function measures(rand: Rand, s: BodySubject, n: number): string[] {
  const own = items(s).map((it) =>
    pick(rand, [`规范${it}工作`, `做好${it}`, `健全${it}工作机制`, `加强${it}的监督管理`]),
  );
  return pickN(rand, [...own, ...(TOPIC_MEASURES[s.topic] ?? TOPIC_MEASURES.other ?? [])], n);
}

function phone(rand: Rand): string {
  return `0537-${2300000 + Math.floor(rand() * 699999)}`;
}

function person(rand: Rand): string {
  return `${pick(rand, NAMES)}${pick(rand, GIVEN)}`;
}

function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);
}

function shortDate(iso: string): string {
  return formatChineseDate(iso).replace(/^\d+年/, '');
}

const RECIPIENTS = [
  '各县（市、区）人民政府，济宁高新区、太白湖新区、济宁经济技术开发区管委会，市政府各部门、单位：',
  '各县（市、区）人民政府，市政府各部门、单位：',
  '各县（市、区）有关部门，局属各单位：',
];

function closing(ctx: BodyContext): string[] {
  return [ctx.orgName, formatChineseDate(ctx.written)];
}

function notice(rand: Rand, ctx: BodyContext, year: number): string[] {
  const s = ctx.subject;
  const ms = measures(rand, s, 3 + Math.floor(rand() * 2));
  const start = addDays(ctx.written, 5 + Math.floor(rand() * 10));
  const mid = addDays(start, 60 + Math.floor(rand() * 60));
  const out = [
    pick(rand, RECIPIENTS),
    `为${pick(rand, ['深入贯彻落实', '认真落实', '进一步做好'])}${s.name}相关工作部署，${pick(rand, ['切实保障群众合法权益', '提升服务质量和效率', '推动各项措施落地见效'])}，经研究，现就有关事项通知如下：`,
    `一、明确工作目标。${pick(rand, TARGETS)(s, year, 85 + Math.floor(rand() * 14))}，${s.keywords.join('、')}等工作制度进一步健全。`,
    '二、抓好重点任务。',
    ...ms.map((m, i) => `${SUB(i)}${m}。`),
    `三、时间安排。${shortDate(start)}前为动员部署阶段，各单位制定具体实施方案；${shortDate(mid)}前为组织实施阶段；${year}年12月底前为总结评估阶段。`,
    `四、工作要求。${pickN(rand, REQUIREMENTS, 2).join('；')}。${rand() < 0.12 ? `${pick(rand, OPENNESS)}。` : ''}`,
    `联系人：${s.dept}${pick(rand, ['综合科', '业务科', '政策法规科'])} ${person(rand)}，联系电话：${phone(rand)}。`,
  ];
  if (rand() < 0.3) out.push(`附件：${year}年${s.name}工作任务清单`);
  return [...out, ...closing(ctx)];
}

function workPoints(rand: Rand, ctx: BodyContext, year: number): string[] {
  const s = ctx.subject;
  const ms = measures(rand, s, 5);
  return [
    `${year}年${s.name}工作的总体思路是：${pick(rand, ['稳中求进、守正创新', '补短板、强弱项、提质效', '以群众满意为标准'])}，围绕${s.detail}，推动各项工作再上新台阶。`,
    ...ms.map(
      (m, i) =>
        `${ORDINAL(i)}${m}。${pick(rand, ['持续推进', '务求实效', '按季度调度', '纳入重点督办事项'])}。（责任单位：${s.dept}${rand() < 0.5 ? '，各县（市、区）政府' : ''}）`,
    ),
    ...closing(ctx),
  ];
}

function articles(rand: Rand, ctx: BodyContext, kind: '规定' | '办法'): string[] {
  const s = ctx.subject;
  const ms = measures(rand, s, 4 + Math.floor(rand() * 3));
  const law = pick(rand, [
    '《中华人民共和国行政许可法》',
    '《优化营商环境条例》',
    '《社会救助暂行办法》',
    '有关法律、法规',
    '《山东省人民政府关于加强行政规范性文件管理的规定》',
  ]);
  const arts = [
    `为了${pick(rand, ['规范', '加强', '推进'])}${s.name}工作，${pick(rand, ['保障当事人合法权益', '提高行政效能', '促进经济社会发展'])}，根据${law}等规定，结合本市实际，制定本${kind}。`,
    `本${kind}适用于本市行政区域内${s.detail}等活动。`,
    `${s.dept}是本市${s.name}工作的主管部门，负责本${kind}的组织实施；发展改革、财政等部门按照各自职责做好相关工作。`,
    ...ms.map((m) => `${m}。`),
    `违反本${kind}规定的，由有关部门依法予以处理；构成犯罪的，依法追究刑事责任。`,
    `本${kind}自${formatChineseDate(addDays(ctx.written, 30))}起施行，有效期${pick(rand, ['五', '三', '二'])}年。`,
  ];
  return arts.map((a, i) => `第${chineseNumber(i + 1)}条　${a}`);
}

function normative(rand: Rand, ctx: BodyContext): string[] {
  return [
    pick(rand, RECIPIENTS),
    `现将有关规定印发给你们，请认真遵照执行。`,
    ...articles(rand, ctx, '规定'),
    ...closing(ctx),
  ];
}

function rule(rand: Rand, ctx: BodyContext): string[] {
  const meeting = 10 + Math.floor(rand() * 80);
  return [
    ctx.docNumber ?? '济宁市人民政府令',
    `《${ctx.title}》已经${formatChineseDate(addDays(ctx.written, -7))}市政府第${meeting}次常务会议审议通过，现予公布，自${formatChineseDate(addDays(ctx.written, 30))}起施行。`,
    `市长　${person(rand)}`,
    '第一章　总则',
    ...articles(rand, ctx, '办法'),
  ];
}

function opinion(rand: Rand, ctx: BodyContext, year: number): string[] {
  const s = ctx.subject;
  const ms = measures(rand, s, 4);
  return [
    pick(rand, RECIPIENTS),
    `为推进${s.name}高质量发展，经市政府同意，提出如下实施意见。`,
    `一、总体要求。以满足人民群众需求为导向，坚持政府引导、社会参与、统筹推进。${pick(rand, TARGETS)(s, year + 2, 80 + Math.floor(rand() * 18))}；${pick(rand, TARGETS)(s, year + 4, 90 + Math.floor(rand() * 9))}。`,
    '二、重点任务。',
    ...ms.map((m, i) => `${SUB(i)}${m}。`),
    `三、保障措施。${pickN(rand, REQUIREMENTS, 3).join('；')}。`,
    `本意见自${formatChineseDate(addDays(ctx.written, 30))}起施行，有效期至${year + 5}年${chineseNumber(1 + Math.floor(rand() * 12))}月。`,
    ...closing(ctx),
  ];
}

function measuresDoc(rand: Rand, ctx: BodyContext): string[] {
  return ['第一章　总则', ...articles(rand, ctx, '办法'), ...closing(ctx)];
}

function announcement(rand: Rand, ctx: BodyContext, year: number): string[] {
  const s = ctx.subject;
  const from = addDays(ctx.written, 3 + Math.floor(rand() * 10));
  const to = addDays(from, 15 + Math.floor(rand() * 30));
  return [
    `根据${pick(rand, ['有关规定', '上级部署', '工作安排'])}，现将${year}年度${s.name}有关事项公告如下：`,
    `一、办理对象。本市行政区域内符合条件的${pick(rand, ['单位和个人', '城乡居民', '企业', '申请人'])}。`,
    `二、办理时间。${formatChineseDate(from)}至${formatChineseDate(to)}，法定节假日除外。`,
    `三、办理方式。申请人可通过${pick(rand, ['“爱山东”政务服务平台', '市政务服务中心窗口', '各县（市、区）便民服务中心'])}办理，需提供${pick(rand, ['身份证明和相关证明材料', '营业执照和申请表', '户口簿及相关材料'])}。`,
    `四、咨询电话：${phone(rand)}。`,
    '特此公告。',
    ...closing(ctx),
  ];
}

function decision(rand: Rand, ctx: BodyContext, year: number): string[] {
  const s = ctx.subject;
  const groups = 5 + Math.floor(rand() * 20);
  const people = 10 + Math.floor(rand() * 40);
  return [
    `${year - 1}年以来，全市各级各部门认真贯彻落实上级决策部署，${s.name}工作取得显著成效，涌现出一批先进集体和先进个人。`,
    `为表彰先进、树立典型，${ctx.orgName}决定，对${pick(rand, ['任城区', '邹城市', '曲阜市', '兖州区'])}${pick(rand, ['教育局', '民政局', '人力资源社会保障局', '市场监管局', '农业农村局'])}等${groups}个集体授予“${s.name}工作先进集体”称号，对${person(rand)}等${people}名同志授予“${s.name}工作先进个人”称号。`,
    '希望受表彰的集体和个人珍惜荣誉，再接再厉，发挥示范带动作用。',
    ...closing(ctx),
  ];
}

function bulletin(rand: Rand, ctx: BodyContext, year: number): string[] {
  const s = ctx.subject;
  const done = 70 + Math.floor(rand() * 29);
  const checked = 50 + Math.floor(rand() * 400);
  return [
    pick(rand, RECIPIENTS),
    `根据工作安排，${ctx.orgName}于${year}年${chineseNumber(3 + Math.floor(rand() * 8))}月组织对全市${s.name}工作进行了督导检查，现将有关情况通报如下：`,
    `一、基本情况。本次共检查${checked}个单位（点位），任务完成率${done}%，${pick(rand, ['任城区、邹城市', '曲阜市、兖州区', '嘉祥县、汶上县'])}工作进展较快、成效明显。`,
    `二、存在问题。${pick(rand, ['部分单位工作进度滞后', '个别县（市、区）资金拨付不及时', '部分台账资料不完整', '政策宣传不够深入'])}，${pick(rand, ['群众知晓率不高', '整改不到位', '长效机制尚未建立'])}。`,
    `三、下步要求。各单位要对照问题清单，于${formatChineseDate(addDays(ctx.written, 30))}前完成整改，整改情况报${s.dept}。`,
    ...closing(ctx),
  ];
}

function report(rand: Rand, ctx: BodyContext, year: number): string[] {
  const s = ctx.subject;
  const ms = measures(rand, s, 3);
  return [
    pick(rand, ['市人民政府：', '市委、市政府：', '省有关部门：']),
    `现将${year}年${s.name}工作情况报告如下：`,
    `一、工作开展情况。${ms.map((m, i) => `${SUB(i)}${m}`).join('。')}。全年累计${pick(rand, ['惠及群众', '服务企业', '办理事项'])}${(1 + Math.floor(rand() * 90)) * 100}${pick(rand, ['人次', '家', '件'])}。`,
    `二、存在的问题。${pick(rand, ['基层工作力量较为薄弱', '资金保障压力较大', '信息化水平有待提升'])}。`,
    `三、下一步工作打算。${pickN(rand, REQUIREMENTS, 2).join('；')}。`,
    '特此报告。',
    ...closing(ctx),
  ];
}

function reply(rand: Rand, ctx: BodyContext, year: number): string[] {
  const s = ctx.subject;
  return [
    `${pick(rand, ['任城区人民政府', '邹城市人民政府', s.dept, '曲阜市人民政府'])}：`,
    `你单位《关于${s.name}有关事项的请示》（${pick(rand, ['任政字', '邹政字', '曲政字'])}〔${year}〕${1 + Math.floor(rand() * 60)}号）收悉。经研究，批复如下：`,
    `一、原则同意${pick(rand, ['所报实施方案', '所报调整事项', '所报项目'])}。`,
    `二、请严格按照有关规定组织实施，${pick(rand, ['落实资金来源', '做好风险评估', '加强监督管理'])}，确保${s.keywords[0]}工作规范有序。`,
    '此复。',
    ...closing(ctx),
  ];
}

function letter(rand: Rand, ctx: BodyContext): string[] {
  const s = ctx.subject;
  return [
    `${pick(rand, ['市政府各有关部门', '各县（市、区）人民政府', '市司法局、市财政局'])}：`,
    `为${pick(rand, ['做好', '规范', '推进'])}${s.name}工作，我单位起草了《${s.name}实施方案（征求意见稿）》，现送你单位征求意见。`,
    `请于${formatChineseDate(addDays(ctx.written, 7 + Math.floor(rand() * 8)))}前将书面意见加盖公章后反馈${s.dept}，逾期未反馈视为无意见。`,
    `联系人：${person(rand)}，电话：${phone(rand)}。`,
    ...closing(ctx),
  ];
}

/** The paragraphs of a generated document's body (plain text, one paragraph a line). */
export function demoBody(rand: Rand, ctx: BodyContext): string {
  const year = Number(ctx.written.slice(0, 4));
  const lines = (() => {
    switch (ctx.genre) {
      case 'rule':
        return rule(rand, ctx);
      case 'normative':
        return normative(rand, ctx);
      case 'other':
        return workPoints(rand, ctx, year);
      case 'announcement':
        return announcement(rand, ctx, year);
      case 'opinion':
        return opinion(rand, ctx, year);
      case 'measures':
        return measuresDoc(rand, ctx);
      case 'decision':
        return decision(rand, ctx, year);
      case 'bulletin':
        return bulletin(rand, ctx, year);
      case 'report':
        return report(rand, ctx, year);
      case 'reply':
        return reply(rand, ctx, year);
      case 'letter':
        return letter(rand, ctx);
      default:
        return notice(rand, ctx, year);
    }
  })();
  return lines.join('\n');
}

/** The text of a generated document's interpretation (政策解读): background, content, who it is for. */
export function demoInterpretation(rand: Rand, ctx: BodyContext): string {
  const s = ctx.subject;
  return [
    `一、出台背景。${pick(rand, ['近年来', '随着经济社会发展', '为落实上级部署'])}，${s.name}工作面临新形势新要求，${pick(rand, ['原有政策已不适应实际需要', '群众对相关服务提出更高期待', '有必要进一步完善制度设计'])}。`,
    `二、主要内容。文件共${chineseNumber(3 + Math.floor(rand() * 6))}部分，明确了${items(s).slice(0, 2).join('、') || s.name}等方面的具体措施。`,
    `三、政策亮点。${measures(rand, s, 1)[0] ?? s.name}。`,
    `四、咨询方式。${s.dept}，电话：${phone(rand)}。`,
  ].join('\n');
}
