/**
 * 协助调查 / 会商 as tasks: the unit asked sees the requests addressed to it (工作台 “协助办理”), answers
 * with a text and files; the case's page lists its requests and answers. Asking and answering are case
 * events (service.ts `act`: 'assist-request', 'assist-reply'), so the timeline shows both.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import * as store from './assistance.store.ts';
import { loadCaseActor, type StaffActor } from './case-actor.ts';
import { can } from './domain/policies.ts';
import { ASSIST_KIND_LABELS, type AssistKind, isAssistanceOverdue } from './domain/stages.ts';
import { act, requireCaseView } from './service.ts';

type Db = Kysely<Database>;

export type AssistanceItem = {
  id: number;
  assistanceId: string;
  requestId: number;
  caseNo: string | null;
  subject: string;
  description: string | null;
  kind: string;
  kindLabel: string;
  question: string;
  fromName: string;
  unitId: number;
  unitName: string;
  askedOn: string;
  askedByName: string | null;
  dueOn: string;
  status: 'open' | 'answered';
  overdue: boolean;
  replyText: string | null;
  repliedOn: string | null;
  repliedByName: string | null;
  files: { id: number; name: string; size: number }[];
  /** The caller may answer it (a handler, approver or office worker of the unit asked, while open). */
  canAnswer: boolean;
};

async function present(
  db: Db,
  actor: StaffActor,
  rows: store.AssistanceListRow[],
  today: string,
  withDescription: boolean,
): Promise<AssistanceItem[]> {
  const files = new Map(
    (await store.fileRows(db, [...new Set(rows.flatMap((r) => r.reply_file_ids))])).map((f) => [f.id, f]),
  );
  return rows.map((r) => ({
    id: r.id,
    assistanceId: r.public_id,
    requestId: r.request_id,
    caseNo: r.case_no,
    subject: r.subject,
    description: withDescription ? r.description : null,
    kind: r.kind,
    kindLabel: ASSIST_KIND_LABELS[r.kind as AssistKind] ?? r.kind,
    question: r.question,
    fromName: r.from_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    askedOn: r.asked_on,
    askedByName: r.asked_by_name,
    dueOn: r.due_on,
    status: r.status === 'answered' ? 'answered' : 'open',
    overdue: isAssistanceOverdue(r.due_on, today, r.status === 'answered'),
    replyText: r.reply_text,
    repliedOn: r.replied_on,
    repliedByName: r.replied_by_name,
    files: r.reply_file_ids.flatMap((id) => {
      const f = files.get(id);
      return f ? [{ id: f.id, name: f.name, size: f.size }] : [];
    }),
    canAnswer: r.status === 'open' && can(actor, 'answer-assistance', { unitId: r.unit_id }),
  }));
}

/** The workbench list “协助办理”: requests addressed to the caller's organisation. */
export async function listMyAssistance(
  db: Db,
  actor: Actor,
  q: { status: 'open' | 'answered' | 'all'; page: number; pageSize: number },
  today: string,
) {
  const a = await loadCaseActor(db, actor);
  if (!can(a, 'see-assistance', { unitId: a.orgId })) return { items: [], total: 0, open: 0, overdue: 0 };
  const { rows, total, open, overdue } = await store.listForUnit(db, { unitId: a.orgId, today, ...q });
  return { items: await present(db, a, rows, today, true), total, open, overdue };
}

/** The requests of one case (its page's card): for those who see the case. */
export async function listCaseAssistance(db: Db, actor: Actor, requestId: number, today: string) {
  await requireCaseView(db, actor, requestId);
  const a = await loadCaseActor(db, actor);
  return present(db, a, await store.listForCase(db, requestId), today, false);
}

/** The unit asked answers (text + its own uploads); the case's log gets 'assist-reply'. */
export async function answer(
  db: Db,
  actor: Actor,
  id: number,
  input: { text: string; fileIds: number[]; on: string },
  today: string,
): Promise<AssistanceItem> {
  const row = await store.findAssistance(db, id);
  const a = await loadCaseActor(db, actor);
  if (!row || !can(a, 'see-assistance', { unitId: row.unit_id })) throw new AppError('NOT_FOUND');
  if (!can(a, 'answer-assistance', { unitId: row.unit_id })) throw new AppError('FORBIDDEN');
  await act(
    db,
    actor,
    row.request_id,
    {
      action: 'assist-reply',
      on: input.on,
      assistanceId: row.public_id,
      text: input.text,
      fileIds: input.fileIds,
    },
    today,
  );
  const [item] = await present(
    db,
    a,
    (await store.listForCase(db, row.request_id)).filter((r) => r.id === id),
    today,
    true,
  );
  if (!item) throw new AppError('NOT_FOUND');
  return item;
}

/** A file of an answer: for the unit asked and for those who see the case. */
export async function answerFile(db: Db, actor: Actor, id: number, fileId: number) {
  const row = await store.findAssistance(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (!row.reply_file_ids.includes(fileId)) throw new AppError('NOT_FOUND');
  const a = await loadCaseActor(db, actor);
  if (!can(a, 'see-assistance', { unitId: row.unit_id })) await requireCaseView(db, actor, row.request_id);
  const [file] = await store.fileRows(db, [fileId]);
  if (!file) throw new AppError('NOT_FOUND');
  return file;
}
