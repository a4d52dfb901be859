/** SQL of the 政策问答 tables: the passage index, its state and the question log. */
import type { ColumnType, Generated, Insertable, Kysely, Selectable } from 'kysely';
import { sql } from 'kysely';
import type { Database, Timestamp } from '../../platform/db/database.ts';
import type { PairStatus } from './domain/pairs.ts';

export interface QaDocumentsTable {
  document_id: number;
  title: string;
  doc_number: string | null;
  issuer: ColumnType<string, string | undefined, string>;
  government: ColumnType<string, string | undefined, string>;
  in_force: boolean;
  replaced_by: number | null;
  title_terms: ColumnType<string[], string[] | undefined, string[]>;
  source_updated_at: Timestamp;
}

export interface QaPassagesTable {
  id: Generated<number>;
  document_id: number;
  seq: number;
  kind: 'paragraph' | 'clause' | 'task_row';
  clause: string | null;
  heading: string | null;
  body: string;
  lead_units: string | null;
  responsible_units: string | null;
  deadline: string | null;
  heading_terms: ColumnType<string[], string[] | undefined, string[]>;
  unit_terms: ColumnType<string[], string[] | undefined, string[]>;
  body_terms: ColumnType<string[], string[] | undefined, string[]>;
}

export interface QaIndexStateTable {
  id: number;
  generation: number;
  rebuilt_at: Timestamp | null;
  source_stamp: ColumnType<string, string | undefined, string>;
}

export type QaChannel = 'portal' | 'console' | 'cli';

export interface QaQuestionsTable {
  id: Generated<number>;
  asked_at: ColumnType<Date, Date | string | undefined, Date | string>;
  question: string;
  channel: QaChannel;
  refused: boolean;
  answers: ColumnType<number, number | undefined, number>;
}

