/**
 * 政策问答转办 (e3): a question the portal could not answer, sent on by the asker. The unit is suggested
 * from the closest documents (domain/routing.ts); the office confirms or reassigns it, the unit answers,
 * the office reviews and sends the answer (e-mail when the asker left an address and SMTP is configured;
 * the tracking page shows it in any case); a general answer joins 政策问答库 as a published pair citing its
 * documents. Due dates in working days from the platform calendar (a provisional year is flagged).
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { searchTokens } from '../../platform/search/fulltext.ts';
import { chinaToday, now } from '../../platform/time.ts';
import { formatChineseDate, loadCalendar, provisionalYearsBetween } from '../calendar/index.ts';
import { listPublicDocumentTexts } from '../documents/index.ts';
import type { Mailer } from '../notifications/index.ts';
import { createNotifications } from '../notifications/index.ts';
import {
  activeUsers,
  listOrgs,
  loadReceiving,
  receivingUserIds,
  usersOfOrgs,
  visibleOrgIds,
} from '../orgs/index.ts';
import { can } from './domain/policies.ts';
import {
  checkContact,
  isRoutedOverdue,
  nextRoutedStatus,
  ROUTED_STATUS_LABELS,
  type RoutedStatus,
  type RoutedStep,
  suggestUnit,
  trackingCode,
} from './domain/routing.ts';
import * as routing from './routing.store.ts';
import { closestEvidence } from './service.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;
type FieldError = { path: string; message: string };
const invalid = (fields: FieldError[]) => new AppError('VALIDATION_FAILED', {}, fields);

/** A routed question's longest form (the portal's question box allows fewer). */
export const MAX_ROUTED_QUESTION = 500;

async function dueOn(db: Db, from: string, days: number): Promise<string> {
  const calendar = await loadCalendar(db);
  return calendar.addWorkingDays(from, days);
}

async function notifyUsers(
  tx: Db,
  userIds: readonly number[],
  row: routing.RoutedRow,
  title: string,
  body: string,
) {
  await createNotifications(
    tx,
    [...new Set(userIds)].map((userId) => ({
      userId,
      kind: 'qa.routed',
      subjectType: 'qa_routed_question',
      subjectId: String(row.id),
      title,
      body,
      dueOn: row.due_on,
    })),
  );
}

/** The office staff who receive for an organisation; without one, every office-role person. */
async function officeStaff(tx: Db, orgId: number | null): Promise<number[]> {
  const receipt = orgId === null ? null : (await loadReceiving(tx)).receiverOf(orgId);
  if (receipt) {
    const ids = await receivingUserIds(tx, receipt.officeId);
    if (ids.length > 0) return ids;
  }
  return (await activeUsers(tx, { roles: ['office'] })).map((u) => u.id);
}

export type RouteInput = { question: string; phone: string; email: string };

/** The asker sends a refused question on (portal; no signed-in person). Field errors as VALIDATION_FAILED. */
export async function routeQuestion(db: Db, input: RouteInput): Promise<routing.RoutedRow> {
  // Whitespace and control characters collapsed; nothing cut (a question too long is refused whole).
  const question = input.question
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  const errors: FieldError[] = [];
  if (question === '') errors.push({ path: 'question', message: '请填写您的问题' });
  else if ([...question].length > MAX_ROUTED_QUESTION)
    errors.push({ path: 'question', message: `问题太长了，请精简到${MAX_ROUTED_QUESTION}字以内` });
  const { contact, errors: contactErrors } = checkContact(input.phone, input.email);
  for (const e of contactErrors) errors.push({ path: e.field, message: e.message });
  if (errors.length > 0) throw invalid(errors);
  const [evidence, orgs, days] = await Promise.all([
    closestEvidence(db, question),
    listOrgs(db),
    routing.routedDueDays(db),
  ]);
  const suggestion = suggestUnit(
    evidence,
    orgs.map((o) => ({ id: o.id, name: o.name, parentId: o.parent_id, kind: o.kind, disabled: o.disabled })),
  );
  const today = chinaToday();
  const due = await dueOn(db, today, days);
  return inTransaction(db, async (tx) => {
    const row = await routing.insertRouted(tx, {
      tracking_code: trackingCode(today, [...randomBytes(6)]),
      question,
      contact_phone: contact.phone,
      contact_email: contact.email,
      asked_on: today,
      asked_at: now(),
      suggested_org_id: suggestion?.orgId ?? null,
      suggestion_reason: suggestion?.reason ?? null,
      org_id: null,
      due_days: days,
      due_on: due,
      updated_at: now(),
    });
    // The contact stays out of the trail (personal data).
    await recordAudit(tx, {
      actorId: null,
      action: 'qa.routed.submit',
      subjectType: 'qa_routed_question',
      subjectId: row.id,
      after: { suggestedOrgId: row.suggested_org_id, dueOn: row.due_on },
    });
    await notifyUsers(
      tx,
      await officeStaff(tx, row.suggested_org_id),
      row,
      '政策问答收到一件转办问题',
      `请确认承办单位，答复期限为${formatChineseDate(row.due_on)}。`,
    );
    return row;
  });
}

