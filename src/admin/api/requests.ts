// 依申请公开 (applications for disclosure): staff API, as in docs/requests.md.
import { api, type ListResult } from './client.ts';
import type { CaseLetter } from './letters.ts';

export type Stage =
  | 'awaiting-confirmation'
  | 'registered'
  | 'processing'
  | 'awaiting-correction'
  | 'replied'
  | 'closed'
  | 'archived';

/** How the application arrived; `online` cases come from the portal, the others are registered by staff. */
export type Channel = 'in-person' | 'post-signed' | 'post-confirmed' | 'fax' | 'email' | 'online';

/** Channels whose receipt date is known on registration (Art. 31(1)(2)): handed in or signed for. */
export const RECEIPT_KNOWN_CHANNELS: readonly string[] = ['in-person', 'post-signed'];

export const OPEN_STAGES: readonly Stage[] = [
  'awaiting-confirmation',
  'registered',
  'processing',
  'awaiting-correction',
];

/** Handling has ended (replied, closed or archived): every stage that is not open. */
export const isEndedStage = (stage: string): boolean => !(OPEN_STAGES as readonly string[]).includes(stage);

export type ActionCode =
  | 'confirm-receipt'
  | 'assign'
  | 'request-correction'
  | 'receive-correction'
  | 'deem-withdrawn-no-correction'
  | 'consult-send'
  | 'consult-deliver'
  | 'consult-reply'
  | 'extend'
  | 'fee-notice'
  | 'fee-paid'
  | 'deem-withdrawn-no-payment'
  | 'reply'
  | 'withdraw'
  | 'note'
  | 'assist-request'
  | 'archive';

/** One row of the workbench. `applicantName` is masked by the server where the user may not see it. */
export interface RequestListItem {
  id: number;
  caseNo: string | null;
  subject: string;
  applicantName: string;
  applicantType: string;
  channel: string;
  stage: Stage;
  orgId: number;
  orgName: string;
  unitId: number | null;
  unitName: string | null;
  handlerId: number | null;
  handlerName: string | null;
  receivedOn: string | null;
  replyDue: string | null;
  workingDaysLeft: number | null;
  paused: boolean;
  overdue: boolean;
  outcome: string | null;
  clockMissingYear?: number | null;
}

export interface RequestListQuery {
  stage?: string;
  unitId?: number;
  overdue?: boolean;
  paused?: boolean;
  /** Cases whose reply is due within this many working days (5 = 本周到期). */
  dueWithin?: number;
  q?: string;
  page: number;
  pageSize: number;
}

export interface Applicant {
  type: string;
  name: string;
  idType?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  contactName?: string | null;
  /** The server masked the personal fields for this viewer. */
  masked?: boolean;
}

export interface RequestedInfo {
  /** 申请公开的政府信息名称. */
  subject: string;
  /** 文号. */
  docNumber?: string | null;
  /** 特征描述. */
  description: string;
  /** 信息的形式要求: paper, electronic, … */
  formWanted?: string | null;
  /** 获取信息的方式: post, email, pickup, … */
  deliveryWanted?: string | null;
}

/**
 * A case as the detail answer gives it; applicant fields are masked by permission. The names of the
 * agency, unit and handler and the applicant summary are optional: the list gives them, the detail may not.
 */
export interface RequestCase extends RequestedInfo {
  id: number;
  caseNo: string | null;
  stage: Stage;
  channel: string;
  submittedOn: string;
  receivedOn: string | null;
  orgId: number;
  orgName?: string | null;
  unitId: number | null;
  unitName?: string | null;
  handlerId: number | null;
  handlerName?: string | null;
  applicantType?: string;
  applicantName?: string;
  applicant: Applicant;
  outcome: string | null;
  outcomeGround?: string | null;
  replyDue: string | null;
  paused?: boolean;
  /** The portal tracking code (online applications), for those who may see personal data. */
  trackingCode?: string | null;
}

export type PauseReason = 'correction' | 'consultation' | 'fee';

