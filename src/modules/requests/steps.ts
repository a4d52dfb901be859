/**
 * The legal steps `service.act` takes, one small handler each (docs/requests.md "Actions"). `act` does what
 * every step shares — lock the case, authorize, fold the log through `decide`, keep the log's dates in
 * order, append the event, re-derive stage and deadline, make the letter, audit — and asks the step's
 * handler for what is its own: who may take it (when not the case policy), the event's data as checked and
 * completed, what it writes besides the event, and which columns of the case it sets.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import { createNotifications } from '../notifications/index.ts';
import { findOrg, loadReceiving, receivingUserIds } from '../orgs/index.ts';
import type { actionBody } from './api.schemas.ts';
import * as assistStore from './assistance.store.ts';
import { kaseOf, type StaffActor } from './case-actor.ts';
import { checkReleased } from './case-files.ts';
import { perItemMonthFee, perPageFee } from './domain/fees.ts';
import { validateOutcome } from './domain/outcomes.ts';
import { can } from './domain/policies.ts';
import { type PendingDraft, SIGNOFF_CHAIN_STEPS, type SignoffChain } from './domain/signoff.ts';
import { type Action, ASSIST_KINDS, foldState } from './domain/stages.ts';
import { transferRefusal } from './domain/transfer.ts';
import { chainOf, noticeReturn, noticeStep, permits, signoffRefusal } from './signoff.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

/** A staff action as POST /requests/:id/actions validated it (one schema per action). */
export type StaffAction = z.output<typeof actionBody>;

/** The applicant withdraws on the portal (条例 has no form for it; docs/requests.md `withdraw`). */
export type ApplicantWithdrawal = { action: 'withdraw'; on: string; by: 'applicant' };

/** The unit asked for assistance answers through its task (assistance.ts), with its own uploads. */
export type AssistReply = {
  action: 'assist-reply';
  on: string;
  assistanceId: string;
  text: string;
  fileIds: number[];
};

/**
 * A reconsideration decision or judgment recorded in the review register (reports) corrected the answer
 * and orders a new one: the register authorizes it; `on` is the decision's date (docs/requests.md).
 */
export type CaseReopening = { action: 'reopen'; on: string; reviewId: number; reason: string };

/** What `act` takes: one member per legal step, told apart by `action`. */
export type ActionInput = StaffAction | ApplicantWithdrawal | AssistReply | CaseReopening;

export type StepName = ActionInput['action'];

/** The event data of a step: its input without `action` and `on`. */
export type EventFields = Record<string, unknown>;

/** What a step sees once the case is locked. */
export interface StepContext {
  tx: Db;
  /** The person acting, or null for the applicant on the portal and the system (seeds, CLI). */
  actor: StaffActor | null;
  /** The case as locked, before the step. */
  before: store.RequestRow;
  on: string;
}

/** The columns of the case a step sets besides stage and deadline. */
export type CasePatch = Parameters<typeof store.updateDerived>[2];

export interface Step {
  /** Who may take it, when that is not the case policy's `can(actor, action, case)`. */
  authorize?(c: StepContext): Promise<void>;
  /** The event's data, checked and completed (after the stage rules and the date order). Default: as given. */
  data?(c: StepContext, fields: EventFields): EventFields | Promise<EventFields>;
  /** What the step writes besides the event, in the same transaction. */
  record?(c: StepContext, data: EventFields): Promise<void>;
  /** The columns of the case it sets. */
  patch?(data: EventFields): CasePatch;
}

const invalid = (path: string, message: string) => new AppError('VALIDATION_FAILED', {}, [{ path, message }]);

/** A step with nothing of its own beyond the stage rules (the clock reads its event). */
const plain = (): Step => ({});

/** 确认收到 (Art. 31): the confirmation date is the date of receipt, never before the submission. */
function confirmReceipt(input: Extract<ActionInput, { action: 'confirm-receipt' }>): Step {
  return {
    data(c, fields) {
      if (input.on < c.before.submitted_on) throw invalid('on', '确认收到的日期不能早于提交日期');
      return fields;
    },
    patch: () => ({ received_on: input.on }),
  };
}

/** 分办: the handling unit and, optionally, the handler. */
function assign(input: Extract<ActionInput, { action: 'assign' }>): Step {
  return {
    patch: () => ({
      unit_id: Number(input.unitId),
      handler_id: input.handlerId ? Number(input.handlerId) : null,
    }),
  };
}

