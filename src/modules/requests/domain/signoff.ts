/**
 * 答复的审核签发 (sign-off chain of a reply). Pure rules: which steps an agency's chain has, which step a
 * draft waits for, who may act on it, and the draft's history as the case log tells it.
 *
 * 《中华人民共和国政府信息公开条例》第四十五条 行政机关应当建立健全政府信息公开申请登记、审核、办理、答复、
 *   归档的工作制度，加强工作规范。
 *
 * The reply is drafted by the handler (承办人拟稿: outcome, ground, text), reviewed by the agency's disclosure
 * office (公开办审核) and signed by its head (负责人签发); an agency may drop the review, or both steps (the
 * handler's reply then goes out at once, as before this rule). Each step approves or returns the draft with
 * a comment for the drafter. Only the signature makes the reply: the letter is made and the case becomes
 * 已答复 then, with who signed and when (DERIVED from Art. 45 and the practice of 发文审核签发).
 */
import type { Role } from '../../../platform/roles.ts';

/** The steps after drafting, in order. */
export const SIGNOFF_STEPS = ['review', 'sign'] as const;
export type SignoffStep = (typeof SIGNOFF_STEPS)[number];

export const SIGNOFF_STEP_LABELS: Readonly<Record<SignoffStep, string>> = {
  review: '公开办审核',
  sign: '负责人签发',
};

/** An agency's chain: the full chain, without the review, or none (the handler replies directly). */
export const SIGNOFF_CHAINS = ['full', 'sign-only', 'none'] as const;
export type SignoffChain = (typeof SIGNOFF_CHAINS)[number];

export const SIGNOFF_CHAIN_STEPS: Readonly<Record<SignoffChain, readonly SignoffStep[]>> = {
  full: ['review', 'sign'],
  'sign-only': ['sign'],
  none: [],
};

export const SIGNOFF_CHAIN_LABELS: Readonly<Record<SignoffChain, string>> = {
  full: '承办人拟稿 → 公开办审核 → 负责人签发',
  'sign-only': '承办人拟稿 → 负责人签发（不经公开办审核）',
  none: '承办人直接答复（不经审核签发）',
};

/**
 * The chain of an agency without a saved setting: the full chain of Art. 45. An agency created at any time
 * (a new department in 机构管理 or an import, the demo's, a test's) has it until its office shortens it; no
 * row is written when an agency is created, the missing row is read as this default (signoff.ts chainOf).
 */
export const DEFAULT_SIGNOFF_CHAIN: SignoffChain = 'full';

export function isSignoffChain(value: unknown): value is SignoffChain {
  return typeof value === 'string' && (SIGNOFF_CHAINS as readonly string[]).includes(value);
}

export function isSignoffStep(value: unknown): value is SignoffStep {
  return typeof value === 'string' && (SIGNOFF_STEPS as readonly string[]).includes(value);
}

/** A draft waiting for sign-off, as the case log leaves it. */
export interface PendingDraft {
  /** The steps still to take, the first one next (never empty while the draft waits). */
  pending: SignoffStep[];
  /** Who drafted it (null: unknown, e.g. the system). */
  drafterId: number | null;
}

/** The draft after `step` approved it: the next step, or null when that was the last (the reply goes out). */
export function afterApproval(draft: PendingDraft): PendingDraft | null {
  const rest = draft.pending.slice(1);
  return rest.length === 0 ? null : { ...draft, pending: rest };
}

/** Whether the handler's reply may go out without sign-off: only under an agency's chain 'none'. */
export function directReplyAllowed(chain: SignoffChain): boolean {
  return SIGNOFF_CHAIN_STEPS[chain].length === 0;
}

/** Who acts on a step: the person, and their relation to the case's agency. */
export interface SignoffActor {
  id: number;
  role: Role;
  /** The person acts as disclosure office (`office`) or its head (`approver`) for the case's agency. */
  actsForAgency: boolean;
}

/**
 * Whether `actor` may approve or return the draft at `step`: 公开办审核 by the agency's disclosure office,
 * 负责人签发 by the head of the agency's disclosure office (the `approver` acting for it, as for 延期,
 * 条例第三十三条). Nobody approves their own draft (the review is someone else's look).
 */
export function mayActOnStep(actor: SignoffActor, step: SignoffStep, drafterId: number | null): boolean {
  if (!actor.actsForAgency) return false;
  if (drafterId !== null && actor.id === drafterId) return false;
  return step === 'review' ? actor.role === 'office' : actor.role === 'approver';
}

