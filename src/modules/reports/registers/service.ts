/**
 * The two registers behind the annual report: load → the pure rules decide (domain/) → store writes and
 * the audit row, in one transaction.
 *
 * - Review and litigation register (table 四): entries linked to their application, with the decision
 *   document; a 纠正 ordering a new reply reopens the case through requests' `reopenCase`, in the same
 *   transaction; an entry counted in a submitted report is neither deleted nor moved.
 * - Complaints register (条例第五十一条): due dates in working days from the calendar, states, answers.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/session.ts';
import { chinaToday } from '../../../platform/time.ts';
import {
  type Calendar,
  formatChineseDate,
  loadCalendar,
  provisionalYearsBetween,
} from '../../calendar/index.ts';
import { createNotifications } from '../../notifications/index.ts';
import {
  agencyIdsFor,
  listOrgs,
  loadReceiving,
  receivingUserIds,
  usersOfOrgs,
  visibleOrgIds,
} from '../../orgs/index.ts';
import { findRequest, findRequestByCaseNo, reopenCase } from '../../requests/index.ts';
import { authorityOf } from '../domain/policies.ts';
import { REVIEW_KIND_LABELS, type ReviewKind, type ReviewResult } from '../domain/tables.ts';
import { type Agency, findAgency, listAgencies } from '../service.ts';
import type { ReviewRow } from '../store.ts';
import {
  COMPLAINT_STATE_LABELS,
  COMPLAINT_STEP_LABELS,
  type ComplaintChannel,
  type ComplaintKind,
  type ComplaintState,
  type ComplaintStep,
  isComplaintOverdue,
  nextComplaintState,
} from './domain/complaints.ts';
import { can, type RegisterAction, type RegisterActor, type RegisterSubject } from './domain/policies.ts';
import {
  countedYear,
  decisionFileErrors,
  type FieldError,
  movesCountedEntry,
  reopensCase,
  reportOpen,
  reviewErrors,
} from './domain/reviews.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

const invalid = (fields: FieldError[]) => new AppError('VALIDATION_FAILED', {}, fields);

// ── authorization ──

async function registerActor(db: Db, actor: Actor): Promise<RegisterActor> {
  const [agencyIds, visible] = await Promise.all([agencyIdsFor(db, actor), visibleOrgIds(db, actor)]);
  return { role: actor.role, orgId: actor.orgId, agencyIds, visibleOrgIds: [...visible] };
}

const subjectOf = (agency: Agency, assigneeOrgId: number | null = null): RegisterSubject => ({
  orgId: agency.org.id,
  authorityOrgId: authorityOf({ id: agency.org.id, kind: agency.org.kind, parentId: agency.org.parent_id }),
  assigneeOrgId,
});

/** The agency if the person may `action` on its entries: NOT_FOUND when they may not see, else FORBIDDEN. */
async function authorize(
  db: Db,
  ra: RegisterActor,
  orgId: number,
  action: RegisterAction,
  view: RegisterAction,
  assigneeOrgId: number | null = null,
): Promise<Agency> {
  const agency = await agencyOrNull(db, orgId);
  if (!agency) throw new AppError('NOT_FOUND');
  const subject = subjectOf(agency, assigneeOrgId);
  if (!can(ra, view, subject)) throw new AppError('NOT_FOUND');
  if (!can(ra, action, subject)) throw new AppError('FORBIDDEN');
  return agency;
}

/** The reporting agency of that id; undefined for none, and for a disclosure office (REPORT_NOT_AGENCY). */
async function agencyOrNull(db: Db, orgId: number): Promise<Agency | undefined> {
  try {
    return await findAgency(db, orgId);
  } catch (err) {
    if (err instanceof AppError && err.code === 'REPORT_NOT_AGENCY') return undefined;
    throw err;
  }
}

/** The agency an entry is registered under (a disclosure office's entries belong to the agency it serves). */
async function agencyFor(db: Db, orgId: number, path = 'orgId'): Promise<Agency> {
  const agency = await agencyOrNull(db, orgId);
  if (!agency)
    throw invalid([{ path, message: '请选择报告机关（政府信息公开工作机构的案件计入其所服务的机关）' }]);
  return agency;
}

