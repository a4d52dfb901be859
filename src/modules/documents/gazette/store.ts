import type { Generated, Insertable, Kysely, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Database, Timestamp } from '../../../platform/db/database.ts';

/** 政府公报: one issue (year, number, date, title), draft until published. */
export interface GazetteIssuesTable {
  id: Generated<number>;
  year: number;
  number: number;
  total_number: number | null;
  issue_date: string;
  title: string;
  status: Generated<string>;
  published_at: Timestamp | null;
  created_by: number | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** One entry of an issue: a published document or an interpretation, in order, under a section. */
export interface GazetteItemsTable {
  id: Generated<number>;
  issue_id: number;
  document_id: number | null;
  interpretation_id: number | null;
  section: Generated<string>;
  sort_order: number;
}

declare module '../../../platform/db/database.ts' {
  interface Database {
    gazette_issues: GazetteIssuesTable;
    gazette_items: GazetteItemsTable;
  }
}

export type GazetteIssueRow = Selectable<GazetteIssuesTable>;
type Db = Kysely<Database>;

export type GazetteItemInput = {
  documentId?: number | null;
  interpretationId?: number | null;
  section?: string;
};

/** One item with what the table of contents and the PDF need (documents and interpretations alike). */
export type GazetteEntry = {
  itemId: number;
  section: string;
  kind: 'document' | 'interpretation';
  documentId: number;
  interpretationId: number | null;
  title: string;
  docNumber: string | null;
  orgName: string;
  date: string | null;
  bodyText: string;
  bodyHtml: string;
  /** Questions and answers of a Q&A interpretation. */
  qa: { q: string; a: string }[];
  /** The document (of an interpretation: its document) is published. */
  published: boolean;
};

export function listIssues(db: Db, opts: { publishedOnly: boolean; year?: number }) {
  let q = db.selectFrom('gazette_issues').selectAll();
  if (opts.publishedOnly) q = q.where('status', '=', 'published');
  if (opts.year !== undefined) q = q.where('year', '=', opts.year);
  return q.orderBy('year', 'desc').orderBy('number', 'desc').execute();
}

export function findIssue(db: Db, id: number) {
  return db.selectFrom('gazette_issues').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findIssueByNumber(db: Db, year: number, number: number) {
  return db
    .selectFrom('gazette_issues')
    .selectAll()
    .where('year', '=', year)
    .where('number', '=', number)
    .executeTakeFirst();
}

/** Published years with their issue counts, newest first. */
export async function publishedYears(db: Db): Promise<{ year: number; issues: number }[]> {
  const rows = await db
    .selectFrom('gazette_issues')
    .select(['year', (eb) => eb.fn.countAll<number>().as('issues')])
    .where('status', '=', 'published')
    .groupBy('year')
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => ({ year: r.year, issues: Number(r.issues) }));
}

function qaList(v: unknown): { q: string; a: string }[] {
  const list = typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
  if (!Array.isArray(list)) return [];
  return list
    .filter((p): p is { q?: unknown; a?: unknown } => typeof p === 'object' && p !== null)
    .map((p) => ({ q: String(p.q ?? ''), a: String(p.a ?? '') }));
}

/** The items of an issue in order, with their texts. */
export async function issueEntries(db: Db, issueId: number): Promise<GazetteEntry[]> {
  const rows = await sql<{
    item_id: number;
    section: string;
    document_id: number;
    interpretation_id: number | null;
    title: string;
    doc_number: string | null;
    org_name: string;
    date: string | null;
    body_text: string;
    body_html: string;
    qa: unknown;
    published: boolean;
  }>`
    select gi.id as item_id, gi.section, d.id as document_id, gi.interpretation_id,
      coalesce(i.title, d.title) as title, d.doc_number, o.name as org_name,
      to_char(coalesce(i.published_date, d.published_date), 'YYYY-MM-DD') as date,
      case when i.id is null then d.body_text else '' end as body_text,
      coalesce(i.body_html, d.body_html) as body_html, coalesce(i.qa, '[]'::jsonb) as qa,
      (d.status = 'published' and d.attribute = 'proactive') as published
    from gazette_items gi
    left join interpretations i on i.id = gi.interpretation_id
    join documents d on d.id = coalesce(gi.document_id, i.document_id)
    join orgs o on o.id = d.org_id
    where gi.issue_id = ${issueId}
    order by gi.sort_order, gi.id`.execute(db);
  return rows.rows.map((r) => ({
    itemId: r.item_id,
    section: r.section,
    kind: r.interpretation_id === null ? 'document' : 'interpretation',
    documentId: r.document_id,
    interpretationId: r.interpretation_id,
    title: r.title,
    docNumber: r.doc_number,
    orgName: r.org_name,
    date: r.date,
    bodyText: r.body_text,
    bodyHtml: r.body_html,
    qa: qaList(r.qa),
    published: r.published,
  }));
}

/** Which of the given documents / interpretations exist and whether their document is published. */
export async function itemTargets(
  db: Db,
  documentIds: number[],
  interpretationIds: number[],
): Promise<{ documents: Map<number, boolean>; interpretations: Map<number, boolean> }> {
  const documents = new Map<number, boolean>();
  const interpretations = new Map<number, boolean>();
  if (documentIds.length > 0) {
    const r = await sql<{ id: number; published: boolean }>`
      select id, status = 'published' and attribute = 'proactive' as published from documents
      where id in (${sql.join(documentIds)})`.execute(db);
    for (const x of r.rows) documents.set(x.id, x.published);
  }
  if (interpretationIds.length > 0) {
    const r = await sql<{ id: number; published: boolean }>`
      select i.id, d.status = 'published' and d.attribute = 'proactive' as published from interpretations i
      join documents d on d.id = i.document_id
      where i.id in (${sql.join(interpretationIds)})`.execute(db);
    for (const x of r.rows) interpretations.set(x.id, x.published);
  }
  return { documents, interpretations };
}

export async function replaceItems(db: Db, issueId: number, items: GazetteItemInput[]): Promise<void> {
  await db.deleteFrom('gazette_items').where('issue_id', '=', issueId).execute();
  if (items.length === 0) return;
  await db
    .insertInto('gazette_items')
    .values(
      items.map((it, i) => ({
        issue_id: issueId,
        document_id: it.documentId ?? null,
        interpretation_id: it.interpretationId ?? null,
        section: it.section ?? '',
        sort_order: i + 1,
      })),
    )
    .execute();
}

/**
 * Published documents (with their interpretations right after each) published between two dates,
 * in publication order: the candidates for composing an issue. `notInIssue` leaves out those already
 * carried by any issue.
 */
export async function candidateItems(
  db: Db,
  opts: { from: string; to: string; orgIds?: number[]; notInIssue: boolean; limit: number },
): Promise<
  { documentId: number; interpretationId: number | null; title: string; date: string; orgName: string }[]
> {
  const orgFilter =
    opts.orgIds && opts.orgIds.length > 0 ? sql`and d.org_id in (${sql.join(opts.orgIds)})` : sql``;
  const notIn = opts.notInIssue
    ? sql`and not exists (select 1 from gazette_items gi where gi.document_id = d.id)`
    : sql``;
  const r = await sql<{
    document_id: number;
    interpretation_id: number | null;
    title: string;
    date: string;
    org_name: string;
  }>`
    with docs as (
      select d.id, d.title, d.published_date, o.name as org_name from documents d
      join orgs o on o.id = d.org_id
      where d.status = 'published' and d.attribute = 'proactive'
        and d.published_date between ${opts.from} and ${opts.to} ${orgFilter} ${notIn}
      order by d.published_date, d.id
      limit ${opts.limit}
    )
    select x.document_id, x.interpretation_id, x.title, x.date, x.org_name from (
      select docs.id as document_id, null::integer as interpretation_id, docs.title,
        to_char(docs.published_date, 'YYYY-MM-DD') as date, docs.org_name, docs.published_date as k1,
        docs.id as k2, 0 as k3
      from docs
      union all
      select docs.id, i.id, i.title, to_char(coalesce(i.published_date, docs.published_date), 'YYYY-MM-DD'),
        docs.org_name, docs.published_date, docs.id, i.id
      from docs join interpretations i on i.document_id = docs.id and i.review_status = 'published'
    ) x order by x.k1, x.k2, x.k3`.execute(db);
  return r.rows.map((x) => ({
    documentId: x.document_id,
    interpretationId: x.interpretation_id,
    title: x.title,
    date: x.date,
    orgName: x.org_name,
  }));
}

export function insertIssue(db: Db, values: Insertable<GazetteIssuesTable>): Promise<GazetteIssueRow> {
  return db.insertInto('gazette_issues').values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateIssue(
  db: Db,
  id: number,
  changes: Updateable<GazetteIssuesTable>,
): Promise<GazetteIssueRow> {
  return db
    .updateTable('gazette_issues')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Delete an issue (its items go with it). */
export async function deleteIssue(db: Db, id: number): Promise<void> {
  await db.deleteFrom('gazette_issues').where('id', '=', id).execute();
}
