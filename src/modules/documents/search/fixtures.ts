/**
 * Test fixture for the search tests: a small library of realistic government documents (the three
 * source work plans (committed copies in demo/sources) plus ~45 written for the tests), inserted with plain Kysely
 * inserts into the documents tables and indexed with refreshDocumentSearch. Test-only.
 */
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { insertOrg, listOrgs } from '../../orgs/index.ts';
import { docNumberKey } from '../domain/doc-number.ts';
import type { Validity } from '../store.ts';
import { refreshDocumentSearch } from './service.ts';

export interface FixtureDoc {
  key: string;
  title: string;
  docNumber?: string;
  /** Issuing organisation (a demo org name, or one created by the fixture). */
  org: string;
  coIssuers?: string[];
  genre: string;
  topic?: string;
  written: string;
  published?: string | null;
  validity?: Validity;
  status?: 'draft' | 'published';
  keywords?: string[];
  summary?: string;
  body: string;
  attachment?: { name: string; text: string };
  interpretation?: { title: string; body: string };
  theme?: string;
}

/** The committed copies of the source documents (the same files as ../shared/seeds). */
const SEEDS = new URL('../../../../demo/sources/', import.meta.url);

/** A seed text without the converter's bookmark markers. */
function seedText(name: string): string {
  return readFileSync(new URL(name, SEEDS), 'utf8')
    .replace(/\[bookmark: [^\]]*\]/g, '')
    .trim();
}

export const SEED_DOCS: FixtureDoc[] = [
  {
    key: 'jining2021',
    title: '济宁市人民政府办公室关于印发2021年济宁市政务公开工作任务分解表的通知',
    docNumber: '济政办字〔2021〕18号',
    org: '市政府办公室',
    genre: 'notice',
    topic: 'general',
    written: '2021-04-28',
    published: '2021-04-30',
    keywords: ['政务公开', '任务分解'],
    body: seedText('jining-2021.txt'),
  },
  {
    key: 'jining2022',
    title: '济宁市人民政府办公室关于印发2022年济宁市政务公开工作任务分解表的通知',
    docNumber: '济政办字〔2022〕12号',
    org: '市政府办公室',
    genre: 'notice',
    topic: 'general',
    written: '2022-05-10',
    published: '2022-05-12',
    keywords: ['政务公开', '任务分解'],
    body: seedText('jining-2022.txt'),
  },
  {
    key: 'laiwu2021',
    title: '2021年莱芜区政务公开工作要点',
    org: '济南市莱芜区人民政府',
    genre: 'other',
    topic: 'general',
    written: '2021-05-20',
    published: '2021-05-25',
    keywords: ['政务公开', '工作要点'],
    body: seedText('laiwu-2021.txt'),
  },
];