/** A case named by its number, which must belong to the agency's report. */
async function resolveCase(db: Db, agency: Agency, caseNo: string | null, path = 'requestCaseNo') {
  if (caseNo === null) return null;
  const row = await findRequestByCaseNo(db, caseNo);
  if (!row) throw invalid([{ path, message: `找不到申请编号为“${caseNo}”的申请` }]);
  if (!agency.scope.includes(row.org_id))
    throw invalid([{ path, message: `申请“${caseNo}”不是向${agency.org.name}提出的` }]);
  return row;
}

// ── review and litigation register ──

export type ReviewInput = {
  orgId: number;
  kind: ReviewKind;
  caseNo: string | null;
  requestCaseNo: string | null;
  filedOn: string;
  organ: string;
  result: ReviewResult;
  decidedOn: string | null;
  ordersNewReply: boolean;
  fileId: number | null;
  note: string;
};

export type ReviewEntry = {
  row: ReviewRow;
  agencyName: string;
  file: { id: number; name: string; size: number } | null;
  caseId: number | null;
  caseStage: string | null;
  editable: boolean;
  deletable: boolean;
};

async function checkFile(db: Db, actor: Actor, fileId: number | null, unchanged: boolean) {
  if (fileId === null || unchanged) return;
  const file = await store.findFile(db, fileId);
  // Only one's own upload may be attached (as on a case's assistance answer).
  if (!file || file.created_by !== actor.id) throw invalid([{ path: 'fileId', message: '请上传决定书文件' }]);
  const errors = decisionFileErrors(file);
  if (errors.length) throw invalid(errors);
}

const reasonOf = (input: ReviewInput) =>
  `${input.organ}于${formatChineseDate(input.decidedOn ?? '')}对${REVIEW_KIND_LABELS[input.kind]}案件${
    input.caseNo ? `（${input.caseNo}）` : ''
  }作出纠正决定，责令重新答复`;

async function checkReview(db: Db, actor: Actor, agency: Agency, input: ReviewInput, unchangedFile: boolean) {
  const kase = await resolveCase(db, agency, input.requestCaseNo);
  const errors = reviewErrors({ ...input, requestId: kase?.id ?? null }, chinaToday());
  if (errors.length) throw invalid(errors);
  await checkFile(db, actor, input.fileId, unchangedFile);
  return kase;
}

/** Registers a review or lawsuit about the agency's disclosure work; a 纠正 ordering a new reply reopens the case. */
export async function createReview(db: Db, actor: Actor, input: ReviewInput): Promise<ReviewRow> {
  const ra = await registerActor(db, actor);
  const agency = await authorize(
    db,
    ra,
    (await agencyFor(db, input.orgId)).org.id,
    'review-edit',
    'review-view',
  );
  const kase = await checkReview(db, actor, agency, input, false);
  return inTransaction(db, async (tx) => {
    const row = await store.insertReview(tx, {
      org_id: agency.org.id,
      kind: input.kind,
      case_no: input.caseNo,
      request_case_no: input.requestCaseNo,
      request_id: kase?.id ?? null,
      filed_on: input.filedOn,
      organ: input.organ,
      result: input.result,
      decided_on: input.decidedOn,
      orders_new_reply: input.ordersNewReply,
      file_id: input.fileId,
      note: input.note,
      created_by: actor.id,
      updated_by: actor.id,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'report.review.create',
      subjectType: 'report_review',
      subjectId: row.id,
      after: row,
    });
    if (reopensCase(null, { ...input, requestId: row.request_id })) await reopen(tx, actor, row, input);
    return row;
  });
}

async function reopen(tx: Db, actor: Actor, row: ReviewRow, input: ReviewInput) {
  if (row.request_id === null || row.decided_on === null) return;
  try {
    await reopenCase(
      tx,
      actor,
      { caseId: row.request_id, decidedOn: row.decided_on, reviewId: row.id, reason: reasonOf(input) },
      chinaToday(),
    );
  } catch (err) {
    // The case's log is append-only: a decision dated before its last entry cannot restart its clock.
    if (err instanceof AppError && err.code === 'EVENT_DATE_INVALID')
      throw invalid([
        {
          path: 'decidedOn',
          message: `审结日期早于该申请最后一条办理记录的日期（${formatChineseDate(String(err.params.after ?? ''))}），无法据此重新办理，请核对审结日期`,
        },
      ]);
    throw err;
  }
}

