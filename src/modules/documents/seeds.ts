/**
 * Demo library: the three source documents (demo/sources/*.txt) as published documents with interpretations,
 * plus a generated but realistic library (≥ 500 documents, 2019–2026, the demo organisations, every
 * genre and validity state, relations, 依申请公开 / 不予公开 documents, historical imports with an
 * undetermined attribute, a few drafts in the workflow). Deterministic (seeded PRNG); set-based
 * inserts and one batched search-vector update keep the demo start fast.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { SeedReport } from '../../platform/module.ts';
import { chinaToday } from '../../platform/time.ts';
import { firstUser, listOrgs } from '../orgs/index.ts';
import { type Attribute, findGenre, type Validity, validityAfter } from './domain/codes.ts';
import { docNumberKey } from './domain/doc-number.ts';
import { DEFAULT_INDEX_PATTERN, formatIndexNumber, orgCodeFor } from './domain/index-number.ts';
import { agencyUscc } from './domain/uscc.ts';
import { addMonths } from './domain/workflow.ts';
import { textToHtml } from './extract.ts';
import { htmlToText } from './html.ts';
import { documentVectors, loadSearchWords } from './search/service.ts';
import { demoBody, demoInterpretation } from './seeds.texts.ts';

/** The source documents, committed once for every module's demo data (the same files as ../shared/seeds). */
const SEEDS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../demo/sources');

