import type { z } from 'zod';
import type { consultationView, pairView, routedView } from './api.schemas.ts';
import type { RoutedEntry } from './routing.service.ts';
import type { ConsultationRow } from './routing.store.ts';
import type { QaPairRow } from './store.ts';

export function presentPair(p: QaPairRow): z.infer<typeof pairView> {
  return {
    id: p.id,
    orgId: p.org_id,
    question: p.question,
    answer: p.answer,
    documentId: p.document_id,
    clause: p.clause,
    topics: p.topics,
    status: p.status,
    flagged: p.flagged,
    updatedAt: new Date(p.updated_at).toISOString(),
  };
}

export function presentRouted(e: RoutedEntry): z.infer<typeof routedView> {
  const r = e.row;
  return {
    id: r.id,
    trackingCode: r.tracking_code,
    question: r.question,
    askedOn: r.asked_on,
    status: r.status,
    suggestedOrgId: r.suggested_org_id,
    suggestedOrgName: e.suggestedOrgName,
    suggestionReason: r.suggestion_reason,
    orgId: r.org_id,
    orgName: e.orgName,
    dueDays: r.due_days,
    dueOn: r.due_on,
    overdue: e.overdue,
    provisionalYears: e.provisionalYears,
    answer: r.answer,
    documentIds: r.cited_document_ids,
    general: r.general,
    answeredOn: r.answered_on,
    reviewNote: r.review_note,
    sentOn: r.sent_on,
    pairId: r.pair_id,
    contactPhone: e.personal ? r.contact_phone : null,
    contactEmail: e.personal ? r.contact_email : null,
    actions: e.actions,
  };
}

export function presentConsultation(c: {
  row: ConsultationRow;
  orgName: string | null;
}): z.infer<typeof consultationView> {
  return {
    id: c.row.id,
    channel: c.row.channel,
    askedOn: c.row.asked_on,
    question: c.row.question,
    answer: c.row.answer,
    orgId: c.row.org_id,
    orgName: c.orgName,
    topic: c.row.topic,
    pairId: c.row.pair_id,
  };
}
