/**
 * Read queries of the public portal over the document library's tables (owned by ../store.ts). Every query
 * shows only public documents: published (status 'published') and 主动公开 (attribute 'proactive'), the
 * same rule as service.getPublicDocument.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';

type Db = Kysely<Database>;

/** SQL condition (with its leading `and`): document `d` is issued by one of `orgIds`; none: no condition. */
function inOrgs(orgIds: readonly number[] | undefined) {
  if (orgIds === undefined) return sql``;
  return orgIds.length === 0 ? sql`and false` : sql`and d.org_id in (${sql.join([...orgIds])})`;
}

/** SQL condition: document `d` may be shown on the portal. */
export const PUBLIC_DOC = sql`(d.status = 'published' and d.attribute = 'proactive')`;

export type PublicRelation = {
  id: number;
  title: string;
  docNumber: string | null;
  kind: string;
  effectiveDate: string;
  /** 'outgoing': this document amends/repeals/replaces the other; 'incoming': the other acts on this one. */
  direction: 'outgoing' | 'incoming';
};

export type PublicDocument = {
  id: number;
  title: string;
  docNumber: string | null;
  indexNumber: string;
  orgId: number;
  orgName: string;
  issuers: { id: number; name: string }[];
  genre: string;
  topic: string | null;
  keywords: string[];
  summary: string | null;
  bodyHtml: string;
  writtenDate: string;
  publishedDate: string | null;
  effectiveDate: string | null;
  validity: string;
  validityChangedOn: string | null;
  convertedOn: string | null;
  themes: { id: number; name: string }[];
  attachments: { id: number; name: string; size: number | null; mime: string | null }[];
  interpretations: { id: number; kind: string; title: string; publishedDate: string | null }[];
  relations: PublicRelation[];
  versions: { versionNo: number; title: string; validFrom: string | null; validTo: string | null }[];
  gazette: { year: number; number: number; title: string }[];
};

type Raw = {
  id: number;
  title: string;
  doc_number: string | null;
  index_number: string;
  org_id: number;
  org_name: string;
  genre: string;
  topic: string | null;
  keywords: string[] | null;
  summary: string | null;
  body_html: string;
  written_date: string;
  published_date: string | null;
  effective_date: string | null;
  validity: string;
  validity_changed_on: string | null;
  converted_on: string | null;
  extra: {
    issuers: { id: number; name: string }[] | null;
    themes: { id: number; name: string }[] | null;
    attachments: { id: number; name: string; size: number | null; mime: string | null }[] | null;
    interpretations: { id: number; kind: string; title: string; publishedDate: string | null }[] | null;
    relations: PublicRelation[] | null;
    versions: { versionNo: number; title: string; validFrom: string | null; validTo: string | null }[] | null;
    gazette: { year: number; number: number; title: string }[] | null;
  };
};

/**
 * One public document with everything its page shows, in one round trip (primary key and foreign-key
 * indexes only). Undefined when the document does not exist or is not public.
 */