export const WRITTEN_DOCS: FixtureDoc[] = [
  {
    key: 'heating',
    title: '济宁市城区集中供热管理办法',
    docNumber: '济政字〔2022〕31号',
    org: '市城市管理局',
    genre: 'rule',
    topic: 'urban',
    written: '2022-09-15',
    published: '2022-09-20',
    keywords: ['集中供热', '供暖'],
    summary: '规范城区集中供热的规划建设、经营服务和用热管理，保障供热质量。',
    body: '第一条 为加强城区集中供热管理，规范供用热行为，维护供热单位和热用户的合法权益，制定本办法。第二条 本市城区范围内集中供热的规划、建设、经营、使用及其监督管理，适用本办法。第三条 采暖期为每年11月15日至次年3月15日，供热单位应当保证居民室内温度不低于18摄氏度。',
    interpretation: {
      title: '《济宁市城区集中供热管理办法》政策解读',
      body: '<p>办法明确了采暖期起止时间和室温标准，对供热收费、停热报修作出规定。</p>',
    },
  },
  {
    key: 'heating-price',
    title: '市发展改革委关于调整城区居民供热价格的通知',
    docNumber: '济发改价格〔2023〕7号',
    org: '市发展改革委',
    genre: 'notice',
    topic: 'economy',
    written: '2023-10-08',
    published: '2023-10-10',
    keywords: ['供热价格', '价格调整'],
    body: '经市政府同意，现就调整城区居民供热价格有关事项通知如下：居民供热价格按建筑面积计收，由每平方米每采暖期22元调整为24元。本通知自2023年11月15日起执行。',
  },
  {
    key: 'business-env',
    title: '济宁市人民政府关于进一步优化营商环境的若干措施',
    docNumber: '济政发〔2023〕5号',
    org: '济宁市人民政府',
    genre: 'opinion',
    topic: 'economy',
    written: '2023-03-01',
    published: '2023-03-06',
    keywords: ['营商环境', '惠企政策'],
    summary: '从市场准入、政务服务、要素保障、法治环境四个方面提出优化营商环境的二十条措施。',
    body: '为深入推进“放管服”改革，持续优化市场化法治化国际化营商环境，激发市场主体活力，结合我市实际，提出如下措施。一、压减企业开办时间，企业开办全程网上办理，一个工作日内办结。二、推行证明事项告知承诺制。三、工程建设项目审批时间压缩至60个工作日以内。',
    theme: '企业开办',
  },
  {
    key: 'enterprise-start',
    title: '市行政审批服务局关于推行企业开办“一网通办”的通知',
    docNumber: '济审批发〔2022〕3号',
    org: '市行政审批服务局',
    genre: 'notice',
    topic: 'market',
    written: '2022-02-14',
    published: '2022-02-16',
    keywords: ['企业开办', '一网通办'],
    body: '为进一步压缩企业开办时间，实现营业执照办理、公章刻制、发票申领、社保登记、住房公积金缴存登记一网通办、一次办好，现将有关事项通知如下。申请人通过企业开办平台一次填报信息，各部门并联办理。',
    theme: '企业开办',
  },
  {
    key: 'school-zoning',
    title: '市教育局关于做好2024年义务教育学校招生入学工作的通知',
    docNumber: '济教发〔2024〕9号',
    org: '市教育局',
    genre: 'notice',
    topic: 'scitech',
    written: '2024-05-20',
    published: '2024-05-22',
    keywords: ['义务教育', '招生入学', '学区划分'],
    body: '各县（市、区）教育局：现就做好2024年全市义务教育学校招生入学工作通知如下。一、坚持免试就近入学，科学划定学区范围，学区划分方案于6月底前向社会公布。二、严禁以考试方式选拔学生。三、保障随迁子女平等接受义务教育。',
    theme: '就学',
  },
  {
    key: 'double-reduction',
    title: '济宁市落实“双减”工作实施方案',
    docNumber: '济教字〔2021〕45号',
    org: '市教育局',
    genre: 'other',
    topic: 'scitech',
    written: '2021-10-12',
    published: '2021-10-15',
    keywords: ['双减', '校外培训'],
    body: '为贯彻落实《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》，有效减轻学生过重作业负担和校外培训负担，制定本方案。全面压减作业总量和时长，提升课后服务水平，从严治理校外培训机构。',
    theme: '就学',
  },
  {
    key: 'employment',
    title: '市人力资源社会保障局关于做好2023年高校毕业生就业创业工作的通知',
    docNumber: '济人社字〔2023〕22号',
    org: '市人力资源社会保障局',
    genre: 'notice',
    topic: 'labour',
    written: '2023-04-11',
    published: '2023-04-13',
    keywords: ['就业创业', '高校毕业生'],
    body: '各县（市、区）人力资源社会保障局：为做好2023年高校毕业生就业创业工作，落实一次性吸纳就业补贴、创业担保贷款等政策，开展就业见习，组织专场招聘活动，现通知如下。',
  },
  {
    key: 'pension',
    title: '济宁市城乡居民基本养老保险实施办法',
    docNumber: '济政发〔2020〕14号',
    org: '济宁市人民政府',
    coIssuers: ['市人力资源社会保障局', '市财政局'],
    genre: 'normative',
    topic: 'labour',
    written: '2020-07-01',
    published: '2020-07-08',
    validity: 'amended',
    keywords: ['养老保险', '城乡居民'],
    body: '第一条 为健全覆盖城乡居民的社会保障体系，根据国家和省有关规定，结合本市实际，制定本办法。第二条 年满16周岁、不是国家机关和事业单位工作人员及不属于职工基本养老保险制度覆盖范围的城乡居民，可以在户籍地参加城乡居民养老保险。缴费档次设为每年300元至5000元。',
    theme: '养老',
  },
  {
    key: 'elderly-care',
    title: '关于加快发展养老服务业的实施意见',
    docNumber: '济政发〔2022〕18号',
    org: '济宁市人民政府',
    genre: 'opinion',
    topic: 'civil',
    written: '2022-06-30',
    published: '2022-07-05',
    keywords: ['养老服务', '居家养老'],
    body: '为积极应对人口老龄化，加快构建居家社区机构相协调、医养康养相结合的养老服务体系，提出如下实施意见。到2025年，每个街道建成一处综合养老服务中心，社区日间照料中心覆盖率达到90%以上。',
    theme: '养老',
  },
  {
    key: 'housing-renovation',
    title: '市住房城乡建设局关于2023年老旧小区改造计划的公告',
    docNumber: '济建字〔2023〕16号',
    org: '市住房城乡建设局',
    genre: 'announcement',
    topic: 'urban',
    written: '2023-02-20',
    published: '2023-02-21',
    keywords: ['老旧小区改造'],
    body: '根据全市城镇老旧小区改造工作安排，2023年计划改造老旧小区126个，涉及居民2.3万户。改造内容包括供水、供气、供热管网更新，加装电梯，建设停车设施和无障碍设施。',
    attachment: {
      name: '2023年老旧小区改造项目清单.xlsx',
      text: '序号 小区名称 所在街道 户数 1 红星小区 古槐街道 320 2 运河花园 济阳街道 410 3 光明里小区 李营街道 286',
    },
  },
  {
    key: 'public-rental',
    title: '济宁市公共租赁住房管理办法',
    docNumber: '济政办发〔2021〕26号',
    org: '市政府办公室',
    genre: 'normative',
    topic: 'urban',
    written: '2021-11-02',
    published: '2021-11-09',
    keywords: ['公共租赁住房', '住房保障'],
    body: '第一条 为规范公共租赁住房的分配、运营和管理，解决城镇中等偏下收入住房困难家庭、新就业无房职工和外来务工人员的住房困难，制定本办法。第二条 公共租赁住房租金按照略低于市场租金的原则确定。',
  },
  {
    key: 'market-food',
    title: '市市场监管局关于开展2024年食品安全抽检工作的通知',
    docNumber: '济市监发〔2024〕11号',
    org: '市市场监管局',
    genre: 'notice',
    topic: 'market',
    written: '2024-03-05',
    published: '2024-03-07',
    keywords: ['食品安全', '抽检'],
    body: '为加强食品安全监管，全年计划抽检食品样品8000批次，重点抽检校园食品、农贸市场食用农产品和网络销售食品，抽检结果依法向社会公布。',
  },
  {
    key: 'market-double-random',
    title: '市场监督管理局“双随机、一公开”监管工作实施细则',
    docNumber: '济市监规〔2022〕2号',
    org: '市市场监管局',
    genre: 'normative',
    topic: 'market',
    written: '2022-08-18',
    published: '2022-08-25',
    keywords: ['双随机一公开', '事中事后监管'],
    body: '第一条 为规范“双随机、一公开”监管工作，随机抽取检查对象、随机选派执法检查人员，抽查情况及查处结果及时向社会公开，制定本细则。',
  },
  {
    key: 'food-safety-emergency',
    title: '济宁市食品安全事故应急预案',
    docNumber: '济政办字〔2020〕40号',
    org: '市政府办公室',
    genre: 'other',
    topic: 'market',
    written: '2020-09-09',
    published: '2020-09-15',
    validity: 'repealed',
    keywords: ['食品安全', '应急预案'],
    body: '为建立健全应对食品安全事故的运行机制，有效预防、积极应对食品安全事故，高效组织应急处置工作，最大限度地减少食品安全事故的危害，制定本预案。',
  },
  {
    key: 'air-pollution',
    title: '济宁市大气污染防治条例实施办法',
    docNumber: '济政字〔2019〕8号',
    org: '市生态环境局',
    genre: 'rule',
    topic: 'urban',
    written: '2019-06-05',
    published: '2019-06-10',
    validity: 'expired',
    keywords: ['大气污染防治', '扬尘治理'],
    body: '第一条 为防治大气污染，保护和改善环境，保障公众健康，制定本办法。第五条 施工工地应当设置围挡，对裸露地面采取覆盖措施，防治扬尘污染。禁止露天焚烧秸秆、垃圾。',
  },
  {
    key: 'river-chief',
    title: '关于全面推行河长制的实施意见',
    docNumber: '济办发〔2017〕12号',
    org: '市城乡水务局',
    genre: 'opinion',
    topic: 'agriculture',
    written: '2017-03-20',
    published: '2017-03-25',
    keywords: ['河长制', '水污染防治'],
    body: '全面建立市、县、乡、村四级河长体系，各级河长负责组织领导相应河湖的管理和保护工作，包括水资源保护、水域岸线管理、水污染防治、水环境治理等。',
  },
  {
    key: 'rural-revival',
    title: '市农业农村局关于印发2023年乡村振兴重点工作任务的通知',
    docNumber: '济农字〔2023〕6号',
    org: '市农业农村局',
    genre: 'notice',
    topic: 'agriculture',
    written: '2023-03-15',
    published: '2023-03-18',
    keywords: ['乡村振兴', '高标准农田'],
    body: '全面推进乡村振兴，稳定粮食播种面积，新建高标准农田30万亩，发展乡村特色产业，实施农村人居环境整治提升行动。',
  },
  {
    key: 'budget-2024',
    title: '济宁市2024年市级财政预算公开说明',
    org: '市财政局',
    genre: 'report',
    topic: 'finance',
    written: '2024-02-01',
    published: '2024-02-05',
    keywords: ['财政预算', '预决算公开'],
    body: '2024年市级一般公共预算收入安排210亿元，一般公共预算支出安排260亿元。市级“三公”经费预算比上年下降3%。政府性基金预算收入安排95亿元。',
  },
  {
    key: 'special-bonds',
    title: '市财政局关于2022年地方政府专项债券使用情况的报告',
    org: '市财政局',
    genre: 'report',
    topic: 'finance',
    written: '2022-12-20',
    published: '2022-12-28',
    keywords: ['专项债券'],
    body: '2022年全市共发行新增地方政府专项债券186亿元，重点用于交通基础设施、保障性安居工程、城市更新和产业园区建设项目。',
  },
  {
    key: 'procurement',
    title: '济宁市政府采购管理办法',
    docNumber: '济政办发〔2022〕9号',
    org: '市政府办公室',
    coIssuers: ['市财政局'],
    genre: 'normative',
    topic: 'finance',
    written: '2022-04-10',
    published: '2022-04-18',
    keywords: ['政府采购', '公共资源交易'],
    body: '第一条 为规范政府采购行为，提高政府采购资金的使用效益，维护国家利益和社会公共利益，制定本办法。第六条 政府采购项目应当通过公共资源交易平台进行，采购信息在指定媒体公开。',
  },
  {
    key: 'land-expropriation',
    title: '关于公布集体土地征收补偿标准的通知',
    docNumber: '济政发〔2023〕12号',
    org: '市自然资源和规划局',
    genre: 'notice',
    topic: 'land',
    written: '2023-06-01',
    published: '2023-06-05',
    keywords: ['土地征收', '征地补偿'],
    body: '根据《中华人民共和国土地管理法》规定，现公布全市集体土地征收区片综合地价和地上附着物、青苗补偿标准，自公布之日起执行。',
  },
  {
    key: 'house-expropriation',
    title: '任城区国有土地上房屋征收补偿方案',
    org: '任城区人民政府',
    genre: 'announcement',
    topic: 'urban',
    written: '2022-11-11',
    published: '2022-11-15',
    keywords: ['房屋征收', '拆迁补偿'],
    body: '为实施古槐路片区棚户区改造项目，依据《国有土地上房屋征收与补偿条例》，制定本补偿方案。被征收人可以选择货币补偿，也可以选择房屋产权调换。',
  },
  {
    key: 'safety-production',
    title: '市应急局关于开展安全生产大排查大整治的通知',
    docNumber: '济应急字〔2023〕19号',
    org: '市应急局',
    genre: 'notice',
    topic: 'market',
    written: '2023-05-08',
    published: '2023-05-09',
    keywords: ['安全生产', '隐患排查'],
    body: '深刻汲取近期事故教训，在全市开展为期三个月的安全生产大排查大整治，重点排查危险化学品、矿山、建筑施工、燃气等行业领域重大事故隐患。',
  },
  {
    key: 'medical-insurance',
    title: '市医保局关于调整城乡居民基本医疗保险缴费标准的通知',
    docNumber: '济医保发〔2023〕4号',
    org: '市医保局',
    genre: 'notice',
    topic: 'health',
    written: '2023-09-01',
    published: '2023-09-05',
    keywords: ['基本医疗保险', '缴费标准'],
    body: '2024年度城乡居民基本医疗保险个人缴费标准为每人每年380元，集中缴费期为2023年9月1日至12月31日。参保人员可通过手机银行、税务APP等渠道缴费。',
  },
  {
    key: 'hotline',
    title: '济宁市12345政务服务便民热线管理办法',
    docNumber: '济政办发〔2021〕15号',
    org: '市政府办公室',
    genre: 'normative',
    topic: 'general',
    written: '2021-06-18',
    published: '2021-06-25',
    keywords: ['12345热线', '诉求办理'],
    body: '第一条 为规范12345政务服务便民热线运行管理，及时回应企业和群众诉求，制定本办法。第八条 热线受理的诉求，承办单位应当在5个工作日内办结并答复。',
  },
  {
    key: 'epidemic',
    title: '关于做好新冠肺炎疫情防控常态化工作的通知',
    docNumber: '济卫字〔2020〕33号',
    org: '市卫生健康委',
    genre: 'notice',
    topic: 'health',
    written: '2020-06-01',
    published: '2020-06-02',
    validity: 'expired',
    keywords: ['疫情防控', 'COVID-19'],
    body: '当前新冠肺炎（COVID-19）疫情防控进入常态化阶段，各地要坚持“外防输入、内防反弹”，落实早发现、早报告、早隔离、早治疗措施。',
  },
  {
    key: 'open-guide',
    title: '济宁市人民政府政府信息公开指南',
    org: '市政府办公室',
    genre: 'other',
    topic: 'general',
    written: '2023-01-05',
    published: '2023-01-06',
    keywords: ['信息公开指南', '依申请公开'],
    body: '一、主动公开：本机关主动公开的政府信息通过政府网站、政府公报、新闻发布会等方式公开。二、依申请公开：公民、法人或者其他组织可以通过当面、邮寄、网络等方式提出政府信息公开申请，本机关自收到申请之日起20个工作日内予以答复。',
  },
  {
    key: 'annual-report',
    title: '济宁市人民政府2023年政府信息公开工作年度报告',
    org: '市政府办公室',
    genre: 'report',
    topic: 'general',
    written: '2024-01-20',
    published: '2024-01-31',
    keywords: ['年度报告', '政府信息公开'],
    body: '2023年，全市主动公开政府信息12.6万条，收到政府信息公开申请1320件，办结1298件。因政府信息公开工作被申请行政复议23件、提起行政诉讼11件。',
  },
  {
    key: 'zoucheng-school',
    title: '邹城市教育局关于城区小学学区划分的公告',
    docNumber: '邹教字〔2023〕21号',
    org: '邹城市教育局',
    genre: 'announcement',
    topic: 'scitech',
    written: '2023-06-10',
    published: '2023-06-12',
    keywords: ['学区划分', '小学'],
    body: '根据城区适龄儿童分布和学校布局，现将2023年邹城市城区小学学区划分公告如下：钢山小学学区包括钢山街道东部社区，千泉小学学区包括千泉街道西部社区。',
    theme: '就学',
  },
  {
    key: 'tax-cut',
    title: '关于落实减税降费政策支持小微企业发展的通知',
    docNumber: '济财税〔2022〕10号',
    org: '市财政局',
    genre: 'notice',
    topic: 'finance',
    written: '2022-03-30',
    published: '2022-04-02',
    keywords: ['减税降费', '小微企业'],
    body: '对小型微利企业年应纳税所得额不超过100万元的部分，减按12.5%计入应纳税所得额。各级财政、税务部门要确保减税降费政策直达快享。',
  },
  {
    key: 'data-sharing',
    title: '市大数据中心关于推进政务数据共享开放的实施方案',
    docNumber: '济数字〔2023〕2号',
    org: '市大数据中心',
    genre: 'other',
    topic: 'general',
    written: '2023-07-01',
    published: '2023-07-03',
    keywords: ['政务数据', '数据共享', '电子证照'],
    body: '建设全市统一的政务数据共享交换平台，推动电子证照在政务服务事项中全面应用，年底前实现高频电子证照“免证办”。',
  },
  {
    key: 'tourism',
    title: '市文化和旅游局关于促进文旅消费的若干措施',
    docNumber: '济文旅发〔2023〕8号',
    org: '市文化和旅游局',
    genre: 'opinion',
    topic: 'commerce',
    written: '2023-04-25',
    published: '2023-04-28',
    keywords: ['文旅消费', '旅游'],
    body: '发放文旅消费券，推出曲阜三孔、微山湖等精品旅游线路，支持夜间文旅消费集聚区建设，丰富假日文化和旅游产品供给。',
  },
  {
    key: 'veterans',
    title: '市退役军人局关于做好退役军人就业安置工作的通知',
    docNumber: '济退役军人字〔2022〕5号',
    org: '市退役军人局',
    genre: 'notice',
    topic: 'civil',
    written: '2022-07-20',
    published: '2022-07-22',
    keywords: ['退役军人', '就业安置'],
    body: '做好退役士兵安置工作，开展退役军人适应性培训和职业技能培训，拓宽退役军人就业渠道。',
  },
  {
    key: 'audit',
    title: '济宁市2022年度市级预算执行和其他财政收支的审计工作报告',
    org: '市审计局',
    genre: 'report',
    topic: 'finance',
    written: '2023-08-25',
    published: '2023-09-01',
    keywords: ['审计工作报告', '预算执行'],
    body: '市审计局依法审计了2022年度市级预算执行和其他财政收支情况。审计结果表明，市级财政运行总体平稳，但仍存在部分专项资金拨付不及时等问题。',
  },
  {
    key: 'county-plan',
    title: '邹城市2023年政务公开工作要点',
    org: '邹城市人民政府',
    genre: 'other',
    topic: 'general',
    written: '2023-04-15',
    published: '2023-04-20',
    keywords: ['政务公开', '工作要点'],
    body: '2023年全市政务公开工作要以推进政务公开标准化规范化为主线，围绕助力经济社会发展、加强政策解读回应、夯实公开工作基础等方面推进。',
  },
  {
    key: 'draft',
    title: '关于征收城市基础设施配套费的通知（征求意见稿）',
    org: '市住房城乡建设局',
    genre: 'notice',
    topic: 'urban',
    written: '2024-06-01',
    published: null,
    status: 'draft',
    keywords: ['基础设施配套费'],
    body: '城市基础设施配套费按建筑面积每平方米120元征收，征求意见期间欢迎社会各界提出意见。',
  },
  {
    key: 'invest',
    title: '市投资促进局关于印发招商引资奖励办法的通知',
    docNumber: '济投促发〔2022〕1号',
    org: '市投资促进局',
    genre: 'measures',
    topic: 'commerce',
    written: '2022-01-10',
    published: '2022-01-15',
    keywords: ['招商引资', '奖励'],
    body: '对新引进的实际到账外资超过1000万美元的项目，按实际到账外资的1%给予奖励。对引荐成功的中介机构给予奖励。',
  },
  {
    key: 'energy',
    title: '市能源局关于推进分布式光伏发电开发的实施意见',
    docNumber: '济能源字〔2023〕3号',
    org: '市能源局',
    genre: 'opinion',
    topic: 'land',
    written: '2023-05-30',
    published: '2023-06-02',
    keywords: ['分布式光伏', '新能源'],
    body: '整县推进屋顶分布式光伏开发，党政机关建筑屋顶可安装光伏发电比例不低于50%，学校、医院等公共建筑不低于40%。',
  },
  {
    key: 'street-vendors',
    title: '市城市管理局关于规范设置临时摊点群的通告',
    docNumber: '济城管字〔2021〕14号',
    org: '市城市管理局',
    genre: 'announcement',
    topic: 'urban',
    written: '2021-05-06',
    published: '2021-05-08',
    keywords: ['临时摊点', '市容管理'],
    body: '为方便群众生活、促进就业，在不影响交通和市容的前提下，在城区设置临时摊点群32处，经营时间为每日17时至22时。',
  },
  {
    key: 'traffic',
    title: '市交通运输局关于优化城市公交线网的通知',
    docNumber: '济交发〔2024〕2号',
    org: '市交通运输局',
    genre: 'notice',
    topic: 'industry',
    written: '2024-01-08',
    published: '2024-01-10',
    keywords: ['城市公交', '线网优化'],
    body: '自2024年2月1日起，调整K101、K203等12条公交线路走向，新开通3条社区微循环公交线路，方便市民出行。',
  },
  {
    key: 'reply',
    title: '济宁市人民政府关于同意设立济宁太白湖新区社区卫生服务中心的批复',
    docNumber: '济政字〔2021〕66号',
    org: '济宁市人民政府',
    genre: 'reply',
    topic: 'health',
    written: '2021-12-01',
    published: '2021-12-06',
    body: '市卫生健康委：你委《关于设立太白湖新区社区卫生服务中心的请示》收悉。经研究，同意设立济宁太白湖新区社区卫生服务中心，所需编制和经费由你委统筹解决。',
  },
  {
    key: 'citing',
    title: '关于贯彻落实2021年政务公开工作任务的情况通报',
    docNumber: '济政办字〔2021〕52号',
    org: '市政府办公室',
    genre: 'bulletin',
    topic: 'general',
    written: '2021-12-20',
    published: '2021-12-25',
    body: '根据《济宁市人民政府办公室关于印发2021年济宁市政务公开工作任务分解表的通知》（济政办字〔2021〕18号）要求，市政府办公室对各县市区和市直部门工作任务落实情况进行了督查，现将有关情况通报如下。',
  },
];