/**
 * 收费通知 (Art. 42, docs/law/processing-fee.md): the fee is computed from the method and quantity. 按件:
 * `quantity` is this application's items; the applicant's earlier applications this natural month are
 * counted from the records (store.applicantMonthCount), or as staff correct them with a reason.
 */
function feeNotice(input: Extract<ActionInput, { action: 'fee-notice' }>): Step {
  return {
    async data(c, fields) {
      const quantity = Number(input.quantity);
      if (input.method !== 'per-item') {
        const { earlierThisMonth: _e, countReason: _r, ...rest } = fields;
        const fee = perPageFee(quantity);
        return { ...rest, amount: fee.total, bands: fee.bands };
      }
      const computed = await store.applicantMonthCount(c.tx, c.before);
      const corrected = input.earlierThisMonth ?? null;
      const reason = input.countReason?.trim() ?? '';
      if (corrected !== null && corrected !== computed && !reason) {
        throw invalid('countReason', `系统统计该申请人本月此前申请${computed}件；更正件数时请写明理由`);
      }
      const fee = perItemMonthFee(quantity, computed, corrected);
      const { countReason: _r, ...rest } = fields;
      return {
        ...rest,
        amount: fee.total,
        bands: fee.bands,
        earlierThisMonth: fee.earlierThisMonth,
        computedEarlier: fee.computedEarlier,
        ...(fee.corrected ? { countReason: reason } : {}),
      };
    },
  };
}

/** The reply steps' view of a case: its agency's chain, the draft waiting and that draft's event data. */
async function signoffState(c: StepContext): Promise<{
  chain: SignoffChain;
  draft: PendingDraft | null;
  draftData: Record<string, unknown> | null;
}> {
  const events = await store.listEvents(c.tx, c.before.id);
  const state = foldState(
    events.map((e) => ({ type: e.type as Action | 'submit', on: e.on_date, data: e.data })),
  );
  const draft = state.draft ?? null;
  const draftEvent = draft ? events.findLast((e) => e.type === 'draft-reply') : undefined;
  return { chain: await chainOf(c.tx, c.before.org_id), draft, draftData: draftEvent?.data ?? null };
}

/**
 * A reply's or draft's fields checked, with the information it releases (case-files.ts checkReleased): the
 * ids given become the files and documents, with their names, that the letter lists and the applicant gets.
 */
async function checkedReplyWithRelease(c: StepContext, fields: EventFields): Promise<EventFields> {
  const { releasedFileIds, releasedDocumentIds, ...rest } = checkedReply(fields);
  const released = await checkReleased(c.tx, c.actor, rest.outcome, { releasedFileIds, releasedDocumentIds });
  return released ? { ...rest, ...released } : rest;
}

/** The outcome, its ground and the text of a reply or draft, checked (Art. 36–39). */
function checkedReply(fields: EventFields): EventFields {
  const groundCode = (fields.groundCode as string | null | undefined) ?? null;
  const errors: { path: string; message: string }[] = validateOutcome(
    String(fields.outcome ?? ''),
    groundCode,
  );
  const text = typeof fields.text === 'string' ? fields.text.trim() : '';
  if (!text) errors.push({ path: 'text', message: '请填写答复内容' });
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
  return { ...fields, groundCode, text };
}

/**
 * 答复 (Art. 36–39): the outcome, and its ground where the outcome needs one. Under a sign-off chain
 * (domain/signoff.ts) it is the signature of the draft waiting for 负责人签发: the draft's outcome and text
 * go out as they stand, with who signed and for which agency; without a chain, the handler's own reply.
 */