/** Deterministic PRNG (mulberry32) so every demo database holds the same library. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Subject = {
  name: string;
  dept: string;
  topic: string;
  keywords: string[];
  theme?: string;
  detail: string;
};

/** Policy subjects of a prefecture-level city, with their topic class and 特色主题. */
const SUBJECTS: Subject[] = [
  {
    name: '义务教育招生入学',
    dept: '市教育局',
    topic: 'scitech',
    keywords: ['义务教育', '招生', '入学'],
    theme: '就学',
    detail: '适龄儿童少年入学资格审核、学区划分、随迁子女入学和招生计划发布',
  },
  {
    name: '学前教育普惠发展',
    dept: '市教育局',
    topic: 'scitech',
    keywords: ['学前教育', '普惠性幼儿园'],
    theme: '就学',
    detail: '普惠性幼儿园认定、生均公用经费和保教质量评估',
  },
  {
    name: '企业开办便利化',
    dept: '市行政审批服务局',
    topic: 'market',
    keywords: ['企业开办', '营商环境', '一窗通办'],
    theme: '企业开办',
    detail: '企业登记、公章刻制、申领发票和社保登记一日办结',
  },
  {
    name: '优化营商环境',
    dept: '市发展改革委',
    topic: 'economy',
    keywords: ['营商环境', '放管服'],
    theme: '企业开办',
    detail: '市场准入、政务服务、要素保障和公平竞争审查',
  },
  {
    name: '养老服务体系建设',
    dept: '市民政局',
    topic: 'civil',
    keywords: ['养老服务', '居家养老', '社区养老'],
    theme: '养老',
    detail: '居家社区养老服务网络、养老机构建设补贴和护理型床位',
  },
  {
    name: '高龄津贴发放',
    dept: '市民政局',
    topic: 'civil',
    keywords: ['高龄津贴', '老年人'],
    theme: '养老',
    detail: '80周岁以上老年人高龄津贴的申领、审核和发放',
  },
  {
    name: '城乡居民基本医疗保险',
    dept: '市医保局',
    topic: 'health',
    keywords: ['医疗保险', '医保', '参保缴费'],
    theme: '社会保障',
    detail: '参保缴费、待遇标准、异地就医直接结算和门诊慢特病保障',
  },
  {
    name: '最低生活保障',
    dept: '市民政局',
    topic: 'civil',
    keywords: ['低保', '社会救助'],
    theme: '社会保障',
    detail: '低保对象认定、保障标准调整和动态管理',
  },
  {
    name: '就业创业补贴',
    dept: '市人力资源社会保障局',
    topic: 'labour',
    keywords: ['就业', '创业', '补贴'],
    theme: '就业创业',
    detail: '一次性创业补贴、创业担保贷款贴息和高校毕业生就业见习',
  },
  {
    name: '高校毕业生就业',
    dept: '市人力资源社会保障局',
    topic: 'labour',
    keywords: ['高校毕业生', '就业见习'],
    theme: '就业创业',
    detail: '就业见习岗位、基层服务项目和求职创业补贴',
  },
  {
    name: '农村人居环境整治',
    dept: '市农业农村局',
    topic: 'agriculture',
    keywords: ['人居环境', '乡村振兴', '农村厕所'],
    detail: '农村生活垃圾、生活污水治理和村容村貌提升',
  },
  {
    name: '高标准农田建设',
    dept: '市农业农村局',
    topic: 'agriculture',
    keywords: ['高标准农田', '粮食安全'],
    detail: '项目立项、资金管理、工程建设和建后管护',
  },
  {
    name: '安全生产专项整治',
    dept: '市应急局',
    topic: 'market',
    keywords: ['安全生产', '隐患排查'],
    detail: '重点行业领域隐患排查整治和安全生产责任落实',
  },
  {
    name: '食品安全监管',
    dept: '市市场监管局',
    topic: 'market',
    keywords: ['食品安全', '监督抽检'],
    detail: '食品生产经营许可、监督抽检和信息公开',
  },
  {
    name: '大气污染防治',
    dept: '市生态环境局',
    topic: 'urban',
    keywords: ['大气污染', '环境保护', '扬尘治理'],
    detail: '工业源、移动源和扬尘源综合治理及重污染天气应对',
  },
  {
    name: '城镇老旧小区改造',
    dept: '市住房城乡建设局',
    topic: 'urban',
    keywords: ['老旧小区', '城市更新'],
    theme: '住房保障',
    detail: '改造内容清单、资金筹措和居民参与',
  },
  {
    name: '住房公积金提取',
    dept: '市住房城乡建设局',
    topic: 'urban',
    keywords: ['住房公积金', '提取'],
    theme: '住房保障',
    detail: '租房提取、购房提取和贷款业务办理',
  },
  {
    name: '政府信息公开',
    dept: '市政府办公室',
    topic: 'general',
    keywords: ['政务公开', '政府信息公开'],
    detail: '主动公开、依申请公开、政策解读和政务公开平台建设',
  },
  {
    name: '政府采购管理',
    dept: '市财政局',
    topic: 'finance',
    keywords: ['政府采购', '集中采购'],
    detail: '集中采购目录、采购限额标准和采购意向公开',
  },
  {
    name: '预算绩效管理',
    dept: '市财政局',
    topic: 'finance',
    keywords: ['预算', '绩效管理'],
    detail: '事前绩效评估、绩效目标管理和绩效评价结果应用',
  },
  {
    name: '城市道路交通管理',
    dept: '市交通运输局',
    topic: 'industry',
    keywords: ['道路交通', '停车'],
    detail: '停车设施建设、交通组织优化和占道施工管理',
  },
  {
    name: '科技创新平台建设',
    dept: '市科技局',
    topic: 'scitech',
    keywords: ['科技创新', '研发平台'],
    detail: '重点实验室、技术创新中心认定和研发费用补助',
  },
  {
    name: '文化旅游消费',
    dept: '市文化和旅游局',
    topic: 'commerce',
    keywords: ['文化旅游', '消费'],
    detail: '文旅惠民消费季、夜间经济和旅游景区提升',
  },
  {
    name: '全民健身',
    dept: '市文化和旅游局',
    topic: 'health',
    keywords: ['全民健身', '体育设施'],
    detail: '全民健身设施补短板、公共体育场馆开放',
  },
  {
    name: '公共法律服务',
    dept: '市司法局',
    topic: 'security',
    keywords: ['法律援助', '公共法律服务'],
    detail: '法律援助范围、申请程序和公共法律服务平台',
  },
  {
    name: '退役军人优待',
    dept: '市退役军人局',
    topic: 'other',
    keywords: ['退役军人', '优待'],
    detail: '优待证申领、走访慰问和就业安置',
  },
  {
    name: '农村集体经营性建设用地入市',
    dept: '市自然资源和规划局',
    topic: 'land',
    keywords: ['集体建设用地', '土地'],
    detail: '入市范围、交易规则和收益分配',
  },
  {
    name: '清洁能源推广',
    dept: '市能源局',
    topic: 'land',
    keywords: ['清洁取暖', '新能源'],
    detail: '清洁取暖改造、光伏发电和充电基础设施建设',
  },
];

