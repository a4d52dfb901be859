import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import { hashPassword, verifyPassword } from '../../platform/http/passwords.ts';
import type { Actor } from '../../platform/http/session.ts';
import { type Calendar, loadCalendar } from '../calendar/index.ts';
import { createNotifications } from '../notifications/index.ts';
import { findOrg, loadReceiving, receivingUserIds } from '../orgs/index.ts';
import { kaseOf, loadCaseActor, refusal, type StaffActor } from './case-actor.ts';
import { checkApplicationFiles } from './case-files.ts';
import { deliveryContactErrors, validateApplicant } from './domain/applicant.ts';
import type { ApplicationFileKind, NamedFile } from './domain/case-files.ts';
import { CLOCK_RULES, type ClockState, computeClock, type ReceiptChannel } from './domain/clock.ts';
import { can, caseListScope } from './domain/policies.ts';
import { isSignoffAction } from './domain/signoff.ts';
import {
  type Action,
  allowedActions,
  type CaseState,
  decide,
  foldState,
  isRunningStage,
  nextState,
  toClockEvents,
} from './domain/stages.ts';
import { createLetterForEvent } from './letters/service.ts';
import { chainOf, permits, signoffDetail } from './signoff.ts';
import { type ActionInput, type CasePatch, type StepContext, stepFor } from './steps.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

export type Channel = 'online' | 'in-person' | 'post-signed' | 'post-confirmed' | 'fax' | 'email';

export type ApplicationInput = {
  orgId: number;
  applicant: {
    type: string;
    name: string;
    idType: string;
    idNumber: string;
    phone: string;
    email?: string | null;
    address?: string | null;
    contactName?: string | null;
  };
  request: {
    subject: string;
    docNumber?: string | null;
    description: string;
    formWanted?: string | null;
    deliveryWanted?: string | null;
  };
};

/** Online, fax and e-mail applications count from the date both sides confirm receipt (Art. 31). */
function clockChannel(channel: string): ReceiptChannel {
  return channel === 'email' ? 'online' : (channel as ReceiptChannel);
}

type EventLike = { type: string; on_date: string; data: Record<string, unknown> };

function domainEvents(events: readonly EventLike[]) {
  return events.map((e) => ({ type: e.type as Action | 'submit', on: e.on_date, data: e.data }));
}

/**
 * `missingYear`: a year whose notice is not loaded that the reply deadline depends on. With a `state`,
 * its `replyDue` was counted provisionally over that year (暂定); without one, it could not be counted.
 */
export type DerivedClock = { state: ClockState | null; missingYear: number | null };

/** The statutory clock, always derived from the event log; a year without a calendar is flagged, never taken as final. */
export function deriveClock(
  calendar: Calendar,
  row: store.RequestRow,
  events: readonly EventLike[],
  today: string,
): DerivedClock {
  if (!row.received_on) return { state: null, missingYear: null };
  try {
    const state = computeClock({
      calendar,
      receipt: { channel: clockChannel(row.channel), receivedOn: row.received_on },
      events: toClockEvents(domainEvents(events)),
      today,
      rules: CLOCK_RULES,
    });
    // state.calendarMissingYear concerns only the date an extension would give; replyDue itself is known,
    // and provisional (暂定) when it was counted over a year whose notice is not loaded.
    return { state, missingYear: state.provisionalYears[0] ?? null };
  } catch (err) {
    const e = err as { code?: string; params?: { year?: number } };
    if (e.code === 'CALENDAR_YEAR_MISSING') return { state: null, missingYear: Number(e.params?.year) };
    throw err;
  }
}

