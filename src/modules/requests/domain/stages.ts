/**
 * The life cycle of a case (办理阶段) and the actions (操作) that move it — docs/requests.md.
 *
 * The event log is append-only: the state of a case is `foldState(events)`, and the statutory clock's
 * input is `toClockEvents(events)`, so both are always derived from the log. `decide` is the single
 * rule book: `foldState` replays the log through it, `allowedActions` asks it.
 *
 * 《中华人民共和国政府信息公开条例》第四十五条 行政机关应当建立健全政府信息公开申请登记、审核、办理、答复、
 *   归档的工作制度，加强工作规范。
 */
import { type IsoDate, isIsoDate } from '../../calendar/domain/dates.ts';
import type { ClockEvent, ConsultedParty } from './clock.ts';
import type { FeeMethod } from './fees.ts';
import type { GroundCode, OutcomeCode } from './outcomes.ts';
import { afterApproval, isSignoffStep, type PendingDraft, type SignoffStep } from './signoff.ts';

export const STAGES = [
  'awaiting-confirmation',
  'registered',
  'processing',
  'awaiting-correction',
  'replied',
  'closed',
  'archived',
] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Open (未办结): not yet answered, ended or archived — the workbench's 「未办结」 filter, the cases a
 * withdrawal can still end.
 */
export const OPEN_STAGES = [
  'awaiting-confirmation',
  'registered',
  'processing',
  'awaiting-correction',
] as const satisfies readonly Stage[];

/**
 * Running: receipt confirmed and not yet answered or ended, so the statutory reply clock runs (or is
 * paused) and the case has a reply deadline that can come due or pass.
 */
export const RUNNING_STAGES = [
  'registered',
  'processing',
  'awaiting-correction',
] as const satisfies readonly Stage[];

export type RunningStage = (typeof RUNNING_STAGES)[number];

/** Ended (已办结): answered, ended without an answer, or archived — every stage that is not open. */
export const ENDED_STAGES = ['replied', 'closed', 'archived'] as const satisfies readonly Stage[];

/** Answered: replied, or archived after a reply or an ending (the outcome tells which). */
export const REPLIED_STAGES = ['replied', 'archived'] as const satisfies readonly Stage[];

export const isOpenStage = (stage: string): boolean => (OPEN_STAGES as readonly string[]).includes(stage);
export const isRunningStage = (stage: string): stage is RunningStage =>
  (RUNNING_STAGES as readonly string[]).includes(stage);
export const isEndedStage = (stage: string): boolean => (ENDED_STAGES as readonly string[]).includes(stage);
export const isRepliedStage = (stage: string): boolean =>
  (REPLIED_STAGES as readonly string[]).includes(stage);

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  'awaiting-confirmation': '待确认收到',
  registered: '已登记',
  processing: '办理中',
  'awaiting-correction': '待补正',
  replied: '已答复',
  closed: '已终止',
  archived: '已归档',
};