/** Corrects an entry; a 纠正 ordering a new reply recorded now reopens the case (once). */
export async function updateReview(db: Db, actor: Actor, id: number, input: ReviewInput): Promise<ReviewRow> {
  const ra = await registerActor(db, actor);
  const existing = await store.findReview(db, id);
  if (!existing) throw new AppError('NOT_FOUND');
  const agency = await authorize(db, ra, existing.org_id, 'review-edit', 'review-view');
  if (input.orgId !== existing.org_id)
    throw invalid([{ path: 'orgId', message: '不能更改案件所属的报告机关；请删除后重新登记' }]);
  const kase = await checkReview(db, actor, agency, input, input.fileId === existing.file_id);
  return inTransaction(db, async (tx) => {
    const before = await store.findReview(tx, id, true);
    if (!before) throw new AppError('NOT_FOUND');
    const year = countedYear(before.filed_on);
    if (
      movesCountedEntry(
        { kind: before.kind, filedOn: before.filed_on },
        { kind: input.kind, filedOn: input.filedOn },
      ) &&
      !reportOpen(await store.reportState(tx, before.org_id, year))
    )
      throw new AppError('REGISTER_REVIEW_COUNTED', { year });
    const after = await store.updateReview(tx, id, {
      kind: input.kind,
      case_no: input.caseNo,
      request_case_no: input.requestCaseNo,
      request_id: kase?.id ?? null,
      filed_on: input.filedOn,
      organ: input.organ,
      result: input.result,
      decided_on: input.decidedOn,
      orders_new_reply: input.ordersNewReply,
      file_id: input.fileId,
      note: input.note,
      updated_by: actor.id,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'report.review.update',
      subjectType: 'report_review',
      subjectId: id,
      before,
      after,
    });
    if (
      reopensCase(
        { result: before.result, ordersNewReply: before.orders_new_reply },
        { result: after.result, ordersNewReply: after.orders_new_reply, requestId: after.request_id },
      )
    )
      await reopen(tx, actor, after, input);
    return after;
  });
}

/** Deletes an entry, unless the report of the year it was received in was submitted (its figures count it). */
export async function deleteReview(db: Db, actor: Actor, id: number): Promise<void> {
  const ra = await registerActor(db, actor);
  const existing = await store.findReview(db, id);
  if (!existing) throw new AppError('NOT_FOUND');
  await authorize(db, ra, existing.org_id, 'review-edit', 'review-view');
  await inTransaction(db, async (tx) => {
    const before = await store.findReview(tx, id, true);
    if (!before) throw new AppError('NOT_FOUND');
    const year = countedYear(before.filed_on);
    if (!reportOpen(await store.reportState(tx, before.org_id, year)))
      throw new AppError('REGISTER_REVIEW_COUNTED', { year });
    await store.deleteReview(tx, id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'report.review.delete',
      subjectType: 'report_review',
      subjectId: id,
      before,
    });
  });
}

export type ReviewQuery = { orgId?: number; year?: number; result?: ReviewResult };

/** The entries the person sees, by agency, year received and result. */
export async function listReviews(db: Db, actor: Actor, q: ReviewQuery): Promise<ReviewEntry[]> {
  const ra = await registerActor(db, actor);
  const agencies = (await listAgencies(db)).filter((a) => can(ra, 'review-view', subjectOf(a)));
  const wanted = q.orgId === undefined ? agencies : agencies.filter((a) => a.org.id === q.orgId);
  const rows = await store.listReviews(db, {
    orgIds: wanted.map((a) => a.org.id),
    ...(q.year === undefined ? {} : { year: q.year }),
    ...(q.result === undefined ? {} : { result: q.result }),
  });
  return entriesOf(db, ra, agencies, rows);
}

