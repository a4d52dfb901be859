/**
 * The 26 areas of 基层政务公开标准化规范化 (国办发〔2019〕54号 and the national guidelines that followed):
 * the 领域 each 政务公开事项标准目录 is written for. An office may add an area of its own; these are the
 * ones the console offers and the portal orders by.
 */
export const STANDARD_AREAS = [
  '重大建设项目',
  '公共资源交易',
  '财政预决算',
  '安全生产',
  '税收管理',
  '征地补偿',
  '国有土地上房屋征收',
  '农村危房改造',
  '城乡规划',
  '重大设施建设',
  '环境保护',
  '公共文化服务',
  '扶贫',
  '救灾',
  '食品药品监管',
  '城市综合执法',
  '就业',
  '社会救助',
  '养老服务',
  '户籍管理',
  '涉农补贴',
  '义务教育',
  '医疗卫生',
  '市场监管',
  '公共法律服务',
  '社会保险',
] as const;

/** Sort key of an area: the national order first, an office's own areas after, by name. */
export function areaOrder(area: string): number {
  const i = (STANDARD_AREAS as readonly string[]).indexOf(area);
  return i === -1 ? STANDARD_AREAS.length : i;
}

export const AUDIENCES = ['全社会', '特定群体'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const MANNERS = ['主动', '依申请'] as const;
export type Manner = (typeof MANNERS)[number];
