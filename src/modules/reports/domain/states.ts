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

// ── 更正: a published report is corrected only by a new version that keeps the old one visible ──

/** What the correction rule needs of a version of an agency's year. */
export type VersionFacts = { id: number; version: number; state: ReportState; superseded: boolean };

/**
 * Why a correction may not start now, or null when it may: only a published report is corrected, and
 * only one correction is open at a time (the versions of one agency and year, any order).
 */
export function correctionRefusal(versions: readonly VersionFacts[]): 'not_published' | 'open' | null {
  if (versions.some((v) => v.state !== 'published')) {
    return versions.some((v) => v.state === 'published') ? 'open' : 'not_published';
  }
  return versions.length ? null : 'not_published';
}

/**
 * The version shown for an agency and year (portal list, board, summaries): the newest published one not
 * superseded; before anything is published, the newest version (the draft in progress).
 */
export function currentVersion<T extends VersionFacts>(versions: readonly T[]): T | undefined {
  const newest = (xs: readonly T[]) =>
    xs.reduce<T | undefined>((a, v) => (!a || v.version > a.version ? v : a), undefined);
  return newest(versions.filter((v) => v.state === 'published' && !v.superseded)) ?? newest(versions);
}