export async function getReview(db: Db, actor: Actor, id: number): Promise<ReviewEntry> {
  const ra = await registerActor(db, actor);
  const row = await store.findReview(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  const agency = await authorize(db, ra, row.org_id, 'review-view', 'review-view');
  return (await entriesOf(db, ra, [agency], [row]))[0] as ReviewEntry;
}

async function entriesOf(
  db: Db,
  ra: RegisterActor,
  agencies: readonly Agency[],
  rows: readonly ReviewRow[],
): Promise<ReviewEntry[]> {
  const states = new Map<string, boolean>();
  const out: ReviewEntry[] = [];
  for (const row of rows) {
    const agency = agencies.find((a) => a.org.id === row.org_id);
    if (!agency) continue;
    const key = `${row.org_id}:${countedYear(row.filed_on)}`;
    if (!states.has(key))
      states.set(key, reportOpen(await store.reportState(db, row.org_id, countedYear(row.filed_on))));
    const editable = can(ra, 'review-edit', subjectOf(agency));
    const file = row.file_id === null ? undefined : await store.findFile(db, row.file_id);
    const kase = row.request_id === null ? undefined : await findRequest(db, row.request_id);
    out.push({
      row,
      agencyName: agency.org.name,
      file: file ? { id: file.id, name: file.name, size: file.size } : null,
      caseId: kase?.id ?? null,
      caseStage: kase?.stage ?? null,
      editable,
      deletable: editable && (states.get(key) ?? false),
    });
  }
  return out;
}

/** The decision document of an entry the person sees. */
export async function reviewFile(db: Db, actor: Actor, id: number) {
  const entry = await getReview(db, actor, id);
  const file = entry.row.file_id === null ? undefined : await store.findFile(db, entry.row.file_id);
  if (!file) throw new AppError('NOT_FOUND');
  return file;
}

// ── complaints register ──

export type ComplaintInput = {
  orgId: number;
  kind: ComplaintKind;
  channel: ComplaintChannel;
  receivedOn: string;
  complainantName: string;
  complainantPhone: string;
  complainantAddress: string;
  content: string;
  requestCaseNo: string | null;
};

export type ComplaintStepInput =
  | { step: 'assign'; assigneeOrgId: number; assigneeId: number | null }
  | { step: 'answer'; answer: string; answeredOn: string }
  | { step: 'close' };

export type ComplaintEntry = {
  row: store.ComplaintRow;
  agencyName: string;
  assigneeOrgName: string | null;
  caseNo: string | null;
  personal: boolean;
  overdue: boolean;
  /** Years the due date was counted over provisionally (暂定). */
  provisionalYears: number[];
  actions: ('edit' | ComplaintStep)[];
};

function dueOn(calendar: Calendar, receivedOn: string, days: number): string {
  try {
    return calendar.addWorkingDays(receivedOn, days);
  } catch {
    throw invalid([{ path: 'receivedOn', message: '该日期所在年度的工作日历尚未录入，无法计算答复期限' }]);
  }
}

async function checkComplaint(db: Db, agency: Agency, input: ComplaintInput, today: string) {
  if (input.receivedOn > today) throw invalid([{ path: 'receivedOn', message: '收到日期不能晚于今天' }]);
  return resolveCase(db, agency, input.requestCaseNo);
}

async function complaintSubject(db: Db, row: store.ComplaintRow) {
  const agency = await agencyOrNull(db, row.org_id);
  if (!agency) throw new AppError('NOT_FOUND');
  return { agency, subject: subjectOf(agency, row.assignee_org_id) };
}

/** Registers a complaint or report (投诉/举报) about an agency; its answer is due in the set working days. */
export async function createComplaint(db: Db, actor: Actor, input: ComplaintInput) {
  const ra = await registerActor(db, actor);
  const agency = await authorize(
    db,
    ra,
    (await agencyFor(db, input.orgId)).org.id,
    'complaint-edit',
    'complaint-view',
  );
  const today = chinaToday();
  const kase = await checkComplaint(db, agency, input, today);
  const [calendar, days] = await Promise.all([loadCalendar(db), store.answerWorkingDays(db)]);
  return inTransaction(db, async (tx) => {
    const row = await store.insertComplaint(tx, {
      org_id: agency.org.id,
      kind: input.kind,
      channel: input.channel,
      received_on: input.receivedOn,
      complainant_name: input.complainantName,
      complainant_phone: input.complainantPhone,
      complainant_address: input.complainantAddress,
      content: input.content,
      request_id: kase?.id ?? null,
      assignee_org_id: null,
      assignee_id: null,
      due_days: days,
      due_on: dueOn(calendar, input.receivedOn, days),
      answered_on: null,
      created_by: actor.id,
      updated_by: actor.id,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'report.complaint.create',
      subjectType: 'complaint',
      subjectId: row.id,
      after: { ...row, complainant_name: '***', complainant_phone: '***', complainant_address: '***' },
    });
    return row;
  });
}

/** The office staff who receive for an organisation (its own office, a designated one, or the government's). */
async function officeStaffOf(tx: Db, orgId: number): Promise<number[]> {
  const receipt = (await loadReceiving(tx)).receiverOf(orgId);
  return receipt ? receivingUserIds(tx, receipt.officeId) : [];
}

async function notify(
  tx: Db,
  userIds: readonly number[],
  row: store.ComplaintRow,
  title: string,
  body: string,
) {
  await createNotifications(
    tx,
    [...new Set(userIds)].map((userId) => ({
      userId,
      kind: 'complaint.assigned',
      subjectType: 'complaint',
      subjectId: String(row.id),
      title,
      body,
      dueOn: row.due_on,
    })),
  );
}

/**
 * A complaint or report submitted on the portal (网上): received today, registered under the agency chosen,
 * for its GIO authority's office to handle; no signed-in person. Field errors as VALIDATION_FAILED.
 */
export async function submitComplaintOnline(
  db: Db,
  input: Omit<ComplaintInput, 'channel' | 'receivedOn'>,
): Promise<store.ComplaintRow> {
  const agency = await agencyFor(db, input.orgId);
  if (agency.org.disabled) throw invalid([{ path: 'orgId', message: '请选择被投诉（举报）的行政机关' }]);
  const today = chinaToday();
  const kase = await resolveCase(db, agency, input.requestCaseNo);
  const [calendar, days] = await Promise.all([loadCalendar(db), store.answerWorkingDays(db)]);
  return inTransaction(db, async (tx) => {
    const row = await store.insertComplaint(tx, {
      org_id: agency.org.id,
      kind: input.kind,
      channel: 'online',
      received_on: today,
      complainant_name: input.complainantName,
      complainant_phone: input.complainantPhone,
      complainant_address: input.complainantAddress,
      content: input.content,
      request_id: kase?.id ?? null,
      assignee_org_id: null,
      assignee_id: null,
      due_days: days,
      due_on: dueOn(calendar, today, days),
      answered_on: null,
      created_by: null,
      updated_by: null,
    });
    await recordAudit(tx, {
      actorId: null,
      action: 'report.complaint.submit',
      subjectType: 'complaint',
      subjectId: row.id,
      after: { orgId: row.org_id, kind: row.kind, channel: row.channel, dueOn: row.due_on },
    });
    // The office of the agency's GIO authority handles it (条例第五十一条).
    const authority = subjectOf(agency).authorityOrgId;
    await notify(
      tx,
      await officeStaffOf(tx, authority),
      row,
      `网上收到一件关于${agency.org.name}的${row.kind === 'report' ? '举报' : '投诉'}`,
      `请登记办理，答复期限为${formatChineseDate(row.due_on)}。`,
    );
    return row;
  });
}

/** Corrects the registration (the agency stays; a new receipt date moves the due date). */
export async function updateComplaint(db: Db, actor: Actor, id: number, input: ComplaintInput) {
  const ra = await registerActor(db, actor);
  const existing = await store.findComplaint(db, id);
  if (!existing) throw new AppError('NOT_FOUND');
  const agency = await authorize(
    db,
    ra,
    existing.org_id,
    'complaint-edit',
    'complaint-view',
    existing.assignee_org_id,
  );
  if (input.orgId !== existing.org_id)
    throw invalid([{ path: 'orgId', message: '不能更改被投诉机关；请删除后重新登记' }]);
  const kase = await checkComplaint(db, agency, input, chinaToday());
  if (existing.answered_on !== null && input.receivedOn > existing.answered_on)
    throw invalid([{ path: 'receivedOn', message: '收到日期不能晚于答复日期' }]);
  const calendar = await loadCalendar(db);
  return inTransaction(db, async (tx) => {
    const before = await store.findComplaint(tx, id, true);
    if (!before) throw new AppError('NOT_FOUND');
    const after = await store.updateComplaint(tx, id, {
      kind: input.kind,
      channel: input.channel,
      received_on: input.receivedOn,
      complainant_name: input.complainantName,
      complainant_phone: input.complainantPhone,
      complainant_address: input.complainantAddress,
      content: input.content,
      request_id: kase?.id ?? null,
      due_on:
        before.received_on === input.receivedOn
          ? before.due_on
          : dueOn(calendar, input.receivedOn, before.due_days),
      updated_by: actor.id,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'report.complaint.update',
      subjectType: 'complaint',
      subjectId: id,
      before: {
        state: before.state,
        receivedOn: before.received_on,
        dueOn: before.due_on,
        kind: before.kind,
      },
      after: { state: after.state, receivedOn: after.received_on, dueOn: after.due_on, kind: after.kind },
    });
    return after;
  });
}

/** 交办 / 答复 / 办结. */
export async function stepComplaint(db: Db, actor: Actor, id: number, input: ComplaintStepInput) {
  const ra = await registerActor(db, actor);
  const existing = await store.findComplaint(db, id);
  if (!existing) throw new AppError('NOT_FOUND');
  await authorize(
    db,
    ra,
    existing.org_id,
    input.step === 'answer' ? 'complaint-answer' : 'complaint-edit',
    'complaint-view',
    existing.assignee_org_id,
  );
  const today = chinaToday();
  if (input.step === 'assign') {
    const orgs = await listOrgs(db);
    if (!orgs.some((o) => o.id === input.assigneeOrgId && !o.disabled))
      throw invalid([{ path: 'assigneeOrgId', message: '请选择承办机关' }]);
    if (input.assigneeId !== null) {
      const members = await usersOfOrgs(db, [input.assigneeOrgId]);
      if (!members.some((u) => u.id === input.assigneeId))
        throw invalid([{ path: 'assigneeId', message: '承办人应为承办机关的工作人员' }]);
    }
  }
  if (input.step === 'answer') {
    if (input.answeredOn < existing.received_on)
      throw invalid([{ path: 'answeredOn', message: '答复日期不能早于收到日期' }]);
    if (input.answeredOn > today) throw invalid([{ path: 'answeredOn', message: '答复日期不能晚于今天' }]);
  }
  return inTransaction(db, async (tx) => {
    const before = await store.findComplaint(tx, id, true);
    if (!before) throw new AppError('NOT_FOUND');
    const to = nextComplaintState(before.state, input.step);
    if (!to)
      throw new AppError('REGISTER_COMPLAINT_STATE', {
        state: COMPLAINT_STATE_LABELS[before.state],
        action: COMPLAINT_STEP_LABELS[input.step],
      });
    const patch =
      input.step === 'assign'
        ? { assignee_org_id: input.assigneeOrgId, assignee_id: input.assigneeId }
        : input.step === 'answer'
          ? { answer: input.answer, answered_on: input.answeredOn }
          : {};
    const after = await store.updateComplaint(tx, id, { ...patch, state: to, updated_by: actor.id });
    if (input.step === 'assign') {
      const to =
        input.assigneeId !== null ? [input.assigneeId] : await officeStaffOf(tx, input.assigneeOrgId);
      await notify(
        tx,
        to.filter((u) => u !== actor.id),
        after,
        `交办：一件政府信息公开${after.kind === 'report' ? '举报' : '投诉'}待答复`,
        `请于${formatChineseDate(after.due_on)}前答复。`,
      );
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: `report.complaint.${input.step}`,
      subjectType: 'complaint',
      subjectId: id,
      before: { state: before.state, assigneeOrgId: before.assignee_org_id, assigneeId: before.assignee_id },
      after: { state: after.state, ...patch },
    });
    return after;
  });
}

