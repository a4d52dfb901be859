/**
 * The statutory steps of a major administrative decision and the rule for moving it to 已决策. Pure:
 * the calendar is a parameter.
 *
 * 《重大行政决策程序暂行条例》 (REGULATIONS §4):
 * - Art. 14–15 公众参与: the public is heard before the decision (required, DERIVED: the catalogue holds
 *   matters of public concern; matters not to be disclosed stay out of the public catalogue).
 * - Art. 16–17 听证, Art. 19–21 专家论证, Art. 22–24 风险评估: required when the catalogue item plans them.
 * - Art. 25–26 合法性审查: mandatory before the collective discussion; its time "一般不少于7个工作日"
 *   (counted from the day after it was submitted, 民法典 Art. 201, to the day it ended).
 * - Art. 30 集体讨论决定: the decision itself, at the 常务会议 or 全体会议, after the legality review.
 * - Art. 32 公布, Art. 34–37 执行和评估: after the decision (recorded, not required to decide).
 */
export const STEPS = [
  'participation',
  'hearing',
  'expert',
  'risk',
  'legality',
  'collective',
  'publication',
  'implementation',
] as const;
export type Step = (typeof STEPS)[number];

export const STEP_LABELS: Record<Step, string> = {
  participation: '公众参与',
  hearing: '听证',
  expert: '专家论证',
  risk: '风险评估',
  legality: '合法性审查',
  collective: '集体讨论决定',
  publication: '决策公布',
  implementation: '执行和评估',
};

export const STEP_ARTICLES: Record<Step, string> = {
  participation: '第十四条、第十五条',
  hearing: '第十六条、第十七条',
  expert: '第十九条至第二十一条',
  risk: '第二十二条至第二十四条',
  legality: '第二十五条、第二十六条',
  collective: '第三十条',
  publication: '第三十二条',
  implementation: '第三十四条至第三十七条',
};

export const MIN_LEGALITY_WORKING_DAYS = 7;

export type StepRecord = { step: Step; startedOn: string; finishedOn: string | null };
export type ItemPlan = { hearingPlanned: boolean; riskPlanned: boolean; expertPlanned: boolean };

/** The steps a decision needs before it is decided, in their order. */
export function requiredSteps(plan: ItemPlan): Step[] {
  return STEPS.filter(
    (s) =>
      s === 'participation' ||
      s === 'legality' ||
      s === 'collective' ||
      (s === 'hearing' && plan.hearingPlanned) ||
      (s === 'expert' && plan.expertPlanned) ||
      (s === 'risk' && plan.riskPlanned),
  );
}

/** Whether the decision may be recorded as 已决策; otherwise each missing or faulty step, named. */
export function checkDecide(
  plan: ItemPlan,
  steps: readonly StepRecord[],
  cal: { countWorkingDays(fromExclusive: string, toInclusive: string): number },
): { ok: true; decidedOn: string } | { ok: false; problems: string[] } {
  const byStep = new Map(steps.map((s) => [s.step, s]));
  const problems: string[] = [];
  for (const s of requiredSteps(plan)) {
    const r = byStep.get(s);
    if (!r || r.finishedOn === null)
      problems.push(`尚未完成“${STEP_LABELS[s]}”（《重大行政决策程序暂行条例》${STEP_ARTICLES[s]}）`);
  }
  const legality = byStep.get('legality');
  const collective = byStep.get('collective');
  if (legality?.finishedOn) {
    const days = cal.countWorkingDays(legality.startedOn, legality.finishedOn);
    if (days < MIN_LEGALITY_WORKING_DAYS)
      problems.push(
        `合法性审查时间为${days}个工作日，一般不少于${MIN_LEGALITY_WORKING_DAYS}个工作日（第二十六条）`,
      );
    if (collective?.finishedOn && collective.finishedOn < legality.finishedOn)
      problems.push('集体讨论决定应在合法性审查之后（第二十五条）');
  }
  if (problems.length > 0 || !collective?.finishedOn) return { ok: false, problems };
  return { ok: true, decidedOn: collective.finishedOn };
}
