/**
 * Relevance: for each query, the documents a person typing it is looking for must be among the
 * first three results, over the fixture library (the three source work plans plus ~45 documents).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDb } from '../../../../test/helpers/db.ts';
import type { DbHandle } from '../../../platform/db/client.ts';
import { seedDemoOrgs } from '../../orgs/index.ts';
import { insertFixtureLibrary } from './fixtures.ts';
import { searchDocuments } from './service.ts';

/** Query → fixture keys that must all be in the top 3 (the first one listed must be first when `first`). */
const CASES: { q: string; top3: string[]; first?: boolean }[] = [
  { q: '济政办字〔2021〕18号', top3: ['jining2021'], first: true },
  { q: '济政办字[2021]18号', top3: ['jining2021'], first: true },
  { q: '济政办字(2022)12号', top3: ['jining2022'], first: true },
  { q: '济政发〔2023〕5号', top3: ['business-env'], first: true },
  { q: '2021年政务公开工作任务分解表', top3: ['jining2021'], first: true },
  { q: '2022年政务公开任务分解', top3: ['jining2022'], first: true },
  { q: '莱芜区政务公开工作要点', top3: ['laiwu2021'], first: true },
  { q: '政务公开工作要点', top3: ['laiwu2021', 'county-plan'] },
  { q: '集中供热管理办法', top3: ['heating'], first: true },
  { q: '供暖', top3: ['heating', 'heating-price'] },
  { q: '供热价格', top3: ['heating-price'], first: true },
  { q: '发改委', top3: ['heating-price'], first: true },
  { q: '优化营商环境', top3: ['business-env'], first: true },
  { q: '企业开办', top3: ['enterprise-start', 'business-env'] },
  { q: '一网通办', top3: ['enterprise-start'], first: true },
  { q: '义务教育招生入学', top3: ['school-zoning'], first: true },
  { q: '学区划分', top3: ['zoucheng-school', 'school-zoning'] },
  { q: '双减', top3: ['double-reduction'], first: true },
  { q: '校外培训负担', top3: ['double-reduction'], first: true },
  { q: '人社局 高校毕业生', top3: ['employment'], first: true },
  { q: '高校毕业生就业', top3: ['employment'], first: true },
  { q: '城乡居民养老保险', top3: ['pension'], first: true },
  { q: '养老服务', top3: ['elderly-care'], first: true },
  { q: '住建局 老旧小区改造', top3: ['housing-renovation'], first: true },
  { q: '公租房', top3: ['public-rental'], first: true },
  { q: '市场监管局 食品安全抽检', top3: ['market-food'], first: true },
  { q: '双随机一公开', top3: ['market-double-random'], first: true },
  { q: '食品安全事故应急预案', top3: ['food-safety-emergency'], first: true },
  { q: '大气污染防治', top3: ['air-pollution'], first: true },
  { q: '扬尘', top3: ['air-pollution'], first: true },
  { q: '河长制', top3: ['river-chief'], first: true },
  { q: '乡村振兴 高标准农田', top3: ['rural-revival'], first: true },
  { q: '财政预算公开', top3: ['budget-2024'], first: true },
  { q: '专项债券', top3: ['special-bonds'], first: true },
  { q: '政府采购', top3: ['procurement'], first: true },
  { q: '征地补偿标准', top3: ['land-expropriation'], first: true },
  { q: '房屋征收补偿', top3: ['house-expropriation'], first: true },
  { q: '安全生产大排查', top3: ['safety-production'], first: true },
  { q: '医保局 缴费标准', top3: ['medical-insurance'], first: true },
  { q: '12345热线', top3: ['hotline'], first: true },
  { q: '疫情防控', top3: ['epidemic'], first: true },
  { q: 'covid-19', top3: ['epidemic'], first: true },
  { q: '信息公开指南', top3: ['open-guide'], first: true },
  { q: '政府信息公开年度报告', top3: ['annual-report'], first: true },
  { q: '减税降费 小微企业', top3: ['tax-cut'], first: true },
  { q: '电子证照', top3: ['data-sharing'], first: true },
  { q: '文旅局 消费', top3: ['tourism'], first: true },
  { q: '退役军人就业', top3: ['veterans'], first: true },
  { q: '审计工作报告', top3: ['audit'], first: true },
  { q: '招商引资奖励', top3: ['invest'], first: true },
  { q: '分布式光伏', top3: ['energy'], first: true },
  { q: '临时摊点', top3: ['street-vendors'], first: true },
  { q: '公交线路调整', top3: ['traffic'], first: true },
  { q: '社区卫生服务中心 批复', top3: ['reply'], first: true },
  { q: '卫健委', top3: ['epidemic'], first: true },
  { q: '市教育局', top3: ['school-zoning', 'double-reduction'] },
  { q: '红星小区', top3: ['housing-renovation'], first: true },
  { q: '采暖期 室温', top3: ['heating'], first: true },
];

let h: DbHandle;
let ids: Map<string, number>;

before(async () => {
  h = await createTestDb();
  await seedDemoOrgs(h.db);
  ids = await insertFixtureLibrary(h.db);
});
after(() => h.close());

test(`${CASES.length} queries find the documents they are looking for in the top 3`, async () => {
  assert.ok(CASES.length >= 30);
  const byId = new Map([...ids].map(([k, v]) => [v, k]));
  const failures: string[] = [];
  for (const c of CASES) {
    const r = await searchDocuments(h.db, { q: c.q, limit: 3 });
    const got = r.results.map((x) => byId.get(x.id) ?? String(x.id));
    const missing = c.top3.filter((k) => !got.includes(k));
    if (missing.length > 0) failures.push(`${c.q}: missing ${missing.join(', ')} in [${got.join(', ')}]`);
    else if (c.first && got[0] !== c.top3[0])
      failures.push(`${c.q}: ${c.top3[0]} not first in [${got.join(', ')}]`);
  }
  assert.deepEqual(failures, []);
});
