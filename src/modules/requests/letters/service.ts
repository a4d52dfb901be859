/**
 * Outgoing letters of a case: the editable templates, the letter each notice or reply event produces (kept in
 * the case file as a .docx), and reading them back — for staff who may view the case, and for the applicant
 * on the portal's tracking page.
 */
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { blobPath, writeBlob } from '../../../platform/files/storage.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/session.ts';
import { findOrg } from '../../orgs/index.ts';
import { kaseOf, loadCaseActor, type StaffActor } from '../case-actor.ts';
import { can } from '../domain/policies.ts';
import { findRequest, type RequestEventRow, type RequestRow } from '../store.ts';
import { DOCX_MIME, renderLetter } from './render.ts';
import * as store from './store.ts';
import {
  buildLetter,
  defaultTemplate,
  isForApplicant,
  isLetterKind,
  LETTER_KINDS,
  type LetterKind,
  letterKindFor,
  letterKindLabel,
  PLACEHOLDER_LABELS,
  placeholdersFor,
  type TemplateText,
  validateTemplate,
} from './templates.ts';

type Db = Kysely<Database>;

// ---------------------------------------------------------------------------------------------------------
// Templates

export type TemplateView = {
  kind: LetterKind;
  kindLabel: string;
  title: string;
  body: string;
  /** false while the built-in default is in use. */
  custom: boolean;
  updatedAt: string | null;
  updatedByName: string | null;
  defaultTitle: string;
  defaultBody: string;
  placeholders: { name: string; label: string }[];
};

async function requireTemplateEditor(db: Db, actor: Actor): Promise<void> {
  if (!can(await loadCaseActor(db, actor), 'edit-letter-templates')) throw new AppError('FORBIDDEN');
}

function templateView(
  kind: LetterKind,
  row: (store.TemplateRow & { updated_by_name?: string | null }) | undefined,
): TemplateView {
  const def = defaultTemplate(kind);
  return {
    kind,
    kindLabel: letterKindLabel(kind),
    title: row?.title ?? def.title,
    body: row?.body ?? def.body,
    custom: row !== undefined,
    updatedAt: row ? row.updated_at.toISOString() : null,
    updatedByName: row?.updated_by_name ?? null,
    defaultTitle: def.title,
    defaultBody: def.body,
    placeholders: placeholdersFor(kind).map((name) => ({ name, label: PLACEHOLDER_LABELS[name] })),
  };
}

/** Every kind with the text in use (a saved template, or the built-in default). Office and admin. */
export async function letterTemplates(db: Db, actor: Actor): Promise<TemplateView[]> {
  await requireTemplateEditor(db, actor);
  const rows = new Map((await store.listTemplates(db)).map((r) => [r.kind, r]));
  return LETTER_KINDS.map((kind) => templateView(kind, rows.get(kind)));
}

/** Save the text of one kind; placeholders it cannot use are refused with a Chinese message naming them. */
export async function saveLetterTemplate(
  db: Db,
  actor: Actor,
  kind: string,
  input: TemplateText,
): Promise<TemplateView> {
  await requireTemplateEditor(db, actor);
  if (!isLetterKind(kind)) throw new AppError('NOT_FOUND');
  const errors = validateTemplate(kind, input);
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
  return inTransaction(db, async (tx) => {
    const before = await store.findTemplate(tx, kind);
    const row = await store.upsertTemplate(tx, {
      kind,
      title: input.title.trim(),
      body: input.body,
      updatedBy: actor.id,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'request.letter_template_update',
      subjectType: 'request_letter_template',
      subjectId: kind,
      before: before ? { title: before.title, body: before.body } : { default: true },
      after: { title: row.title, body: row.body },
    });
    return templateView(kind, { ...row, updated_by_name: actor.displayName });
  });
}

async function templateFor(db: Db, kind: LetterKind): Promise<TemplateText> {
  const row = await store.findTemplate(db, kind);
  return row ? { title: row.title, body: row.body } : defaultTemplate(kind);
}

// ---------------------------------------------------------------------------------------------------------
// Making the letter of an event (called by service.act inside its transaction)

/**
 * The letter `event` produces (补正告知书, 延期答复告知书, 收费通知书, 征求意见函, 答复书), from the template in use,
 * stored as a .docx blob + `files` row + `request_letters` row. Call it with act()'s transaction and the
 * case row as it is after the event. Returns null for events that produce no letter.
 *
 * The blob is written before the rows, inside the transaction: if the transaction rolls back, the blob stays
 * on disk unreferenced. That orphan is harmless (content-addressed, never served without a `files` row) and
 * accepted rather than deleting a blob another row might share.
 */
