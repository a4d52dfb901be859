/**
 * The complaints register (投诉、举报登记), pure rules.
 *
 * 条例第五十一条: citizens, legal persons or other organisations who find that an agency infringed their
 * lawful rights in disclosure work may complain or report to the agency one level up or to the GIO
 * authority (政府信息公开工作主管部门); Art. 47(2): the authority verifies it and orders a correction or
 * criticises. The regulation sets no period for the answer: the platform's default of 15 working days is a
 * setting (DERIVED: the usual period of local rules for 政务公开 complaints; docs/law/ogi-regulation.md).
 *
 * States: 已登记 (received) → 已交办 (assigned to an agency or person) → 已答复 (answered, with its date)
 * → 已办结 (closed). An answer may be given without assigning first (the office answers itself).
 */

export const COMPLAINT_KINDS = ['complaint', 'report'] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];
export const COMPLAINT_KIND_LABELS: Record<ComplaintKind, string> = { complaint: '投诉', report: '举报' };

export const COMPLAINT_CHANNELS = ['letter', 'phone', 'online', 'in-person'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export const COMPLAINT_CHANNEL_LABELS: Record<ComplaintChannel, string> = {
  letter: '来信',
  phone: '来电',
  online: '网上',
  'in-person': '当面',
};

export const COMPLAINT_STATES = ['received', 'assigned', 'answered', 'closed'] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];
export const COMPLAINT_STATE_LABELS: Record<ComplaintState, string> = {
  received: '已登记',
  assigned: '已交办',
  answered: '已答复',
  closed: '已办结',
};

export const COMPLAINT_STEPS = ['assign', 'answer', 'close'] as const;
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number];
export const COMPLAINT_STEP_LABELS: Record<ComplaintStep, string> = {
  assign: '交办',
  answer: '答复',
  close: '办结',
};

const FROM: Record<ComplaintStep, readonly ComplaintState[]> = {
  // Reassigning (another agency or person) is allowed until answered.
  assign: ['received', 'assigned'],
  answer: ['received', 'assigned'],
  close: ['answered'],
};
const TO: Record<ComplaintStep, ComplaintState> = { assign: 'assigned', answer: 'answered', close: 'closed' };

/** The state after `step`, or null when the step is not allowed in `state`. */
export function nextComplaintState(state: ComplaintState, step: ComplaintStep): ComplaintState | null {
  return FROM[step].includes(state) ? TO[step] : null;
}

/** Still waiting for its answer (the due date matters). */
export const awaitsAnswer = (state: ComplaintState): boolean => state === 'received' || state === 'assigned';

/** Overdue: not answered and today is after the due date (the due day itself is not overdue). */
export function isComplaintOverdue(state: ComplaintState, dueOn: string, today: string): boolean {
  return awaitsAnswer(state) && today > dueOn;
}

export const DEFAULT_ANSWER_WORKING_DAYS = 15;

/** Counts for the report's narrative: complaints and reports received in the year, and answered. */
export type ComplaintCounts = { complaints: number; reports: number; answered: number };

export function countComplaints(
  rows: readonly { kind: ComplaintKind; state: ComplaintState }[],
): ComplaintCounts {
  return {
    complaints: rows.filter((r) => r.kind === 'complaint').length,
    reports: rows.filter((r) => r.kind === 'report').length,
    answered: rows.filter((r) => r.state === 'answered' || r.state === 'closed').length,
  };
}

/** The sentence of section 六 (其他需要报告的事项) the narrative is pre-filled with. */
export function complaintsSentence(year: number, c: ComplaintCounts): string {
  const total = c.complaints + c.reports;
  if (total === 0) return `${year}年，未收到涉及政府信息公开工作的投诉、举报。`;
  return `${year}年，共收到涉及政府信息公开工作的投诉${c.complaints}件、举报${c.reports}件，已答复${c.answered}件。`;
}
