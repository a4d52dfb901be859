/**
 * SQL of the library's full-text search (service.ts): the index columns (`search_vector`, `search_title`)
 * and the queries of the two-phase ranking. Filters are SQL fragments with bound parameters.
 */
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { inTransaction } from '../../../platform/db/transaction.ts';
import type { PostingsPlan, TermFrequencies } from '../domain/search-estimate.ts';
import type { QaItem, Validity } from '../store.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** A title word of a public document, by its published date (kept by a trigger on documents). */
export interface DocumentTitlePostingsTable {
  lexeme: string;
  published_date: string | null;
  document_id: number;
}

declare module '../../../platform/db/database.ts' {
  interface Database {
    document_title_postings: DocumentTitlePostingsTable;
  }
}

/** The filters of a search (or a listing without a query). */
export interface SearchFilters {
  /** Issued by this organisation (primary or joint issuer). */
  orgId?: number | null;
  /** Issued by one of these organisations (the primary issuer): a portal site's organisations. */
  orgIds?: readonly number[] | null;
  /** 成文日期 in this year. */
  year?: number | null;
  genre?: string | null;
  topic?: string | null;
  themeId?: number | null;
  validity?: Validity | null;
  /**
   * Only what the public may see (default true): published 主动公开 documents. False for staff, who
   * also find drafts and 依申请公开/不予公开 documents.
   */
  publishedOnly?: boolean;
}

/**
 * The filter conditions on `d` (documents), as SQL with bound parameters. For a text search
 * (`indexable` false) they are written so that PostgreSQL cannot drive the query from the status,
 * organisation or date indexes: it would then test `search_vector @@ query` on every row of, say, a
 * year — reading each large vector — where the GIN index answers without reading any. The filters
 * are then checked on the few rows the search indexes return.
 */
export function filterConditions(p: SearchFilters, indexable: boolean): RawBuilder<unknown>[] {
  const c: RawBuilder<unknown>[] = [];
  const guard = (cond: RawBuilder<unknown>) => (indexable ? cond : sql`(${cond}) is true`);
  if (p.publishedOnly !== false)
    c.push(guard(sql`d.status = 'published'`), guard(sql`d.attribute = 'proactive'`));
  if (p.orgId != null)
    c.push(
      sql`(${guard(sql`d.org_id = ${p.orgId}`)} or exists (select 1 from document_issuers di where di.document_id = d.id and di.org_id = ${p.orgId}))`,
    );
  if (p.orgIds != null)
    c.push(p.orgIds.length === 0 ? sql`false` : guard(sql`d.org_id in (${sql.join([...p.orgIds])})`));
  if (p.year != null) {
    const y = Math.trunc(p.year);
    if (y < 1 || y > 9999) c.push(sql`false`);
    else if (!indexable) c.push(sql`date_part('year', d.written_date) = ${y}`);
    else
      c.push(sql`d.written_date >= ${`${String(y).padStart(4, '0')}-01-01`}::date
      and d.written_date < ${`${String(y + 1).padStart(4, '0')}-01-01`}::date`);
  }
  if (p.genre) c.push(guard(sql`d.genre = ${p.genre}`));
  if (p.topic) c.push(guard(sql`d.topic = ${p.topic}`));
  if (p.validity) c.push(guard(sql`d.validity = ${p.validity}`));
  if (p.themeId != null)
    c.push(
      sql`exists (select 1 from document_theme_links tl where tl.document_id = d.id and tl.theme_id = ${p.themeId})`,
    );
  return c;
}

/**
 * Run `work` with sequential scans disabled for its statements (restored afterwards, in the same
 * transaction). A sequential scan tests `search_vector @@ query` row by row, reading and
 * decompressing every large vector; the GIN index answers the same question without reading them.
 * PostgreSQL's cost model does not charge for that de-toasting, so for common words it would pick the
 * sequential scan and be ten times slower.
 */
