/**
 * The 50 representative queries of the search benchmarks (common and rare words, synonyms, exact 文号,
 * filters, no match), filters named by organisation name. The same as bench/search.bench.ts's list,
 * which bench/search-xapian.bench.ts checks on every run; search.bench.ts can import this one instead.
 */
export interface SearchQuery {
  q: string;
  /** Issuing organisation (a name of ORGS in search-corpus.ts). */
  org?: string;
  year?: number;
  genre?: string;
  validity?: 'valid';
}

export const SEARCH_QUERIES: readonly SearchQuery[] = [
  { q: '政务公开' },
  { q: '通知' },
  { q: '工作' },
  { q: '政务公开 工作要点' },
  { q: '优化营商环境' },
  { q: '企业开办 一网通办' },
  { q: '义务教育 招生入学' },
  { q: '学区划分' },
  { q: '集中供热' },
  { q: '供暖' },
  { q: '老旧小区改造' },
  { q: '养老服务' },
  { q: '城乡居民基本养老保险' },
  { q: '高校毕业生就业' },
  { q: '食品安全' },
  { q: '安全生产' },
  { q: '大气污染防治' },
  { q: '河长制' },
  { q: '乡村振兴 高标准农田' },
  { q: '财政预算' },
  { q: '专项债券' },
  { q: '政府采购' },
  { q: '土地征收 补偿' },
  { q: '房屋征收' },
  { q: '医疗保险 缴费' },
  { q: '12345热线' },
  { q: '疫情防控' },
  { q: '减税降费' },
  { q: '电子证照' },
  { q: '发改委' },
  { q: '人社局 就业' },
  { q: '住建局' },
  { q: '市场监管局 双随机一公开' },
  { q: '卫健委 社区卫生服务' },
  { q: '济政办字〔2021〕18号' },
  { q: '济教发[2019]7号' },
  { q: '济财字(2023)15号' },
  { q: '重大行政决策 公开' },
  { q: '政策解读 新闻发布会' },
  { q: '信息公开指南' },
  { q: '政务公开', year: 2021 },
  { q: '通知', org: '市教育局' },
  { q: '工作方案', genre: 'other' },
  { q: '政务公开', validity: 'valid', org: '济宁市人民政府' },
  { q: '燃气安全 隐患' },
  { q: '防汛抗旱' },
  { q: '森林防火 秸秆禁烧' },
  { q: '量子计算机' },
  { q: '政务公开工作任务分解表' },
  { q: '推进政务公开标准化规范化' },
];
