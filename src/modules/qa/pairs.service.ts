/**
 * 政策问答库: curated question–answer pairs by departments, linked to a public document (and a clause),
 * reviewed before publication; they follow their document's validity (refreshIndex flags them).
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Database } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/http/session.ts';
import { searchTokens } from '../../platform/search/fulltext.ts';
import { now } from '../../platform/time.ts';
import { listPublicDocumentTexts } from '../documents/index.ts';
import { decide, type PairAction, type PairStatus } from './domain/pairs.ts';
import { can } from './domain/policies.ts';
import * as store from './store.ts';

type Db = Kysely<Database>;

export type PairInput = {
  question: string;
  answer: string;
  documentId: number;
  clause?: string | null;
  topics?: string[];
  orgId?: number;
};

async function documentState(db: Db, id: number): Promise<{ inForce: boolean } | null> {
  const [doc] = await listPublicDocumentTexts(db, [id]);
  return doc ? { inForce: doc.inForce } : null;
}

function terms(p: { question: string; answer: string; topics?: string[] }) {
  return {
    question_terms: [...searchTokens(p.question), ...(p.topics ?? []).flatMap((t) => searchTokens(t))],
    answer_terms: searchTokens(p.answer),
  };
}

export async function listPairsFor(db: Db, actor: Actor, f: { status?: PairStatus } = {}) {
  if (!can(actor, 'ask')) throw new AppError('FORBIDDEN');
  return store.listPairs(db, f);
}

export async function createPair(db: Db, actor: Actor, input: PairInput): Promise<store.QaPairRow> {
  const orgId = input.orgId ?? actor.orgId;
  if (!can(actor, 'pair.write', { orgId })) throw new AppError('FORBIDDEN');
  if (!(await documentState(db, input.documentId))) throw new AppError('QA_DOCUMENT_NOT_PUBLIC');
  return inTransaction(db, async (tx) => {
    const row = await store.insertPair(tx, {
      org_id: orgId,
      question: input.question,
      answer: input.answer,
      document_id: input.documentId,
      clause: input.clause ?? null,
      topics: input.topics ?? [],
      ...terms(input),
      created_by: actor.id,
      updated_at: now(),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'qa.pair.created',
      subjectType: 'qa_pair',
      subjectId: row.id,
      after: row,
    });
    return row;
  });
}

export async function updatePair(
  db: Db,
  actor: Actor,
  id: number,
  input: PairInput,
): Promise<store.QaPairRow> {
  const before = await store.findPair(db, id);
  if (!before) throw new AppError('NOT_FOUND');
  if (!can(actor, 'pair.write', { orgId: before.org_id })) throw new AppError('FORBIDDEN');
  if (!(await documentState(db, input.documentId))) throw new AppError('QA_DOCUMENT_NOT_PUBLIC');
  const d = decide('edit', before.status, true);
  if (!d.ok) throw new AppError('QA_PAIR_STATE', { reason: d.reason });
  return inTransaction(db, async (tx) => {
    const row = await store.updatePair(tx, id, {
      question: input.question,
      answer: input.answer,
      document_id: input.documentId,
      clause: input.clause ?? null,
      topics: input.topics ?? [],
      ...terms(input),
      status: d.status,
      updated_at: now(),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'qa.pair.updated',
      subjectType: 'qa_pair',
      subjectId: id,
      before,
      after: row,
    });
    if (before.status === 'published') await store.touchGeneration(tx);
    return row;
  });
}

/** Submit (the department), publish or return (a reviewer). */
export async function actOnPair(
  db: Db,
  actor: Actor,
  id: number,
  action: Exclude<PairAction, 'edit'>,
): Promise<store.QaPairRow> {
  const before = await store.findPair(db, id);
  if (!before) throw new AppError('NOT_FOUND');
  const allowed =
    action === 'submit' ? can(actor, 'pair.write', { orgId: before.org_id }) : can(actor, 'pair.review');
  if (!allowed) throw new AppError('FORBIDDEN');
  const doc = await documentState(db, before.document_id);
  const d = decide(action, before.status, doc?.inForce === true);
  if (!d.ok) throw new AppError('QA_PAIR_STATE', { reason: d.reason });
  return inTransaction(db, async (tx) => {
    const at = now();
    const row = await store.updatePair(tx, id, {
      status: d.status,
      updated_at: at,
      ...(action === 'submit' ? { submitted_at: at } : {}),
      ...(action === 'approve' ? { published_at: at, reviewed_by: actor.id, flagged: false } : {}),
      ...(action === 'return' ? { reviewed_by: actor.id } : {}),
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: `qa.pair.${action}`,
      subjectType: 'qa_pair',
      subjectId: id,
      before: { status: before.status, flagged: before.flagged },
      after: { status: row.status, flagged: row.flagged },
    });
    if (action === 'approve') await store.touchGeneration(tx);
    return row;
  });
}
