/**
 * 答复的审核签发 around a case (domain/signoff.ts has the rules): each agency's chain (read and saved), who may
 * take a reply step on a case now, the notices of a waiting step, and the sign-off as the case detail shows it.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { createNotifications } from '../notifications/index.ts';
import { activeUsers, loadReceiving, orgNames, userDisplayNames } from '../orgs/index.ts';
import { kaseOf, loadCaseActor, recipientActor, refusal, type StaffActor } from './case-actor.ts';
import { releasedDocumentsOf, releasedFilesOf } from './domain/case-files.ts';
import { type CaseActor, can } from './domain/policies.ts';
import {
  DEFAULT_SIGNOFF_CHAIN,
  isSignoffChain,
  mayActOnStep,
  type PendingDraft,
  SIGNOFF_CHAIN_LABELS,
  SIGNOFF_CHAIN_STEPS,
  SIGNOFF_CHAINS,
  SIGNOFF_STEP_LABELS,
  type SignoffAction,
  type SignoffActor,
  type SignoffChain,
  type SignoffStep,
  signoffPermits,
  signoffView,
} from './domain/signoff.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

/** The chain of `orgId`'s replies: its saved setting, else the default. */
export async function chainOf(db: Db, orgId: number): Promise<SignoffChain> {
  const saved = (await store.signoffChains(db, [orgId])).get(orgId);
  return isSignoffChain(saved) ? saved : DEFAULT_SIGNOFF_CHAIN;
}

export function signoffActor(a: CaseActor, orgId: number): SignoffActor {
  return { id: a.id, role: a.role, actsForAgency: a.agencyIds.includes(orgId) };
}

/** Whether `a` may take the reply step `action` on the case now (domain/signoff.ts signoffPermits). */
export function permits(
  a: CaseActor,
  action: SignoffAction,
  row: store.RequestRow,
  chain: SignoffChain,
  draft: PendingDraft | null,
): boolean {
  return signoffPermits(action, {
    actor: signoffActor(a, row.org_id),
    mayReply: can(a, 'reply', kaseOf(row)),
    chain,
    draft,
  });
}

/**
 * The refusal of a reply step the person may not take: under a chain, the direct reply asks for a draft;
 * a step of someone else's says whose it is; anything else is the case policy's refusal.
 */
export function signoffRefusal(
  a: CaseActor,
  action: SignoffAction,
  row: store.RequestRow,
  chain: SignoffChain,
  draft: PendingDraft | null,
): AppError {
  const kase = kaseOf(row);
  if (!can(a, 'view', kase)) return new AppError('NOT_FOUND');
  if (action === 'reply' && draft === null && can(a, 'reply', kase)) {
    return new AppError('SIGNOFF_REQUIRED', { chain: SIGNOFF_CHAIN_LABELS[chain] });
  }
  if (action === 'draft-reply' && can(a, 'reply', kase)) return new AppError('SIGNOFF_NOT_CONFIGURED');
  const step = draft?.pending[0];
  if (step) return new AppError('SIGNOFF_NOT_YOURS', { step: SIGNOFF_STEP_LABELS[step] });
  return refusal(a, kase);
}

/** Tells those who take `step` that a draft waits for them, with the reply deadline. */
export async function noticeStep(tx: Db, row: store.RequestRow, step: SignoffStep, drafterId: number | null) {
  const receiving = await loadReceiving(tx);
  const users = await activeUsers(tx, { roles: [step === 'review' ? 'office' : 'approver'] });
  const ids = users
    .filter((u) => mayActOnStep(signoffActor(recipientActor(u, receiving), row.org_id), step, drafterId))
    .map((u) => u.id);
  const caseNo = row.case_no ?? `#${row.id}`;
  await createNotifications(
    tx,
    ids.map((userId) => ({
      userId,
      kind: 'request.signoff-pending',
      subjectType: 'request',
      subjectId: String(row.id),
      title: `申请${caseNo}的答复草稿待${SIGNOFF_STEP_LABELS[step]}`,
      body: `申请${caseNo}（${row.subject}）的答复草稿等待${SIGNOFF_STEP_LABELS[step]}${row.reply_due ? `，答复期限为${row.reply_due}` : ''}。`,
      dueOn: row.reply_due,
    })),
  );
}

/** Tells the drafter that the draft came back, with the comment. */
export async function noticeReturn(tx: Db, row: store.RequestRow, drafterId: number | null, comment: string) {
  if (drafterId === null) return;
  const caseNo = row.case_no ?? `#${row.id}`;
  await createNotifications(tx, [
    {
      userId: drafterId,
      kind: 'request.draft-returned',
      subjectType: 'request',
      subjectId: String(row.id),
      title: `申请${caseNo}的答复草稿被退回修改`,
      body: `修改意见：${comment}`,
      dueOn: row.reply_due,
    },
  ]);
}

/** What the draft waiting releases (the last draft-reply's files and documents). */
function draftReleased(events: readonly store.RequestEventRow[]) {
  const data = events.findLast((e) => e.type === 'draft-reply')?.data ?? {};
  return { releasedFiles: releasedFilesOf(data), releasedDocuments: releasedDocumentsOf(data) };
}