const THEMES = [
  { name: '企业开办', description: '企业设立登记、证照办理、开办补贴等政策' },
  { name: '就学', description: '入学招生、学生资助、教育收费等政策' },
  { name: '养老', description: '养老服务、高龄津贴、老年人优待等政策' },
  { name: '社会保障', description: '医疗保险、社会救助、低保等政策' },
  { name: '就业创业', description: '就业补贴、创业扶持、技能培训等政策' },
  { name: '住房保障', description: '住房公积金、老旧小区改造、保障性住房等政策' },
];

/** 机关代字 stems of city departments as used in their 文号 (济教发, 济人社发 …). */
const DEPT_CODES: Record<string, string> = {
  教育: '教',
  财政: '财',
  民政: '民',
  司法: '司',
  人力资源社会保障: '人社',
  市场监管: '市监',
  农业农村: '农',
  交通运输: '交',
  卫生健康: '卫健',
  生态环境: '环',
  住房城乡建设: '建',
  自然资源和规划: '自然资源',
  发展改革: '发改',
  文化和旅游: '文旅',
  医保: '医保',
  应急: '应急',
  退役军人: '退役',
  行政审批服务: '审批',
  科技: '科',
  能源: '能源',
  工业和信息化: '工信',
  公安: '公',
  审计: '审',
  商务: '商',
  城乡水务: '水',
};

/** 机关代字 of an organisation, e.g. 市教育局 → 济教发, 邹城市人民政府 → 邹政发. */
function issuerCode(orgName: string, genre: string): string {
  const place = orgName.startsWith('市') ? '济' : orgName.startsWith('济宁市') ? '济' : orgName.charAt(0);
  let core = orgName.replace(/^(济宁市|市|[\u4e00-\u9fff]{1,2}(市|区|县)(?=[\u4e00-\u9fff]))/, '');
  if (/人民政府$/.test(orgName)) core = '政';
  else if (/政府办公室$/.test(orgName)) core = '政办';
  else {
    const stem = core.replace(/(局|委|中心|办公室)$/, '');
    core = DEPT_CODES[stem] ?? (stem.slice(0, 2) || '办');
  }
  const suffix = genre === 'letter' ? '函' : genre === 'reply' ? '复' : genre === 'normative' ? '规' : '发';
  return `${place}${core}${suffix}`;
}

const TITLES: Record<string, (s: Subject, year: number) => string> = {
  rule: (s) => `济宁市${s.name}管理办法`,
  normative: (s) => `关于进一步加强${s.name}工作的若干规定`,
  other: (s, y) => `${y}年${s.name}工作要点`,
  announcement: (s, y) => `关于${y}年度${s.name}有关事项的公告`,
  notice: (s, y) => `关于做好${y}年${s.name}工作的通知`,
  opinion: (s) => `关于推进${s.name}高质量发展的实施意见`,
  measures: (s) => `${s.name}实施办法`,
  decision: (s) => `关于表彰${s.name}工作先进集体和先进个人的决定`,
  bulletin: (s, y) => `关于${y}年${s.name}工作情况的通报`,
  report: (s, y) => `关于${y}年${s.name}工作情况的报告`,
  reply: (s) => `关于${s.name}有关事项的批复`,
  letter: (s) => `关于征求《${s.name}实施方案（征求意见稿）》意见的函`,
};

/** Genre mix of a real library: mostly notices and other documents, some policy documents. */
const GENRE_WEIGHTS: [string, number][] = [
  ['notice', 30],
  ['other', 14],
  ['normative', 10],
  ['opinion', 8],
  ['measures', 6],
  ['announcement', 8],
  ['bulletin', 6],
  ['report', 5],
  ['reply', 5],
  ['letter', 4],
  ['decision', 3],
  ['rule', 1],
];

type Org = {
  id: number;
  name: string;
  kind: string;
  code: string | null;
  credit_code: string | null;
  region_code: string | null;
  parent_id: number | null;
};

/**
 * The demo agencies' 统一社会信用代码 (real format: 机关 "11", the region of the agency or of its
 * government, a 组织机构代码 from its id, valid check characters), so that index numbers read as real
 * ones do. Agencies that have a code keep it.
 */