/** One entry of a draft's history (from the case log). */
export type SignoffEntry =
  | { type: 'draft'; on: string; actorId: number | null; steps: SignoffStep[] }
  | { type: 'approve'; on: string; actorId: number | null; step: SignoffStep; comment: string | null }
  | { type: 'return'; on: string; actorId: number | null; step: SignoffStep; comment: string }
  | { type: 'sign'; on: string; actorId: number | null };

export interface LoggedSignoffEvent {
  type: string;
  on: string;
  actorId: number | null;
  data: Record<string, unknown>;
}

/** What the console shows of the sign-off of a case: the current draft and the last return's comment. */
export interface SignoffView {
  /** The draft waiting, or null. */
  draft: {
    on: string;
    drafterId: number | null;
    outcome: string;
    groundCode: string | null;
    text: string;
    steps: SignoffStep[];
    pending: SignoffStep;
  } | null;
  /** The latest return of a draft not yet followed by a new draft (shown to the drafter), or null. */
  returned: { on: string; actorId: number | null; step: SignoffStep; comment: string } | null;
  /** Every sign-off entry, oldest first. */
  history: SignoffEntry[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The sign-off of a case read from its log (events in order). */
export function signoffView(events: readonly LoggedSignoffEvent[]): SignoffView {
  let draft: SignoffView['draft'] = null;
  let returned: SignoffView['returned'] = null;
  const history: SignoffEntry[] = [];
  for (const e of events) {
    if (e.type === 'draft-reply') {
      const steps = (Array.isArray(e.data.steps) ? e.data.steps : []).filter(isSignoffStep);
      draft = {
        on: e.on,
        drafterId: e.actorId,
        outcome: str(e.data.outcome),
        groundCode: typeof e.data.groundCode === 'string' ? e.data.groundCode : null,
        text: str(e.data.text),
        steps,
        pending: steps[0] ?? 'sign',
      };
      returned = null;
      history.push({ type: 'draft', on: e.on, actorId: e.actorId, steps });
    } else if (e.type === 'review-draft' && draft) {
      history.push({
        type: 'approve',
        on: e.on,
        actorId: e.actorId,
        step: 'review',
        comment: str(e.data.comment) || null,
      });
      const current: NonNullable<SignoffView['draft']> = draft;
      const next: SignoffStep | undefined = current.steps[current.steps.indexOf(current.pending) + 1];
      if (next) draft = { ...current, pending: next };
    } else if (e.type === 'return-draft' && draft) {
      const step = draft.pending;
      returned = { on: e.on, actorId: e.actorId, step, comment: str(e.data.comment) };
      history.push({ type: 'return', on: e.on, actorId: e.actorId, step, comment: returned.comment });
      draft = null;
    } else if (e.type === 'reply') {
      if (draft) history.push({ type: 'sign', on: e.on, actorId: e.actorId });
      draft = null;
      returned = null;
    } else if (e.type === 'reopen' || e.type === 'transfer') {
      draft = null;
    }
  }
  return { draft, returned, history };
}

export type SignoffAction = 'reply' | 'draft-reply' | 'review-draft' | 'return-draft';

export function isSignoffAction(action: string): action is SignoffAction {
  return (
    action === 'reply' || action === 'draft-reply' || action === 'review-draft' || action === 'return-draft'
  );
}

/** What decides who may take a reply step on a case. */
export interface SignoffContext {
  actor: SignoffActor;
  /** The person may handle the case's reply (the case policy's `reply`: its office, the unit's handlers). */
  mayReply: boolean;
  chain: SignoffChain;
  draft: PendingDraft | null;
}

/**
 * Whether the person may take the reply step now: draft under a chain (its drafters), approve or return at
 * the step the draft waits for (`mayActOnStep`), sign the draft (the sign step), or reply directly (only
 * without a chain, and with no draft waiting).
 */
export function signoffPermits(action: SignoffAction, c: SignoffContext): boolean {
  const step = c.draft?.pending[0] ?? null;
  const drafterId = c.draft?.drafterId ?? null;
  switch (action) {
    case 'draft-reply':
      return c.mayReply && !directReplyAllowed(c.chain) && c.draft === null;
    case 'reply':
      return step === null
        ? c.mayReply && directReplyAllowed(c.chain)
        : step === 'sign' && mayActOnStep(c.actor, 'sign', drafterId);
    case 'review-draft':
      return step === 'review' && mayActOnStep(c.actor, 'review', drafterId);
    case 'return-draft':
      return step !== null && mayActOnStep(c.actor, step, drafterId);
  }
}