export async function createLetterForEvent(
  tx: Db,
  dataDir: string,
  c: { row: RequestRow; event: RequestEventRow; actorId: number | null },
): Promise<store.LetterRow | null> {
  const { row, event } = c;
  const kind = letterKindFor(event.type, event.data);
  if (!kind) return null;
  const agency = await findOrg(tx, row.org_id);
  if (!agency) throw new Error(`organisation ${row.org_id} of case ${row.id} not found`);
  const model = buildLetter(kind, await templateFor(tx, kind), {
    caseNo: row.case_no,
    agencyName: agency.name,
    applicantName: row.applicant_name,
    subject: row.subject,
    submittedOn: row.submitted_on,
    receivedOn: row.received_on,
    on: event.on_date,
    data: event.data,
    // A provisional deadline (counted over a year whose notice is not loaded) is never put in a letter
    // as if it were final: the template then names the deadline without a date.
    replyDue: row.clock_missing_year === null ? row.reply_due : null,
  });
  const docx = await renderLetter(model);
  const blob = await writeBlob(dataDir, Readable.from([docx]));
  const file = await tx
    .insertInto('files')
    .values({
      sha256: blob.sha256,
      name: fileName(row.case_no, model.title),
      mime: DOCX_MIME,
      size: blob.size,
      created_by: c.actorId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const letter = await store.insertLetter(tx, {
    request_id: row.id,
    event_id: event.id,
    kind,
    title: model.title,
    file_id: file.id,
  });
  await recordAudit(tx, {
    actorId: c.actorId,
    action: 'request.letter_create',
    subjectType: 'request',
    subjectId: row.id,
    after: { letterId: letter.id, eventId: event.id, kind, title: letter.title, fileId: file.id },
  });
  return letter;
}

/** '2024-000123' + '政府信息公开申请答复书' → '2024-000123-政府信息公开申请答复书.docx' (no path characters). */
function fileName(caseNo: string | null, title: string): string {
  const safe = title.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 80) || '文书';
  return `${caseNo ? `${caseNo}-` : ''}${safe}.docx`;
}

// ---------------------------------------------------------------------------------------------------------
// Reading letters: staff

export type LetterView = {
  id: number;
  eventId: number;
  kind: string;
  title: string;
  fileId: number;
  createdAt: string;
};

const letterView = (l: store.LetterRow): LetterView => ({
  id: l.id,
  eventId: l.event_id,
  kind: l.kind,
  title: l.title,
  fileId: l.file_id,
  createdAt: l.created_at.toISOString(),
});

/** The letters of a case for its detail JSON (the caller has already checked the view permission). */
export async function caseLetters(db: Db, requestId: number): Promise<LetterView[]> {
  return (await store.listLetters(db, requestId)).map(letterView);
}

/**
 * The case if `actor` may view it (policies.ts 'view'; an admin only within the organisations it
 * administers), else NOT_FOUND — whether or not it exists. Also the actor as the policy sees them.
 */
export async function viewableCase(
  db: Db,
  actor: Actor,
  id: number,
): Promise<{ row: RequestRow; actor: StaffActor }> {
  const a = await loadCaseActor(db, actor);
  const row = await findRequest(db, id);
  if (!row || !can(a, 'view', kaseOf(row))) throw new AppError('NOT_FOUND');
  return { row, actor: a };
}

export async function listCaseLetters(db: Db, actor: Actor, requestId: number): Promise<LetterView[]> {
  await viewableCase(db, actor, requestId);
  return caseLetters(db, requestId);
}

export type LetterFile = { name: string; mime: string; size: number; data: Buffer };

async function fileOf(dataDir: string, l: store.LetterFileRow): Promise<LetterFile> {
  return { name: l.file_name, mime: l.mime, size: l.size, data: await readFile(blobPath(dataDir, l.sha256)) };
}

/** One letter's .docx for someone who may view the case; the download is audited (it names the applicant). */
export async function openCaseLetter(
  db: Db,
  dataDir: string,
  actor: Actor,
  requestId: number,
  letterId: number,
): Promise<LetterFile> {
  await viewableCase(db, actor, requestId);
  const letter = await store.findLetter(db, requestId, letterId);
  if (!letter) throw new AppError('NOT_FOUND');
  const file = await fileOf(dataDir, letter);
  await recordAudit(db, {
    actorId: actor.id,
    action: 'request.letter_download',
    subjectType: 'request',
    subjectId: requestId,
    after: { letterId, kind: letter.kind },
  });
  return file;
}

// ---------------------------------------------------------------------------------------------------------
// Reading letters: the applicant (portal tracking page, after the tracking code and password were checked)

export type ApplicantLetter = { id: number; kind: string; title: string; on: string; createdAt: string };

/**
 * The letters addressed to the applicant (notices and the reply, not the consultation letters sent to third
 * parties), oldest first. The caller must have authenticated the applicant for `requestId` (service.track).
 */
export async function lettersForApplicant(db: Db, requestId: number): Promise<ApplicantLetter[]> {
  return (await store.listLetters(db, requestId))
    .filter((l) => isForApplicant(l.kind))
    .map((l) => ({
      id: l.id,
      kind: l.kind,
      title: l.title,
      on: l.on_date,
      createdAt: l.created_at.toISOString(),
    }));
}

/**
 * One letter's .docx for the applicant of `requestId`, or null when the letter is not one of that case's
 * letters addressed to the applicant (consultation letters are never returned). Same authentication
 * precondition as `lettersForApplicant`.
 */
export async function readLetterFile(
  db: Db,
  dataDir: string,
  requestId: number,
  letterId: number,
): Promise<LetterFile | null> {
  const letter = await store.findLetter(db, requestId, letterId);
  if (!letter || !isForApplicant(letter.kind)) return null;
  return fileOf(dataDir, letter);
}