async function giveDemoAgenciesCodes(db: Kysely<Database>, orgs: Org[]): Promise<void> {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const regionOf = (o: Org | undefined): string =>
    !o
      ? '370800'
      : o.region_code && /^\d{6}$/.test(o.region_code)
        ? o.region_code
        : regionOf(byId.get(o.parent_id ?? -1));
  for (const o of orgs) {
    if (o.credit_code) continue;
    o.credit_code = agencyUscc(regionOf(o), `00${String(423400 + o.id).padStart(6, '0')}`);
    await db.updateTable('orgs').set({ credit_code: o.credit_code }).where('id', '=', o.id).execute();
  }
}

type DocSeed = {
  title: string;
  doc_number: string | null;
  org_id: number;
  genre: string;
  topic: string | null;
  keywords: string[];
  summary: string | null;
  body_html: string;
  written_date: string;
  published_date: string | null;
  effective_date: string | null;
  validity: Validity;
  validity_changed_on: string | null;
  attribute: Attribute | null;
  attribute_ground: string | null;
  attribute_reason: string | null;
  status: 'draft' | 'in_review' | 'returned' | 'approved' | 'published';
  attribute_review_due: string | null;
  converted_on: string | null;
  historical: boolean;
  theme: string | null;
  interpretation: boolean;
  coIssuer: number | null;
  orgName: string;
  /** The policy subject of a generated document (its interpretation is written about it). */
  subject?: Subject;
};

const isoOf = (y: number, doy: number) => new Date(Date.UTC(y, 0, 1 + doy)).toISOString().slice(0, 10);
const plusDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86400000).toISOString().slice(0, 10);

/**
 * The 济宁 source documents (metadata from their own text; dates not stated in a text are marked).
 * laiwu-2021.txt is not among them: 莱芜区 belongs to 济南市, and the demo is the one city 济宁市.
 */
const SOURCES = [
  {
    file: 'jining-2021.txt',
    org: '市政府办公室',
    docNumber: '济政办字〔2021〕18号',
    title: '济宁市人民政府办公室关于印发2021年济宁市政务公开工作任务分解表的通知',
    written: '2021-04-28',
    published: '2021-04-30',
    keywords: ['政务公开', '任务分解表', '2021年'],
  },
  {
    file: 'jining-2022.txt',
    org: '市政府办公室',
    // The source text gives neither its 文号 nor its date: the date here is a demo value.
    docNumber: null,
    title: '济宁市人民政府办公室关于印发2022年济宁市政务公开工作任务分解表的通知',
    written: '2022-05-10',
    published: '2022-05-12',
    keywords: ['政务公开', '任务分解表', '2022年'],
  },
];

