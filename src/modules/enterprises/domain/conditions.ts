/**
 * 政策找人: the eligibility conditions of a policy, clause by clause, and the matcher that explains each
 * one. Every condition present must hold (AND); a list condition holds when the enterprise has any of
 * the listed values (OR within it). `store.ts` `conditionsFilter` is the same rule in SQL for bulk
 * matching; `conditions.db.test.ts` holds the two to the same table of cases. Pure.
 */
import {
  type Industry,
  industryLabel,
  type Profile,
  QUALIFICATION_LABELS,
  type Qualification,
  SIZE_LABELS,
  type Size,
} from './profile.ts';

export type Conditions = {
  industries?: Industry[];
  sizes?: Size[];
  regionIds?: number[];
  /** Founded before this day (成立于…之前). */
  foundedBefore?: string;
  /** Founded on or after this day (成立于…以后，如“成立不满三年”). */
  foundedFrom?: string;
  /** 注册资本不低于 (万元). */
  capitalMin?: number;
  /** 注册资本不高于 (万元). */
  capitalMax?: number;
  qualifications?: Qualification[];
  tags?: string[];
};

export const CONDITION_KEYS = [
  'industries',
  'sizes',
  'regionIds',
  'foundedBefore',
  'foundedFrom',
  'capitalMin',
  'capitalMax',
  'qualifications',
  'tags',
] as const satisfies readonly (keyof Conditions)[];
export type ConditionKey = (typeof CONDITION_KEYS)[number];

export const CONDITION_LABELS: Readonly<Record<ConditionKey, string>> = {
  industries: '所属行业',
  sizes: '企业规模',
  regionIds: '所在地区',
  foundedBefore: '成立时间',
  foundedFrom: '成立时间',
  capitalMin: '注册资本',
  capitalMax: '注册资本',
  qualifications: '企业资质',
  tags: '企业标签',
};

export type ConditionResult = { key: ConditionKey; label: string; passed: boolean; text: string };
export type Match = { matched: boolean; results: ConditionResult[] };

/** 2026-03-05 → 2026年3月5日 (pure; the calendar module formats the same way). */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}

const list = (xs: readonly string[]) => xs.join('、');
const wan = (n: number) => `${Number(n.toFixed(2))}万元`;

/** Checks every condition present; `regionName` names an organisation id in the explanation. */
export function matchPolicy(p: Profile, c: Conditions, regionName: (id: number) => string): Match {
  const results: ConditionResult[] = [];
  const add = (key: ConditionKey, passed: boolean, text: string) =>
    results.push({ key, label: CONDITION_LABELS[key], passed, text });
  if (c.industries?.length) {
    const ok = c.industries.includes(p.industry);
    add(
      'industries',
      ok,
      `要求属于${list(c.industries.map(industryLabel))}；本企业属于${industryLabel(p.industry)}`,
    );
  }
  if (c.sizes?.length)
    add(
      'sizes',
      c.sizes.includes(p.size),
      `要求为${list(c.sizes.map((s) => `${SIZE_LABELS[s]}企业`))}；本企业为${SIZE_LABELS[p.size]}企业`,
    );
  if (c.regionIds?.length)
    add(
      'regionIds',
      c.regionIds.includes(p.regionId),
      `要求位于${list(c.regionIds.map(regionName))}；本企业位于${regionName(p.regionId)}`,
    );
  if (c.foundedBefore)
    add(
      'foundedBefore',
      p.foundedOn < c.foundedBefore,
      `要求在${chineseDate(c.foundedBefore)}以前成立；本企业成立于${chineseDate(p.foundedOn)}`,
    );
  if (c.foundedFrom)
    add(
      'foundedFrom',
      p.foundedOn >= c.foundedFrom,
      `要求在${chineseDate(c.foundedFrom)}以后（含当日）成立；本企业成立于${chineseDate(p.foundedOn)}`,
    );
  const capital = p.capital === null ? '本企业未登记注册资本' : `本企业注册资本${wan(p.capital)}`;
  if (c.capitalMin !== undefined)
    add(
      'capitalMin',
      p.capital !== null && p.capital >= c.capitalMin,
      `要求注册资本不低于${wan(c.capitalMin)}；${capital}`,
    );
  if (c.capitalMax !== undefined)
    add(
      'capitalMax',
      p.capital !== null && p.capital <= c.capitalMax,
      `要求注册资本不高于${wan(c.capitalMax)}；${capital}`,
    );
  if (c.qualifications?.length) {
    const has = p.qualifications.filter((q) => c.qualifications?.includes(q));
    add(
      'qualifications',
      has.length > 0,
      `要求具有${list(c.qualifications.map((q) => QUALIFICATION_LABELS[q]))}之一；${
        has.length > 0
          ? `本企业为${list(has.map((q) => QUALIFICATION_LABELS[q]))}`
          : p.qualifications.length > 0
            ? `本企业的资质为${list(p.qualifications.map((q) => QUALIFICATION_LABELS[q]))}`
            : '本企业未登记相关资质'
      }`,
    );
  }
  if (c.tags?.length) {
    const has = p.tags.filter((t) => c.tags?.includes(t));
    add(
      'tags',
      has.length > 0,
      `要求带有标签${list(c.tags.map((t) => `“${t}”`))}之一；${
        has.length > 0 ? `本企业带有${list(has.map((t) => `“${t}”`))}` : '本企业没有这些标签'
      }`,
    );
  }
  return { matched: results.every((r) => r.passed), results };
}

/** A condition set with no condition at all would match every enterprise: refused when saved. */
export function isEmpty(c: Conditions): boolean {
  return CONDITION_KEYS.every((k) => {
    const v = c[k];
    return v === undefined || (Array.isArray(v) && v.length === 0);
  });
}

/** Contradictions a department should fix before saving (Chinese), none when consistent. */
export function conditionProblems(c: Conditions): string[] {
  const out: string[] = [];
  if (isEmpty(c)) out.push('请至少设置一项申报条件');
  if (c.foundedBefore && c.foundedFrom && c.foundedFrom >= c.foundedBefore)
    out.push('成立时间的起始日期应早于截止日期');
  if (c.capitalMin !== undefined && c.capitalMax !== undefined && c.capitalMin > c.capitalMax)
    out.push('注册资本的下限不能高于上限');
  return out;
}