function checkApplicant(input: ApplicationInput, today: string) {
  const checked = validateApplicant(
    {
      ...input.applicant,
      email: input.applicant.email ?? undefined,
      address: input.applicant.address ?? undefined,
      contactName: input.applicant.contactName ?? undefined,
    },
    today,
  );
  if (!checked.ok) throw new AppError('VALIDATION_FAILED', {}, checked.errors);
  return checked.value;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function randomCode(length: number): string {
  let out = '';
  for (const b of randomBytes(length)) out += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return out;
}

type NewCase = ApplicationInput & {
  channel: Channel;
  submittedOn: string;
  receivedOn: string | null;
  submissionKey: string | null;
  /** What the applicant handed in (staff registration), checked (case-files.ts checkApplicationFiles). */
  files?: (NamedFile & { kind: ApplicationFileKind })[];
};

async function createCase(
  db: Db,
  actorId: number | null,
  input: NewCase,
  today: string,
  tracking: { code: string; passwordHash: string } | null,
) {
  const applicant = checkApplicant(input, today);
  const contact = deliveryContactErrors(input.request.deliveryWanted, applicant);
  if (contact.length > 0) throw new AppError('VALIDATION_FAILED', {}, contact);
  if (input.receivedOn && input.receivedOn < input.submittedOn) {
    throw new AppError('VALIDATION_FAILED', {}, [
      { path: 'receivedOn', message: '收到申请之日不能早于提交日期' },
    ]);
  }
  if (input.submittedOn > today || (input.receivedOn && input.receivedOn > today)) {
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'submittedOn', message: '日期不能晚于今天' }]);
  }
  const calendar = await loadCalendar(db);
  return inTransaction(db, async (tx) => {
    if (input.submissionKey) {
      const existing = await store.findBySubmissionKey(tx, input.submissionKey);
      if (existing) return { row: existing, duplicate: true };
    }
    const org = await findOrg(tx, input.orgId);
    if (!org)
      throw new AppError('VALIDATION_FAILED', {}, [{ path: 'orgId', message: '请选择受理申请的行政机关' }]);
    if (org.disabled || !org.accepts_requests) {
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: 'orgId', message: `${org.name}不受理政府信息公开申请，请选择其他行政机关` },
      ]);
    }
    // Every application reaches a person (DERIVED from 条例第二十七条、第二十九条): an agency without an
    // office of its own is received by the nearest government's office, which is told so.
    const receipt = (await loadReceiving(tx)).receiverOf(org.id);
    if (!receipt) {
      throw new AppError('VALIDATION_FAILED', {}, [
        { path: 'orgId', message: `${org.name}暂无受理人员，请选择其他行政机关或联系政府信息公开工作机构` },
      ]);
    }
    const confirmed = input.receivedOn !== null;
    const row = await store.insertRequest(tx, {
      org_id: input.orgId,
      unit_id: null,
      handler_id: null,
      channel: input.channel,
      submitted_on: input.submittedOn,
      received_on: input.receivedOn,
      stage: confirmed ? 'registered' : 'awaiting-confirmation',
      applicant_type: applicant.type,
      applicant_name: applicant.name,
      applicant: {
        type: applicant.type,
        name: applicant.name,
        idType: applicant.idType,
        idNumber: applicant.idNumber,
        phone: applicant.phone,
        email: applicant.email ?? null,
        address: applicant.address ?? null,
        contactName: applicant.contactName ?? null,
      },
      subject: input.request.subject,
      doc_number: input.request.docNumber || null,
      description: input.request.description,
      form_wanted: input.request.formWanted || null,
      delivery_wanted: input.request.deliveryWanted || null,
      tracking_code: tracking?.code ?? null,
      tracking_password_hash: tracking?.passwordHash ?? null,
      submission_key: input.submissionKey,
      created_by: actorId,
    });
    const event = await store.appendEvent(tx, {
      requestId: row.id,
      on: input.submittedOn,
      type: 'submit',
      actorId,
      data: {
        confirmed,
        channel: input.channel,
        receivedOn: input.receivedOn,
        ...(input.files?.length ? { files: input.files } : {}),
      },
    });
    const clock = deriveClock(calendar, row, [event], today);
    const after = await store.updateDerived(tx, row.id, {
      reply_due: clock.state?.replyDue ?? null,
      paused: clock.state?.paused ?? false,
      clock_missing_year: clock.missingYear,
    });
    await recordAudit(tx, {
      actorId,
      action: 'request.submit',
      subjectType: 'request',
      subjectId: row.id,
      after: {
        caseNo: after.case_no,
        channel: after.channel,
        stage: after.stage,
        orgId: after.org_id,
        ...(input.files?.length ? { fileIds: input.files.map((f) => f.fileId) } : {}),
      },
    });
    if (receipt.via === 'fallback') await noticeFallback(tx, after, org.name, receipt.officeId);
    return { row: after, duplicate: false };
  });
}

