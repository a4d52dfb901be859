/**
 * The life of a curated question–answer pair (政策问答库): written as a draft by a department, submitted,
 * published by a reviewer; editing a published pair takes it back to draft. A pair follows the
 * validity of its document: when the document is no longer in force the pair is flagged and leaves the
 * portal until a reviewer publishes it again (linked to a document in force). Pure.
 */
export const PAIR_STATUSES = ['draft', 'submitted', 'published'] as const;
export type PairStatus = (typeof PAIR_STATUSES)[number];
export const PAIR_STATUS_LABELS: Readonly<Record<PairStatus, string>> = {
  draft: '草稿',
  submitted: '待审核',
  published: '已发布',
};

export type PairAction = 'edit' | 'submit' | 'approve' | 'return';

export type PairDecision = { ok: true; status: PairStatus } | { ok: false; reason: string };

/** What an action does to a pair in a status (its document in force or not). */
export function decide(action: PairAction, status: PairStatus, documentInForce: boolean): PairDecision {
  switch (action) {
    case 'edit':
      return { ok: true, status: 'draft' };
    case 'submit':
      if (status !== 'draft') return { ok: false, reason: '只有草稿可以提交审核。' };
      if (!documentInForce) return { ok: false, reason: '关联的文件已不再有效，请改为关联现行有效的文件。' };
      return { ok: true, status: 'submitted' };
    case 'approve':
      if (status !== 'submitted') return { ok: false, reason: '只有待审核的问答可以发布。' };
      if (!documentInForce) return { ok: false, reason: '关联的文件已不再有效，不能发布。' };
      return { ok: true, status: 'published' };
    case 'return':
      if (status !== 'submitted') return { ok: false, reason: '只有待审核的问答可以退回。' };
      return { ok: true, status: 'draft' };
  }
}

/** Whether the portal shows a pair: published, not flagged, its document in force. */
export function isShown(p: { status: PairStatus; flagged: boolean }, documentInForce: boolean): boolean {
  return p.status === 'published' && !p.flagged && documentInForce;
}

/** A published pair whose document left force is flagged (withdrawn until reviewed). */
export function needsFlag(p: { status: PairStatus; flagged: boolean }, documentInForce: boolean): boolean {
  return p.status === 'published' && !p.flagged && !documentInForce;
}
