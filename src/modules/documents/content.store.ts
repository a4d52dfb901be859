/**
 * SQL of attachments and interpretations (政策解读), the content linked to a document; their tables are
 * declared in store.ts. Stored files (the platform's `files` table) are written here for the library.
 */
import type { Insertable, Kysely, Selectable, Updateable } from 'kysely';
import type { Database, FilesTable } from '../../platform/db/database.ts';
import type {
  AttachmentRow,
  DocumentAttachmentsTable,
  InterpretationRow,
  InterpretationsTable,
} from './store.ts';

type Db = Kysely<Database>;
export type FileRow = Selectable<FilesTable>;

// ───────────────────────────── files ─────────────────────────────

/** Record a stored blob as a platform file; its id. */
export async function insertFile(db: Db, values: Insertable<FilesTable>): Promise<number> {
  const row = await db.insertInto('files').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function findFile(db: Db, id: number): Promise<FileRow | undefined> {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The content type of a stored file, undefined when there is no such file. */
export async function fileMime(db: Db, id: number): Promise<string | undefined> {
  const f = await db.selectFrom('files').select(['id', 'mime']).where('id', '=', id).executeTakeFirst();
  return f?.mime;
}

// ───────────────────────────── attachments ─────────────────────────────

/** The highest sort order among a document's attachments (null without any). */
export async function maxAttachmentSortOrder(db: Db, documentId: number): Promise<number | null> {
  const max = await db
    .selectFrom('document_attachments')
    .select((eb) => eb.fn.max<number>('sort_order').as('m'))
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  return max?.m ?? null;
}

export function insertAttachment(
  db: Db,
  values: Insertable<DocumentAttachmentsTable>,
): Promise<AttachmentRow> {
  return db.insertInto('document_attachments').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Delete one attachment of a document; the deleted row, undefined when it was not there. */
export function deleteAttachment(
  db: Db,
  documentId: number,
  attachmentId: number,
): Promise<AttachmentRow | undefined> {
  return db
    .deleteFrom('document_attachments')
    .where('id', '=', attachmentId)
    .where('document_id', '=', documentId)
    .returningAll()
    .executeTakeFirst();
}

// ───────────────────────────── interpretations ─────────────────────────────

export async function countInterpretations(
  db: Db,
  documentId: number,
  opts: { publishedOnly?: boolean } = {},
): Promise<number> {
  let q = db
    .selectFrom('interpretations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('document_id', '=', documentId);
  if (opts.publishedOnly) q = q.where('review_status', '=', 'published');
  const r = await q.executeTakeFirstOrThrow();
  return Number(r.n);
}

export function findInterpretation(db: Db, id: number): Promise<InterpretationRow | undefined> {
  return db.selectFrom('interpretations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listInterpretations(db: Db, documentId: number): Promise<InterpretationRow[]> {
  return db
    .selectFrom('interpretations')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('id')
    .execute();
}

export function insertInterpretation(
  db: Db,
  values: Insertable<InterpretationsTable>,
): Promise<InterpretationRow> {
  return db.insertInto('interpretations').values(values).returningAll().executeTakeFirstOrThrow();
}

/** Change one interpretation of a document; undefined when the document has no such interpretation. */
export function updateInterpretation(
  db: Db,
  documentId: number,
  id: number,
  changes: Updateable<InterpretationsTable>,
): Promise<InterpretationRow | undefined> {
  return db
    .updateTable('interpretations')
    .set(changes)
    .where('id', '=', id)
    .where('document_id', '=', documentId)
    .returningAll()
    .executeTakeFirst();
}

/** Delete one interpretation of a document; the deleted row, undefined when it was not there. */
export function deleteInterpretation(
  db: Db,
  documentId: number,
  id: number,
): Promise<InterpretationRow | undefined> {
  return db
    .deleteFrom('interpretations')
    .where('id', '=', id)
    .where('document_id', '=', documentId)
    .returningAll()
    .executeTakeFirst();
}

/** Interpretations published with their document (三同步) carry its publication date. */
export async function stampInterpretationsPublished(
  db: Db,
  documentId: number,
  publishedDate: string | null,
): Promise<void> {
  await db
    .updateTable('interpretations')
    .set({ published_date: publishedDate })
    .where('document_id', '=', documentId)
    .where('published_date', 'is', null)
    .execute();
}

/** 后续解读 waiting for review, of documents issued by the given organisations, oldest first. */
export function pendingInterpretations(db: Db, orgIds: number[]) {
  if (orgIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('interpretations as i')
    .innerJoin('documents as d', 'd.id', 'i.document_id')
    .select(['i.id', 'i.title', 'i.kind', 'i.created_at', 'd.id as document_id', 'd.title as document_title'])
    .where('i.review_status', '=', 'pending')
    .where((eb) =>
      eb.or([
        eb('d.org_id', 'in', orgIds),
        eb.exists(
          eb
            .selectFrom('document_issuers as x')
            .select('x.document_id')
            .whereRef('x.document_id', '=', 'd.id')
            .where('x.org_id', 'in', orgIds),
        ),
      ]),
    )
    .orderBy('i.created_at')
    .orderBy('i.id')
    .limit(200)
    .execute();
}