/** Tells the government's office that it received an application for an agency with nobody of its own. */
async function noticeFallback(tx: Db, row: store.RequestRow, agencyName: string, officeId: number) {
  const userIds = await receivingUserIds(tx, officeId);
  const caseNo = row.case_no ?? `#${row.id}`;
  await createNotifications(
    tx,
    userIds.map((userId) => ({
      userId,
      kind: 'request.received-on-behalf',
      subjectType: 'request',
      subjectId: String(row.id),
      title: `${agencyName}没有受理人员，申请${caseNo}由本机构代为受理`,
      body: `申请${caseNo}（${row.subject}）提交给${agencyName}，但该机关没有公开办账号，也未指定代为受理的机构，已转由本机构受理。请及时处理，并在机构管理中为${agencyName}设置公开办账号或受理方式。`,
      dueOn: row.reply_due,
    })),
  );
}

/** A citizen's online application: received once the office confirms it (Art. 31). */
export async function submitOnline(
  db: Db,
  input: ApplicationInput & { submissionKey: string | null },
  today: string,
) {
  const code = randomCode(10);
  const password = randomCode(8);
  const passwordHash = await hashPassword(password);
  const { row, duplicate } = await createCase(
    db,
    null,
    { ...input, channel: 'online', submittedOn: today, receivedOn: null },
    today,
    { code, passwordHash },
  );
  return duplicate ? { row, password: null } : { row, password };
}

/** Staff registration of a letter, visit, fax or e-mail. */
export async function registerByStaff(
  db: Db,
  actor: Actor,
  input: ApplicationInput & {
    channel: Exclude<Channel, 'online'>;
    submittedOn: string;
    receivedOn: string | null;
    /** The scanned letter and the applicant's papers, uploaded first (POST /api/files). */
    files?: { fileId: number; kind: ApplicationFileKind }[];
  },
  today: string,
) {
  const a = await loadCaseActor(db, actor);
  if (!can(a, 'register', { orgId: input.orgId })) throw new AppError('FORBIDDEN');
  const files = await checkApplicationFiles(db, actor.id, input.files ?? []);
  const receivedOn =
    input.channel === 'in-person'
      ? input.submittedOn
      : input.channel === 'post-signed'
        ? (input.receivedOn ?? input.submittedOn)
        : input.receivedOn;
  const { row } = await createCase(
    db,
    actor.id,
    { ...input, receivedOn, submissionKey: null, files },
    today,
    null,
  );
  return row;
}

export type CaseDetail = {
  row: store.RequestRow;
  events: store.RequestEventRow[];
  clock: DerivedClock;
  allowedActions: Action[];
  personal: boolean;
  /** The sign-off of the reply (signoff.ts signoffDetail). */
  signoff: Awaited<ReturnType<typeof signoffDetail>>;
};

