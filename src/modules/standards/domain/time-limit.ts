/**
 * 公开时限 as catalogues write it, read into what the platform can check. Pure.
 *
 * - A periodic limit (每月、每季度、每半年、每年/年度, "每年3月底前") is an update period: the item's column
 *   is stale when nothing was published in it for longer than the period.
 * - An event-driven limit ("信息形成或者变更之日起20个工作日内", "7日内", 实时) cannot be checked without
 *   knowing when the information was formed: the platform flags the item only when its column has never
 *   been updated, and says so.
 * - 长期/常态 (standing information): the same.
 */
export type TimeLimit =
  | { kind: 'periodic'; days: number; label: string }
  | { kind: 'event'; label: string }
  | { kind: 'unknown'; label: string };

const PERIODS: readonly [RegExp, number, string][] = [
  [/每(个)?月|按月|月度/, 31, '每月'],
  [/每(个)?季度?|按季|季度/, 92, '每季度'],
  [/每半年|半年度?/, 183, '每半年'],
  [/每年|按年|年度|年初|年底|年末|年内|上年/, 366, '每年'],
];

export function parseTimeLimit(text: string): TimeLimit {
  const t = text.replace(/\s+/g, '');
  if (t === '') return { kind: 'unknown', label: '未写明公开时限' };
  // An event-driven limit wins over a periodic word in the same sentence ("年度预算批准后20日内").
  const wd = /(\d+)个?工作日/.exec(t);
  if (wd) return { kind: 'event', label: `信息形成或变更后${wd[1]}个工作日内` };
  const d = /(\d+)[日天]内/.exec(t);
  if (d) return { kind: 'event', label: `信息形成或变更后${d[1]}日内` };
  if (/实时|即时|及时|随时|动态/.test(t)) return { kind: 'event', label: '信息形成或变更后及时公开' };
  for (const [re, days, label] of PERIODS) if (re.test(t)) return { kind: 'periodic', days, label };
  if (/长期|常态/.test(t)) return { kind: 'event', label: '长期公开' };
  return { kind: 'unknown', label: '时限无法识别，请人工核对' };
}

export type Freshness = {
  /** The link that fulfils the item: a statutory column, a portal page, or none. */
  linked: boolean;
  /** The date the fulfilling content was last updated (column's last publication or the staff's check). */
  lastUpdated: string | null;
  /** Due date of the next update (periodic limits only). */
  dueOn: string | null;
  stale: boolean;
  /** Why it is stale (null when fresh): PROBLEM_LABELS names it. */
  problem: Problem | null;
};

export const PROBLEMS = ['unlinked', 'empty', 'overdue'] as const;
export type Problem = (typeof PROBLEMS)[number];
export const PROBLEM_LABELS: Record<Problem, string> = {
  unlinked: '未关联公开栏目或页面',
  empty: '关联栏目尚无公开内容',
  overdue: '超期未更新',
};

const DAY_MS = 86_400_000;
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/**
 * Whether an item of the catalogue is kept up to date: not linked → 未关联栏目; never updated → 栏目无内容;
 * periodic and last updated more than the period before `today` → 超期未更新. Updated on D with a period of
 * P days, due on D+P, stale from D+P+1 (as the statutory columns).
 */
export function freshness(
  limit: TimeLimit,
  linked: boolean,
  lastUpdated: string | null,
  today: string,
): Freshness {
  if (!linked) return { linked, lastUpdated, dueOn: null, stale: true, problem: 'unlinked' };
  if (lastUpdated === null) return { linked, lastUpdated, dueOn: null, stale: true, problem: 'empty' };
  if (limit.kind !== 'periodic') return { linked, lastUpdated, dueOn: null, stale: false, problem: null };
  const dueOn = addDays(lastUpdated, limit.days);
  const stale = dueOn < today;
  return { linked, lastUpdated, dueOn, stale, problem: stale ? 'overdue' : null };
}