export async function withoutSeqScan<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  // In a transaction of its own the setting ends with it (one round trip less); in the caller's, it is
  // restored.
  const own = !db.isTransaction;
  return inTransaction(db, async (tx) => {
    const r = await sql<{ v: string }>`select current_setting('enable_seqscan') as v,
      set_config('enable_seqscan', 'off', true) as off`.execute(tx);
    if (own) return work(tx);
    try {
      return await work(tx);
    } finally {
      await sql`select set_config('enable_seqscan', ${r.rows[0]?.v ?? 'on'}, true)`.execute(tx);
    }
  });
}

export type MatchRow = { id: number; published_date: string | null };

function andAll(conds: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conds.length === 0 ? sql`` : sql`and ${sql.join(conds, sql` and `)}`;
}

function matchCondition(tsq: string | null, key: string | null): RawBuilder<unknown> {
  if (tsq && key) return sql`(d.search_vector @@ ${tsq}::tsquery or d.doc_number_key = ${key})`;
  if (key) return sql`d.doc_number_key = ${key}`;
  return sql`d.search_vector @@ ${tsq}::tsquery`;
}

/** Newest first; `+ 0` keeps PostgreSQL from walking the date index and testing every vector on the way. */
const NEWEST = sql`order by d.published_date + 0 desc nulls last, d.id desc`;

/** Up to `n` documents with this 文号 key, newest first. */
export async function exactMatches(
  db: Db,
  filters: RawBuilder<unknown>[],
  key: string,
  n: number,
): Promise<MatchRow[]> {
  const r =
    await sql<MatchRow>`select d.id, d.published_date from documents d where d.doc_number_key = ${key} ${andAll(filters)}
        ${NEWEST} limit ${n}`.execute(db);
  return r.rows;
}

/**
 * How a title list is read: from the public documents' title postings of `drivers` (lexemes one of
 * which every match's title holds), newest first, at most `bound` of them; null, through the title's
 * GIN index.
 */
export type TitlePlan = PostingsPlan | null;

/**
 * The newest `n` documents whose small title vector matches `tsq`, through the GIN index on
 * search_title: every match is fetched and sorted by date (3–4 ms for a word in 2,000 titles at
 * 100,000 documents).
 */
function titleList(filters: RawBuilder<unknown>[], tsq: string, n: number): RawBuilder<unknown> {
  return sql`select d.id, d.published_date from documents d where d.search_title @@ ${tsq}::tsquery ${andAll(filters)}
    ${NEWEST} limit ${n}`;
}

/** The first `plan.bound` distinct postings of `plan.drivers`, newest first. */
function postings(plan: PostingsPlan): RawBuilder<unknown> {
  const lists = sql.join(
    plan.drivers.map(
      (l) => sql`(select p.published_date, p.document_id from document_title_postings p where p.lexeme = ${l}
        order by p.published_date desc nulls last, p.document_id desc)`,
    ),
    sql` union all `,
  );
  return sql`select distinct on (p.published_date, p.document_id) p.published_date, p.document_id from (${lists}) p
    order by p.published_date desc nulls last, p.document_id desc limit ${plan.bound}`;
}

/**
 * Up to `n` documents whose small title vector matches `tsq`, newest first, by one of two plans with the
 * same rows: through the title's GIN index (titleList), or with `plan.drivers`, for the public documents
 * only (the caller's filters must hold no more than that), from the drivers' postings
 * (document_title_postings) merged newest first, each document's title tested, stopped after `n` (a
 * word's list reads about `n` rows). When `plan.bound` postings do not give `n` (the drivers are more
 * often in other titles than estimated), the index answers.
 */
export async function titleMatches(
  db: Db,
  filters: RawBuilder<unknown>[],
  tsq: string,
  n: number,
  plan: TitlePlan = null,
): Promise<MatchRow[]> {
  if (plan) {
    const r = await sql<MatchRow>`select d.id, d.published_date from (${postings(plan)}) x
      join documents d on d.id = x.document_id
      where d.status = 'published' and (d.search_title @@ ${tsq}::tsquery) is true ${andAll(filters)}
      order by x.published_date desc nulls last, x.document_id desc limit ${n}`.execute(db);
    if (r.rows.length >= n) return r.rows;
    // Fewer than `n`: complete when the drivers have fewer postings than the bound (a rare word).
    const read = await sql<{ n: number }>`select count(*)::int as n from (${postings(plan)}) x`.execute(db);
    if ((read.rows[0]?.n ?? plan.bound) < plan.bound) return r.rows;
  }
  const r = await sql<MatchRow>`${titleList(filters, tsq, n)}`.execute(db);
  return r.rows;
}