/** The statutory clock (src/modules/requests/domain/clock.ts ClockState); dates are YYYY-MM-DD. */
export interface ClockState {
  received: string;
  channel: string;
  countingFrom: string;
  correctionNoticeDue: string;
  correctionPending: boolean;
  replyDue: string | null;
  originalReplyDue: string | null;
  extendedReplyDue: string | null;
  extended: boolean;
  totalWorkingDays: number;
  workingDaysUsed: number | null;
  workingDaysLeft: number | null;
  paused: boolean;
  pausedSince: string | null;
  pauseReason: PauseReason | null;
  thirdPartyDue: string | null;
  feePaymentDue: string | null;
  overdue: boolean | null;
  asOf: string;
  calendarMissingYear: number | null;
  /** Years without a loaded holiday notice the reply deadline was counted over: non-empty = 暂定. */
  provisionalYears: number[];
}

export interface RequestEvent {
  id: number;
  /** Recorded at (timestamp). */
  at: string;
  /** The day the step took place (YYYY-MM-DD). */
  on: string;
  type: string;
  actorName: string | null;
  data: Record<string, unknown>;
}

export interface RequestDetail {
  case: RequestCase;
  clock: ClockState | null;
  /** Set when the deadline reaches a year whose working-day calendar is not loaded. */
  clockMissingYear?: number | null;
  events: RequestEvent[];
  allowedActions: string[];
  /** The letters of the case file (补正告知书, 答复书, …), oldest first. */
  letters?: CaseLetter[];
}

export interface RequestCreateInput {
  channel: Channel;
  submittedOn: string;
  receivedOn?: string;
  orgId: number;
  applicant: Applicant;
  request: RequestedInfo;
}

export type ConsultedParty = 'third-party' | 'agency';
export type ConsultOpinion = 'agree' | 'refuse' | 'none';
export type FeeMethod = 'per-item' | 'per-page';

/**
 * The body of POST /api/requests/:id/actions: the action code, the day the step took place (`on`) and
 * that action's data. For confirm-receipt docs/requests.md names the date `receivedOn` while the server
 * reads `on`: both are sent.
 */
export type RequestAction =
  | { action: 'confirm-receipt'; on: string; receivedOn: string }
  | { action: 'assign'; on: string; unitId: number; handlerId?: number | null }
  | { action: 'request-correction'; on: string; items: string; deadlineDate: string }
  | { action: 'receive-correction'; on: string; text?: string }
  | { action: 'deem-withdrawn-no-correction'; on: string }
  | { action: 'consult-send'; on: string; consultationId: string; party: ConsultedParty; name: string }
  | { action: 'consult-deliver'; on: string; consultationId: string }
  | { action: 'consult-reply'; on: string; consultationId: string; opinion: ConsultOpinion; text?: string }
  | { action: 'extend'; on: string; reason: string }
  | { action: 'fee-notice'; on: string; method: FeeMethod; quantity: number }
  | { action: 'fee-paid'; on: string }
  | { action: 'deem-withdrawn-no-payment'; on: string }
  | { action: 'reply'; on: string; outcome: string; groundCode?: string | null; text: string }
  | { action: 'withdraw'; on: string; by: 'applicant'; reason?: string }
  | { action: 'note'; on: string; text: string }
  | {
      action: 'assist-request';
      on: string;
      unitId: number;
      kind: 'investigation' | 'meeting';
      question: string;
      dueOn: string;
    }
  | { action: 'archive'; on: string };

/** GET /api/requests/meta as sent; see lib/requestsMeta.ts for the normalised form the screens use. */
export type RawRequestsMeta = Record<string, unknown>;

export function listRequests(query: RequestListQuery): Promise<ListResult<RequestListItem>> {
  const { overdue, paused, ...rest } = query;
  return api.get('/api/requests', {
    ...rest,
    overdue: overdue ? 1 : undefined,
    paused: paused ? 1 : undefined,
  });
}

export function createRequest(input: RequestCreateInput): Promise<RequestDetail> {
  return api.post('/api/requests', input);
}

export function getRequest(id: number): Promise<RequestDetail> {
  return api.get(`/api/requests/${id}`);
}

export function runRequestAction(id: number, action: RequestAction): Promise<RequestDetail> {
  return api.post(`/api/requests/${id}/actions`, action);
}

export function fetchRequestsMeta(): Promise<RawRequestsMeta> {
  return api.get('/api/requests/meta');
}