export async function seedDemoDocuments(db: Kysely<Database>): Promise<SeedReport> {
  if (await db.selectFrom('documents').select('id').limit(1).executeTakeFirst()) return [];
  const started = performance.now();
  const orgs: Org[] = (await listOrgs(db)).sort((a, b) => a.id - b.id);
  if (orgs.length === 0) return [];
  await giveDemoAgenciesCodes(db, orgs);
  const byName = new Map(orgs.map((o) => [o.name, o]));
  const city = orgs.find((o) => o.kind === 'government' && o.parent_id === null) as Org;
  const office = byName.get('市政府办公室') ?? city;
  const reviewer = await firstUser(db, ['reviewer', 'approver', 'admin']);
  const creator = await firstUser(db);
  const today = chinaToday();
  const rand = prng(20240305);
  // Bodies draw from their own sequence, so the library's metadata does not depend on the texts.
  const textRand = prng(20261207);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const weighted = () => {
    const total = GENRE_WEIGHTS.reduce((s, [, w]) => s + w, 0);
    let r = rand() * total;
    for (const [g, w] of GENRE_WEIGHTS) {
      r -= w;
      if (r < 0) return g;
    }
    return 'notice';
  };
  const counties = orgs.filter((o) => o.kind === 'county');
  const serialOf = new Map<string, number>();
  const docs: DocSeed[] = [];

  // ── the source documents ──
  for (const s of SOURCES) {
    const org = byName.get(s.org) ?? office;
    const text = await readFile(path.join(SEEDS_DIR, s.file), 'utf8');
    docs.push({
      title: s.title,
      doc_number: s.docNumber,
      org_id: org.id,
      orgName: org.name,
      genre: 'notice',
      topic: 'general',
      keywords: s.keywords,
      summary: `${s.title.replace(/^.*关于/, '')}，明确年度政务公开重点任务、牵头部门、责任单位和具体要求。`,
      body_html: textToHtml(text.replace(/\[bookmark:[^\]]*\]/g, '')),
      written_date: s.written,
      published_date: s.published,
      effective_date: null,
      validity: 'valid',
      validity_changed_on: null,
      attribute: 'proactive',
      attribute_ground: null,
      attribute_reason: null,
      status: 'published',
      attribute_review_due: null,
      converted_on: null,
      historical: false,
      theme: null,
      interpretation: true,
      coIssuer: null,
    });
  }

  // ── the generated library ──
  const N = 560;
  for (let i = 0; i < N; i++) {
    const genre = weighted();
    const year = 2019 + Math.floor(rand() * 8); // 2019–2026
    const lastDay = year === Number(today.slice(0, 4)) ? Math.max(1, dayOfYear(today) - 1) : 364;
    const written = isoOf(year, Math.floor(rand() * lastDay));
    const subject = pick(SUBJECTS);
    // Who issues it: the competent department mostly, else the city government or its office, or a
    // county government.
    const owner = byName.get(subject.dept) ?? office;
    const roll = rand();
    const org =
      genre === 'rule'
        ? city
        : genre === 'normative' || genre === 'opinion'
          ? roll < 0.5
            ? office
            : roll < 0.8
              ? owner
              : city
          : roll < 0.6
            ? owner
            : roll < 0.75
              ? office
              : roll < 0.8
                ? city
                : counties.length
                  ? pick(counties)
                  : owner;
    const title = TITLES[genre]?.(subject, year) ?? subject.name;
    // One serial sequence per 机关代字 and year, so no two documents share a 文号.
    const key = `${issuerCode(org.name, genre)}-${year}`;
    const serial = (serialOf.get(key) ?? 0) + 1 + Math.floor(rand() * 3);
    serialOf.set(key, serial);
    const docNumber =
      genre === 'rule'
        ? `济宁市人民政府令第${80 + i}号`
        : rand() < 0.9
          ? `${issuerCode(org.name, genre)}〔${year}〕${serial}号`
          : null;
    const published = plusDays(written, 1 + Math.floor(rand() * 12));
    const r = rand();
    // Attribute: most proactive; some withheld with a ground; some historical never determined.
    let attribute: Attribute | null = 'proactive';
    let ground: string | null = null;
    let reason: string | null = null;
    let historical = year <= 2020 && rand() < 0.15;
    if (historical && rand() < 0.5) attribute = null;
    else if (r < 0.05) {
      attribute = 'on_request';
      ground = pick(['art13_scope', 'art15_third_party']);
      reason = ground === 'art13_scope' ? '仅涉及特定企业和个人，不属于主动公开范围' : '涉及相关企业商业秘密';
    } else if (r < 0.08) {
      attribute = 'not_public';
      ground = pick(['art16_internal', 'art16_process', 'art14_safety']);
      reason =
        ground === 'art16_internal'
          ? '属于机关内部人事管理信息'
          : ground === 'art16_process'
            ? '属于讨论过程中的过程性信息'
            : '公开后可能影响社会稳定';
    }
    if (genre === 'rule' || genre === 'normative') {
      attribute = 'proactive';
      ground = null;
      reason = null;
      historical = false;
    }
    // Workflow: the newest few are still in progress (drafts for the admin console).
    let status: DocSeed['status'] = 'published';
    if (!historical && written >= plusDays(today, -40) && rand() < 0.6)
      status = pick(['draft', 'in_review', 'returned', 'approved'] as const);
    const withheld = attribute === 'on_request' || attribute === 'not_public';
    const policy = findGenre(genre)?.policy ?? false;
    docs.push({
      title,
      doc_number: docNumber,
      org_id: org.id,
      orgName: org.name,
      genre,
      topic: subject.topic,
      keywords: subject.keywords,
      summary: `${subject.detail}。`,
      body_html: textToHtml(
        demoBody(textRand, { subject, genre, title, orgName: org.name, written, docNumber }),
      ),
      subject,
      written_date: written,
      published_date: status === 'published' ? published : null,
      effective_date: policy ? plusDays(published, 30) : null,
      validity: 'valid',
      validity_changed_on: null,
      attribute,
      attribute_ground: ground,
      attribute_reason: reason,
      status,
      attribute_review_due:
        withheld && status === 'published' ? addMonths(published, 12 * (1 + Math.floor(rand() * 3))) : null,
      converted_on: null,
      historical,
      theme: subject.theme ?? null,
      // 不解读不运转: a policy document past drafting has its interpretation; a draft may not yet.
      interpretation:
        (policy && attribute === 'proactive' && (status === 'published' || rand() < 0.5)) ||
        (policy && attribute === 'proactive' && status !== 'draft'),
      coIssuer:
        genre === 'normative' || genre === 'opinion'
          ? rand() < 0.3
            ? pick(orgs.filter((o) => o.kind === 'department')).id
            : null
          : null,
    });
  }
  // A few withheld documents were converted on review (listed together on the portal).
  let conversions = 0;
  for (const d of docs) {
    if (
      d.attribute === 'on_request' &&
      d.status === 'published' &&
      d.published_date &&
      d.published_date < '2024-01-01' &&
      conversions < 6
    ) {
      d.converted_on = addMonths(d.published_date, 12);
      d.attribute = 'proactive';
      d.attribute_ground = null;
      d.attribute_reason = null;
      d.attribute_review_due = null;
      d.interpretation = findGenre(d.genre)?.policy ?? false;
      conversions++;
    }
  }

  // ── index numbers, per organisation and year in written order ──
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const order = docs
    .map((d, i) => ({ d, i }))
    .sort((a, b) =>
      a.d.written_date < b.d.written_date ? -1 : a.d.written_date > b.d.written_date ? 1 : a.i - b.i,
    );
  const indexOf = new Map<number, string>();
  const serials = new Map<string, { org_id: number; year: number; last_serial: number }>();
  for (const { d, i } of order) {
    const year = Number(d.written_date.slice(0, 4));
    const k = `${d.org_id}-${year}`;
    const s = serials.get(k) ?? { org_id: d.org_id, year, last_serial: 0 };
    s.last_serial++;
    serials.set(k, s);
    indexOf.set(
      i,
      formatIndexNumber(DEFAULT_INDEX_PATTERN, {
        orgCode: orgCodeFor(orgById.get(d.org_id) as Org),
        category: findGenre(d.genre)?.category ?? 'QT',
        topic: d.topic,
        year,
        serial: s.last_serial,
      }),
    );
  }

  const ids: number[] = [];
  await db.transaction().execute(async (tx) => {
    const themeRows = await tx
      .insertInto('document_themes')
      .values(THEMES.map((t, i) => ({ ...t, sort_order: i + 1 })))
      .returning(['id', 'name'])
      .execute();
    const themeId = new Map(themeRows.map((t) => [t.name, t.id]));
    const CHUNK = 200;
    for (let at = 0; at < docs.length; at += CHUNK) {
      const part = docs.slice(at, at + CHUNK);
      const rows = await tx
        .insertInto('documents')
        .values(
          part.map((d, j) => ({
            title: d.title,
            doc_number: d.doc_number,
            doc_number_key: docNumberKey(d.doc_number),
            index_number: indexOf.get(at + j) as string,
            org_id: d.org_id,
            genre: d.genre,
            topic: d.topic,
            keywords: d.keywords,
            summary: d.summary,
            body_html: d.body_html,
            body_text: htmlToText(d.body_html),
            written_date: d.written_date,
            published_date: d.published_date,
            effective_date: d.effective_date,
            validity: d.validity,
            validity_changed_on: d.validity_changed_on,
            attribute: d.attribute,
            attribute_ground: d.attribute_ground,
            attribute_reason: d.attribute_reason,
            status: d.status,
            attribute_review_due: d.attribute_review_due,
            converted_on: d.converted_on,
            historical: d.historical,
            created_by: creator?.id ?? null,
            updated_at: new Date(),
          })),
        )
        .returning('id')
        .execute();
      ids.push(...rows.map((r) => r.id));
    }
    const issuerRows = docs.flatMap((d, i) => [
      { document_id: ids[i] as number, org_id: d.org_id },
      ...(d.coIssuer && d.coIssuer !== d.org_id
        ? [{ document_id: ids[i] as number, org_id: d.coIssuer }]
        : []),
    ]);
    await tx.insertInto('document_issuers').values(issuerRows).execute();
    const links = docs.flatMap((d, i) =>
      d.theme && themeId.has(d.theme)
        ? [{ document_id: ids[i] as number, theme_id: themeId.get(d.theme) as number }]
        : [],
    );
    if (links.length) await tx.insertInto('document_theme_links').values(links).execute();
    await tx
      .insertInto('document_index_serials')
      .values([...serials.values()])
      .onConflict((oc) =>
        oc.columns(['org_id', 'year']).doUpdateSet({ last_serial: sql<number>`excluded.last_serial` }),
      )
      .execute();

    // Interpretations: the source documents get several forms; policy documents one text each.
    const interp = docs.flatMap((d, i) => {
      if (!d.interpretation) return [];
      const id = ids[i] as number;
      const base = {
        document_id: id,
        published_date: d.published_date,
        image_file_id: null,
        video_url: null,
      };
      const text = {
        ...base,
        kind: 'text' as const,
        title: `《${d.title.replace(/^.*关于/, '关于')}》政策解读`,
        body_html: textToHtml(
          d.subject
            ? demoInterpretation(textRand, {
                subject: d.subject,
                genre: d.genre,
                title: d.title,
                orgName: d.orgName,
                written: d.written_date,
                docNumber: d.doc_number,
              })
            : `一、制定背景。${d.summary ?? ''}\n二、主要内容。文件围绕${d.keywords.join('、')}，明确了工作目标、重点任务和保障措施。\n三、适用范围。本文件适用于${d.orgName}及所属单位，自发布之日起施行。`,
        ),
        qa: '[]',
      };
      if (i >= SOURCES.length) return [text];
      return [
        text,
        {
          ...base,
          kind: 'qa' as const,
          title: `一图读懂${d.keywords[1] ?? '政务公开'}：常见问题解答`,
          body_html: '',
          qa: JSON.stringify([
            {
              q: '任务分解表由谁牵头落实？',
              a: '每项任务列明了牵头部门和责任单位，牵头部门负责统筹调度，责任单位按职责抓好落实。',
            },
            {
              q: '落实情况如何公开？',
              a: '各级各部门将落实情况纳入政府信息公开工作年度报告，并在政务公开专栏向社会公开。',
            },
          ]),
        },
        {
          ...base,
          kind: 'video' as const,
          title: '视频解读：政务公开工作任务怎么干',
          body_html: '<p>市政府办公室负责同志解读年度政务公开重点任务。</p>',
          video_url: 'https://www.jining.gov.cn/',
          qa: '[]',
        },
      ];
    });
    for (let at = 0; at < interp.length; at += 300)
      await tx
        .insertInto('interpretations')
        .values(interp.slice(at, at + 300))
        .execute();

    // Validity over time: newer normative documents and rules amend or repeal older ones on the same subject.
    const relations: {
      document_id: number;
      target_id: number;
      kind: 'amends' | 'repeals' | 'replaces';
      effective_date: string;
      applied: boolean;
    }[] = [];
    const published = docs
      .map((d, i) => ({ d, id: ids[i] as number }))
      .filter((x) => x.d.status === 'published' && x.d.attribute === 'proactive');
    const used = new Set<number>();
    for (const newer of published) {
      if (relations.length >= 45) break;
      if (!['normative', 'rule', 'measures', 'opinion'].includes(newer.d.genre)) continue;
      const older = published.find(
        (o) =>
          o.id !== newer.id &&
          !used.has(o.id) &&
          o.d.genre === newer.d.genre &&
          o.d.title.replace(/\d{4}/g, '') === newer.d.title.replace(/\d{4}/g, '') &&
          o.d.written_date < newer.d.written_date,
      );
      if (!older) continue;
      used.add(older.id);
      const kind =
        newer.d.genre === 'rule' || relations.length % 3 === 0
          ? 'amends'
          : relations.length % 3 === 1
            ? 'repeals'
            : 'replaces';
      const eff = newer.d.effective_date ?? newer.d.published_date ?? newer.d.written_date;
      const applied = eff <= today;
      relations.push({ document_id: newer.id, target_id: older.id, kind, effective_date: eff, applied });
      if (applied) {
        older.d.validity = validityAfter(kind);
        older.d.validity_changed_on = eff;
        await tx
          .updateTable('documents')
          .set({ validity: older.d.validity, validity_changed_on: eff })
          .where('id', '=', older.id)
          .execute();
      }
      if (kind === 'amends' && older.d.genre === 'rule') {
        await tx
          .insertInto('document_versions')
          .values({
            document_id: older.id,
            version_no: 1,
            title: older.d.title,
            body_html: older.d.body_html,
            valid_from: older.d.effective_date ?? older.d.written_date,
            valid_to: eff,
          })
          .execute();
      }
    }
    if (relations.length) await tx.insertInto('document_relations').values(relations).execute();
    // A few documents past their term.
    const expire = published
      .filter((x) => x.d.validity === 'valid' && x.d.genre === 'notice' && x.d.written_date < '2021-01-01')
      .slice(0, 12);
    if (expire.length)
      await tx
        .updateTable('documents')
        .set({ validity: 'expired', validity_changed_on: '2022-12-31' })
        .where(
          'id',
          'in',
          expire.map((x) => x.id),
        )
        .execute();

    // Confidentiality reviews of the published documents (一事一审) and the conversions' records.
    if (reviewer) {
      const reviews = docs.flatMap((d, i) =>
        (d.status === 'published' || d.status === 'approved') && !d.historical
          ? [
              {
                document_id: ids[i] as number,
                reviewer_id: reviewer.id,
                decision: 'approved' as const,
                notes: '经审查，不涉及国家秘密、商业秘密和个人隐私，同意按所定公开属性处理。',
              },
            ]
          : [],
      );
      for (let at = 0; at < reviews.length; at += 500)
        await tx
          .insertInto('document_reviews')
          .values(reviews.slice(at, at + 500))
          .execute();
      const conv = docs.flatMap((d, i) =>
        d.converted_on
          ? [
              {
                document_id: ids[i] as number,
                decision: 'converted' as const,
                reviewer_id: reviewer.id,
                notes: '经定期复审，公开条件已具备，转为主动公开。',
                source: 'periodic' as const,
              },
            ]
          : [],
      );
      if (conv.length) await tx.insertInto('document_attribute_reviews').values(conv).execute();
    }

    // Search vectors: computed here, written in one statement per chunk.
    await loadSearchWords(tx);
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    const interpTexts = new Map<number, string[]>();
    for (const it of interp) {
      const list = interpTexts.get(it.document_id) ?? [];
      list.push(it.title, htmlToText(it.body_html));
      for (const qa of JSON.parse(it.qa) as { q: string; a: string }[]) list.push(`${qa.q} ${qa.a}`);
      interpTexts.set(it.document_id, list);
    }
    const vectors = docs.map((d, i) => {
      const id = ids[i] as number;
      const v = documentVectors({
        title: d.title,
        docNumber: d.doc_number,
        keywords: d.keywords,
        summary: d.summary,
        orgNames: [orgName.get(d.org_id) ?? '', ...(d.coIssuer ? [orgName.get(d.coIssuer) ?? ''] : [])],
        bodyText: htmlToText(d.body_html),
        extraTexts: interpTexts.get(id) ?? [],
      });
      return { id, ...v };
    });
    for (let at = 0; at < vectors.length; at += 200) {
      const part = vectors.slice(at, at + 200);
      await sql`update documents d set search_vector = v.vector::tsvector, search_title = v.title::tsvector
        from unnest(${part.map((p) => p.id)}::integer[], ${part.map((p) => p.vector)}::text[], ${part.map((p) => p.title)}::text[]) as v(id, vector, title)
        where d.id = v.id`.execute(tx);
    }
  });
  const ms = Math.round(performance.now() - started);
  return [
    `政府文件库：演示文件 ${docs.length} 份（含 ${SOURCES.length} 份来源文件及其解读），用时 ${ms} 毫秒。`,
  ];
}

function dayOfYear(iso: string): number {
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Math.floor((t - Date.parse(`${iso.slice(0, 4)}-01-01T00:00:00Z`)) / 86400000);
}
