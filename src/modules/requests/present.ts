import { maskId, maskName, maskPhone } from './domain/policies.ts';
import { isRunningStage, type Stage } from './domain/stages.ts';
import type { CaseDetail } from './service.ts';
import type { ApplicantRecord, RequestEventRow, RequestListRow, RequestRow } from './store.ts';

/** The applicant as the viewer may see them: in full for the office and the case's handlers, masked otherwise. */
export function presentApplicant(a: ApplicantRecord, personal: boolean) {
  if (personal) return { ...a, masked: false };
  return {
    type: a.type,
    name: maskName(a.name),
    idType: a.idType,
    idNumber: maskId(a.idNumber),
    phone: maskPhone(a.phone),
    email: null,
    address: null,
    contactName: a.contactName ? maskName(a.contactName) : null,
    masked: true,
  };
}

export function presentListItem(
  r: RequestListRow,
  personal: boolean,
  workingDaysLeft: number | null,
  today: string,
) {
  return {
    id: r.id,
    caseNo: r.case_no ?? '',
    subject: r.subject,
    applicantName: personal ? r.applicant_name : maskName(r.applicant_name),
    applicantType: r.applicant_type,
    channel: r.channel,
    // Stored by act() from decide(), so always one of STAGES.
    stage: r.stage as Stage,
    orgId: r.org_id,
    orgName: r.org_name,
    unitId: r.unit_id,
    unitName: r.unit_name ?? null,
    handlerId: r.handler_id,
    handlerName: r.handler_name ?? null,
    receivedOn: r.received_on,
    replyDue: r.reply_due,
    workingDaysLeft,
    paused: r.paused,
    overdue: r.reply_due !== null && isRunningStage(r.stage) && r.reply_due < today,
    clockMissingYear: r.clock_missing_year,
    outcome: r.outcome,
    imported: r.imported,
  };
}

export function presentEvent(e: RequestEventRow, actorName: string | null) {
  return {
    id: e.id,
    at: e.at.toISOString(),
    on: e.on_date,
    type: e.type,
    actorId: e.actor_id,
    actorName,
    data: e.data,
  };
}

export function presentCase(row: RequestRow, personal: boolean) {
  return {
    id: row.id,
    caseNo: row.case_no ?? '',
    orgId: row.org_id,
    unitId: row.unit_id,
    handlerId: row.handler_id,
    channel: row.channel,
    submittedOn: row.submitted_on,
    receivedOn: row.received_on,
    stage: row.stage as Stage,
    applicant: presentApplicant(row.applicant, personal),
    subject: row.subject,
    docNumber: row.doc_number,
    description: row.description,
    formWanted: row.form_wanted,
    deliveryWanted: row.delivery_wanted,
    outcome: row.outcome,
    outcomeGround: row.outcome_ground,
    replyDue: row.reply_due,
    paused: row.paused,
    clockMissingYear: row.clock_missing_year,
    trackingCode: personal ? row.tracking_code : null,
    imported: row.imported,
  };
}

export function presentDetail(d: CaseDetail, names: Map<number, string>) {
  return {
    case: presentCase(d.row, d.personal),
    clock: d.clock.state,
    clockMissingYear: d.clock.missingYear,
    events: d.events.map((e) =>
      presentEvent(e, e.actor_id === null ? null : (names.get(e.actor_id) ?? null)),
    ),
    allowedActions: d.allowedActions,
    signoff: d.signoff,
  };
}
