/**
 * SQL of validity over time: relations between documents (amends / repeals / replaces) and the
 * historical texts of 规章 (document_versions). The tables are declared in ../store.ts.
 */
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import type {
  DocumentRelationsTable,
  DocumentVersionsTable,
  RelationRow,
  Validity,
  VersionRow,
} from '../store.ts';

type Db = Kysely<Database>;

/** The relation from `documentId` to `targetId`, if one is recorded. */
export function findRelation(
  db: Db,
  documentId: number,
  targetId: number,
): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('document_relations')
    .select('id')
    .where('document_id', '=', documentId)
    .where('target_id', '=', targetId)
    .executeTakeFirst();
}

export function insertRelation(db: Db, values: Insertable<DocumentRelationsTable>): Promise<RelationRow> {
  return db.insertInto('document_relations').values(values).returningAll().executeTakeFirstOrThrow();
}

/** The relation locked for update until the transaction ends. */
export function lockRelation(db: Db, id: number): Promise<RelationRow> {
  return db
    .selectFrom('document_relations')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function markRelationApplied(db: Db, id: number): Promise<void> {
  await db.updateTable('document_relations').set({ applied: true }).where('id', '=', id).execute();
}

/**
 * Relations not yet applied whose effective date has come by `today` and whose document is published
 * (of one document, or of all), oldest first: a draft's relations wait for its publication.
 */
export async function dueRelationIds(db: Db, today: string, documentId?: number): Promise<number[]> {
  let q = db
    .selectFrom('document_relations as r')
    .innerJoin('documents as d', 'd.id', 'r.document_id')
    .select('r.id')
    .where('r.applied', '=', false)
    .where('r.effective_date', '<=', today)
    .where('d.status', '=', 'published');
  if (documentId !== undefined) q = q.where('r.document_id', '=', documentId);
  const rows = await q.orderBy('r.effective_date').orderBy('r.id').execute();
  return rows.map((r) => r.id);
}

/** The latest historical version of a document (number and end date), if any. */
export function lastVersion(
  db: Db,
  documentId: number,
): Promise<{ version_no: number; valid_to: string | null } | undefined> {
  return db
    .selectFrom('document_versions')
    .select(['version_no', 'valid_to'])
    .where('document_id', '=', documentId)
    .orderBy('version_no', 'desc')
    .executeTakeFirst();
}

export async function insertVersion(db: Db, values: Insertable<DocumentVersionsTable>): Promise<void> {
  await db.insertInto('document_versions').values(values).execute();
}

/** The historical versions of a document with their texts, oldest first. */
export function listVersions(db: Db, documentId: number): Promise<VersionRow[]> {
  return db
    .selectFrom('document_versions')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('version_no')
    .execute();
}

/** The current text of a document with the dates that bound it. */
export function findCurrentText(
  db: Db,
  documentId: number,
): Promise<
  | {
      id: number;
      title: string;
      body_html: string;
      effective_date: string | null;
      published_date: string | null;
      written_date: string;
      validity: Validity;
      validity_changed_on: string | null;
    }
  | undefined
> {
  return db
    .selectFrom('documents')
    .select([
      'id',
      'title',
      'body_html',
      'effective_date',
      'published_date',
      'written_date',
      'validity',
      'validity_changed_on',
    ])
    .where('id', '=', documentId)
    .executeTakeFirst();
}