export type TrackView = {
  code: string;
  question: string;
  askedOn: string;
  status: RoutedStatus;
  statusLabel: string;
  unit: string | null;
  dueOn: string;
  provisionalYears: number[];
  answer: string | null;
  sentOn: string | null;
  citations: { id: number; title: string; docNumber: string | null }[];
};

/** What the tracking page shows (never the contact; the answer only once the office sent it). */
export async function trackQuestion(db: Db, code: string): Promise<TrackView | null> {
  const row = await routing.findRoutedByCode(db, code);
  if (!row) return null;
  const [orgs, calendar] = await Promise.all([listOrgs(db), loadCalendar(db)]);
  const sent = row.status === 'sent';
  const docs =
    sent && row.cited_document_ids.length > 0
      ? await listPublicDocumentTexts(db, row.cited_document_ids)
      : [];
  return {
    code: row.tracking_code,
    question: row.question,
    askedOn: row.asked_on,
    status: row.status,
    statusLabel: ROUTED_STATUS_LABELS[row.status],
    unit: row.org_id === null ? null : (orgs.find((o) => o.id === row.org_id)?.name ?? null),
    dueOn: row.due_on,
    provisionalYears: sent ? [] : provisionalYearsBetween(calendar, row.asked_on, row.due_on),
    answer: sent ? row.answer : null,
    sentOn: row.sent_on,
    citations: docs.map((d) => ({ id: d.id, title: d.title, docNumber: d.docNumber })),
  };
}

export type RoutedEntry = {
  row: routing.RoutedRow;
  orgName: string | null;
  suggestedOrgName: string | null;
  overdue: boolean;
  provisionalYears: number[];
  /** The contact, for the office only. */
  personal: boolean;
  actions: RoutedStep[];
};

export type RoutedQuery = { status?: RoutedStatus; overdue?: boolean };

/** The queue the person sees: the office all; a unit the questions assigned to its organisations. */
export async function listRoutedFor(
  db: Db,
  actor: Actor,
  q: RoutedQuery,
): Promise<{ items: RoutedEntry[]; overdue: number }> {
  if (!can(actor, 'ask')) throw new AppError('FORBIDDEN');
  const manage = can(actor, 'routed.manage');
  const orgIds = manage ? undefined : [...(await visibleOrgIds(db, actor))];
  const today = chinaToday();
  const [rows, all] = await Promise.all([
    routing.listRouted(db, { orgIds, status: q.status, overdueOn: q.overdue ? today : undefined }),
    routing.listRouted(db, { orgIds, overdueOn: today }),
  ]);
  return { items: await entries(db, actor, rows), overdue: (await entries(db, actor, all)).length };
}

/**
 * Which routed questions a person reaches: those of the organisations they see — for the office and the
 * administrator (who manage the queue) the unit the question went or is suggested to, and one not yet
 * placed anywhere only when they see the whole tree. A department's office manages its own subtree's
 * questions, not the city's queue.
 */
async function routedScope(db: Db, actor: Actor) {
  const [visible, orgs] = await Promise.all([visibleOrgIds(db, actor), listOrgs(db)]);
  const whole = orgs.filter((o) => o.parent_id === null).every((o) => visible.has(o.id));
  const manage = can(actor, 'routed.manage');
  return {
    visible,
    whole,
    manage,
    reaches(row: routing.RoutedRow): boolean {
      if (!manage) return row.org_id !== null && visible.has(row.org_id);
      const unit = row.org_id ?? row.suggested_org_id;
      return unit === null ? whole : visible.has(unit);
    },
  };
}