async function detailOf(
  db: Db,
  a: StaffActor,
  row: store.RequestRow,
  today: string,
  calendar?: Calendar,
): Promise<CaseDetail> {
  const events = await store.listEvents(db, row.id);
  const chain = await chainOf(db, row.org_id);
  const signoff = await signoffDetail(db, events, chain);
  const personal = can(a, 'view-personal', kaseOf(row));
  // An imported case (import/) is a record of the past: no clock, no actions.
  if (row.imported) {
    const clock = { state: null, missingYear: null };
    return { row, events, clock, allowedActions: [], personal, signoff };
  }
  const state = foldState(domainEvents(events));
  const clock = deriveClock(calendar ?? (await loadCalendar(db)), row, events, today);
  // The reply steps follow the agency's sign-off chain and the draft waiting (domain/signoff.ts).
  const actions = allowedActions(state).filter((act) =>
    isSignoffAction(act) ? permits(a, act, row, chain, state.draft ?? null) : can(a, act, kaseOf(row)),
  );
  return { row, events, clock, allowedActions: actions, personal, signoff };
}

/** The case if the person may see it (as `getCase`), else NOT_FOUND; no detail, no audit. */
export async function requireCaseView(db: Db, actor: Actor, id: number): Promise<store.RequestRow> {
  const a = await loadCaseActor(db, actor);
  const row = await store.findRequest(db, id);
  if (!row || !can(a, 'view', kaseOf(row))) throw new AppError('NOT_FOUND');
  return row;
}

export async function getCase(db: Db, actor: Actor, id: number, today: string): Promise<CaseDetail> {
  const a = await loadCaseActor(db, actor);
  const row = await store.findRequest(db, id);
  if (!row || !can(a, 'view', kaseOf(row))) throw new AppError('NOT_FOUND');
  const detail = await detailOf(db, a, row, today);
  if (detail.personal) {
    await recordAudit(db, {
      actorId: actor.id,
      action: 'request.view_personal',
      subjectType: 'request',
      subjectId: id,
    });
  }
  return detail;
}

export type { ActionInput } from './steps.ts';

/**
 * Every case action: lock the case, let the step's handler (steps.ts) or the case policy say who may take
 * it, fold the log and let `decide` say whether the stage allows it, check and complete the step's data,
 * append the event, re-derive stage and deadline, audit — all in one transaction.
 */
export async function act(
  db: Db,
  actor: Actor | null,
  id: number,
  input: ActionInput,
  today: string,
  options: { dataDir?: string } = {},
): Promise<CaseDetail | null> {
  if (input.on > today)
    throw new AppError('VALIDATION_FAILED', {}, [{ path: 'on', message: '日期不能晚于今天' }]);
  const a = actor ? await loadCaseActor(db, actor) : null;
  const calendar = await loadCalendar(db);
  const step = stepFor(input);
  const row = await inTransaction(db, async (tx) => {
    const before = await store.lockRequest(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    if (before.imported) {
      if (a && !can(a, 'view', kaseOf(before))) throw new AppError('NOT_FOUND');
      throw new AppError('REQUEST_IMPORTED_READ_ONLY');
    }
    const { action, on, ...fields } = input;
    const c: StepContext = { tx, actor: a, before, on };
    if (step.authorize) await step.authorize(c);
    else if (a && !can(a, action, kaseOf(before))) throw refusal(a, kaseOf(before));
    const events = await store.listEvents(tx, id);
    const state: CaseState = foldState(domainEvents(events));
    const decision = decide(state, action, fields);
    // The log is append-only: an event dated before the one it follows would corrupt the clock for good.
    const last = events.at(-1)?.on_date ?? before.submitted_on;
    if (on < last)
      throw new AppError('EVENT_DATE_INVALID', { after: last }, [
        { path: 'on', message: `日期不能早于${last}` },
      ]);
    const data = step.data ? await step.data(c, fields) : fields;
    const event = await store.appendEvent(tx, {
      requestId: id,
      on,
      type: action,
      actorId: actor?.id ?? null,
      data,
    });
    await step.record?.(c, data);
    const patch: CasePatch = { stage: decision.stage, ...step.patch?.(data) };
    // The step a reply draft waits for, kept on the case for the workbench (domain/signoff.ts).
    patch.signoff_step = nextState(state, action, data).draft?.pending[0] ?? null;
    // Steps that end the case without a reply carry their fixed outcome (withdrawn, deemed withdrawn).
    if (decision.outcome) patch.outcome = decision.outcome;
    const provisional = { ...before, ...patch } as store.RequestRow;
    const clock = deriveClock(calendar, provisional, [...events, event], today);
    const open = isRunningStage(decision.stage);
    patch.reply_due = open ? (clock.state?.replyDue ?? null) : (before.reply_due ?? null);
    patch.paused = open ? (clock.state?.paused ?? false) : false;
    patch.clock_missing_year = open ? clock.missingYear : null;
    const after = await store.updateDerived(tx, id, patch);
    // The letter of a notice or reply goes into the case file. Without a dataDir (seeds, CLI) none is made.
    if (options.dataDir) {
      await createLetterForEvent(tx, options.dataDir, { row: after, event, actorId: actor?.id ?? null });
    }
    await recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: `request.${action}`,
      subjectType: 'request',
      subjectId: id,
      before: {
        stage: before.stage,
        replyDue: before.reply_due,
        unitId: before.unit_id,
        outcome: before.outcome,
      },
      after: {
        stage: after.stage,
        replyDue: after.reply_due,
        unitId: after.unit_id,
        outcome: after.outcome,
        event: { on, data },
      },
    });
    return after;
  });
  return a ? detailOf(db, a, row, today, calendar) : null;
}

