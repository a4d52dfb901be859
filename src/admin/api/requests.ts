// 依申请公开 (applications for disclosure): staff API (src/modules/requests/api.ts), as in docs/requests.md.
// Answers are typed by the server's schemas; stages and their rules come from the module's domain.
import type { z } from 'zod';
import type * as s from '../../modules/requests/api.schemas.ts';
import { api, type Input, type ListResult } from './client.ts';

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

/** The workbench's filters: the server's listQuery, with `overdue` and `paused` as flags (sent as 1). */
export type RequestListQuery = Omit<Input<typeof s.listQuery>, 'overdue' | 'paused'> & {
  overdue?: boolean;
  paused?: boolean;
};

/** The body of POST /api/requests: a registration by staff (`orgId` is coerced on the server). */
export type RequestCreateInput = Input<typeof s.registerBody>;
/** The applicant as the registration form sends them. */
export type Applicant = RequestCreateInput['applicant'];
/** 申请公开的政府信息: name (subject), 文号, 特征描述, 形式要求 and 获取方式. */
export type RequestedInfo = RequestCreateInput['request'];

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

/** A file of the case (申请材料, 协助办理材料, 公开的政府信息), as the detail lists it. */
export type CaseFile = RequestDetail['files'][number];

/** Where a file of the case downloads (GET /api/requests/:id/files/:fileId, audited). */
export function caseFileUrl(requestId: number, fileId: number): string {
  return `/api/requests/${requestId}/files/${fileId}`;
}