export async function publicDocument(db: Db, id: number): Promise<PublicDocument | undefined> {
  const r = await sql<Raw>`
    select d.id, d.title, d.doc_number, d.index_number, d.org_id, o.name as org_name, d.genre, d.topic,
      d.keywords, d.summary, d.body_html,
      to_char(d.written_date, 'YYYY-MM-DD') as written_date,
      to_char(d.published_date, 'YYYY-MM-DD') as published_date,
      to_char(d.effective_date, 'YYYY-MM-DD') as effective_date,
      d.validity, to_char(d.validity_changed_on, 'YYYY-MM-DD') as validity_changed_on,
      to_char(d.converted_on, 'YYYY-MM-DD') as converted_on,
      json_build_object(
        'issuers', (select json_agg(json_build_object('id', io.id, 'name', io.name) order by io.sort_order, io.id)
          from document_issuers di join orgs io on io.id = di.org_id where di.document_id = d.id),
        'themes', (select json_agg(json_build_object('id', t.id, 'name', t.name) order by t.sort_order, t.id)
          from document_theme_links tl join document_themes t on t.id = tl.theme_id where tl.document_id = d.id),
        'attachments', (select json_agg(json_build_object('id', a.id, 'name', a.name, 'size', f.size, 'mime', f.mime)
            order by a.sort_order, a.id)
          from document_attachments a left join files f on f.id = a.file_id where a.document_id = d.id),
        'interpretations', (select json_agg(json_build_object('id', i.id, 'kind', i.kind, 'title', i.title,
            'publishedDate', to_char(i.published_date, 'YYYY-MM-DD')) order by i.published_date nulls first, i.id)
          from interpretations i where i.document_id = d.id and i.review_status = 'published'),
        'relations', (select json_agg(x order by x."effectiveDate", x.id) from (
            select t.id, t.title, t.doc_number as "docNumber", r.kind,
              to_char(r.effective_date, 'YYYY-MM-DD') as "effectiveDate", 'outgoing' as direction
            from document_relations r join documents t on t.id = r.target_id
            where r.document_id = d.id
              and t.status = 'published' and t.attribute = 'proactive'
            union all
            select n.id, n.title, n.doc_number, r.kind, to_char(r.effective_date, 'YYYY-MM-DD'), 'incoming'
            from document_relations r join documents n on n.id = r.document_id
            where r.target_id = d.id
              and n.status = 'published' and n.attribute = 'proactive'
          ) x),
        'versions', (select json_agg(json_build_object('versionNo', v.version_no, 'title', v.title,
            'validFrom', to_char(v.valid_from, 'YYYY-MM-DD'), 'validTo', to_char(v.valid_to, 'YYYY-MM-DD'))
            order by v.version_no)
          from document_versions v where v.document_id = d.id),
        'gazette', (select json_agg(json_build_object('year', g.year, 'number', g.number, 'title', g.title)
            order by g.year, g.number)
          from gazette_items gi join gazette_issues g on g.id = gi.issue_id
          where gi.document_id = d.id and g.status = 'published')
      ) as extra
    from documents d join orgs o on o.id = d.org_id
    where d.id = ${id} and ${PUBLIC_DOC}`.execute(db);
  const x = r.rows[0];
  if (!x) return undefined;
  const e = typeof x.extra === 'string' ? (JSON.parse(x.extra) as Raw['extra']) : x.extra;
  return {
    id: x.id,
    title: x.title,
    docNumber: x.doc_number,
    indexNumber: x.index_number,
    orgId: x.org_id,
    orgName: x.org_name,
    issuers: e.issuers ?? [],
    genre: x.genre,
    topic: x.topic,
    keywords: x.keywords ?? [],
    summary: x.summary,
    bodyHtml: x.body_html,
    writtenDate: x.written_date,
    publishedDate: x.published_date,
    effectiveDate: x.effective_date,
    validity: x.validity,
    validityChangedOn: x.validity_changed_on,
    convertedOn: x.converted_on,
    themes: e.themes ?? [],
    attachments: e.attachments ?? [],
    interpretations: e.interpretations ?? [],
    relations: e.relations ?? [],
    versions: e.versions ?? [],
    gazette: e.gazette ?? [],
  };
}

export type PublicInterpretation = {
  id: number;
  kind: string;
  title: string;
  bodyHtml: string;
  imageFileId: number | null;
  videoUrl: string | null;
  qa: { q: string; a: string }[];
  publishedDate: string | null;
  documentId: number;
  documentTitle: string;
  documentNumber: string | null;
  orgName: string;
  siblings: { id: number; kind: string; title: string }[];
};

/** An interpretation of a public document (with its document's title and the other interpretations). */
export async function publicInterpretation(
  db: Db,
  documentId: number,
  interpretationId: number,
): Promise<PublicInterpretation | undefined> {
  const r = await sql<{
    id: number;
    kind: string;
    title: string;
    body_html: string;
    image_file_id: number | null;
    video_url: string | null;
    qa: unknown;
    published_date: string | null;
    document_id: number;
    document_title: string;
    doc_number: string | null;
    org_name: string;
    siblings: unknown;
  }>`
    select i.id, i.kind, i.title, i.body_html, i.image_file_id, i.video_url, i.qa,
      to_char(i.published_date, 'YYYY-MM-DD') as published_date, d.id as document_id,
      d.title as document_title, d.doc_number, o.name as org_name,
      (select json_agg(json_build_object('id', s.id, 'kind', s.kind, 'title', s.title)
          order by s.published_date nulls first, s.id)
        from interpretations s where s.document_id = d.id and s.review_status = 'published') as siblings
    from interpretations i join documents d on d.id = i.document_id join orgs o on o.id = d.org_id
    where i.id = ${interpretationId} and i.document_id = ${documentId} and i.review_status = 'published'
      and ${PUBLIC_DOC}`.execute(db);
  const x = r.rows[0];
  if (!x) return undefined;
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  const qaRaw = parse(x.qa);
  const qa = Array.isArray(qaRaw)
    ? qaRaw
        .filter((p): p is { q: unknown; a: unknown } => typeof p === 'object' && p !== null)
        .map((p) => ({ q: String(p.q ?? ''), a: String(p.a ?? '') }))
    : [];
  return {
    id: x.id,
    kind: x.kind,
    title: x.title,
    bodyHtml: x.body_html,
    imageFileId: x.image_file_id,
    videoUrl: x.video_url,
    qa,
    publishedDate: x.published_date,
    documentId: x.document_id,
    documentTitle: x.document_title,
    documentNumber: x.doc_number,
    orgName: x.org_name,
    siblings: (parse(x.siblings) as PublicInterpretation['siblings'] | null) ?? [],
  };
}

