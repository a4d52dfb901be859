// 依申请公开 (applications for disclosure): staff API (src/modules/requests/api.ts), as in docs/requests.md.
// Answers are typed by the server's schemas; stages and their rules come from the module's domain.
import type { z } from 'zod';
import type * as s from '../../modules/requests/api.schemas.ts';
import { api, type ListResult } from './client.ts';

export type { ConsultedParty } from '../../modules/requests/domain/clock.ts';
export type { FeeMethod } from '../../modules/requests/domain/fees.ts';
export {
  type ConsultationOpinion as ConsultOpinion,
  isEndedStage,
  isOpenStage,
  type Stage,
} from '../../modules/requests/domain/stages.ts';

/** One row of the workbench. `applicantName` is masked by the server where the user may not see it. */
export type RequestListItem = z.infer<typeof s.listItem>;
/** A case as the detail gives it; applicant fields are masked by permission. */
export type RequestCase = z.infer<typeof s.caseView>;
/** The statutory clock (src/modules/requests/domain/clock.ts ClockState); dates are YYYY-MM-DD. */
export type ClockState = z.infer<typeof s.clockView>;
export type RequestEvent = z.infer<typeof s.eventView>;
export type RequestDetail = z.infer<typeof s.detailResponse>;
/** GET /api/requests/meta as sent; see lib/requestsMeta.ts for the normalised form the screens use. */
export type RequestsMetaResponse = z.infer<typeof s.metaResponse>;

/**
 * The body of POST /api/requests/:id/actions: the action code, the day the step took place (`on`) and
 * that action's data (one schema per action on the server).
 */
export type RequestAction = z.input<typeof s.actionBody>;
/** The actions staff take on a case (the assistance answer goes through the unit's own task). */
export type ActionCode = RequestAction['action'];

/** How the application arrived; `online` cases come from the portal, the others are registered by staff. */
export type Channel = z.output<typeof s.registerBody>['channel'] | 'online';

/** Channels whose receipt date is known on registration (Art. 31(1)(2)): handed in or signed for. */
export const RECEIPT_KNOWN_CHANNELS: readonly string[] = ['in-person', 'post-signed'];

export interface RequestListQuery {
  stage?: string;
  unitId?: number;
  overdue?: boolean;
  paused?: boolean;
  /** Cases whose reply is due within this many working days (5 = 本周到期). */
  dueWithin?: number;
  /** supervise: 督办, the cases a government's office oversees (the default is the cases in hand). */
  view?: 'supervise';
  q?: string;
  page: number;
  pageSize: number;
}

/** The applicant as the registration form sends them. */
export interface Applicant {
  type: string;
  name: string;
  idType?: string | null;
  idNumber?: string | null;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  contactName?: string | null;
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

export interface RequestCreateInput {
  channel: Channel;
  submittedOn: string;
  receivedOn?: string;
  orgId: number;
  applicant: Applicant;
  request: RequestedInfo;
}

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

export function fetchRequestsMeta(): Promise<RequestsMetaResponse> {
  return api.get('/api/requests/meta');
}
