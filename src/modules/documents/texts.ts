/**
 * The text of the public library for other modules (政策问答 builds its passage index from it): every
 * published 主动公开 document with its body, attachments' text, issuer, validity and the document in
 * force that repealed or replaced it. Read-only.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../platform/db/database.ts';
import { listOrgs } from '../orgs/index.ts';
import type { Validity } from './store.ts';

export type PublicDocumentText = {
  id: number;
  title: string;
  docNumber: string | null;
  /** The issuing organisation's name (e.g. 市政府办公室). */
  issuer: string;
  /** The government the issuer belongs to (e.g. 济宁市人民政府, 曲阜市人民政府). */
  government: string;
  validity: Validity;
  /** In force: valid or amended (not repealed, not expired). */
  inForce: boolean;
  /** The published document that repealed or replaced this one, when there is one. */
  replacedBy: number | null;
  publishedDate: string | null;
  bodyText: string;
  attachments: { name: string; text: string }[];
  updatedAt: string;
};

/** Every public document's text (ids given: only those). */
export async function listPublicDocumentTexts(
  db: Kysely<Database>,
  ids?: readonly number[],
): Promise<PublicDocumentText[]> {
  if (ids && ids.length === 0) return [];
  let q = db
    .selectFrom('documents')
    .select(['id', 'title', 'doc_number', 'org_id', 'validity', 'published_date', 'body_text', 'updated_at'])
    .where('status', '=', 'published')
    .where('attribute', '=', 'proactive')
    .where('historical', '=', false);
  if (ids) q = q.where('id', 'in', [...ids]);
  const docs = await q.orderBy('id').execute();
  if (docs.length === 0) return [];
  const docIds = docs.map((d) => d.id);
  const attachments = await db
    .selectFrom('document_attachments')
    .select(['document_id', 'name', 'text_content'])
    .where('document_id', 'in', docIds)
    .orderBy('document_id')
    .orderBy('sort_order')
    .execute();
  const relations = await db
    .selectFrom('document_relations as r')
    .innerJoin('documents as n', 'n.id', 'r.document_id')
    .select(['r.target_id', 'r.document_id'])
    .where('r.kind', 'in', ['repeals', 'replaces'])
    .where('r.applied', '=', true)
    .where('n.status', '=', 'published')
    .where('n.attribute', '=', 'proactive')
    .where('r.target_id', 'in', docIds)
    .orderBy('r.effective_date')
    .execute();
  const replacedBy = new Map<number, number>();
  for (const r of relations) replacedBy.set(r.target_id, r.document_id);
  const orgs = new Map((await listOrgs(db)).map((o) => [o.id, o]));
  const governmentOf = (orgId: number): string => {
    let o = orgs.get(orgId);
    for (let i = 0; o && i < 10; i++) {
      if (o.kind === 'government' || o.kind === 'county' || o.kind === 'town') return o.name;
      o = o.parent_id === null ? undefined : orgs.get(o.parent_id);
    }
    return orgs.get(orgId)?.name ?? '';
  };
  const byDoc = new Map<number, { name: string; text: string }[]>();
  for (const a of attachments) {
    const list = byDoc.get(a.document_id) ?? [];
    list.push({ name: a.name, text: a.text_content });
    byDoc.set(a.document_id, list);
  }
  return docs.map((d) => ({
    id: d.id,
    title: d.title,
    docNumber: d.doc_number,
    issuer: orgs.get(d.org_id)?.name ?? '',
    government: governmentOf(d.org_id),
    validity: d.validity,
    inForce: d.validity === 'valid' || d.validity === 'amended',
    replacedBy: replacedBy.get(d.id) ?? null,
    publishedDate: d.published_date,
    bodyText: d.body_text,
    attachments: byDoc.get(d.id) ?? [],
    updatedAt: new Date(d.updated_at).toISOString(),
  }));
}

/**
 * A stamp of the public library's state: it changes when a public document is added, removed, edited
 * or changes validity (a reader rebuilds what it derived from the texts only when the stamp changed).
 */
export async function publicDocumentsStamp(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectFrom('documents')
    .select([
      sql<number>`count(*)::int`.as('n'),
      sql<number>`(count(*) filter (where validity in ('valid', 'amended')))::int`.as('in_force'),
      sql<string | null>`max(updated_at)::text`.as('latest'),
      sql<string | null>`max(validity_changed_on)::text`.as('changed'),
    ])
    .where('status', '=', 'published')
    .where('attribute', '=', 'proactive')
    .where('historical', '=', false)
    .executeTakeFirst();
  return `${row?.n ?? 0}/${row?.in_force ?? 0}/${row?.latest ?? ''}/${row?.changed ?? ''}`;
}