/**
 * The document frequencies of the most common lexemes of both vectors, from PostgreSQL's statistics
 * (ANALYZE keeps, per tsvector column, the most common lexemes and the share of rows holding each:
 * `pg_stats.most_common_elems`), and the table's row count. Empty before the first ANALYZE.
 */
export async function termFrequencies(db: Db): Promise<{ vector: TermFrequencies; title: TermFrequencies }> {
  const r = await sql<{ attname: string; elems: string[] | null; freqs: number[] | null; docs: number }>`
    select s.attname::text as attname, s.most_common_elems::text::text[] as elems,
      s.most_common_elem_freqs::float8[] as freqs, c.reltuples::float8 as docs
    from pg_stats s join pg_class c on c.relname = s.tablename
      and c.relnamespace = (select oid from pg_namespace where nspname = s.schemaname)
    where s.schemaname = current_schema() and s.tablename = 'documents'
      and s.attname in ('search_vector', 'search_title')`.execute(db);
  const empty = (): TermFrequencies => ({ shares: new Map(), documents: 0 });
  const out = { vector: empty(), title: empty() };
  for (const row of r.rows) {
    const shares = new Map<string, number>();
    const elems = row.elems ?? [];
    // The frequencies hold one share per element, then the minimum, maximum and null share.
    for (const [i, e] of elems.entries()) shares.set(e, Number(row.freqs?.[i] ?? 0));
    const docs = Math.max(0, Number(row.docs) || 0);
    if (row.attname === 'search_vector') out.vector = { shares, documents: docs };
    else out.title = { shares, documents: docs };
  }
  return out;
}

/** The newest first order of the other matches (after the title lists). */
const NEWEST_OTHERS = sql`order by published_date desc nulls last, id desc`;

/**
 * The newest `n` matches whose title does not hold every word of `all`, none of `except`, without
 * counting them, for a query whose total is estimated (a common word), by one of two plans with the
 * same rows: with `walkRows`, down the index of published documents newest first, testing each
 * document's vector, at most `walkRows` documents (published documents only; when the walk ends short,
 * the index instead); else the GIN bitmap's first cap + 1 such matches, of which the newest `n` (all
 * matches when there are at most cap + 1).
 */
export async function otherMatches(
  db: Db,
  filters: RawBuilder<unknown>[],
  m: { tsq: string | null; all: string | null; key: string | null },
  { n, cap, except }: { n: number; cap: number; except: readonly number[] },
  walkRows: number | null,
): Promise<MatchRow[]> {
  const notInTitle = (v: string) =>
    m.all ? sql`and not coalesce(${sql.ref(v)}.search_title @@ ${m.all}::tsquery, false)` : sql``;
  const notListed = (v: string) =>
    except.length > 0 ? sql`and ${sql.ref(v)}.id <> all(${[...except]}::int[])` : sql``;
  if (walkRows != null && m.tsq && !m.key) {
    // The walk's rows are limited inside (a mis-estimated share would otherwise visit the whole table).
    const walked = await sql<MatchRow>`select w.id, w.published_date from (
        select d.id, d.published_date, d.search_vector, d.search_title from documents d
        where d.status = 'published' ${andAll(filters)}
        order by d.published_date desc nulls last, d.id desc limit ${walkRows}) w
      where w.search_vector @@ ${m.tsq}::tsquery ${notInTitle('w')} ${notListed('w')}
      ${NEWEST_OTHERS} limit ${n}`.execute(db);
    if (walked.rows.length >= n) return walked.rows;
  }
  const r = await sql<MatchRow>`select id, published_date from (select d.id, d.published_date from documents d
      where ${matchCondition(m.tsq, m.key)} ${notInTitle('d')} ${notListed('d')} ${andAll(filters)} limit ${cap + 1}) m
    ${NEWEST_OTHERS} limit ${n}`.execute(db);
  return r.rows;
}

