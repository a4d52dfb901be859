/**
 * Demo data of 政策找人: a dozen enterprise profiles across the city's districts and counties, the
 * conditions of four demo policies (企业开办, 就业创业补贴, 科技创新平台, 优化营商环境), two of them pushed
 * (one partly applied and granted, one granted without application), and the 企业开办 policy package.
 */
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import type { SeedReport } from '../../platform/module.ts';
import { now } from '../../platform/time.ts';
import { listPublicDocumentTexts } from '../documents/index.ts';
import { listOrgs } from '../orgs/index.ts';
import type { Conditions } from './domain/conditions.ts';
import { creditCodeCheckChar } from './domain/credit-code.ts';
import type { Industry, Qualification, Size } from './domain/profile.ts';
import * as store from './store.ts';

type SeedEnterprise = {
  stem: string;
  name: string;
  industry: Industry;
  size: Size;
  region: string;
  capital: number | null;
  founded: string;
  qualifications: Qualification[];
  tags: string[];
  email: string | null;
};

/** A real-format code: 9 (工商) 1 (企业), the region, a made-up body and its GB 32100 check character. */
const codeOf = (stem: string) => `${stem}${creditCodeCheckChar(stem)}`;

export const DEMO_ENTERPRISES: SeedEnterprise[] = [
  {
    stem: '91370800MA3C4X5Y1',
    name: '济宁鲁科智能装备有限公司',
    industry: 'C',
    size: 'small',
    region: '任城区人民政府',
    capital: 1200,
    founded: '2018-04-16',
    qualifications: ['high_tech', 'specialized'],
    tags: ['智能制造'],
    email: 'hr@lukezhineng.example.cn',
  },
  {
    stem: '91370811MA3D2K7P4',
    name: '济宁云启软件科技有限公司',
    industry: 'I',
    size: 'micro',
    region: '任城区人民政府',
    capital: 100,
    founded: '2023-03-02',
    qualifications: ['tech_sme'],
    tags: ['软件', '初创'],
    email: 'contact@yunqi.example.cn',
  },
  {
    stem: '91370881MA3F8R2N6',
    name: '曲阜孔府家纺织品有限公司',
    industry: 'C',
    size: 'medium',
    region: '曲阜市人民政府',
    capital: 5000,
    founded: '2009-11-20',
    qualifications: [],
    tags: ['纺织'],
    email: 'office@kfjf.example.cn',
  },
  {
    stem: '91370883MA3H1T9W2',
    name: '邹城华源新材料股份有限公司',
    industry: 'C',
    size: 'large',
    region: '邹城市人民政府',
    capital: 32000,
    founded: '2006-06-08',
    qualifications: ['high_tech', 'little_giant'],
    tags: ['新材料'],
    email: null,
  },
  {
    stem: '91370812MA3J5L3Q8',
    name: '兖州运河物流有限公司',
    industry: 'G',
    size: 'small',
    region: '兖州区人民政府',
    capital: 800,
    founded: '2016-09-12',
    qualifications: [],
    tags: ['物流'],
    email: 'yh-logistics@example.cn',
  },
  {
    stem: '91370800MA3K6M4U0',
    name: '济宁惠民家政服务有限公司',
    industry: 'O',
    size: 'micro',
    region: '任城区人民政府',
    capital: 50,
    founded: '2024-02-26',
    qualifications: [],
    tags: ['家政', '初创'],
    email: 'huimin@example.cn',
  },
  {
    stem: '91370881MA3L7N5X3',
    name: '曲阜尼山文旅发展有限公司',
    industry: 'R',
    size: 'medium',
    region: '曲阜市人民政府',
    capital: 3000,
    founded: '2015-05-18',
    qualifications: [],
    tags: ['文旅'],
    email: 'nishan@example.cn',
  },
  {
    stem: '91370883MA3M8P6Y5',
    name: '邹城绿野生态农业专业合作社',
    industry: 'A',
    size: 'micro',
    region: '邹城市人民政府',
    capital: 30,
    founded: '2020-07-01',
    qualifications: [],
    tags: ['农业'],
    email: null,
  },
  {
    stem: '91370800MA3N9Q7R7',
    name: '济宁精测检验检测技术有限公司',
    industry: 'M',
    size: 'small',
    region: '任城区人民政府',
    capital: 600,
    founded: '2019-12-09',
    qualifications: ['high_tech', 'tech_sme', 'innovative_sme'],
    tags: ['检验检测'],
    email: 'jingce@example.cn',
  },
  {
    stem: '91370812MA3P1R8T9',
    name: '兖州兴业建筑工程有限公司',
    industry: 'E',
    size: 'medium',
    region: '兖州区人民政府',
    capital: 8000,
    founded: '2011-03-15',
    qualifications: [],
    tags: ['建筑'],
    email: 'xingye@example.cn',
  },
  {
    stem: '91370811MA3Q2T9W1',
    name: '济宁好食光餐饮管理有限公司',
    industry: 'H',
    size: 'micro',
    region: '任城区人民政府',
    capital: 20,
    founded: '2025-06-20',
    qualifications: [],
    tags: ['餐饮', '初创'],
    email: 'haoshiguang@example.cn',
  },
  {
    stem: '91370881MA3R3U1X4',
    name: '曲阜圣源医疗器械有限公司',
    industry: 'C',
    size: 'small',
    region: '曲阜市人民政府',
    capital: 2000,
    founded: '2017-08-30',
    qualifications: ['specialized'],
    tags: ['医疗器械'],
    email: 'shengyuan@example.cn',
  },
];

