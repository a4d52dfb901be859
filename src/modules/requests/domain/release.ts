/**
 * 转主动公开 (条例第四十四条, docs/law/ogi-regulation.md Art. 44): information several applicants asked for
 * and that may be disclosed can be published proactively. The queue's statuses and which outcomes qualify.
 */
import type { OutcomeCode } from './outcomes.ts';

export const RELEASE_STATUSES = ['pending', 'published', 'rejected'] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];
export const RELEASE_STATUS_LABELS: Readonly<Record<ReleaseStatus, string>> = {
  pending: '待决定',
  published: '已转主动公开',
  rejected: '不予转入',
};

/** Outcomes whose information went to the applicant and so may be published for everyone. */
export const RELEASABLE_OUTCOMES: readonly OutcomeCode[] = ['DISCLOSE', 'PARTIAL'];