/**
 * One GIN bitmap scan over `search_vector` (or the 文号 key), stopped after cap + 1 rows: the count of
 * matches, and the newest `n` of them whose title does not hold every word of `all` (of all matches
 * when there are at most cap + 1, else of the first cap + 1 the index yields).
 */
export async function scanMatches(
  db: Db,
  filters: RawBuilder<unknown>[],
  m: { tsq: string | null; all: string | null; key: string | null },
  n: number,
  cap: number,
): Promise<{ total: number; others: MatchRow[] }> {
  const inTitle = m.all ? sql`coalesce(d.search_title @@ ${m.all}::tsquery, false)` : sql`false`;
  const scan = await sql<{ total: number; others: [number, string | null][] }>`with m as materialized (
      select d.id, d.published_date, ${inTitle} as t from documents d
      where ${matchCondition(m.tsq, m.key)} ${andAll(filters)} limit ${cap + 1})
    select (select count(*)::int from m) as total,
      coalesce((select json_agg(json_build_array(o.id, o.published_date) order by o.published_date desc nulls last, o.id desc)
        from (select id, published_date from m where not t ${NEWEST_OTHERS} limit ${n}) o), '[]'::json) as others`.execute(
    db,
  );
  return {
    total: scan.rows[0]?.total ?? 0,
    others: (scan.rows[0]?.others ?? []).map(([id, published_date]) => ({ id, published_date })),
  };
}

/** A document in one query word's title list: which word (`term`) and its place in that list (`pos`, from 1). */
export type TermMatchRow = MatchRow & { term: number; pos: number };

/**
 * Per query word, up to `perTerm` documents whose title (or issuer) holds that word, newest first
 * (by `plan`'s title list), in one statement; with `check`, only those whose full
 * vector matches it (the whole query) — at most `terms.length × perTerm` large vectors are read.
 */
export async function titleTermMatches(
  db: Db,
  filters: RawBuilder<unknown>[],
  terms: readonly string[],
  check: string | null,
  perTerm: number,
  plan: (tsq: string, n: number) => TitlePlan = () => null,
): Promise<TermMatchRow[]> {
  if (terms.length === 0 || perTerm <= 0) return [];
  const lists: TermMatchRow[] = [];
  for (const [term, t] of terms.entries()) {
    const rows = await titleMatches(db, filters, t, perTerm, plan(t, perTerm));
    lists.push(...rows.map((r, i) => ({ ...r, term, pos: i + 1 })));
  }
  if (!check || lists.length === 0) return lists;
  const ids = [...new Set(lists.map((r) => r.id))];
  const r = await sql<{ id: number }>`select d.id from documents d
    where d.id = any(${ids}::int[]) and d.search_vector @@ ${check}::tsquery`.execute(db);
  const whole = new Set(r.rows.map((x) => x.id));
  return lists.filter((x) => whole.has(x.id));
}

/** What the ranking knows of a candidate: `ts_rank_cd` (normalisation 1 | 32, below 1) and how many query words its title holds. */
export type RankRow = { rank: number; titleTerms: number };

/** `ts_rank_cd` of the documents against the query, and how many of `terms` each title (or issuer) holds. */
export async function rankScores(
  db: Db,
  ids: readonly number[],
  tsq: string,
  terms: readonly string[] = [],
): Promise<Map<number, RankRow>> {
  const inTitle =
    terms.length === 0
      ? sql`0`
      : sql.join(
          terms.map((t) => sql`coalesce(d.search_title @@ ${t}::tsquery, false)::int`),
          sql` + `,
        );
  const r = await sql<{
    id: number;
    rank: number;
    title_terms: number;
  }>`select d.id, ts_rank_cd(d.search_vector, ${tsq}::tsquery, 33) as rank, (${inTitle})::int as title_terms
      from documents d where d.id = any(${[...ids]}::int[])`.execute(db);
  return new Map(
    r.rows.map((row) => [row.id, { rank: Number(row.rank) || 0, titleTerms: Number(row.title_terms) || 0 }]),
  );
}