export async function getRouted(db: Db, actor: Actor, id: number): Promise<RoutedEntry> {
  const row = await routing.findRouted(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const [entry] = await entries(db, actor, [row]);
  if (!entry) throw new AppError('NOT_FOUND');
  return entry;
}

async function entries(db: Db, actor: Actor, rows: readonly routing.RoutedRow[]): Promise<RoutedEntry[]> {
  const [orgs, calendar, scope] = await Promise.all([listOrgs(db), loadCalendar(db), routedScope(db, actor)]);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  const manage = scope.manage;
  const today = chinaToday();
  const out: RoutedEntry[] = [];
  for (const row of rows) {
    if (!scope.reaches(row)) continue;
    const actions: RoutedStep[] = [];
    if (manage && nextRoutedStatus(row.status, 'assign')) actions.push('assign');
    if (
      row.org_id !== null &&
      can(actor, 'routed.answer', { orgId: row.org_id }) &&
      nextRoutedStatus(row.status, 'answer')
    )
      actions.push('answer');
    if (manage && nextRoutedStatus(row.status, 'approve')) actions.push('approve', 'return');
    out.push({
      row,
      orgName: row.org_id === null ? null : (names.get(row.org_id) ?? null),
      suggestedOrgName: row.suggested_org_id === null ? null : (names.get(row.suggested_org_id) ?? null),
      overdue: isRoutedOverdue(row.status, row.due_on, today),
      provisionalYears:
        row.status === 'sent' ? [] : provisionalYearsBetween(calendar, row.asked_on, row.due_on),
      personal: manage,
      actions,
    });
  }
  return out;
}

function stepOrRefuse(status: RoutedStatus, step: RoutedStep): RoutedStatus {
  const to = nextRoutedStatus(status, step);
  if (!to) throw new AppError('QA_ROUTED_STATE', { status: ROUTED_STATUS_LABELS[status] });
  return to;
}

/** The office confirms the suggested unit or chooses another (until the unit has answered). */
export async function assignRouted(db: Db, actor: Actor, id: number, orgId: number): Promise<RoutedEntry> {
  if (!can(actor, 'routed.manage')) throw new AppError('FORBIDDEN');
  const scope = await routedScope(db, actor);
  const org = (await listOrgs(db)).find((o) => o.id === orgId && !o.disabled && scope.visible.has(o.id));
  if (!org) throw invalid([{ path: 'orgId', message: '请选择承办单位' }]);
  await inTransaction(db, async (tx) => {
    const before = await routing.findRouted(tx, id, true);
    if (!before || !scope.reaches(before)) throw new AppError('NOT_FOUND');
    const status = stepOrRefuse(before.status, 'assign');
    const row = await routing.updateRouted(tx, id, { org_id: orgId, status, updated_at: now() });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'qa.routed.assign',
      subjectType: 'qa_routed_question',
      subjectId: id,
      before: { orgId: before.org_id, status: before.status },
      after: { orgId, status },
    });
    await notifyUsers(
      tx,
      (await usersOfOrgs(tx, [orgId])).map((u) => u.id),
      row,
      '政策问答转办：请答复群众提问',
      `问题：${row.question.slice(0, 60)}。答复期限为${formatChineseDate(row.due_on)}。`,
    );
  });
  return getRouted(db, actor, id);
}

export type RoutedAnswer = { answer: string; documentIds: number[]; general: boolean };

/** The unit answers, citing public documents; a general answer (for 政策问答库) cites one in force. */
export async function answerRouted(
  db: Db,
  actor: Actor,
  id: number,
  input: RoutedAnswer,
): Promise<RoutedEntry> {
  const existing = await routing.findRouted(db, id);
  if (!existing || !(await routedScope(db, actor)).reaches(existing)) throw new AppError('NOT_FOUND');
  if (existing.org_id === null || !can(actor, 'routed.answer', { orgId: existing.org_id }))
    throw new AppError('FORBIDDEN');
  const ids = [...new Set(input.documentIds)];
  const docs = ids.length > 0 ? await listPublicDocumentTexts(db, ids) : [];
  const missing = ids.filter((d) => !docs.some((x) => x.id === d));
  if (missing.length > 0) throw new AppError('QA_DOCUMENT_NOT_PUBLIC');
  if (input.general && !docs.some((d) => d.inForce))
    throw invalid([{ path: 'documentIds', message: '收入政策问答库的答复须引用至少一件现行有效的文件' }]);
  await inTransaction(db, async (tx) => {
    const before = await routing.findRouted(tx, id, true);
    if (!before) throw new AppError('NOT_FOUND');
    const status = stepOrRefuse(before.status, 'answer');
    const row = await routing.updateRouted(tx, id, {
      status,
      answer: input.answer,
      cited_document_ids: ids,
      general: input.general,
      answered_on: chinaToday(),
      answered_by: actor.id,
      review_note: null,
      updated_at: now(),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'qa.routed.answer',
      subjectType: 'qa_routed_question',
      subjectId: id,
      before: { status: before.status },
      after: { status, documentIds: ids, general: input.general },
    });
    await notifyUsers(
      tx,
      await officeStaff(tx, row.org_id),
      row,
      '政策问答转办：答复待审核',
      row.question.slice(0, 60),
    );
  });
  return getRouted(db, actor, id);
}

