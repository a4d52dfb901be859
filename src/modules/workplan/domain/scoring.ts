/**
 * 考核 scoring (pure): rules, periods, per-unit scores and the ranking.
 *
 * For one period [start, end] and `asOf` (the day the scores are computed), each unit's score is
 *   base + min(bonus, bonusCap) − min(penalty, penaltyCap)
 * where
 *   bonus   = onTimePoints × (assignments due in the period, finished — accepted 已完成/长期坚持 — on or
 *             before the due date)
 *           + evidencePoints × (progress reports accepted in the period, up to `asOf`, that carry
 *             evidence: links or files)
 *   penalty = overduePenalty × (assignments due in the period, before `asOf`, that were not
 *             finished by their due date: still open, or finished late)
 *           + returnedPenalty × (progress reports returned in the period).
 * A cap of null means no cap. Scores are rounded to two decimals.
 * Ranking: by score descending; equal scores share a rank (1, 1, 3); ties listed by unit name.
 */
import { daysInMonth } from '../../calendar/domain/dates.ts';

export type ScoreRules = {
  base: number;
  onTimePoints: number;
  evidencePoints: number;
  overduePenalty: number;
  returnedPenalty: number;
  bonusCap: number | null;
  penaltyCap: number | null;
};

export const DEFAULT_RULES: ScoreRules = {
  base: 100,
  onTimePoints: 2,
  evidencePoints: 1,
  overduePenalty: 3,
  returnedPenalty: 1,
  bonusCap: 20,
  penaltyCap: 40,
};