function reply(_input: Extract<ActionInput, { action: 'reply' }>): Step {
  let draftData: Record<string, unknown> | null = null;
  return {
    async authorize(c) {
      const s = await signoffState(c);
      draftData = s.draft ? s.draftData : null;
      if (!c.actor || permits(c.actor, 'reply', c.before, s.chain, s.draft)) return;
      // A draft not reviewed yet: the stage rules (decide) say so to anyone who may see the case.
      if (s.draft && s.draft.pending[0] !== 'sign' && can(c.actor, 'view', kaseOf(c.before))) return;
      throw signoffRefusal(c.actor, 'reply', c.before, s.chain, s.draft);
    },
    async data(c, fields) {
      if (!draftData) return checkedReplyWithRelease(c, fields);
      const agency = await findOrg(c.tx, c.before.org_id);
      const signed: EventFields = {
        on: fields.on,
        outcome: draftData.outcome,
        groundCode: draftData.groundCode ?? null,
        text: draftData.text,
        drafterId: draftData.drafterId ?? null,
      };
      if (draftData.releasedItems !== undefined) signed.releasedItems = draftData.releasedItems;
      // The information released goes out as the draft named it (checked when it was drafted).
      if (draftData.releasedFiles !== undefined) signed.releasedFiles = draftData.releasedFiles;
      if (draftData.releasedDocuments !== undefined) signed.releasedDocuments = draftData.releasedDocuments;
      if (c.actor) {
        signed.signedById = c.actor.id;
        signed.signedByName = c.actor.displayName;
      }
      signed.signedForOrgName = agency?.name ?? '';
      for (const key of Object.keys(signed)) if (signed[key] === undefined) delete signed[key];
      return signed;
    },
    patch: (data) => ({
      outcome: String(data.outcome),
      outcome_ground: (data.groundCode as string | null) ?? null,
    }),
  };
}

/** 拟写答复: the handler's draft goes to the first step of the agency's chain, whose people are told. */
function draftReply(_input: Extract<ActionInput, { action: 'draft-reply' }>): Step {
  let chain: SignoffChain = 'none';
  return {
    async authorize(c) {
      const s = await signoffState(c);
      chain = s.chain;
      if (!c.actor) {
        if (SIGNOFF_CHAIN_STEPS[chain].length === 0) throw new AppError('SIGNOFF_NOT_CONFIGURED');
        return;
      }
      // A second draft while one waits: decide's DRAFT_PENDING says so.
      if (s.draft && can(c.actor, 'reply', kaseOf(c.before))) return;
      if (!permits(c.actor, 'draft-reply', c.before, s.chain, s.draft)) {
        throw signoffRefusal(c.actor, 'draft-reply', c.before, s.chain, s.draft);
      }
    },
    data: async (c, fields) => ({
      ...(await checkedReplyWithRelease(c, fields)),
      steps: [...SIGNOFF_CHAIN_STEPS[chain]],
      drafterId: c.actor?.id ?? null,
    }),
    async record(c, data) {
      const first = SIGNOFF_CHAIN_STEPS[chain][0];
      if (first) await noticeStep(c.tx, c.before, first, (data.drafterId as number | null) ?? null);
    },
  };
}

/** 公开办审核 approves the draft (an optional comment); the 负责人 is told it waits for signature. */
function reviewDraft(_input: Extract<ActionInput, { action: 'review-draft' }>): Step {
  let drafterId: number | null = null;
  return {
    async authorize(c) {
      const s = await signoffState(c);
      drafterId = s.draft?.drafterId ?? null;
      // No draft waiting for review: decide's DRAFT_NOT_PENDING says so.
      if (!c.actor || s.draft?.pending[0] !== 'review') return;
      if (!permits(c.actor, 'review-draft', c.before, s.chain, s.draft)) {
        throw signoffRefusal(c.actor, 'review-draft', c.before, s.chain, s.draft);
      }
    },
    data(_c, fields) {
      const comment = typeof fields.comment === 'string' ? fields.comment.trim() : '';
      const { comment: _drop, ...rest } = fields;
      return comment ? { ...rest, comment } : rest;
    },
    async record(c) {
      await noticeStep(c.tx, c.before, 'sign', drafterId);
    },
  };
}

/** 退回修改: the step the draft waited for returns it with a comment; the drafter is told. */
function returnDraft(_input: Extract<ActionInput, { action: 'return-draft' }>): Step {
  let draft: PendingDraft | null = null;
  return {
    async authorize(c) {
      const s = await signoffState(c);
      draft = s.draft;
      if (!c.actor || !draft) return;
      if (!permits(c.actor, 'return-draft', c.before, s.chain, s.draft)) {
        throw signoffRefusal(c.actor, 'return-draft', c.before, s.chain, s.draft);
      }
    },
    data(_c, fields) {
      const comment = typeof fields.comment === 'string' ? fields.comment.trim() : '';
      if (!comment)
        throw new AppError('RETURN_COMMENT_REQUIRED', {}, [{ path: 'comment', message: '请写明修改意见' }]);
      return { ...fields, comment, step: draft?.pending[0] ?? null, drafterId: draft?.drafterId ?? null };
    },
    async record(c, data) {
      await noticeReturn(c.tx, c.before, draft?.drafterId ?? null, String(data.comment));
    },
  };
}

