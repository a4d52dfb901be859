/**
 * Demo data of 政策问答: a small 政策问答库 of reviewed pairs on the two 济宁 plans of the demo library,
 * published, and the passage index built. The demo registry records the rows (every table with an id),
 * so `gongkai demo remove` deletes them.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { SeedReport } from '../../platform/module.ts';
import { searchTokens } from '../../platform/search/fulltext.ts';
import { now } from '../../platform/time.ts';
import { listPublicDocumentTexts } from '../documents/index.ts';
import { listOrgs } from '../orgs/index.ts';
import { seedRoutingDemo } from './routing.seeds.ts';
import { refreshIndex } from './service.ts';

type Seed = { year: 2021 | 2022; org: string; q: string; a: string; clause: string; topics: string[] };

const PAIRS: Seed[] = [
  {
    year: 2022,
    org: '市财政局',
    q: '减税降费政策在哪里能查到？',
    a: '按照2022年任务分解表，各县（市、区）政府和市财政局、市税务局负责系统集成、智能推送已出台的减税降费政策，2022年10月底前完成并长期坚持；可在政府网站政策专栏查询。',
    clause: '一、（三）抓好减税降费信息公开',
    topics: ['减税降费', '财政'],
  },
  {
    year: 2021,
    org: '市财政局',
    q: '部门预算决算要公开吗？',
    a: '要公开。2021年任务分解表要求稳步扩大预决算公开范围，推进部门所属单位预算、决算及相关报表公开，牵头单位为市财政局。',
    clause: '一、（二）着眼畅通经济循环推进政务公开',
    topics: ['预决算', '财政'],
  },
  {
    year: 2022,
    org: '市住房城乡建设局',
    q: '保障性租赁住房的政策和分配情况去哪里看？',
    a: '市住房城乡建设局和各县（市、区）政府负责主动公开保障性租赁住房政策和解读、城镇保障性安居工程建设计划及住房分配情况，全年持续公开。',
    clause: '一、（八）高质量做好民生保障信息公开',
    topics: ['住房', '民生保障'],
  },
  {
    year: 2022,
    org: '市民政局',
    q: '养老服务补贴政策在哪里发布？',
    a: '市民政局和各县（市、区）政府通过多种渠道发布养老保障、养老服务、养老机构、养老设施等相关补贴政策。',
    clause: '一、（八）高质量做好民生保障信息公开',
    topics: ['养老', '民生保障'],
  },
  {
    year: 2022,
    org: '市教育局',
    q: '义务教育和学前教育的信息公开由谁负责？',
    a: '由市教育局和各县（市、区）政府负责，做好义务教育、学前教育、特殊教育、职业教育、高等教育等方面的信息公开，全年持续。',
    clause: '一、（八）高质量做好民生保障信息公开',
    topics: ['教育'],
  },
  {
    year: 2022,
    org: '市政府办公室',
    q: '政府开放日活动怎么参加？',
    a: '各级各部门常态化开展政府开放日活动，活动信息在政府网站发布；收集到的意见建议会定期分析研究，吸收采纳情况向社会公开。',
    clause: '二、（十）推进行政决策公开透明',
    topics: ['公众参与'],
  },
  {
    year: 2022,
    org: '市政府办公室',
    q: '申请政府信息公开后多久能答复？',
    a: '依申请公开按照《中华人民共和国政府信息公开条例》规定的期限答复；任务分解表要求强化服务理念，加强与申请人的沟通，提高答复的及时性和针对性。',
    clause: '四、（十四）规范开展政府信息主动公开和依申请公开工作',
    topics: ['依申请公开'],
  },
  {
    year: 2022,
    org: '市人力资源社会保障局',
    q: '就业创业扶持政策在哪里看？',
    a: '市人力资源社会保障局和各县（市、区）政府负责做好重点群体就业创业政策服务信息公开，加强政策宣讲和推送，全年持续。',
    clause: '一、（八）高质量做好民生保障信息公开',
    topics: ['就业', '民生保障'],
  },
  {
    year: 2022,
    org: '市政府办公室',
    q: '政府公报在哪里可以看到？',
    a: '市、县级政府办公室持续做好政府公报工作，统一刊登本级政府规章和规范性文件，并提供网络查阅；档案馆、图书馆也设有政府信息公开查阅点。',
    clause: '四、（十五）加强公开平台建设',
    topics: ['政府公报'],
  },
  {
    year: 2022,
    org: '市卫生健康委',
    q: '疫情防控的流调信息会公开个人隐私吗？',
    a: '不会。任务分解表要求进一步规范流调信息发布和管理，保护好个人隐私，避免对当事人正常生活产生不良影响，2022年6月底前完成并长期坚持。',
    clause: '一、（七）精细化做好疫情防控信息公开',
    topics: ['疫情防控'],
  },
];

export async function seedQaDemo(db: Kysely<Database>): Promise<SeedReport> {
  if (await db.selectFrom('qa_pairs').select('id').limit(1).executeTakeFirst()) return [];
  const report = await seedPairs(db);
  return report.length === 0 ? [] : [...report, ...(await seedRoutingDemo(db))];
}

async function seedPairs(db: Kysely<Database>): Promise<SeedReport> {
  const docs = await listPublicDocumentTexts(db);
  const plan = (year: number) =>
    docs.find((d) => d.inForce && d.title.includes(`${year}年济宁市政务公开工作任务分解表`));
  const orgs = new Map((await listOrgs(db)).map((o) => [o.name, o.id]));
  const at = now();
  let n = 0;
  for (const p of PAIRS) {
    const doc = plan(p.year);
    const orgId = orgs.get(p.org) ?? orgs.get('市政府办公室');
    if (!doc || orgId === undefined) continue;
    await db
      .insertInto('qa_pairs')
      .values({
        org_id: orgId,
        question: p.q,
        answer: p.a,
        document_id: doc.id,
        clause: p.clause,
        topics: p.topics,
        status: 'published',
        question_terms: [...searchTokens(p.q), ...p.topics.flatMap((t) => searchTokens(t))],
        answer_terms: searchTokens(p.a),
        submitted_at: at,
        published_at: at,
        updated_at: at,
      })
      .execute();
    n++;
  }
  if (docs.length === 0) return [];
  const r = await refreshIndex(db);
  return [`政策问答：问答库 ${n} 条，索引 ${r.documents} 件文件、${r.passages} 段`];
}
