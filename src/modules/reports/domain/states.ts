/**
 * The life of an annual report record: 草稿 → 已报送 (figures frozen; checks must pass) → 已审核 (accepted by
 * the GIO authority, or returned to 草稿) → 已公开 (条例第四十九条: submitted by 31 January, published).
 */
export const REPORT_STATES = ['draft', 'submitted', 'accepted', 'published'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

export const REPORT_STATE_LABELS: Record<ReportState | 'none', string> = {
  none: '未起草',
  draft: '草稿',
  submitted: '已报送',
  accepted: '已审核',
  published: '已公开',
};

export const TRANSITIONS = ['submit', 'accept', 'return', 'publish'] as const;
export type Transition = (typeof TRANSITIONS)[number];

export const TRANSITION_LABELS: Record<Transition, string> = {
  submit: '报送',
  accept: '审核通过',
  return: '退回',
  publish: '公开',
};

const FROM: Record<Transition, ReportState> = {
  submit: 'draft',
  accept: 'submitted',
  return: 'submitted',
  publish: 'accepted',
};
const TO: Record<Transition, ReportState> = {
  submit: 'submitted',
  accept: 'accepted',
  return: 'draft',
  publish: 'published',
};

/** The state after `t`, or null when `t` is not allowed from `state`. */
export function nextState(state: ReportState, t: Transition): ReportState | null {
  return FROM[t] === state ? TO[t] : null;
}

/** Whether the figures and texts may still change (only a draft). */
export const isEditable = (state: ReportState): boolean => state === 'draft';