/** The sign-off as the case detail shows it: the chain, the waiting draft, the last return, the signature. */
export async function signoffDetail(db: Db, events: readonly store.RequestEventRow[], chain: SignoffChain) {
  const view = signoffView(
    events.map((e) => ({ type: e.type, on: e.on_date, actorId: e.actor_id, data: e.data })),
  );
  const reply = [...events].reverse().find((e) => e.type === 'reply');
  const signed =
    reply && typeof reply.data.signedById === 'number'
      ? {
          on: reply.on_date,
          signerName: typeof reply.data.signedByName === 'string' ? reply.data.signedByName : null,
          orgName: typeof reply.data.signedForOrgName === 'string' ? reply.data.signedForOrgName : null,
        }
      : null;
  const ids = [view.draft?.drafterId, view.returned?.actorId].filter(
    (x): x is number => typeof x === 'number',
  );
  const names = ids.length > 0 ? await userDisplayNames(db, ids) : new Map<number, string>();
  return {
    chain,
    chainLabel: SIGNOFF_CHAIN_LABELS[chain],
    steps: SIGNOFF_CHAIN_STEPS[chain].map((step) => ({ step, label: SIGNOFF_STEP_LABELS[step] })),
    draft: view.draft && {
      on: view.draft.on,
      drafterId: view.draft.drafterId,
      drafterName: view.draft.drafterId === null ? null : (names.get(view.draft.drafterId) ?? null),
      outcome: view.draft.outcome,
      groundCode: view.draft.groundCode,
      text: view.draft.text,
      pending: view.draft.pending,
      pendingLabel: SIGNOFF_STEP_LABELS[view.draft.pending],
      ...draftReleased(events),
    },
    returned: view.returned && {
      on: view.returned.on,
      actorName: view.returned.actorId === null ? null : (names.get(view.returned.actorId) ?? null),
      step: view.returned.step,
      stepLabel: SIGNOFF_STEP_LABELS[view.returned.step],
      comment: view.returned.comment,
    },
    signed,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The agencies' chains (系统管理 → 答复审核签发)

/** Who sets an agency's chain: those who edit its letters (its office, its administrator). */
async function editableAgencies(db: Db, a: StaffActor): Promise<{ id: number; name: string }[]> {
  const { orgs } = await loadReceiving(db);
  return orgs
    .filter((o) => o.accepts_requests && !o.disabled && can(a, 'edit-letter-templates', { orgId: o.id }))
    .map((o) => ({ id: o.id, name: o.name }));
}

/** The agencies some active 负责人 signs for (mayActOnStep 'sign'): a chain with 签发 needs one. */
async function agenciesWithSigner(db: Db): Promise<Set<number>> {
  const receiving = await loadReceiving(db);
  const approvers = await activeUsers(db, { roles: ['approver'] });
  return new Set(approvers.flatMap((u) => recipientActor(u, receiving).agencyIds));
}

function chainView(
  org: { id: number; name: string },
  saved: string | undefined,
  signers: ReadonlySet<number>,
) {
  const chain = isSignoffChain(saved) ? saved : DEFAULT_SIGNOFF_CHAIN;
  return {
    /** The chain has 负责人签发 but nobody signs for the agency: its drafts would wait for ever. */
    signerMissing: SIGNOFF_CHAIN_STEPS[chain].includes('sign') && !signers.has(org.id),
    orgId: org.id,
    orgName: org.name,
    chain,
    chainLabel: SIGNOFF_CHAIN_LABELS[chain],
    steps: SIGNOFF_CHAIN_STEPS[chain].map((step) => ({ step, label: SIGNOFF_STEP_LABELS[step] })),
    saved: isSignoffChain(saved),
  };
}

export async function listChains(db: Db, actor: Actor) {
  const agencies = await editableAgencies(db, await loadCaseActor(db, actor));
  const saved = await store.signoffChains(
    db,
    agencies.map((o) => o.id),
  );
  const signers = await agenciesWithSigner(db);
  return {
    items: agencies.map((o) => chainView(o, saved.get(o.id), signers)),
    chains: SIGNOFF_CHAINS.map((code) => ({ code, label: SIGNOFF_CHAIN_LABELS[code] })),
  };
}

export async function saveChain(db: Db, actor: Actor, orgId: number, chain: SignoffChain) {
  const a = await loadCaseActor(db, actor);
  const agency = (await editableAgencies(db, a)).find((o) => o.id === orgId);
  if (!agency) throw new AppError('FORBIDDEN');
  return inTransaction(db, async (tx) => {
    const before = (await store.signoffChains(tx, [orgId])).get(orgId) ?? null;
    await store.saveSignoffChain(tx, { orgId, chain, updatedBy: actor.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'request.signoff_chain_update',
      subjectType: 'org',
      subjectId: orgId,
      before: { chain: before },
      after: { chain },
    });
    const names = await orgNames(tx, [orgId]);
    return chainView(
      { id: orgId, name: names.get(orgId) ?? agency.name },
      chain,
      await agenciesWithSigner(tx),
    );
  });
}