/** A stored file that belongs to a public document: an attachment, or the image of an interpretation. */
export async function publicFile(
  db: Db,
  documentId: number,
  ref: { attachmentId: number } | { interpretationId: number },
): Promise<{ name: string; mime: string; sha256: string; size: number } | undefined> {
  const r =
    'attachmentId' in ref
      ? await sql<{ name: string; mime: string; sha256: string; size: number }>`
          select a.name, f.mime, f.sha256, f.size from document_attachments a
          join files f on f.id = a.file_id join documents d on d.id = a.document_id
          where a.id = ${ref.attachmentId} and a.document_id = ${documentId} and ${PUBLIC_DOC}`.execute(db)
      : await sql<{ name: string; mime: string; sha256: string; size: number }>`
          select f.name, f.mime, f.sha256, f.size from interpretations i
          join files f on f.id = i.image_file_id join documents d on d.id = i.document_id
          where i.id = ${ref.interpretationId} and i.document_id = ${documentId}
            and i.review_status = 'published' and ${PUBLIC_DOC}`.execute(db);
  return r.rows[0];
}

/** The text in force on `on` of a public document with historical versions. */
export async function versionOn(
  db: Db,
  documentId: number,
  on: string,
): Promise<
  | { versionNo: number; title: string; bodyHtml: string; validFrom: string | null; validTo: string | null }
  | undefined
> {
  const r = await sql<{
    version_no: number;
    title: string;
    body_html: string;
    valid_from: string | null;
    valid_to: string | null;
  }>`
    select v.version_no, v.title, v.body_html, to_char(v.valid_from, 'YYYY-MM-DD') as valid_from,
      to_char(v.valid_to, 'YYYY-MM-DD') as valid_to
    from document_versions v join documents d on d.id = v.document_id
    where v.document_id = ${documentId} and ${PUBLIC_DOC}
      and (v.valid_from is null or v.valid_from <= ${on}::date)
      and (v.valid_to is null or ${on}::date < v.valid_to)
    order by v.version_no desc limit 1`.execute(db);
  const x = r.rows[0];
  return x
    ? {
        versionNo: x.version_no,
        title: x.title,
        bodyHtml: x.body_html,
        validFrom: x.valid_from,
        validTo: x.valid_to,
      }
    : undefined;
}

export type ListedDocument = {
  id: number;
  title: string;
  docNumber: string | null;
  indexNumber: string;
  orgName: string;
  summary: string | null;
  writtenDate: string;
  publishedDate: string | null;
  convertedOn: string | null;
  validity: string;
};

function listed(x: {
  id: number;
  title: string;
  doc_number: string | null;
  index_number: string;
  org_name: string;
  summary: string | null;
  written_date: string;
  published_date: string | null;
  converted_on: string | null;
  validity: string;
}): ListedDocument {
  return {
    id: x.id,
    title: x.title,
    docNumber: x.doc_number,
    indexNumber: x.index_number,
    orgName: x.org_name,
    summary: x.summary,
    writtenDate: x.written_date,
    publishedDate: x.published_date,
    convertedOn: x.converted_on,
    validity: x.validity,
  };
}

type ListRaw = Parameters<typeof listed>[0] & { total: number | string };

/**
 * 主动公开目录: public documents with 索引号, 名称, 内容概述 and 生成日期 (成文日期), filtered by issuing
 * organisation and year, newest first.
 */
export async function catalogueDocuments(
  db: Db,
  opts: { orgId?: number; orgIds?: readonly number[]; year?: number; limit: number; offset: number },
): Promise<{ total: number; rows: ListedDocument[] }> {
  const org = opts.orgId !== undefined ? sql`and d.org_id = ${opts.orgId}` : sql``;
  const scope = inOrgs(opts.orgIds);
  const year =
    opts.year !== undefined
      ? sql`and d.written_date >= ${`${opts.year}-01-01`}::date and d.written_date < ${`${opts.year + 1}-01-01`}::date`
      : sql``;
  const r = await sql<ListRaw>`
    select d.id, d.title, d.doc_number, d.index_number, o.name as org_name, d.summary,
      to_char(d.written_date, 'YYYY-MM-DD') as written_date,
      to_char(d.published_date, 'YYYY-MM-DD') as published_date,
      to_char(d.converted_on, 'YYYY-MM-DD') as converted_on, d.validity, count(*) over () as total
    from documents d join orgs o on o.id = d.org_id
    where ${PUBLIC_DOC} ${org} ${scope} ${year}
    order by d.written_date desc, d.id desc
    limit ${opts.limit} offset ${opts.offset}`.execute(db);
  return { total: r.rows[0] ? Number(r.rows[0].total) : 0, rows: r.rows.map(listed) };
}

