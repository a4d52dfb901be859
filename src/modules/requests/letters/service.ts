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
import { findOrg, loadReceiving } from '../../orgs/index.ts';
import { kaseOf, loadCaseActor, type StaffActor } from '../case-actor.ts';
import { placeholdersToCodes } from '../domain/placeholder-names.ts';
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

/** Every placeholder with its Chinese name (read when called: templates.ts may still be loading here). */
const allPlaceholders = () => Object.entries(PLACEHOLDER_LABELS).map(([name, label]) => ({ name, label }));

// ---------------------------------------------------------------------------------------------------------
// Templates

/** Where the text in use comes from: the agency's own, the shared one, or the built-in default. */
export type TemplateSource = 'agency' | 'shared' | 'default';

export type TemplateView = {
  kind: LetterKind;
  kindLabel: string;
  title: string;
  body: string;
  /** Saved for the scope shown (the agency's own, or the shared one); false while another text is in use. */
  custom: boolean;
  /** The text in force for the scope's letters. */
  source: TemplateSource;
  updatedAt: string | null;
  updatedByName: string | null;
  defaultTitle: string;
  defaultBody: string;
  placeholders: { name: string; label: string }[];
};

/** A scope whose templates the person may edit: an agency (its own texts) or null (the shared texts). */
export type TemplateScope = { orgId: number | null; name: string };

type TemplateRowWithName = store.TemplateRow & { updated_by_name?: string | null };

/**
 * The scopes `actor` may edit ('edit-letter-templates'): the shared texts first, then the agencies that
 * accept applications, the person's own organisation first.
 */
async function templateScopes(db: Db, a: StaffActor): Promise<TemplateScope[]> {
  const out: TemplateScope[] = [];
  if (can(a, 'edit-letter-templates', { orgId: null })) out.push({ orgId: null, name: '通用模板' });
  const { orgs } = await loadReceiving(db);
  const agencies = orgs
    .filter((o) => o.accepts_requests && !o.disabled && can(a, 'edit-letter-templates', { orgId: o.id }))
    .sort((x, y) => Number(y.id === a.orgId) - Number(x.id === a.orgId));
  for (const o of agencies) out.push({ orgId: o.id, name: o.name });
  return out;
}

/** The scope asked for (default: the first the person may edit), or FORBIDDEN. */
async function requireScope(
  db: Db,
  actor: Actor,
  orgId: number | null | undefined,
): Promise<{ scope: TemplateScope; scopes: TemplateScope[] }> {
  const a = await loadCaseActor(db, actor);
  const scopes = await templateScopes(db, a);
  const scope = orgId === undefined ? scopes[0] : scopes.find((x) => x.orgId === orgId);
  if (!scope) throw new AppError('FORBIDDEN');
  return { scope, scopes };
}

/** The text in force for `orgId`'s letters: its own, else the shared one, else the built-in default. */
function inForce(
  kind: LetterKind,
  rows: readonly TemplateRowWithName[],
  orgId: number | null,
): { row: TemplateRowWithName | undefined; source: TemplateSource } {
  const own = orgId === null ? undefined : rows.find((r) => r.kind === kind && r.org_id === orgId);
  if (own) return { row: own, source: 'agency' };
  const shared = rows.find((r) => r.kind === kind && r.org_id === null);
  return shared ? { row: shared, source: 'shared' } : { row: undefined, source: 'default' };
}

function templateView(
  kind: LetterKind,
  rows: readonly TemplateRowWithName[],
  orgId: number | null,
): TemplateView {
  const def = defaultTemplate(kind);
  const { row, source } = inForce(kind, rows, orgId);
  return {
    kind,
    kindLabel: letterKindLabel(kind),
    title: row?.title ?? def.title,
    body: row?.body ?? def.body,
    custom: orgId === null ? source === 'shared' : source === 'agency',
    source,
    updatedAt: row ? row.updated_at.toISOString() : null,
    updatedByName: row?.updated_by_name ?? null,
    defaultTitle: def.title,
    defaultBody: def.body,
    placeholders: placeholdersFor(kind).map((name) => ({ name, label: PLACEHOLDER_LABELS[name] })),
  };
}

/**
 * Every kind with the text in force for the scope (an agency: its own, else the shared, else the default;
 * the shared scope: the shared text or the default), and the scopes the person may edit.
 */
export async function letterTemplates(
  db: Db,
  actor: Actor,
  orgId?: number | null,
): Promise<{ scope: TemplateScope; scopes: TemplateScope[]; items: TemplateView[] }> {
  const { scope, scopes } = await requireScope(db, actor, orgId);
  const rows = await store.listTemplates(db, scope.orgId);
  return { scope, scopes, items: LETTER_KINDS.map((kind) => templateView(kind, rows, scope.orgId)) };
}

/** Save the text of one kind; placeholders it cannot use are refused with a Chinese message naming them. */
export async function saveLetterTemplate(
  db: Db,
  actor: Actor,
  kind: string,
  input: TemplateText,
  orgId: number | null = null,
): Promise<TemplateView> {
  const { scope } = await requireScope(db, actor, orgId);
  if (!isLetterKind(kind)) throw new AppError('NOT_FOUND');
  // The editor writes placeholders by their Chinese names; the text is kept with their codes.
  input = {
    title: placeholdersToCodes(input.title, allPlaceholders()),
    body: placeholdersToCodes(input.body, allPlaceholders()),
  };
  const errors = validateTemplate(kind, input);
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
  return inTransaction(db, async (tx) => {
    const before = await store.findTemplate(tx, kind, scope.orgId);
    const row = await store.upsertTemplate(tx, {
      kind,
      orgId: scope.orgId,
      title: input.title.trim(),
      body: input.body,
      updatedBy: actor.id,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'request.letter_template_update',
      subjectType: 'request_letter_template',
      subjectId: templateSubject(kind, scope.orgId),
      before: before ? { title: before.title, body: before.body } : { default: true },
      after: { title: row.title, body: row.body, orgId: scope.orgId },
    });
    return templateView(kind, [{ ...row, updated_by_name: actor.displayName }], scope.orgId);
  });
}

/**
 * Returns one kind of a scope to what applies without it: an agency's letters to the shared text (or the
 * default), the shared text to the built-in default.
 */
export async function resetLetterTemplate(
  db: Db,
  actor: Actor,
  kind: string,
  orgId: number | null = null,
): Promise<TemplateView> {
  const { scope } = await requireScope(db, actor, orgId);
  if (!isLetterKind(kind)) throw new AppError('NOT_FOUND');
  return inTransaction(db, async (tx) => {
    const removed = await store.deleteTemplate(tx, kind, scope.orgId);
    if (removed) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'request.letter_template_reset',
        subjectType: 'request_letter_template',
        subjectId: templateSubject(kind, scope.orgId),
        before: { title: removed.title, body: removed.body, orgId: scope.orgId },
        after: { default: true },
      });
    }
    return templateView(kind, await store.listTemplates(tx, scope.orgId), scope.orgId);
  });
}

/** The audit subject of a template: its kind, prefixed by the agency for an agency's own text. */
const templateSubject = (kind: string, orgId: number | null) => (orgId === null ? kind : `${orgId}:${kind}`);

/** The text the letters of a case addressed to `orgId` are made from. */
async function templateFor(db: Db, kind: LetterKind, orgId: number): Promise<TemplateText> {
  const { row } = inForce(kind, await store.listTemplates(db, orgId), orgId);
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
  const model = buildLetter(kind, await templateFor(tx, kind, row.org_id), {
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
