/**
 * 一企一档: the reference lists of an enterprise profile. Pure data.
 * - 行业: 国民经济行业分类 GB/T 4754-2017, its 20 门类 (A–T).
 * - 规模: 大型、中型、小型、微型 (《中小企业划型标准规定》, 工信部联企业〔2011〕300号).
 * - 资质: the designations policies most often ask for.
 */

export const INDUSTRY_SECTIONS = {
  A: '农、林、牧、渔业',
  B: '采矿业',
  C: '制造业',
  D: '电力、热力、燃气及水生产和供应业',
  E: '建筑业',
  F: '批发和零售业',
  G: '交通运输、仓储和邮政业',
  H: '住宿和餐饮业',
  I: '信息传输、软件和信息技术服务业',
  J: '金融业',
  K: '房地产业',
  L: '租赁和商务服务业',
  M: '科学研究和技术服务业',
  N: '水利、环境和公共设施管理业',
  O: '居民服务、修理和其他服务业',
  P: '教育',
  Q: '卫生和社会工作',
  R: '文化、体育和娱乐业',
  S: '公共管理、社会保障和社会组织',
  T: '国际组织',
} as const;
export type Industry = keyof typeof INDUSTRY_SECTIONS;
export const INDUSTRIES = Object.keys(INDUSTRY_SECTIONS) as [Industry, ...Industry[]];

export const SIZES = ['large', 'medium', 'small', 'micro'] as const;
export type Size = (typeof SIZES)[number];
export const SIZE_LABELS: Readonly<Record<Size, string>> = {
  large: '大型',
  medium: '中型',
  small: '小型',
  micro: '微型',
};

export const QUALIFICATIONS = [
  'high_tech',
  'tech_sme',
  'innovative_sme',
  'specialized',
  'little_giant',
] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];
export const QUALIFICATION_LABELS: Readonly<Record<Qualification, string>> = {
  high_tech: '高新技术企业',
  tech_sme: '科技型中小企业',
  innovative_sme: '创新型中小企业',
  specialized: '专精特新中小企业',
  little_giant: '专精特新“小巨人”企业',
};

/** A list as people type it (tags, numbers): split at commas, semicolons, 顿号 and spaces. */
export function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[,，;；、\s]+/u)
    .map((x) => x.trim())
    .filter(Boolean);
}

export const industryLabel = (c: Industry) => `${INDUSTRY_SECTIONS[c]}（${c}）`;

/** A label back to its key (imports and forms accept either), null when it is neither. */
export function industryFrom(text: string): Industry | null {
  const t = text.trim();
  const up = t.toUpperCase();
  if (up in INDUSTRY_SECTIONS) return up as Industry;
  const m = /^([A-T])\b|（([A-T])）$/.exec(up);
  const code = (m?.[1] ?? m?.[2]) as Industry | undefined;
  if (code) return code;
  return INDUSTRIES.find((k) => INDUSTRY_SECTIONS[k] === t) ?? null;
}
export function sizeFrom(text: string): Size | null {
  const t = text.trim().replace(/企业$/, '');
  return SIZES.find((s) => s === t || SIZE_LABELS[s] === t || SIZE_LABELS[s] === `${t}型`) ?? null;
}
export function qualificationFrom(text: string): Qualification | null {
  const t = text.trim().replace(/["“”]/g, '');
  return QUALIFICATIONS.find((q) => q === t || QUALIFICATION_LABELS[q].replace(/[“”]/g, '') === t) ?? null;
}

/** What the matcher and the SQL filter read of an enterprise. */
export type Profile = {
  industry: Industry;
  size: Size;
  regionId: number;
  foundedOn: string;
  /** 注册资本，万元; null when unknown. */
  capital: number | null;
  qualifications: readonly Qualification[];
  tags: readonly string[];
};