/** 请求协助 (协助调查/会商): the unit asked, kind, question and due date; the unit gets a task. */
function assistRequest(input: Extract<ActionInput, { action: 'assist-request' }>): Step {
  return {
    async data(c, fields) {
      const errors: { path: string; message: string }[] = [];
      const unitId = Number(input.unitId);
      const unit = Number.isInteger(unitId) ? await findOrg(c.tx, unitId) : undefined;
      if (!unit) errors.push({ path: 'unitId', message: '请选择请求协助的单位' });
      else if (unit.id === c.before.unit_id) {
        errors.push({ path: 'unitId', message: '请选择承办单位以外的单位' });
      }
      if (!(ASSIST_KINDS as readonly unknown[]).includes(input.kind)) {
        errors.push({ path: 'kind', message: '请选择协助调查或会商' });
      }
      const question = typeof input.question === 'string' ? input.question.trim() : '';
      if (!question) errors.push({ path: 'question', message: '请写明需要协助的事项' });
      const dueOn = String(input.dueOn ?? '');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn) || dueOn < c.on) {
        errors.push({ path: 'dueOn', message: '协助办理期限不能早于请求日期' });
      }
      if (errors.length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
      return {
        ...fields,
        question,
        assistanceId: randomBytes(8).toString('hex'),
        unitName: unit?.name ?? '',
      };
    },
    async record(c, data) {
      await assistStore.insertAssistance(c.tx, {
        public_id: String(data.assistanceId),
        request_id: c.before.id,
        unit_id: Number(data.unitId),
        kind: String(data.kind),
        question: String(data.question),
        asked_on: c.on,
        due_on: String(data.dueOn),
        asked_by: c.actor?.id ?? null,
      });
    },
  };
}

/**
 * 协助答复: answered by the unit asked (its task, 'answer-assistance'), not by those who act on the case;
 * a text and the answerer's own uploads.
 */
function assistReply(input: AssistReply): Step {
  let assistance: Awaited<ReturnType<typeof assistStore.lockAssistance>>;
  return {
    async authorize(c) {
      assistance = await assistStore.lockAssistance(c.tx, c.before.id, String(input.assistanceId ?? ''));
      if (!c.actor || !assistance || !can(c.actor, 'answer-assistance', { unitId: assistance.unit_id })) {
        throw new AppError('NOT_FOUND');
      }
      if (assistance.status !== 'open') throw new AppError('ASSISTANCE_UNKNOWN');
    },
    async data(c, fields) {
      const text = typeof input.text === 'string' ? input.text.trim() : '';
      if (!text) throw invalid('text', '请填写协助答复内容');
      const wanted = [...new Set(((input.fileIds as unknown[] | undefined) ?? []).map(Number))];
      const own = await assistStore.ownFiles(c.tx, c.actor?.id ?? 0, wanted);
      if (own.length !== wanted.length) throw invalid('fileIds', '只能附上本人上传的文件');
      return { ...fields, text, fileIds: wanted };
    },
    async record(c, data) {
      if (!assistance) return;
      await assistStore.answerAssistance(c.tx, assistance.id, {
        text: String(data.text),
        fileIds: data.fileIds as number[],
        on: c.on,
        by: c.actor?.id ?? null,
      });
    },
  };
}

/**
 * 重新办理: authorized by the review register (reports' policy), never offered on the case; the handler
 * (or, without one, the agency's receiving office) is told why. A case ended before its receipt was
 * confirmed counts as received on the decision's day.
 */