type PolicySeed = {
  keyword: string;
  conditions: (regions: Map<string, number>) => Conditions;
  automatic: boolean;
  push: boolean;
};

const POLICIES: PolicySeed[] = [
  {
    keyword: '企业开办',
    conditions: () => ({ foundedFrom: '2023-01-01', sizes: ['small', 'micro'] }),
    automatic: true,
    push: true,
  },
  {
    keyword: '就业创业补贴',
    conditions: () => ({ sizes: ['medium', 'small', 'micro'], industries: ['C', 'G', 'H', 'O'] }),
    automatic: false,
    push: true,
  },
  {
    keyword: '科技创新平台',
    conditions: () => ({
      qualifications: ['high_tech', 'tech_sme', 'specialized', 'little_giant'],
      foundedBefore: '2024-01-01',
    }),
    automatic: false,
    push: false,
  },
  {
    keyword: '优化营商环境',
    conditions: (r) => ({
      regionIds: ['任城区人民政府', '兖州区人民政府'].flatMap((n) => (r.has(n) ? [r.get(n) as number] : [])),
      capitalMin: 100,
    }),
    automatic: false,
    push: false,
  },
];

export async function seedEnterprisesDemo(db: Kysely<Database>): Promise<SeedReport> {
  if (await db.selectFrom('enterprises').select('id').limit(1).executeTakeFirst()) return [];
  const orgs = await listOrgs(db);
  const regions = new Map(orgs.filter((o) => o.kind !== 'department').map((o) => [o.name, o.id]));
  const root = orgs.find((o) => o.parent_id === null);
  if (!root) return [];
  const at = now();
  for (const e of DEMO_ENTERPRISES)
    await db
      .insertInto('enterprises')
      .values({
        credit_code: codeOf(e.stem),
        name: e.name,
        industry: e.industry,
        size: e.size,
        region_id: regions.get(e.region) ?? root.id,
        registered_capital: e.capital,
        founded_on: e.founded,
        qualifications: e.qualifications,
        tags: e.tags,
        phone: null,
        email: e.email,
        source: 'staff',
        updated_at: at,
      })
      .execute();
  const docs = (await listPublicDocumentTexts(db)).filter((d) => d.inForce);
  const issuer = new Map(
    (
      await db
        .selectFrom('documents')
        .select(['id', 'org_id'])
        .where('id', 'in', docs.length ? docs.map((d) => d.id) : [0])
        .execute()
    ).map((d) => [d.id, d.org_id]),
  );
  let policies = 0;
  let pushes = 0;
  const pushed: number[] = [];
  for (const p of POLICIES) {
    const doc = docs.find((d) => d.title.includes(p.keyword));
    const orgId = doc ? issuer.get(doc.id) : undefined;
    if (!doc || orgId === undefined) continue;
    const conditions = p.conditions(regions);
    await store.upsertConditions(db, {
      document_id: doc.id,
      org_id: orgId,
      conditions,
      automatic: p.automatic,
      updated_by: null,
      updated_at: at,
    });
    policies++;
    if (!p.push) continue;
    const created = await store.insertPushes(db, { documentId: doc.id, orgId, conditions, at, by: null });
    pushes += created.length;
    pushed.push(doc.id);
  }
  // The funnel's later steps: the first push of 企业开办 granted without application (免申即享), one
  // enterprise of 就业创业补贴 applied and granted, another applied.
  const [startup, jobs] = pushed;
  if (startup !== undefined) {
    const first = await db
      .selectFrom('policy_pushes')
      .select('id')
      .where('document_id', '=', startup)
      .orderBy('id')
      .executeTakeFirst();
    if (first)
      await db
        .updateTable('policy_pushes')
        .set({ opened_at: at, granted_at: at, without_application: true })
        .where('id', '=', first.id)
        .execute();
  }
  if (jobs !== undefined) {
    const rows = await db
      .selectFrom('policy_pushes')
      .select('id')
      .where('document_id', '=', jobs)
      .orderBy('id')
      .limit(2)
      .execute();
    if (rows[0])
      await db
        .updateTable('policy_pushes')
        .set({ opened_at: at, applied_at: at, granted_at: at })
        .where('id', '=', rows[0].id)
        .execute();
    if (rows[1])
      await db
        .updateTable('policy_pushes')
        .set({ opened_at: at, applied_at: at })
        .where('id', '=', rows[1].id)
        .execute();
  }
  const startupDocs = docs
    .filter((d) => d.title.includes('企业开办'))
    .slice(0, 5)
    .map((d) => d.id);
  const pairs = await db
    .selectFrom('qa_pairs')
    .select('id')
    .where('status', '=', 'published')
    .where(sql<SqlBool>`${'就业'} = any(topics)`)
    .execute();
  if (startupDocs.length > 0) {
    const pk = await db
      .insertInto('policy_packages')
      .values({
        theme: '企业开办',
        title: '企业开办一件事政策包',
        summary: '企业设立登记、证照办理、开办补贴等政策文件和常见问题，一次看全。',
        published: true,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await store.replacePackageItems(db, pk.id, [
      ...startupDocs.map((refId) => ({ kind: 'document' as const, refId })),
      ...pairs.map((p) => ({ kind: 'qa_pair' as const, refId: p.id })),
    ]);
  }
  return [
    `政策找人：企业档案 ${DEMO_ENTERPRISES.length} 户，设置申报条件的政策 ${policies} 项，推送 ${pushes} 户次`,
  ];
}
