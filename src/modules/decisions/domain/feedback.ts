/**
 * Feedback on the comments (意见采纳情况). Pure.
 *
 * - 713 Art. 18: the comments are summarised and studied, reasonable ones adopted; Art. 32: for decisions
 *   of general concern the adoption of public opinions is explained. REQUIREMENTS D3 (local practice):
 *   publish what was collected, what was adopted and why concentrated opinions were not.
 * - Each comment or group of copies gets 采纳 / 部分采纳 / 未采纳; a partial or refused adoption states why.
 * - When: within N working days after the period closed — a local policy, not a statutory rule
 *   (REGULATIONS §4: no source for "10 working days"), hence a setting with 10 by default.
 */
export const FEEDBACKS = ['adopted', 'partly', 'rejected'] as const;
export type Feedback = (typeof FEEDBACKS)[number];
export const FEEDBACK_LABELS: Record<Feedback, string> = {
  adopted: '采纳',
  partly: '部分采纳',
  rejected: '未采纳',
};
export const DEFAULT_FEEDBACK_WORKING_DAYS = 10;
export const MAX_REASON_CHARS = 1000;

export function checkFeedback(
  feedback: Feedback,
  reason: string | null | undefined,
): { ok: true; reason: string | null } | { ok: false; message: string } {
  const r = reason?.trim() || null;
  if (feedback !== 'adopted' && r === null)
    return { ok: false, message: `“${FEEDBACK_LABELS[feedback]}”须说明理由，理由将在采纳情况反馈中公开` };
  if (r !== null && [...r].length > MAX_REASON_CHARS)
    return { ok: false, message: `理由不能超过${MAX_REASON_CHARS}字` };
  return { ok: true, reason: r };
}

/** The day the feedback report is due: the N-th working day after the last day of the period. */
export function feedbackDue(
  closesOn: string,
  workingDays: number,
  cal: { addWorkingDays(start: string, n: number): string },
): string {
  return cal.addWorkingDays(closesOn, workingDays);
}

/** Overdue: the period is over, the report not published, and today is after the due day. */
export function feedbackOverdue(o: { due: string; published: boolean; today: string }): boolean {
  return !o.published && o.today > o.due;
}