/** Documents converted from 依申请公开 / 不予公开 to 主动公开, latest conversion first. */
export async function convertedDocuments(
  db: Db,
  opts: { limit: number; offset: number; orgIds?: readonly number[] },
): Promise<{ total: number; rows: ListedDocument[] }> {
  const r = await sql<ListRaw>`
    select d.id, d.title, d.doc_number, d.index_number, o.name as org_name, d.summary,
      to_char(d.written_date, 'YYYY-MM-DD') as written_date,
      to_char(d.published_date, 'YYYY-MM-DD') as published_date,
      to_char(d.converted_on, 'YYYY-MM-DD') as converted_on, d.validity, count(*) over () as total
    from documents d join orgs o on o.id = d.org_id
    where d.converted_on is not null and ${PUBLIC_DOC} ${inOrgs(opts.orgIds)}
    order by d.converted_on desc, d.id desc
    limit ${opts.limit} offset ${opts.offset}`.execute(db);
  return { total: r.rows[0] ? Number(r.rows[0].total) : 0, rows: r.rows.map(listed) };
}

export type FacetCounts = {
  orgs: { id: number; name: string; count: number }[];
  years: { year: number; count: number }[];
  genres: { code: string; count: number }[];
  topics: { code: string; count: number }[];
  themes: { id: number; name: string; count: number }[];
};

/**
 * Counts of public documents per organisation, year, genre, topic and theme (for browsing and filters),
 * of the documents issued by `orgIds` when given (a portal site's organisations).
 */
export async function facetCounts(db: Db, orgIds?: readonly number[]): Promise<FacetCounts> {
  const r = await sql<{ k: string; id: string; name: string | null; n: number | string }>`
    with p as (select d.id, d.org_id, d.written_date, d.genre, d.topic from documents d
      where ${PUBLIC_DOC} ${inOrgs(orgIds)})
    select 'org' as k, p.org_id::text as id, o.name, count(*) as n from p join orgs o on o.id = p.org_id
      group by p.org_id, o.name, o.sort_order
    union all
    select 'year', extract(year from p.written_date)::int::text, null, count(*) from p group by 2
    union all
    select 'genre', p.genre, null, count(*) from p group by p.genre
    union all
    select 'topic', p.topic, null, count(*) from p where p.topic is not null group by p.topic
    union all
    select 'theme', t.id::text, t.name, count(tl.document_id) from document_themes t
      left join document_theme_links tl on tl.theme_id = t.id and tl.document_id in (select id from p)
      group by t.id, t.name`.execute(db);
  const out: FacetCounts = { orgs: [], years: [], genres: [], topics: [], themes: [] };
  for (const x of r.rows) {
    const n = Number(x.n);
    if (x.k === 'org') out.orgs.push({ id: Number(x.id), name: x.name ?? '', count: n });
    else if (x.k === 'year') out.years.push({ year: Number(x.id), count: n });
    else if (x.k === 'genre') out.genres.push({ code: x.id, count: n });
    else if (x.k === 'topic') out.topics.push({ code: x.id, count: n });
    else out.themes.push({ id: Number(x.id), name: x.name ?? '', count: n });
  }
  out.orgs.sort((a, b) => b.count - a.count || a.id - b.id);
  out.years.sort((a, b) => b.year - a.year);
  out.themes.sort((a, b) => a.id - b.id);
  return out;
}

/**
 * The ids among `ids` that are public. The search's `publishedOnly` checks the status only, so the portal
 * drops hits of published 依申请公开 / 不予公开 documents with this (one primary-key lookup).
 */
export async function publicIds(db: Db, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const r = await sql<{ id: number }>`
    select d.id from documents d where d.id in (${sql.join([...ids])}) and ${PUBLIC_DOC}`.execute(db);
  return new Set(r.rows.map((x) => x.id));
}

export async function findThemeName(db: Db, id: number): Promise<string | undefined> {
  const r = await sql<{ name: string }>`select name from document_themes where id = ${id}`.execute(db);
  return r.rows[0]?.name;
}