export const FIXTURE_DOCS: FixtureDoc[] = [...SEED_DOCS, ...WRITTEN_DOCS];

/** Insert the fixture library (and the organisations it names that are missing); returns key → id. */
export async function insertFixtureLibrary(
  db: Kysely<Database>,
  docs: readonly FixtureDoc[] = FIXTURE_DOCS,
): Promise<Map<string, number>> {
  const orgIds = new Map((await listOrgs(db)).map((o) => [o.name, o.id]));
  const city = orgIds.get('济宁市人民政府');
  const orgId = async (name: string): Promise<number> => {
    const known = orgIds.get(name);
    if (known !== undefined) return known;
    const row = await insertOrg(db, {
      parentId: city ?? null,
      name,
      kind: 'government',
      code: null,
      sortOrder: 0,
    });
    orgIds.set(name, row.id);
    return row.id;
  };
  const themeIds = new Map<string, number>();
  const ids = new Map<string, number>();
  let fileId: number | null = null;
  let serial = 0;
  for (const d of docs) {
    const org = await orgId(d.org);
    serial += 1;
    const status = d.status ?? 'published';
    const row = await db
      .insertInto('documents')
      .values({
        title: d.title,
        doc_number: d.docNumber ?? null,
        doc_number_key: docNumberKey(d.docNumber),
        index_number: `TEST-${d.written.slice(0, 4)}-${String(serial).padStart(5, '0')}`,
        org_id: org,
        genre: d.genre,
        topic: d.topic ?? null,
        keywords: d.keywords ?? [],
        summary: d.summary ?? null,
        body_html: `<p>${d.body}</p>`,
        body_text: d.body,
        written_date: d.written,
        published_date: status === 'published' ? (d.published ?? d.written) : null,
        validity: d.validity ?? 'valid',
        attribute: 'proactive',
        status,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(d.key, row.id);
    for (const issuer of new Set([d.org, ...(d.coIssuers ?? [])])) {
      await db
        .insertInto('document_issuers')
        .values({ document_id: row.id, org_id: await orgId(issuer) })
        .execute();
    }
    if (d.theme) {
      let theme = themeIds.get(d.theme);
      if (theme === undefined) {
        theme = (
          await db
            .insertInto('document_themes')
            .values({ name: d.theme })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
        themeIds.set(d.theme, theme);
      }
      await db.insertInto('document_theme_links').values({ document_id: row.id, theme_id: theme }).execute();
    }
    if (d.attachment) {
      fileId ??= (
        await db
          .insertInto('files')
          .values({ sha256: '0'.repeat(64), name: 'fixture.xlsx', mime: 'application/octet-stream', size: 0 })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await db
        .insertInto('document_attachments')
        .values({
          document_id: row.id,
          file_id: fileId,
          name: d.attachment.name,
          text_content: d.attachment.text,
        })
        .execute();
    }
    if (d.interpretation) {
      await db
        .insertInto('interpretations')
        .values({
          document_id: row.id,
          kind: 'text',
          title: d.interpretation.title,
          body_html: d.interpretation.body,
        })
        .execute();
    }
    await refreshDocumentSearch(db, row.id);
  }
  return ids;
}

/** Theme id by name (for filter tests). */
export async function themeId(db: Kysely<Database>, name: string): Promise<number> {
  return (
    await db.selectFrom('document_themes').select('id').where('name', '=', name).executeTakeFirstOrThrow()
  ).id;
}