export async function deleteComplaint(db: Db, actor: Actor, id: number): Promise<void> {
  const ra = await registerActor(db, actor);
  const existing = await store.findComplaint(db, id);
  if (!existing) throw new AppError('NOT_FOUND');
  await authorize(db, ra, existing.org_id, 'complaint-edit', 'complaint-view', existing.assignee_org_id);
  await inTransaction(db, async (tx) => {
    await store.deleteComplaint(tx, id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'report.complaint.delete',
      subjectType: 'complaint',
      subjectId: id,
      before: { state: existing.state, orgId: existing.org_id, receivedOn: existing.received_on },
    });
  });
}

export type ComplaintQuery = { year?: number; orgId?: number; state?: ComplaintState; overdue?: boolean };

/** The complaints the person sees, with the overdue flag as of today. */
export async function listComplaints(db: Db, actor: Actor, q: ComplaintQuery): Promise<ComplaintEntry[]> {
  const ra = await registerActor(db, actor);
  const rows = await store.listComplaints(db, {
    orgIds: null,
    ...(q.year === undefined ? {} : { year: q.year }),
    ...(q.orgId === undefined ? {} : { orgId: q.orgId }),
    ...(q.state === undefined ? {} : { state: q.state }),
  });
  const entries = await complaintEntries(db, ra, rows);
  return q.overdue === undefined ? entries : entries.filter((e) => e.overdue === q.overdue);
}

