/**
 * Synthetic corpus for the search benchmark: deterministic (seeded) government documents of 2–5 KB
 * of Chinese text. Sentences come from the three source work plans (../shared/seeds) and from
 * templates filled with government terms, so common words (政务公开, 工作, 通知) match tens of
 * thousands of documents and rare ones a handful, as in a real library.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { docNumberKey } from '../src/modules/documents/domain/doc-number.ts';
import { documentVectors } from '../src/modules/documents/search/service.ts';
import type { Database } from '../src/platform/db/database.ts';

/** mulberry32: a small deterministic PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

export const ORGS: readonly { name: string; code: string }[] = [
  { name: '市政府办公室', code: '济政办字' },
  { name: '济宁市人民政府', code: '济政发' },
  { name: '市发展改革委', code: '济发改' },
  { name: '市教育局', code: '济教发' },
  { name: '市科技局', code: '济科字' },
  { name: '市工业和信息化局', code: '济工信字' },
  { name: '市公安局', code: '济公字' },
  { name: '市民政局', code: '济民字' },
  { name: '市司法局', code: '济司字' },
  { name: '市财政局', code: '济财字' },
  { name: '市人力资源社会保障局', code: '济人社字' },
  { name: '市自然资源和规划局', code: '济自然资规字' },
  { name: '市生态环境局', code: '济环字' },
  { name: '市住房城乡建设局', code: '济建字' },
  { name: '市交通运输局', code: '济交发' },
  { name: '市城乡水务局', code: '济水字' },
  { name: '市农业农村局', code: '济农字' },
  { name: '市商务局', code: '济商字' },
  { name: '市文化和旅游局', code: '济文旅发' },
  { name: '市卫生健康委', code: '济卫字' },
  { name: '市应急局', code: '济应急字' },
  { name: '市市场监管局', code: '济市监发' },
  { name: '市医保局', code: '济医保发' },
  { name: '市行政审批服务局', code: '济审批发' },
  { name: '市城市管理局', code: '济城管字' },
];

/** Subjects of documents (and of template sentences). */
export const SUBJECTS: readonly string[] = [
  '政务公开',
  '优化营商环境',
  '企业开办',
  '义务教育招生入学',
  '学区划分',
  '集中供热',
  '老旧小区改造',
  '棚户区改造',
  '城乡居民基本养老保险',
  '养老服务',
  '高校毕业生就业创业',
  '食品安全抽检',
  '安全生产大排查',
  '大气污染防治',
  '河长制',
  '乡村振兴',
  '高标准农田建设',
  '财政预算公开',
  '地方政府专项债券',
  '政府采购',
  '集体土地征收',
  '国有土地上房屋征收',
  '城乡居民基本医疗保险',
  '12345政务服务便民热线',
  '疫情防控',
  '减税降费',
  '政务数据共享',
  '电子证照应用',
  '文旅消费',
  '退役军人就业安置',
  '招商引资',
  '分布式光伏',
  '城市公交线网优化',
  '社区卫生服务',
  '双随机一公开监管',
  '行政执法公示',
  '重大行政决策',
  '政策解读',
  '信息公开指南',
  '公共资源交易',
  '工程建设项目审批',
  '不动产登记',
  '最低生活保障',
  '公共租赁住房',
  '校外培训治理',
  '扬尘治理',
  '秸秆禁烧',
  '燃气安全',
  '防汛抗旱',
  '森林防火',
];

export const GENRES: readonly { code: string; suffix: string }[] = [
  { code: 'notice', suffix: '的通知' },
  { code: 'opinion', suffix: '的实施意见' },
  { code: 'measures', suffix: '管理办法' },
  { code: 'normative', suffix: '的若干规定' },
  { code: 'announcement', suffix: '的公告' },
  { code: 'report', suffix: '情况的报告' },
  { code: 'bulletin', suffix: '情况的通报' },
  { code: 'other', suffix: '工作方案' },
];

const TOPICS = [
  'general',
  'economy',
  'finance',
  'land',
  'agriculture',
  'industry',
  'urban',
  'scitech',
  'health',
];

const VERBS = ['加强', '推进', '落实', '规范', '深化', '完善', '做好', '健全', '优化', '统筹'];
const TEMPLATES = [
  '各县（市、区）要{v}{s}工作，明确责任分工，确保{s2}各项任务落到实处。',
  '{org}负责{s}的组织实施，会同有关部门{v}{s2}信息公开，及时回应社会关切。',
  '到{year}年底，全市{s}工作机制基本建立，{s2}水平明显提升。',
  '对{s}中发现的问题，要建立台账、限期整改，整改情况向社会公开。',
  '充分发挥政府网站、政务新媒体作用，{v}{s}政策解读，提高{s2}政策知晓度。',
  '{v}{s}领域信息公开，重点公开{s2}的政策措施、实施进展和工作成效。',
  '加大{s}资金保障力度，{year}年安排专项资金{n}万元，用于{s2}。',
  '严格执行{s}有关规定，依法依规{v}{s2}，接受社会监督。',
];