/**
 * 重新办理: a reconsideration decision or judgment recorded in reports' review register corrected the
 * answer and orders a new one. The register has authorized the person and calls this in its transaction;
 * the case is handled again with a new Art. 33 period from `decidedOn` (docs/requests.md "Reopening").
 */
export async function reopenCase(
  db: Db,
  actor: Actor,
  input: { caseId: number; decidedOn: string; reviewId: number; reason: string },
  today: string,
): Promise<store.RequestRow> {
  await act(
    db,
    actor,
    input.caseId,
    { action: 'reopen', on: input.decidedOn, reviewId: input.reviewId, reason: input.reason },
    today,
  );
  const row = await store.findRequest(db, input.caseId);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Which cases a person's lists cover (domain/policies.ts `caseListScope`). */
export async function caseScope(db: Db, actor: Actor): Promise<{ orgIds: number[]; unitIds: number[] }> {
  return caseListScope(await loadCaseActor(db, actor));
}

export async function listCases(
  db: Db,
  actor: Actor,
  f: Omit<store.ListFilter, 'scope' | 'today' | 'dueBy'> & {
    dueWithin?: number;
    view?: 'work' | 'supervise';
  },
  today: string,
) {
  const a = await loadCaseActor(db, actor);
  const scope = caseListScope(a, f.view);
  let dueBy: string | undefined;
  if (f.dueWithin !== undefined) dueBy = (await loadCalendar(db)).addWorkingDays(today, f.dueWithin);
  const { rows, total } = await store.listRequests(db, { ...f, scope, today, dueBy });
  return { rows, total, actor: a };
}

const TRACK_FAILED = () => new AppError('TRACKING_FAILED');
let dummyHash: Promise<string> | null = null;

/** The applicant's view: tracking code + query password. A wrong pair reveals nothing. */
export async function track(db: Db, code: string, password: string, today: string) {
  const row = await store.findByTrackingCode(db, code.trim().toUpperCase());
  // An unknown code costs the same argon2 verification as a wrong password: timing reveals nothing.
  dummyHash ??= hashPassword(randomCode(12));
  const verified = await verifyPassword(row?.tracking_password_hash ?? (await dummyHash), password.trim());
  const ok = verified && Boolean(row?.tracking_password_hash);
  if (!row || !ok) throw TRACK_FAILED();
  const events = await store.listEvents(db, row.id);
  return { row, events, clock: deriveClock(await loadCalendar(db), row, events, today) };
}

export async function withdrawByApplicant(db: Db, code: string, password: string, today: string) {
  const { row } = await track(db, code, password, today);
  await act(db, null, row.id, { action: 'withdraw', on: today, by: 'applicant' }, today);
  return track(db, code, password, today);
}