/** One page of the filtered documents, newest first, with their count up to cap + 1. */
export async function browsePage(
  db: Db,
  filters: RawBuilder<unknown>[],
  v: { limit: number; offset: number; cap: number },
): Promise<{ ids: number[]; count: number }> {
  const where = filters.length === 0 ? sql`true` : sql.join(filters, sql` and `);
  const rows = await sql<{ id: number }>`select d.id from documents d where ${where}
    order by d.published_date desc nulls last, d.id desc offset ${v.offset} limit ${v.limit}`.execute(db);
  const c = await sql<{ n: number }>`select count(*)::int as n from (
      select 1 from documents d where ${where} limit ${v.cap + 1}) m`.execute(db);
  return { ids: rows.rows.map((r) => r.id), count: c.rows[0]?.n ?? 0 };
}

export type HitRow = {
  id: number;
  title: string;
  doc_number: string | null;
  summary: string | null;
  body_text: string;
  written_date: string;
  published_date: string | null;
  genre: string;
  validity: Validity;
  org_name: string;
};

/** What a result shows of each document (any order). */
export function hitRows(db: Db, ids: readonly number[]): Promise<HitRow[]> {
  return db
    .selectFrom('documents as d')
    .innerJoin('orgs as o', 'o.id', 'd.org_id')
    .select([
      'd.id',
      'd.title',
      'd.doc_number',
      'd.summary',
      'd.body_text',
      'd.written_date',
      'd.published_date',
      'd.genre',
      'd.validity',
      'o.name as org_name',
    ])
    .where('d.id', 'in', [...ids])
    .execute();
}

/** The attachment texts of the documents, in attachment order. */
export function attachmentTexts(
  db: Db,
  documentIds: readonly number[],
): Promise<{ document_id: number; text_content: string }[]> {
  return db
    .selectFrom('document_attachments')
    .select(['document_id', 'text_content'])
    .where('document_id', 'in', [...documentIds])
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

// ───────────────────────────── the index ─────────────────────────────

export type IndexSource = {
  document: {
    id: number;
    title: string;
    doc_number: string | null;
    keywords: string[];
    summary: string | null;
    body_text: string;
    org_id: number;
    genre: string;
    written_date: string;
  };
  /** Joint issuers (and the primary one, as recorded). */
  issuerIds: number[];
  attachments: { name: string; text_content: string }[];
  interpretations: { title: string; body_html: string; qa: QaItem[] }[];
};

/** The indexed texts of one document, undefined when there is no such document. */
export async function indexSource(db: Db, documentId: number): Promise<IndexSource | undefined> {
  const document = await db
    .selectFrom('documents')
    .select([
      'id',
      'title',
      'doc_number',
      'keywords',
      'summary',
      'body_text',
      'org_id',
      'genre',
      'written_date',
    ])
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!document) return undefined;
  const [issuers, attachments, interpretations] = await Promise.all([
    db.selectFrom('document_issuers').select('org_id').where('document_id', '=', documentId).execute(),
    db
      .selectFrom('document_attachments')
      .select(['name', 'text_content'])
      .where('document_id', '=', documentId)
      .orderBy('sort_order')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('interpretations')
      .select(['title', 'body_html', 'qa'])
      .where('document_id', '=', documentId)
      .orderBy('id')
      .execute(),
  ]);
  return { document, issuerIds: issuers.map((i) => i.org_id), attachments, interpretations };
}

/** Write both vector literals of a document. */
export async function writeSearchVectors(
  db: Db,
  documentId: number,
  v: { vector: string; title: string },
): Promise<void> {
  await sql`update documents set search_vector = ${v.vector}::tsvector, search_title = ${v.title}::tsvector
    where id = ${documentId}`.execute(db);
}

/** The next `batch` document ids after `after`, in order. */
export async function documentIdsAfter(db: Db, after: number, batch: number): Promise<number[]> {
  const rows = await db
    .selectFrom('documents')
    .select('id')
    .where('id', '>', after)
    .orderBy('id')
    .limit(batch)
    .execute();
  return rows.map((r) => r.id);
}