export const PERIOD_KINDS = ['monthly', 'midyear', 'annual'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const PERIOD_LABELS: Record<PeriodKind, string> = { monthly: '月度', midyear: '半年', annual: '年度' };

export type Period = { kind: PeriodKind; start: string; end: string; label: string };

const pad = (n: number) => String(n).padStart(2, '0');

/** The standard date range of a period: a month (1–12), the first half-year, or the whole year. */
export function periodOf(kind: PeriodKind, year: number, month?: number): Period {
  if (kind === 'monthly') {
    if (month === undefined || !Number.isInteger(month) || month < 1 || month > 12)
      throw new RangeError('monthly period needs a month 1–12');
    return {
      kind,
      start: `${year}-${pad(month)}-01`,
      end: `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`,
      label: `${year}年${month}月`,
    };
  }
  if (kind === 'midyear')
    return { kind, start: `${year}-01-01`, end: `${year}-06-30`, label: `${year}年上半年` };
  return { kind, start: `${year}-01-01`, end: `${year}-12-31`, label: `${year}年度` };
}

export type UnitAssignment = {
  due: string | null;
  status: string;
  reviewState: string;
  /** Date (YYYY-MM-DD, China) the office accepted the assignment's last report; null: not accepted. */
  acceptedOn: string | null;
};

export type UnitReport = {
  decision: 'accepted' | 'returned' | null;
  /** Date (YYYY-MM-DD, China) of the review. */
  reviewedOn: string | null;
  hasEvidence: boolean;
};

export type UnitRecords = {
  orgId: number;
  orgName: string;
  assignments: readonly UnitAssignment[];
  reports: readonly UnitReport[];
};

export type UnitScore = {
  orgId: number;
  orgName: string;
  onTime: number;
  evidence: number;
  overdue: number;
  returned: number;
  bonus: number;
  penalty: number;
  score: number;
};

export type RankedScore = UnitScore & { rank: number };

const within = (d: string | null, start: string, end: string): d is string =>
  d !== null && d >= start && d <= end;
const round2 = (n: number) => Math.round(n * 100) / 100;
const finished = (a: UnitAssignment) =>
  a.reviewState === 'accepted' && (a.status === 'done' || a.status === 'ongoing') && a.acceptedOn !== null;

export function scoreUnit(rules: ScoreRules, period: Period, asOf: string, u: UnitRecords): UnitScore {
  const cutoff = asOf < period.end ? asOf : period.end;
  let onTime = 0;
  let overdue = 0;
  for (const a of u.assignments) {
    if (!within(a.due, period.start, period.end)) continue;
    const accepted = finished(a) ? (a.acceptedOn as string) : null;
    if (accepted !== null && accepted <= asOf && accepted <= a.due) onTime++;
    else if (a.due < asOf) overdue++;
  }
  let evidence = 0;
  let returned = 0;
  for (const r of u.reports) {
    if (!within(r.reviewedOn, period.start, cutoff)) continue;
    if (r.decision === 'accepted' && r.hasEvidence) evidence++;
    if (r.decision === 'returned') returned++;
  }
  const rawBonus = onTime * rules.onTimePoints + evidence * rules.evidencePoints;
  const rawPenalty = overdue * rules.overduePenalty + returned * rules.returnedPenalty;
  const bonus = round2(rules.bonusCap === null ? rawBonus : Math.min(rawBonus, rules.bonusCap));
  const penalty = round2(rules.penaltyCap === null ? rawPenalty : Math.min(rawPenalty, rules.penaltyCap));
  return {
    orgId: u.orgId,
    orgName: u.orgName,
    onTime,
    evidence,
    overdue,
    returned,
    bonus,
    penalty,
    score: round2(rules.base + bonus - penalty),
  };
}

/** Scores, best first; equal scores share the rank (standard competition ranking). */
export function rank(scores: readonly UnitScore[]): RankedScore[] {
  const sorted = [...scores].sort(
    (a, b) => b.score - a.score || a.orgName.localeCompare(b.orgName, 'zh-CN') || a.orgId - b.orgId,
  );
  const out: RankedScore[] = [];
  sorted.forEach((s, i) => {
    const prev = out[i - 1];
    out.push({ ...s, rank: prev && prev.score === s.score ? prev.rank : i + 1 });
  });
  return out;
}

export function computeRanking(
  rules: ScoreRules,
  period: Period,
  asOf: string,
  units: readonly UnitRecords[],
): RankedScore[] {
  return rank(units.map((u) => scoreUnit(rules, period, asOf, u)));
}

/** Rule values that make no sense, as Chinese messages (empty: fine). */
export function checkRules(r: ScoreRules): string[] {
  const errors: string[] = [];
  const nonNeg: [keyof ScoreRules, string][] = [
    ['onTimePoints', '按时完成加分'],
    ['evidencePoints', '佐证材料加分'],
    ['overduePenalty', '逾期扣分'],
    ['returnedPenalty', '退回扣分'],
    ['bonusCap', '加分上限'],
    ['penaltyCap', '扣分上限'],
  ];
  for (const [k, label] of nonNeg) {
    const v = r[k];
    if (v !== null && (!Number.isFinite(v) || v < 0)) errors.push(`${label}不能为负数`);
  }
  if (!Number.isFinite(r.base) || r.base < 0) errors.push('基础分不能为负数');
  return errors;
}

export const ASSESSMENT_STATES = ['draft', 'submitted', 'approved', 'published'] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];
export const ASSESSMENT_STATE_LABELS: Record<AssessmentState, string> = {
  draft: '草稿',
  submitted: '待审批',
  approved: '已审批',
  published: '已发布',
};

export const ASSESSMENT_ACTIONS = ['recompute', 'submit', 'approve', 'return', 'publish'] as const;
export type AssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

/** The state an action leads to, or null when it is not allowed in `state`. */
export function nextState(state: AssessmentState, action: AssessmentAction): AssessmentState | null {
  switch (action) {
    case 'recompute':
      return state === 'draft' ? 'draft' : null;
    case 'submit':
      return state === 'draft' ? 'submitted' : null;
    case 'approve':
      return state === 'submitted' ? 'approved' : null;
    case 'return':
      return state === 'submitted' || state === 'approved' ? 'draft' : null;
    case 'publish':
      return state === 'approved' ? 'published' : null;
  }
}
