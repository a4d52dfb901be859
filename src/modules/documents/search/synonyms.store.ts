/** SQL of the search's mined synonym candidates (table search_synonym_candidates, migration 0061). */
import type { Generated, Kysely, Selectable, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database, Timestamp } from '../../../platform/db/database.ts';
import type { MinedCandidate, MinedSource } from '../domain/synonyms-mining.ts';

export type SynonymStatus = 'proposed' | 'accepted' | 'rejected';

export interface SearchSynonymCandidatesTable {
  id: Generated<number>;
  short_form: string;
  long_form: string;
  source: MinedSource;
  documents: number;
  example_document_id: number | null;
  example: string;
  status: Generated<SynonymStatus>;
  reviewed_by: number | null;
  reviewed_at: Timestamp | null;
  mined_at: Generated<Timestamp>;
}

declare module '../../../platform/db/database.ts' {
  interface Database {
    search_synonym_candidates: SearchSynonymCandidatesTable;
  }
}

export type SynonymCandidateRow = Selectable<SearchSynonymCandidatesTable>;
type Db = Kysely<Database> | Transaction<Database>;

/** Insert new candidates; for known pairs refresh the evidence only (a decision stays). Returns how many were new. */
export async function upsertCandidates(db: Db, list: readonly MinedCandidate[]): Promise<number> {
  let added = 0;
  for (let i = 0; i < list.length; i += 500) {
    const rows = await db
      .insertInto('search_synonym_candidates')
      .values(
        list.slice(i, i + 500).map((c) => ({
          short_form: c.short,
          long_form: c.long,
          source: c.source,
          documents: c.documents,
          example_document_id: c.exampleDocumentId,
          example: c.example.slice(0, 200),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['short_form', 'long_form']).doUpdateSet({
          source: sql`excluded.source`,
          documents: sql`excluded.documents`,
          example_document_id: sql`excluded.example_document_id`,
          example: sql`excluded.example`,
          mined_at: sql`now()`,
        }),
      )
      // xmax = 0 on a freshly inserted row (PostgreSQL): counts the new ones.
      .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
      .execute();
    added += rows.filter((r) => r.inserted).length;
  }
  return added;
}

export type CandidateListRow = SynonymCandidateRow & {
  reviewer_name: string | null;
  example_title: string | null;
};

/** Candidates with their reviewer's name and example document's title. */
function candidateViews(db: Db) {
  return db
    .selectFrom('search_synonym_candidates as c')
    .leftJoin('users as u', 'u.id', 'c.reviewed_by')
    .leftJoin('documents as d', 'd.id', 'c.example_document_id')
    .selectAll('c')
    .select(['u.display_name as reviewer_name', 'd.title as example_title']);
}

export function findCandidateView(db: Db, id: number): Promise<CandidateListRow | undefined> {
  return candidateViews(db).where('c.id', '=', id).executeTakeFirst();
}

/** Candidates with one status (most documents first), and the count per status. */
export async function listCandidates(
  db: Db,
  status: SynonymStatus,
  page: { limit: number; offset: number },
): Promise<{ rows: CandidateListRow[]; counts: Record<SynonymStatus, number> }> {
  const rows = await candidateViews(db)
    .where('c.status', '=', status)
    .orderBy('c.documents', 'desc')
    .orderBy('c.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const counts = await db
    .selectFrom('search_synonym_candidates')
    .select(['status', sql<number>`count(*)::int`.as('n')])
    .groupBy('status')
    .execute();
  const by = { proposed: 0, accepted: 0, rejected: 0 };
  for (const c of counts) by[c.status] = Number(c.n);
  return { rows, counts: by };
}

export function findCandidate(db: Db, id: number): Promise<SynonymCandidateRow | undefined> {
  return db.selectFrom('search_synonym_candidates').selectAll().where('id', '=', id).executeTakeFirst();
}

export function setStatus(
  db: Db,
  id: number,
  v: { status: SynonymStatus; reviewedBy: number },
): Promise<SynonymCandidateRow | undefined> {
  return db
    .updateTable('search_synonym_candidates')
    .set({ status: v.status, reviewed_by: v.reviewedBy, reviewed_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** The accepted pairs (short form, long form). */
export async function acceptedPairs(db: Db): Promise<[string, string][]> {
  const rows = await db
    .selectFrom('search_synonym_candidates')
    .select(['short_form', 'long_form'])
    .where('status', '=', 'accepted')
    .orderBy('id')
    .execute();
  return rows.map((r) => [r.short_form, r.long_form]);
}

/** The next `batch` published documents after id `after`: id, title and body text. */
export function publishedTextsAfter(
  db: Db,
  after: number,
  batch: number,
): Promise<{ id: number; title: string; body_text: string }[]> {
  return db
    .selectFrom('documents')
    .select(['id', 'title', 'body_text'])
    .where('id', '>', after)
    .where('status', '=', 'published')
    .orderBy('id')
    .limit(batch)
    .execute();
}
