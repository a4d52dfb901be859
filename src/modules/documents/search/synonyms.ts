/**
 * Synonyms and abbreviations learned from the library (政府文件库 search): mining proposes pairs from
 * the published documents' own wording (domain/synonyms-mining.ts; the nightly job and
 * `gongkai docs synonyms mine`), the office accepts or rejects them in the console, and accepted pairs
 * expand queries alongside the fixed list (service.ts `searchSynonyms`).
 */
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../../../platform/audit/record.ts';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import { AppError } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/session.ts';
import type { Job } from '../../../platform/jobs/scheduler.ts';
import { queryWords } from '../../../platform/search/fulltext.ts';
import { seesWholeTree } from '../../orgs/index.ts';
import { can } from '../domain/policies.ts';
import { DOCUMENT_SYNONYMS } from '../domain/synonyms.ts';
import { type MinedSource, SynonymMiner } from '../domain/synonyms-mining.ts';
import { forgetSearchSynonyms, loadSearchWords } from './service.ts';
import * as store from './synonyms.store.ts';

type Db = Kysely<Database> | Transaction<Database>;

export const SYNONYM_STATUS_LABELS: Record<store.SynonymStatus, string> = {
  proposed: '待审核',
  accepted: '已采用',
  rejected: '不采用',
};
export const SYNONYM_SOURCE_LABELS: Record<MinedSource, string> = {
  definition: '文中“以下简称”',
  subsequence: '标题简称与正文全称',
};

export interface MiningResult {
  /** Published documents read. */
  documents: number;
  /** Pairs proposed this time (new and already known). */
  candidates: number;
  /** Of which new. */
  added: number;
}

/**
 * Read every published document (in batches of `batch`), mine synonym pairs and store them: new pairs
 * as proposed, known ones with their evidence refreshed (the office's decision stays).
 */
export async function mineSynonymCandidates(
  db: Kysely<Database>,
  opts: { batch?: number; minDocuments?: number } = {},
): Promise<MiningResult> {
  await loadSearchWords(db);
  const miner = new SynonymMiner();
  let after = 0;
  let documents = 0;
  for (;;) {
    const rows = await store.publishedTextsAfter(db, after, opts.batch ?? 200);
    if (rows.length === 0) break;
    for (const r of rows) miner.add(r.id, { shortForms: queryWords(r.title), texts: [r.title, r.body_text] });
    documents += rows.length;
    after = rows[rows.length - 1]?.id ?? after;
  }
  const list = miner.candidates({ minDocuments: opts.minDocuments, known: DOCUMENT_SYNONYMS });
  const added = await inTransaction(db, (tx) => store.upsertCandidates(tx, list));
  return { documents, candidates: list.length, added };
}

/** Nightly: mine the library again (new documents bring new pairs and evidence). */
export const synonymMiningJob: Job = {
  name: 'documents.search_synonyms',
  everyMinutes: 24 * 60,
  run: (db) => mineSynonymCandidates(db),
};

function presentCandidate(r: store.CandidateListRow) {
  return {
    id: r.id,
    shortForm: r.short_form,
    longForm: r.long_form,
    source: r.source,
    sourceLabel: SYNONYM_SOURCE_LABELS[r.source],
    documents: r.documents,
    exampleDocumentId: r.example_document_id,
    exampleTitle: r.example_title,
    example: r.example,
    status: r.status,
    statusLabel: SYNONYM_STATUS_LABELS[r.status],
    reviewerName: r.reviewer_name,
    reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
  };
}
export type SynonymCandidateView = ReturnType<typeof presentCandidate>;

function requireReviewer(actor: Actor): void {
  if (!can(actor, 'search_synonyms')) throw new AppError('FORBIDDEN');
}

/** One page of the candidates with a status, and the count of each status. */
export async function listSynonymCandidates(
  db: Db,
  actor: Actor,
  q: { status: store.SynonymStatus; limit: number; offset: number },
) {
  requireReviewer(actor);
  const { rows, counts } = await store.listCandidates(db, q.status, q);
  return { items: rows.map(presentCandidate), counts, total: counts[q.status] };
}

/** Accept or reject a candidate (a decision can be changed); audited; the search uses it at once. */
export async function reviewSynonymCandidate(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  decision: 'accepted' | 'rejected',
): Promise<SynonymCandidateView> {
  requireReviewer(actor);
  // The search is the whole platform's: a department's or a county's office cannot change it for all.
  if (!(await seesWholeTree(db, actor))) throw new AppError('FORBIDDEN');
  await inTransaction(db, async (tx) => {
    const before = await store.findCandidate(tx, id);
    if (!before) throw new AppError('NOT_FOUND');
    const after = await store.setStatus(tx, id, { status: decision, reviewedBy: actor.id });
    await recordAudit(tx, {
      actorId: actor.id,
      action: decision === 'accepted' ? 'search_synonym.accept' : 'search_synonym.reject',
      subjectType: 'search_synonym',
      subjectId: id,
      before: { status: before.status, shortForm: before.short_form, longForm: before.long_form },
      after: { status: after?.status },
    });
  });
  forgetSearchSynonyms();
  const row = await store.findCandidateView(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentCandidate(row);
}