export const ACTIONS = [
  'confirm-receipt',
  'assign',
  'request-correction',
  'receive-correction',
  'deem-withdrawn-no-correction',
  'consult-send',
  'consult-deliver',
  'consult-reply',
  'extend',
  'fee-notice',
  'fee-paid',
  'deem-withdrawn-no-payment',
  'reply',
  'draft-reply',
  'review-draft',
  'return-draft',
  'withdraw',
  'note',
  'assist-request',
  'assist-reply',
  'archive',
  'reopen',
  'transfer',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ACTION_LABELS: Readonly<Record<Action, string>> = {
  'confirm-receipt': '确认收到',
  assign: '分办',
  'request-correction': '补正告知',
  'receive-correction': '收到补正',
  'deem-withdrawn-no-correction': '视为放弃（逾期未补正）',
  'consult-send': '发送征求意见函',
  'consult-deliver': '第三方收到征求意见函',
  'consult-reply': '收到第三方意见',
  extend: '延期答复',
  'fee-notice': '收费通知',
  'fee-paid': '已缴费',
  'deem-withdrawn-no-payment': '视为放弃（逾期未缴费）',
  reply: '答复',
  'draft-reply': '拟写答复（提交审核签发）',
  'review-draft': '审核通过',
  'return-draft': '退回修改',
  withdraw: '申请人撤回',
  note: '办理记录',
  'assist-request': '请求协助（协助调查/会商）',
  'assist-reply': '协助答复',
  archive: '归档',
  reopen: '重新办理（复议或诉讼纠正）',
  transfer: '转办',
};

/** Every event type of the log: the actions plus the first event 'submit'. */
export type EventType = Action | 'submit';

export const EVENT_LABELS: Readonly<Record<EventType, string>> = { submit: '提交申请', ...ACTION_LABELS };

/**
 * Kinds of an old `note` (会商 / 协助调查). Assistance is now asked with `assist-request` (a task for
 * the other unit, with a due date and its reply); notes of these kinds stay readable in old logs.
 */
export const NOTE_KINDS = ['meeting', 'investigation'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export const NOTE_KIND_LABELS: Readonly<Record<NoteKind, string>> = {
  meeting: '会商',
  investigation: '协助调查',
};

/** What another unit is asked for: 协助调查 (investigation) or 会商 (a joint opinion). */
export const ASSIST_KINDS = ['investigation', 'meeting'] as const;
export type AssistKind = (typeof ASSIST_KINDS)[number];
export const ASSIST_KIND_LABELS: Readonly<Record<AssistKind, string>> = {
  investigation: '协助调查',
  meeting: '会商',
};

/** An assistance request still unanswered after its due date is overdue (due day itself is not). */
export function isAssistanceOverdue(dueOn: IsoDate, today: IsoDate, answered: boolean): boolean {
  return !answered && today > dueOn;
}

export const CONSULTATION_OPINIONS = ['agree', 'refuse', 'none'] as const;
export type ConsultationOpinion = (typeof CONSULTATION_OPINIONS)[number];
export const CONSULTATION_OPINION_LABELS: Readonly<Record<ConsultationOpinion, string>> = {
  agree: '同意公开',
  refuse: '不同意公开',
  none: '未提出意见',
};

/**
 * The data each event carries (docs/requests.md). `on` (the day it happened) may sit on the event itself
 * (`{ type, on, data }`, as stored) or inside `data`.
 */
export interface EventData {
  submit: { confirmed: boolean };
  'confirm-receipt': { on?: IsoDate; receivedOn?: IsoDate };
  assign: { on?: IsoDate; unitId: number; handlerId?: number | null };
  'request-correction': { on?: IsoDate; items: string; deadlineDate?: IsoDate };
  'receive-correction': { on?: IsoDate; text?: string };
  'deem-withdrawn-no-correction': { on?: IsoDate };
  'consult-send': { on?: IsoDate; consultationId: string; party: ConsultedParty; name: string };
  'consult-deliver': { on?: IsoDate; consultationId: string };
  'consult-reply': { on?: IsoDate; consultationId: string; opinion: ConsultationOpinion; text?: string };
  extend: { on?: IsoDate; reason: string };
  'fee-notice': {
    on?: IsoDate;
    method: FeeMethod;
    quantity: number;
    amount?: number;
    /** The day the applicant received the notice; default: the day it was sent. */
    receivedOn?: IsoDate;
  };
  'fee-paid': { on?: IsoDate };
  'deem-withdrawn-no-payment': { on?: IsoDate };
  reply: {
    on?: IsoDate;
    outcome: OutcomeCode;
    groundCode?: GroundCode | null;
    text: string;
    releasedItems?: unknown;
    /** The information released with it (domain/case-files.ts): files with their names, library documents. */
    releasedFiles?: { fileId: number; name: string }[];
    releasedDocuments?: { documentId: number; title: string; docNumber: string | null }[];
    /** Set when the reply is the signature of a draft (domain/signoff.ts): who signed, for which agency. */
    signedById?: number;
    signedByName?: string;
    signedForOrgName?: string;
  };
  /** The handler's draft of the reply, to go through the agency's chain (`steps`, domain/signoff.ts). */
  'draft-reply': {
    on?: IsoDate;
    outcome: OutcomeCode;
    groundCode?: GroundCode | null;
    text: string;
    releasedItems?: unknown;
    releasedFiles?: { fileId: number; name: string }[];
    releasedDocuments?: { documentId: number; title: string; docNumber: string | null }[];
    steps: SignoffStep[];
    drafterId?: number | null;
  };
  /** 公开办审核 approved the draft (an optional comment). */
  'review-draft': { on?: IsoDate; comment?: string };
  /** The draft was returned to its drafter with a comment, at the step it waited for. */
  'return-draft': { on?: IsoDate; comment: string; step?: SignoffStep };
  withdraw: { on?: IsoDate; by?: 'applicant' | string };
  note: { on?: IsoDate; text: string; kind?: NoteKind };
  'assist-request': {
    on?: IsoDate;
    assistanceId: string;
    unitId: number;
    unitName?: string;
    kind: AssistKind;
    question: string;
    dueOn: IsoDate;
  };
  'assist-reply': { on?: IsoDate; assistanceId: string; text: string; fileIds?: number[] };
  archive: { on?: IsoDate };
  /**
   * A reconsideration decision or judgment corrected the answer and orders a new one (reports' review
   * register): the case is handled again, its clock restarting on `on` (docs/requests.md "Reopening").
   */
  reopen: { on?: IsoDate; reviewId: number; reason: string };
  /** 转办: the case now belongs to `toOrgId` (same government); receipt date and history stay. */
  transfer: {
    on?: IsoDate;
    fromOrgId: number;
    fromOrgName: string;
    toOrgId: number;
    toOrgName: string;
    reason: string;
  };
}

/** One event of the log, typed by its type. */
export type CaseEvent = { [T in EventType]: { type: T; on?: IsoDate; data: EventData[T] } }[EventType];

/** What `foldState` / `toClockEvents` read: a typed `CaseEvent` or a stored row mapped to `{ type, on, data }`. */
export interface LoggedEvent {
  type: string;
  on?: IsoDate | null;
  data?: unknown;
}

export interface CaseState {
  stage: Stage;
  /** A correction notice was sent (once per case: 一次性告知). */
  correctionRequested: boolean;
  /** The reply period was extended (once per case). */
  extended: boolean;
  feeNoticeSent: boolean;
  feePaid: boolean;
  /** Consultations sent and not yet answered (their ids). */
  openConsultations: string[];
  /** Assistance requests (协助调查/会商) not answered yet (their ids). Optional like deliveredConsultations. */
  openAssistance?: string[];
  /**
   * Open consultations whose delivery was recorded (a second delivery would corrupt the clock). Optional so
   * a hand-written state may leave it out; `foldState` always sets it.
   */
  deliveredConsultations?: string[];
  /** A reply draft waiting for sign-off (domain/signoff.ts), or null/absent. */
  draft?: PendingDraft | null;
}

export type CaseErrorCode =
  | 'CASE_ACTION_NOT_ALLOWED'
  | 'CASE_ACTION_UNKNOWN'
  | 'CASE_ARCHIVED'
  | 'EXTENSION_ALREADY_USED'
  | 'CORRECTION_ALREADY_REQUESTED'
  | 'FEE_NOT_NOTIFIED'
  | 'FEE_ALREADY_NOTIFIED'
  | 'FEE_ALREADY_PAID'
  | 'CONSULTATION_UNKNOWN'
  | 'CONSULTATION_DUPLICATE'
  | 'CONSULTATION_ALREADY_DELIVERED'
  | 'ASSISTANCE_UNKNOWN'
  | 'TRANSFER_PENDING_STEPS'
  | 'DRAFT_PENDING'
  | 'DRAFT_NOT_PENDING'
  | 'DRAFT_NOT_REVIEWED'
  | 'CASE_LOG_INVALID';

/** A case rule refused an action (stable `code`, `params`, Chinese message). */
export class CaseError extends Error {
  readonly code: CaseErrorCode;
  readonly params: Record<string, string | number | null>;
  constructor(code: CaseErrorCode, message: string, params: Record<string, string | number | null> = {}) {
    super(message);
    this.name = 'CaseError';
    this.code = code;
    this.params = params;
  }
}

export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
}

/** The stages each action is allowed in (docs/requests.md, "Actions"). */
const ALLOWED_IN: Readonly<Record<Action, readonly Stage[]>> = {
  'confirm-receipt': ['awaiting-confirmation'],
  assign: ['registered', 'processing'],
  'request-correction': ['registered', 'processing'],
  'receive-correction': ['awaiting-correction'],
  'deem-withdrawn-no-correction': ['awaiting-correction'],
  'consult-send': ['processing'],
  'consult-deliver': ['processing'],
  'consult-reply': ['processing'],
  extend: ['processing'],
  'fee-notice': ['processing'],
  'fee-paid': ['processing'],
  'deem-withdrawn-no-payment': ['processing'],
  reply: ['registered', 'processing'],
  'draft-reply': ['registered', 'processing'],
  'review-draft': ['registered', 'processing'],
  'return-draft': ['registered', 'processing'],
  withdraw: OPEN_STAGES,
  note: [...OPEN_STAGES, 'replied', 'closed'],
  // Asked while the case is being handled; answered whenever the other unit does (until archived).
  'assist-request': RUNNING_STAGES,
  'assist-reply': [...OPEN_STAGES, 'replied', 'closed'],
  archive: ['replied', 'closed'],
  // Only through the review register (a 纠正 result ordering a new reply), even after archiving.
  reopen: ['replied', 'closed', 'archived'],
  // 转办 before anything is answered on the merits or asked of the applicant (DERIVED,
  // docs/law/ogi-regulation.md "转办 within one government").
  transfer: ['awaiting-confirmation', 'registered', 'processing'],
};

export interface Decision {
  stage: Stage;
  /** Set when the action closes the case with a fixed outcome. */
  outcome?: OutcomeCode;
}

function notAllowed(stage: Stage, action: Action): CaseError {
  return new CaseError(
    'CASE_ACTION_NOT_ALLOWED',
    `该申请当前处于“${STAGE_LABELS[stage]}”阶段，不能进行“${ACTION_LABELS[action]}”操作`,
    { stage, action, stageLabel: STAGE_LABELS[stage], actionLabel: ACTION_LABELS[action] },
  );
}

function field(data: unknown, key: string): unknown {
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
}

function consultationIdOf(data: unknown): string | null {
  const id = field(data, 'consultationId');
  if (typeof id === 'number') return String(id);
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : null;
}

/**
 * Whether `action` may happen now, and the stage it leads to. Throws a `CaseError` otherwise.
 * `data` is the action's data: consult-send/deliver/reply read `consultationId` from it.
 */
export function decide(state: CaseState, action: Action, data?: unknown): Decision {
  if (!isAction(action)) {
    throw new CaseError('CASE_ACTION_UNKNOWN', `未知的操作：${String(action)}`, { action: String(action) });
  }
  const { stage } = state;
  if (stage === 'archived' && action !== 'reopen') {
    throw new CaseError('CASE_ARCHIVED', '该申请已归档，不能再进行任何操作', {
      stage,
      action,
      actionLabel: ACTION_LABELS[action],
    });
  }
  // Once-only actions: a second attempt is explained by the rule, not by the stage.
  if (action === 'request-correction' && state.correctionRequested && isRunningStage(stage)) {
    throw new CaseError('CORRECTION_ALREADY_REQUESTED', '补正告知应当一次性告知，该申请已发出过补正告知', {
      stage,
      action,
    });
  }
  if (!ALLOWED_IN[action].includes(stage)) throw notAllowed(stage, action);

  switch (action) {
    case 'confirm-receipt':
      return { stage: 'registered' };
    case 'assign':
      return { stage: 'processing' };
    case 'request-correction':
      return { stage: 'awaiting-correction' };
    case 'receive-correction':
      return { stage: 'processing' };
    case 'deem-withdrawn-no-correction':
      return { stage: 'closed', outcome: 'WITHDRAWN_NO_CORRECTION' };
    case 'consult-send': {
      const id = consultationIdOf(data);
      if (id === null) {
        throw new CaseError('CONSULTATION_UNKNOWN', '征求意见函缺少编号', {
          stage,
          action,
          consultationId: null,
        });
      }
      if (state.openConsultations.includes(id)) {
        throw new CaseError('CONSULTATION_DUPLICATE', '该编号的征求意见函已经发出，请勿重复登记', {
          stage,
          action,
          consultationId: id,
        });
      }
      return { stage };
    }
    case 'consult-deliver':
    case 'consult-reply': {
      const id = consultationIdOf(data);
      if (id === null || !state.openConsultations.includes(id)) {
        throw new CaseError('CONSULTATION_UNKNOWN', '找不到对应的未办结的征求意见函', {
          stage,
          action,
          consultationId: id,
        });
      }
      if (action === 'consult-deliver' && (state.deliveredConsultations ?? []).includes(id)) {
        throw new CaseError('CONSULTATION_ALREADY_DELIVERED', '该征求意见函的送达日期已经登记过', {
          stage,
          action,
          consultationId: id,
        });
      }
      return { stage };
    }
    case 'extend':
      if (state.extended) {
        throw new CaseError('EXTENSION_ALREADY_USED', '该申请已延期答复过一次，不能再次延期', {
          stage,
          action,
        });
      }
      return { stage };
    case 'fee-notice':
      if (state.feeNoticeSent) {
        throw new CaseError('FEE_ALREADY_NOTIFIED', '该申请已发出过收费通知', { stage, action });
      }
      return { stage };
    case 'fee-paid':
    case 'deem-withdrawn-no-payment':
      if (!state.feeNoticeSent) {
        throw new CaseError('FEE_NOT_NOTIFIED', '尚未发出收费通知，不能登记缴费或视为放弃申请', {
          stage,
          action,
        });
      }
      if (state.feePaid) {
        throw new CaseError('FEE_ALREADY_PAID', '申请人已缴纳信息处理费', { stage, action });
      }
      return action === 'fee-paid' ? { stage } : { stage: 'closed', outcome: 'WITHDRAWN_NO_PAYMENT' };
    case 'reply':
      // A draft is answered by its signature, once every earlier step approved it.
      if (state.draft && state.draft.pending[0] !== 'sign') {
        throw new CaseError('DRAFT_NOT_REVIEWED', '答复草稿尚未经公开办审核，不能签发', { stage, action });
      }
      return { stage: 'replied' };
    case 'draft-reply':
      if (state.draft) {
        throw new CaseError('DRAFT_PENDING', '该申请已有等待审核签发的答复草稿', { stage, action });
      }
      return { stage };
    case 'review-draft':
      if (state.draft?.pending[0] !== 'review') {
        throw new CaseError('DRAFT_NOT_PENDING', '没有等待公开办审核的答复草稿', { stage, action });
      }
      return { stage };
    case 'return-draft':
      if (!state.draft) {
        throw new CaseError('DRAFT_NOT_PENDING', '没有等待审核签发的答复草稿', { stage, action });
      }
      return { stage };
    case 'withdraw':
      return { stage: 'closed', outcome: 'OTHER' };
    case 'note':
      return { stage };
    case 'assist-request':
      return { stage };
    case 'assist-reply': {
      const id = assistanceIdOf(data);
      if (id === null || !(state.openAssistance ?? []).includes(id)) {
        throw new CaseError('ASSISTANCE_UNKNOWN', '找不到对应的未答复的协助请求', {
          stage,
          action,
          assistanceId: id,
        });
      }
      return { stage };
    }
    case 'archive':
      return { stage: 'archived' };
    case 'reopen':
      return { stage: 'processing' };
    case 'transfer':
      // The receiving agency answers for itself: nothing the first one started with third parties, the
      // applicant's fee or another unit may still be pending in its name.
      if (
        state.openConsultations.length > 0 ||
        (state.openAssistance ?? []).length > 0 ||
        (state.feeNoticeSent && !state.feePaid)
      ) {
        throw new CaseError(
          'TRANSFER_PENDING_STEPS',
          '该申请有未办结的征求意见、协助请求或收费通知，办结后才能转办',
          { stage, action },
        );
      }
      // Unconfirmed stays unconfirmed; a received case starts over at the new agency, unassigned.
      return { stage: stage === 'awaiting-confirmation' ? stage : 'registered' };
  }
}

function assistanceIdOf(data: unknown): string | null {
  const id = field(data, 'assistanceId');
  if (typeof id === 'number') return String(id);
  return typeof id === 'string' && id.trim() !== '' ? id.trim() : null;
}

/** The actions `decide` accepts in this state (consult-deliver/reply: for one of the open consultations). */
export function allowedActions(state: CaseState): Action[] {
  const out: Action[] = [];
  const delivered = state.deliveredConsultations ?? [];
  const undelivered = state.openConsultations.find((id) => !delivered.includes(id));
  for (const action of ACTIONS) {
    let data: unknown;
    if (action === 'consult-send') data = { consultationId: freshId(state.openConsultations) };
    else if (action === 'consult-deliver') data = { consultationId: undelivered };
    else if (action === 'consult-reply') data = { consultationId: state.openConsultations[0] };
    try {
      decide(state, action, data);
      out.push(action);
    } catch (error) {
      if (!(error instanceof CaseError)) throw error;
    }
  }
  return out;
}

function freshId(used: readonly string[]): string {
  let n = used.length + 1;
  while (used.includes(`new-${n}`)) n++;
  return `new-${n}`;
}

/** The state right after the first event 'submit'. */
export function initialState(confirmed: boolean): CaseState {
  return {
    stage: confirmed ? 'registered' : 'awaiting-confirmation',
    correctionRequested: false,
    extended: false,
    feeNoticeSent: false,
    feePaid: false,
    openConsultations: [],
    deliveredConsultations: [],
    openAssistance: [],
    draft: null,
  };
}

/** Applies one action to a state (checked by `decide`); returns a new state. */
export function nextState(state: CaseState, action: Action, data?: unknown): CaseState {
  const { stage } = decide(state, action, data);
  const next: CaseState = {
    ...state,
    stage,
    openConsultations: [...state.openConsultations],
    deliveredConsultations: [...(state.deliveredConsultations ?? [])],
    openAssistance: [...(state.openAssistance ?? [])],
    draft: state.draft ? { ...state.draft, pending: [...state.draft.pending] } : null,
  };
  // A draft lives only while the case is handled by the same agency.
  if (!isRunningStage(stage) || action === 'transfer' || action === 'reopen') next.draft = null;
  switch (action) {
    case 'draft-reply': {
      const steps = field(data, 'steps');
      const pending = (Array.isArray(steps) ? steps : []).filter(isSignoffStep);
      const drafterId = field(data, 'drafterId');
      next.draft = {
        pending: pending.length > 0 ? pending : ['sign'],
        drafterId: typeof drafterId === 'number' ? drafterId : null,
      };
      break;
    }
    case 'review-draft':
      next.draft = next.draft ? afterApproval(next.draft) : null;
      break;
    case 'return-draft':
      next.draft = null;
      break;
    case 'request-correction':
      next.correctionRequested = true;
      break;
    case 'consult-send':
      next.openConsultations.push(consultationIdOf(data) as string);
      break;
    case 'consult-deliver':
      next.deliveredConsultations?.push(consultationIdOf(data) as string);
      break;
    case 'consult-reply': {
      const id = consultationIdOf(data);
      next.openConsultations = next.openConsultations.filter((c) => c !== id);
      next.deliveredConsultations = next.deliveredConsultations?.filter((c) => c !== id);
      break;
    }
    case 'extend':
      next.extended = true;
      break;
    case 'assist-request': {
      const id = assistanceIdOf(data);
      if (id !== null) next.openAssistance?.push(id);
      break;
    }
    case 'assist-reply': {
      const id = assistanceIdOf(data);
      next.openAssistance = next.openAssistance?.filter((a) => a !== id);
      break;
    }
    case 'fee-notice':
      next.feeNoticeSent = true;
      break;
    case 'fee-paid':
      next.feePaid = true;
      break;
    case 'reopen':
      // The new handling is a fresh Art. 33 period: its own correction notice, extension, consultations
      // and fee notice (docs/requests.md "Reopening").
      next.correctionRequested = false;
      next.extended = false;
      next.feeNoticeSent = false;
      next.feePaid = false;
      next.openConsultations = [];
      next.deliveredConsultations = [];
      break;
    default:
      break;
  }
  return next;
}

function invalidLog(index: number, reason: string, type: string | null): CaseError {
  return new CaseError('CASE_LOG_INVALID', `办理记录有误（第${index + 1}条）：${reason}`, {
    index,
    type,
    reason,
  });
}

/**
 * The state of a case from its ordered event log. The first event must be 'submit'
 * (`data.confirmed`: false → awaiting-confirmation, true → registered); every later event is checked by
 * `decide` (its CaseError is thrown as is). An empty or malformed log throws CASE_LOG_INVALID.
 */
export function foldState(events: readonly LoggedEvent[]): CaseState {
  const first = events[0];
  if (first === undefined) throw invalidLog(0, '缺少“提交申请”记录', null);
  if (first.type !== 'submit') throw invalidLog(0, '第一条记录应当是“提交申请”', first.type);
  const confirmed = field(first.data, 'confirmed');
  if (typeof confirmed !== 'boolean') throw invalidLog(0, '“提交申请”记录缺少是否已确认收到', 'submit');
  let state = initialState(confirmed);
  for (let i = 1; i < events.length; i++) {
    const event = events[i] as LoggedEvent;
    if (event.type === 'submit') throw invalidLog(i, '“提交申请”只能是第一条记录', 'submit');
    if (!isAction(event.type))
      throw invalidLog(i, `未知的记录类型 ${String(event.type)}`, String(event.type));
    state = nextState(state, event.type, event.data);
  }
  return state;
}

function dayOf(event: LoggedEvent, index: number): IsoDate {
  const on = event.on ?? field(event.data, 'on');
  if (!isIsoDate(on)) throw invalidLog(index, '缺少有效的日期', event.type);
  return on;
}

/**
 * The statutory clock's events (clock.ts) derived from the log: correction notice / corrected application,
 * consultations (by id), extension, fee notice (received the same day unless `data.receivedOn`), payment.
 */
export function toClockEvents(events: readonly LoggedEvent[]): ClockEvent[] {
  const out: ClockEvent[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as LoggedEvent;
    switch (event.type) {
      case 'request-correction':
        out.push({ type: 'correction-notice-sent', on: dayOf(event, i) });
        break;
      case 'receive-correction':
        out.push({ type: 'correction-received', on: dayOf(event, i) });
        break;
      case 'consult-send': {
        const sent: ClockEvent & { type: 'consultation-sent' } = {
          type: 'consultation-sent',
          on: dayOf(event, i),
        };
        const id = consultationIdOf(event.data);
        if (id !== null) sent.consultationId = id;
        const party = field(event.data, 'party');
        if (party === 'third-party' || party === 'agency') sent.party = party;
        out.push(sent);
        break;
      }
      case 'consult-deliver':
      case 'consult-reply': {
        const type = event.type === 'consult-deliver' ? 'consultation-delivered' : 'consultation-replied';
        const id = consultationIdOf(event.data);
        out.push(
          id === null ? { type, on: dayOf(event, i) } : { type, on: dayOf(event, i), consultationId: id },
        );
        break;
      }
      case 'extend':
        out.push({ type: 'extension-approved', on: dayOf(event, i) });
        break;
      case 'fee-notice': {
        const on = dayOf(event, i);
        const receivedOn = field(event.data, 'receivedOn');
        if (receivedOn !== undefined && receivedOn !== null && !isIsoDate(receivedOn)) {
          throw invalidLog(i, '收费通知的送达日期无效', event.type);
        }
        out.push({ type: 'fee-notice-sent', on });
        out.push({ type: 'fee-notice-received', on: isIsoDate(receivedOn) ? receivedOn : on });
        break;
      }
      case 'fee-paid':
        out.push({ type: 'fee-paid', on: dayOf(event, i) });
        break;
      case 'reopen':
        out.push({ type: 'reopened', on: dayOf(event, i) });
        break;
      default:
        break;
    }
  }
  return out;
}