function seedSentences(repoRoot: string): string[] {
  const dir = path.resolve(repoRoot, 'demo/sources');
  const out: string[] = [];
  for (const f of ['jining-2021.txt', 'jining-2022.txt', 'laiwu-2021.txt']) {
    const file = path.join(dir, f);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8').replace(/\[bookmark: [^\]]*\]/g, '');
    for (const s of text.split(/(?<=[。；！？])|\n/)) {
      const t = s.replace(/\s+/g, '');
      if (t.length >= 15 && t.length <= 300) out.push(t);
    }
  }
  return out;
}

export interface SyntheticDoc {
  /** Ground truth for relevance judgements (bench/search-relevance.ts): the subject of the title. */
  subject: string;
  /** The other subjects the keywords and summary name (the body mentions subjects at random). */
  secondary: string[];
  title: string;
  docNumber: string | null;
  org: string;
  genre: string;
  topic: string;
  keywords: string[];
  summary: string;
  body: string;
  written: string;
  published: string;
  validity: 'valid' | 'amended' | 'repealed' | 'expired';
}

/** A deterministic generator of `SyntheticDoc`s (seeded). */
export function corpus(repoRoot: string, seed = 20_261_122): (i: number) => SyntheticDoc {
  const r = rng(seed);
  const sentences = seedSentences(repoRoot);
  const encoder = new TextEncoder();
  return (i: number) => {
    const org = pick(r, ORGS);
    const subject = pick(r, SUBJECTS);
    const genre = pick(r, GENRES);
    const year = 2015 + Math.floor(r() * 11);
    const month = String(1 + Math.floor(r() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(r() * 28)).padStart(2, '0');
    const written = `${year}-${month}-${day}`;
    const verb = pick(r, VERBS);
    const title = `${org.name}关于${verb}${subject}${genre.suffix}`;
    const targetBytes = 2048 + Math.floor(r() * 3072);
    const parts: string[] = [];
    let bytes = 0;
    while (bytes < targetBytes) {
      let s: string;
      if (sentences.length > 0 && r() < 0.55) s = pick(r, sentences);
      else
        s = pick(r, TEMPLATES)
          .replace('{v}', pick(r, VERBS))
          .replace('{s}', r() < 0.5 ? subject : pick(r, SUBJECTS))
          .replace('{s2}', pick(r, SUBJECTS))
          .replace('{org}', pick(r, ORGS).name)
          .replace('{year}', String(year + 1))
          .replace('{n}', String(100 + Math.floor(r() * 9900)));
      parts.push(s);
      bytes += encoder.encode(s).length;
    }
    // Drawn in the order the fields were always drawn (the corpus stays the same for a seed).
    const docNumber = r() < 0.8 ? `${org.code}〔${year}〕${1 + (i % 200)}号` : null;
    const topic = pick(r, TOPICS);
    const keyword = pick(r, SUBJECTS);
    const summaryVerb = pick(r, VERBS);
    const summarySubject = pick(r, SUBJECTS);
    return {
      subject,
      secondary: [...new Set([keyword, summarySubject])].filter((x) => x !== subject),
      title,
      docNumber,
      org: org.name,
      genre: genre.code,
      topic,
      keywords: [subject, keyword],
      summary: `${verb}${subject}，${summaryVerb}${summarySubject}。`,
      body: parts.join(''),
      written,
      published: written,
      validity: r() < 0.85 ? 'valid' : pick(r, ['amended', 'repealed', 'expired'] as const),
    };
  };
}

/**
 * Insert published documents (both search vectors built as refreshDocumentSearch does) with their
 * issuer; `orgIds` maps the corpus's organisation names to ids; `serial` numbers the index numbers;
 * the time spent building vectors is added to `timing.segmentMs`.
 * Returns the new ids in order.
 */
export async function insertSyntheticDocs(
  db: Kysely<Database>,
  docs: readonly SyntheticDoc[],
  orgIds: ReadonlyMap<string, number>,
  serial: number,
  timing: { segmentMs: number } = { segmentMs: 0 },
): Promise<number[]> {
  const values = docs.map((d, k) => {
    const started = performance.now();
    const v = documentVectors({
      title: d.title,
      docNumber: d.docNumber,
      keywords: d.keywords,
      summary: d.summary,
      orgNames: [d.org],
      bodyText: d.body,
      extraTexts: [],
    });
    timing.segmentMs += performance.now() - started;
    return {
      title: d.title,
      doc_number: d.docNumber,
      doc_number_key: docNumberKey(d.docNumber),
      index_number: `BENCH-${String(serial + k).padStart(7, '0')}`,
      org_id: orgIds.get(d.org) as number,
      genre: d.genre,
      topic: d.topic,
      keywords: d.keywords,
      summary: d.summary,
      body_html: '',
      body_text: d.body,
      written_date: d.written,
      published_date: d.published,
      validity: d.validity,
      attribute: 'proactive' as const,
      status: 'published' as const,
      search_vector: sql<string>`${v.vector}::tsvector`,
      search_title: sql<string>`${v.title}::tsvector`,
    };
  });
  // search_title is added by migration 0015 and not declared in the documents table type.
  const inserted = await db
    .insertInto('documents')
    .values(values as never)
    .returning(['id', 'org_id'])
    .execute();
  await db
    .insertInto('document_issuers')
    .values(inserted.map((r) => ({ document_id: r.id, org_id: r.org_id })))
    .execute();
  return inserted.map((r) => r.id);
}