/**
 * The office reviews the answer: approve sends it to the asker (and publishes a general one into 政策问答库);
 * return sends it back to the unit with a note. The e-mail goes after the commit (best effort).
 */
export async function reviewRouted(
  db: Db,
  actor: Actor,
  id: number,
  step: 'approve' | 'return',
  note: string | null,
  mailer?: Mailer,
): Promise<RoutedEntry> {
  if (!can(actor, 'routed.manage')) throw new AppError('FORBIDDEN');
  if (step === 'return' && !note) throw invalid([{ path: 'note', message: '请写明退回的理由' }]);
  const scope = await routedScope(db, actor);
  const row = await inTransaction(db, async (tx) => {
    const before = await routing.findRouted(tx, id, true);
    if (!before || !scope.reaches(before)) throw new AppError('NOT_FOUND');
    const status = stepOrRefuse(before.status, step);
    let pairId: number | null = before.pair_id;
    if (step === 'approve' && before.general && before.org_id !== null && pairId === null) {
      const docs = await listPublicDocumentTexts(tx, before.cited_document_ids);
      const doc = docs.find((d) => d.inForce);
      if (!doc)
        throw invalid([{ path: 'documentIds', message: '所引用的文件已不再有效，请退回承办单位修改' }]);
      const at = now();
      const question = before.question.slice(0, 200);
      const answer = (before.answer ?? '').slice(0, 4000);
      const pair = await store.insertPair(tx, {
        org_id: before.org_id,
        question,
        answer,
        document_id: doc.id,
        clause: null,
        topics: [],
        status: 'published',
        question_terms: searchTokens(question),
        answer_terms: searchTokens(answer),
        created_by: before.answered_by,
        submitted_at: at,
        reviewed_by: actor.id,
        published_at: at,
        updated_at: at,
      });
      pairId = pair.id;
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'qa.pair.from_routed',
        subjectType: 'qa_pair',
        subjectId: pair.id,
        after: { routedId: id, documentId: doc.id },
      });
      await store.touchGeneration(tx);
    }
    const after = await routing.updateRouted(tx, id, {
      status,
      reviewed_by: actor.id,
      review_note: step === 'return' ? note : null,
      sent_on: step === 'approve' ? chinaToday() : null,
      pair_id: pairId,
      updated_at: now(),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: `qa.routed.${step}`,
      subjectType: 'qa_routed_question',
      subjectId: id,
      before: { status: before.status },
      after: { status, pairId },
    });
    if (step === 'return' && after.org_id !== null)
      await notifyUsers(
        tx,
        (await usersOfOrgs(tx, [after.org_id])).map((u) => u.id),
        after,
        '政策问答转办：答复被退回',
        note ?? '',
      );
    return after;
  });
  if (step === 'approve' && row.contact_email && mailer?.enabled) {
    try {
      await mailer.send({
        to: row.contact_email,
        subject: `您的政策咨询已答复（查询码 ${row.tracking_code}）`,
        text: `您提出的问题：${row.question}\n\n答复：${row.answer ?? ''}\n\n可凭查询码 ${row.tracking_code} 在政策问答栏目查看。`,
      });
    } catch {
      // The answer is on the tracking page in any case; a failed e-mail does not undo the review.
    }
  }
  return getRouted(db, actor, id);
}

export async function routedSettings(db: Db): Promise<{ dueDays: number }> {
  return { dueDays: await routing.routedDueDays(db) };
}

/** The working days a newly routed question is due in; questions already routed keep theirs. */
export async function saveRoutedSettings(
  db: Db,
  actor: Actor,
  dueDays: number,
): Promise<{ dueDays: number }> {
  // The due days hold for the whole queue: set by those who manage all of it.
  if (!can(actor, 'routed.manage') || !(await routedScope(db, actor)).whole) throw new AppError('FORBIDDEN');
  await inTransaction(db, async (tx) => {
    const before = await routing.routedDueDays(tx);
    await routing.saveRoutedDueDays(tx, dueDays);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'qa.routed.settings',
      subjectType: 'qa_settings',
      subjectId: 1,
      before: { dueDays: before },
      after: { dueDays },
    });
  });
  return { dueDays };
}

/** calendar.changed: the due dates of questions still open, recounted. */
export async function recomputeRoutedDueDates(db: Db): Promise<void> {
  const calendar = await loadCalendar(db);
  for (const row of await routing.openRouted(db)) {
    let due: string;
    try {
      due = calendar.addWorkingDays(row.asked_on, row.due_days);
    } catch {
      continue;
    }
    if (due !== row.due_on) await routing.updateRouted(db, row.id, { due_on: due });
  }
}
