/**
 * SQL of the disclosure-attribute review (定期复审): its queues, its decisions and the list of documents
 * converted to 主动公开. The tables are declared in ../store.ts.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { type AttributeReviewRow, type DocumentListRow, LIST_COLUMNS } from '../store.ts';

type Db = Kysely<Database>;

export type ReviewQueueRow = DocumentListRow & {
  doc_number_key: string | null;
  attribute_ground: string | null;
  attribute_reason: string | null;
};

/**
 * Withheld documents (依申请公开 / 不予公开) of the organisations whose review is due by `today` or whose
 * 文号 key is among `docNumberKeys`; oldest due first, at most 1,000.
 */
export function reviewQueue(
  db: Db,
  v: { orgIds: readonly number[]; today: string; docNumberKeys: readonly string[] },
): Promise<ReviewQueueRow[]> {
  const visible = [...v.orgIds];
  const keys = [...v.docNumberKeys];
  return db
    .selectFrom('documents as d')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .select([...LIST_COLUMNS, 'd.doc_number_key', 'd.attribute_ground', 'd.attribute_reason'])
    .where('d.org_id', 'in', visible.length ? visible : [-1])
    .where('d.attribute', 'in', ['on_request', 'not_public'])
    .where((eb) =>
      eb.or([
        eb('d.attribute_review_due', '<=', v.today),
        ...(keys.length > 0 ? [eb('d.doc_number_key', 'in', keys)] : []),
      ]),
    )
    .orderBy('d.attribute_review_due')
    .orderBy('d.id')
    .limit(1000)
    .execute();
}

/** Published documents of the organisations whose attribute was never determined; oldest first. */
export async function undeterminedDocuments(
  db: Db,
  v: { orgIds: readonly number[]; page: number; pageSize: number },
): Promise<{ rows: DocumentListRow[]; total: number }> {
  const visible = [...v.orgIds];
  const base = db
    .selectFrom('documents as d')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .where('d.org_id', 'in', visible.length ? visible : [-1])
    .where('d.attribute', 'is', null)
    .where('d.status', '=', 'published');
  const [rows, n] = await Promise.all([
    base
      .select([...LIST_COLUMNS])
      .orderBy('d.written_date')
      .orderBy('d.id')
      .limit(v.pageSize)
      .offset((v.page - 1) * v.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(n.n) };
}

/** Record one review decision; the row as written. */
export function insertAttributeReview(
  db: Db,
  v: {
    documentId: number;
    decision: 'converted' | 'confirmed';
    reviewerId: number;
    notes: string;
    source: 'periodic' | 'request';
  },
): Promise<AttributeReviewRow> {
  return db
    .insertInto('document_attribute_reviews')
    .values({
      document_id: v.documentId,
      decision: v.decision,
      reviewer_id: v.reviewerId,
      notes: v.notes,
      source: v.source,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Public documents converted to 主动公开, newest conversion first. */
export async function convertedDocuments(
  db: Db,
  f: { orgId?: number; page: number; pageSize: number },
): Promise<{ rows: DocumentListRow[]; total: number }> {
  let base = db
    .selectFrom('documents as d')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .where('d.converted_on', 'is not', null)
    .where('d.attribute', '=', 'proactive')
    .where('d.status', '=', 'published');
  if (f.orgId) base = base.where('d.org_id', '=', f.orgId);
  const [rows, n] = await Promise.all([
    base
      .select([...LIST_COLUMNS])
      .orderBy('d.converted_on', 'desc')
      .orderBy('d.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(n.n) };
}