export async function getComplaint(db: Db, actor: Actor, id: number): Promise<ComplaintEntry> {
  const ra = await registerActor(db, actor);
  const row = await store.findComplaint(db, id);
  const [entry] = row ? await complaintEntries(db, ra, [row]) : [];
  if (!entry) throw new AppError('NOT_FOUND');
  if (entry.personal)
    await recordAudit(db, {
      actorId: actor.id,
      action: 'report.complaint.view_personal',
      subjectType: 'complaint',
      subjectId: id,
    });
  return entry;
}

async function complaintEntries(
  db: Db,
  ra: RegisterActor,
  rows: readonly store.ComplaintRow[],
): Promise<ComplaintEntry[]> {
  const [orgs, calendar] = await Promise.all([listOrgs(db), loadCalendar(db)]);
  const today = chinaToday();
  const out: ComplaintEntry[] = [];
  for (const row of rows) {
    const { agency, subject } = await complaintSubject(db, row);
    if (!can(ra, 'complaint-view', subject)) continue;
    const kase = row.request_id === null ? undefined : await findRequest(db, row.request_id);
    const editable = can(ra, 'complaint-edit', subject);
    const answerable = can(ra, 'complaint-answer', subject);
    const actions: ComplaintEntry['actions'] = [];
    if (editable) actions.push('edit');
    if (editable && nextComplaintState(row.state, 'assign')) actions.push('assign');
    if (answerable && nextComplaintState(row.state, 'answer')) actions.push('answer');
    if (editable && nextComplaintState(row.state, 'close')) actions.push('close');
    out.push({
      row,
      agencyName: agency.org.name,
      assigneeOrgName: orgs.find((o) => o.id === row.assignee_org_id)?.name ?? null,
      caseNo: kase?.case_no ?? null,
      personal: can(ra, 'complaint-personal', subject),
      overdue: isComplaintOverdue(row.state, row.due_on, today),
      provisionalYears: provisionalYearsBetween(calendar, row.received_on, row.due_on),
      actions,
    });
  }
  return out;
}

