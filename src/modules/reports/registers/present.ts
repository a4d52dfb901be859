import { provisionalNote } from '../../calendar/index.ts';
import { presentReview } from '../present.ts';
import type { ComplaintEntry, ReviewEntry } from './service.ts';

export function presentRegisterReview(e: ReviewEntry) {
  return {
    ...presentReview(e.row),
    agencyName: e.agencyName,
    ordersNewReply: e.row.orders_new_reply,
    caseId: e.caseId,
    caseStage: e.caseStage,
    file: e.file,
    editable: e.editable,
    deletable: e.deletable,
  };
}

export function presentComplaint(e: ComplaintEntry) {
  const r = e.row;
  return {
    id: r.id,
    orgId: r.org_id,
    agencyName: e.agencyName,
    kind: r.kind,
    channel: r.channel,
    receivedOn: r.received_on,
    complainant: e.personal
      ? { name: r.complainant_name, phone: r.complainant_phone, address: r.complainant_address }
      : null,
    content: r.content,
    caseNo: e.caseNo,
    state: r.state,
    assigneeOrgId: r.assignee_org_id,
    assigneeOrgName: e.assigneeOrgName,
    assigneeId: r.assignee_id,
    dueOn: r.due_on,
    dueNote: e.provisionalYears.length ? provisionalNote(e.provisionalYears) : null,
    overdue: e.overdue,
    answer: r.answer,
    answeredOn: r.answered_on,
    actions: e.actions,
  };
}