function reopen(input: CaseReopening): Step {
  let receivedOn: string | null = null;
  return {
    async authorize(c) {
      receivedOn = c.before.received_on;
    },
    data: (_c, fields) => ({ reviewId: input.reviewId, reason: input.reason, ...fields }),
    async record(c) {
      const caseNo = c.before.case_no ?? `#${c.before.id}`;
      const userIds =
        c.before.handler_id !== null ? [c.before.handler_id] : await receivingUserIds(c.tx, c.before.org_id);
      await createNotifications(
        c.tx,
        userIds.map((userId) => ({
          userId,
          kind: 'request.reopened',
          subjectType: 'request',
          subjectId: String(c.before.id),
          title: `申请${caseNo}需重新办理`,
          body: `${input.reason}。请在新的答复期限内重新答复。`,
          dueOn: null,
        })),
      );
    },
    patch: () => (receivedOn === null ? { received_on: input.on } : {}),
  };
}

/**
 * 转办 within one government (domain/transfer.ts, docs/law/ogi-regulation.md "转办 within one government"):
 * the case moves to the agency it belongs to, unassigned, with its history and its statutory receipt date
 * (the clock keeps running from the first receipt); the receiving agency's office is notified, and the
 * applicant's tracking page says 已转至 that agency.
 */
function transfer(input: Extract<ActionInput, { action: 'transfer' }>): Step {
  let receiverOfficeId = 0;
  return {
    async data(c, fields) {
      const receiving = await loadReceiving(c.tx);
      const from = receiving.orgs.find((o) => o.id === c.before.org_id);
      const to = receiving.orgs.find((o) => o.id === input.toOrgId);
      const refusal = transferRefusal(
        receiving.orgs.map((o) => ({
          id: o.id,
          parentId: o.parent_id,
          kind: o.kind,
          name: o.name,
          disabled: o.disabled,
          acceptsRequests: o.accepts_requests,
        })),
        c.before.org_id,
        input.toOrgId,
      );
      if (refusal) throw new AppError(refusal, { name: to?.name ?? null });
      const receipt = receiving.receiverOf(input.toOrgId);
      if (!receipt || !to) throw new AppError('TRANSFER_NO_RECEIVER', { name: to?.name ?? null });
      receiverOfficeId = receipt.officeId;
      return {
        ...fields,
        fromOrgId: c.before.org_id,
        fromOrgName: from?.name ?? '',
        toOrgId: to.id,
        toOrgName: to.name,
        reason: input.reason,
      };
    },
    async record(c, data) {
      const userIds = await receivingUserIds(c.tx, receiverOfficeId);
      const caseNo = c.before.case_no ?? `#${c.before.id}`;
      await createNotifications(
        c.tx,
        userIds.map((userId) => ({
          userId,
          kind: 'request.transferred',
          subjectType: 'request',
          subjectId: String(c.before.id),
          title: `${String(data.fromOrgName)}转来申请${caseNo}`,
          body: `申请${caseNo}（${c.before.subject}）由${String(data.fromOrgName)}转至${String(data.toOrgName)}办理，收到申请之日和答复期限不变。转办理由：${String(data.reason)}`,
          dueOn: c.before.reply_due,
        })),
      );
    },
    patch: (data) => ({ org_id: Number(data.toOrgId), unit_id: null, handler_id: null }),
  };
}

/** Every legal step's handler, by action (the mapped type makes the list complete). */
const STEPS: { [A in StepName]: (input: Extract<ActionInput, { action: A }>) => Step } = {
  'confirm-receipt': confirmReceipt,
  assign,
  // 补正 (Art. 30): the notice once, then the corrected application restarts the clock.
  'request-correction': plain,
  'receive-correction': plain,
  'deem-withdrawn-no-correction': plain,
  // 征求意见 (Art. 32, 34): the clock pauses while the consultation is open.
  'consult-send': plain,
  'consult-deliver': plain,
  'consult-reply': plain,
  // 延期 (Art. 33(2)): who may is the policy's; once only is decide's.
  extend: plain,
  'fee-notice': feeNotice,
  'fee-paid': plain,
  'deem-withdrawn-no-payment': plain,
  reply,
  // 审核签发 (domain/signoff.ts): the draft, its review, its return; the signature is `reply`.
  'draft-reply': draftReply,
  'review-draft': reviewDraft,
  'return-draft': returnDraft,
  withdraw: plain,
  note: plain,
  'assist-request': assistRequest,
  'assist-reply': assistReply,
  archive: plain,
  reopen,
  transfer,
};

/** The handler of the input's step. */
export function stepFor(input: ActionInput): Step {
  return (STEPS[input.action] as (input: ActionInput) => Step)(input);
}