export async function complaintSettings(db: Db) {
  return { answerWorkingDays: await store.answerWorkingDays(db) };
}

/** The working days a new complaint's answer is due in (系统管理); registered complaints keep theirs. */
export async function saveComplaintSettings(db: Db, actor: Actor, answerWorkingDays: number) {
  const ra = await registerActor(db, actor);
  // One setting for the platform: it belongs to the government at the top of the tree.
  const top = (await listOrgs(db)).find((o) => o.parent_id === null);
  if (!top || !can(ra, 'complaint-settings', { orgId: top.id, authorityOrgId: top.id }))
    throw new AppError('FORBIDDEN');
  await inTransaction(db, async (tx) => {
    const before = await store.answerWorkingDays(tx);
    await store.saveAnswerWorkingDays(tx, answerWorkingDays);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'report.complaint.settings',
      subjectType: 'complaint_settings',
      subjectId: 1,
      before: { answerWorkingDays: before },
      after: { answerWorkingDays },
    });
  });
  return { answerWorkingDays };
}

/** calendar.changed: the due dates of complaints still waiting for an answer, recounted. */
export async function recomputeComplaintDueDates(db: Db): Promise<void> {
  const calendar = await loadCalendar(db);
  for (const row of await store.openComplaints(db)) {
    let due: string;
    try {
      due = calendar.addWorkingDays(row.received_on, row.due_days);
    } catch {
      continue;
    }
    if (due !== row.due_on) await store.updateComplaint(db, row.id, { due_on: due });
  }
}