export interface QaPairsTable {
  id: Generated<number>;
  org_id: number;
  question: string;
  answer: string;
  document_id: number;
  clause: string | null;
  topics: ColumnType<string[], string[] | undefined, string[]>;
  status: ColumnType<PairStatus, PairStatus | undefined, PairStatus>;
  flagged: ColumnType<boolean, boolean | undefined, boolean>;
  question_terms: ColumnType<string[], string[] | undefined, string[]>;
  answer_terms: ColumnType<string[], string[] | undefined, string[]>;
  created_by: number | null;
  submitted_at: Timestamp | null;
  reviewed_by: number | null;
  published_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

declare module '../../platform/db/database.ts' {
  interface Database {
    qa_pairs: QaPairsTable;
    qa_documents: QaDocumentsTable;
    qa_passages: QaPassagesTable;
    qa_index_state: QaIndexStateTable;
    qa_questions: QaQuestionsTable;
  }
}

type Db = Kysely<Database>;
export type QaDocumentRow = Selectable<QaDocumentsTable>;
export type QaPassageRow = Selectable<QaPassagesTable>;
export type NewQaPassage = Insertable<QaPassagesTable>;

export async function indexGeneration(db: Db): Promise<number> {
  const row = await db
    .selectFrom('qa_index_state')
    .select('generation')
    .where('id', '=', 1)
    .executeTakeFirst();
  return row?.generation ?? 0;
}

export async function sourceStamp(db: Db): Promise<string> {
  const row = await db
    .selectFrom('qa_index_state')
    .select('source_stamp')
    .where('id', '=', 1)
    .executeTakeFirst();
  return row?.source_stamp ?? '';
}

export async function bumpGeneration(db: Db, at: Date, stamp: string, changed: boolean): Promise<number> {
  const row = await db
    .updateTable('qa_index_state')
    .set(
      changed
        ? { generation: sql`generation + 1`, rebuilt_at: at, source_stamp: stamp }
        : { source_stamp: stamp },
    )
    .where('id', '=', 1)
    .returning('generation')
    .executeTakeFirstOrThrow();
  return row.generation;
}

export function listIndexedDocuments(db: Db): Promise<QaDocumentRow[]> {
  return db.selectFrom('qa_documents').selectAll().orderBy('document_id').execute();
}

export function listPassages(db: Db): Promise<QaPassageRow[]> {
  return db.selectFrom('qa_passages').selectAll().orderBy('document_id').orderBy('seq').execute();
}

export async function deleteIndexedDocuments(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('qa_passages')
    .where('document_id', 'in', [...ids])
    .execute();
  await db
    .deleteFrom('qa_documents')
    .where('document_id', 'in', [...ids])
    .execute();
}

export async function insertIndexedDocument(
  db: Db,
  doc: Insertable<QaDocumentsTable>,
  passages: readonly NewQaPassage[],
): Promise<void> {
  await db.insertInto('qa_documents').values(doc).execute();
  for (let i = 0; i < passages.length; i += 200) {
    await db
      .insertInto('qa_passages')
      .values(passages.slice(i, i + 200) as NewQaPassage[])
      .execute();
  }
}

export async function logQuestion(
  db: Db,
  row: { question: string; channel: QaChannel; refused: boolean; answers: number; asked_at: Date },
): Promise<void> {
  await db.insertInto('qa_questions').values(row).execute();
}

/** Questions asked in a year: all, answered, refused. */
export async function questionCounts(
  db: Db,
  year: number,
): Promise<{ asked: number; answered: number; refused: number }> {
  const row = await db
    .selectFrom('qa_questions')
    .select([
      sql<number>`count(*)::int`.as('asked'),
      sql<number>`(count(*) filter (where not refused))::int`.as('answered'),
      sql<number>`(count(*) filter (where refused))::int`.as('refused'),
    ])
    .where(sql<boolean>`extract(year from asked_at at time zone 'Asia/Shanghai') = ${year}`)
    .executeTakeFirst();
  return { asked: row?.asked ?? 0, answered: row?.answered ?? 0, refused: row?.refused ?? 0 };
}

export type QaPairRow = Selectable<QaPairsTable>;

export function findPair(db: Db, id: number): Promise<QaPairRow | undefined> {
  return db.selectFrom('qa_pairs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listPairs(db: Db, f: { orgId?: number; status?: PairStatus } = {}): Promise<QaPairRow[]> {
  let q = db.selectFrom('qa_pairs').selectAll();
  if (f.orgId !== undefined) q = q.where('org_id', '=', f.orgId);
  if (f.status) q = q.where('status', '=', f.status);
  return q.orderBy('updated_at', 'desc').orderBy('id', 'desc').execute();
}

export async function insertPair(db: Db, row: Insertable<QaPairsTable>): Promise<QaPairRow> {
  return db.insertInto('qa_pairs').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updatePair(
  db: Db,
  id: number,
  changes: Partial<Insertable<QaPairsTable>>,
): Promise<QaPairRow> {
  return db
    .updateTable('qa_pairs')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Flag the published pairs of these documents (no longer in force); returns their ids. */
export async function flagPairsOf(db: Db, documentIds: readonly number[], at: Date): Promise<number[]> {
  if (documentIds.length === 0) return [];
  const rows = await db
    .updateTable('qa_pairs')
    .set({ flagged: true, updated_at: at })
    .where('document_id', 'in', [...documentIds])
    .where('status', '=', 'published')
    .where('flagged', '=', false)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The pairs the portal may show (published, not flagged). */
export function shownPairs(db: Db): Promise<QaPairRow[]> {
  return db
    .selectFrom('qa_pairs')
    .selectAll()
    .where('status', '=', 'published')
    .where('flagged', '=', false)
    .orderBy('id')
    .execute();
}

/** A new index generation without touching the source stamp (a curated pair changed). */
export async function touchGeneration(db: Db): Promise<void> {
  await db
    .updateTable('qa_index_state')
    .set({ generation: sql`generation + 1` })
    .where('id', '=', 1)
    .execute();
}
